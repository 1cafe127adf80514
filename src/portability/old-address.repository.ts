import type { DbOrTx } from '../db/client.js';

/** What answers at an old address now: exactly one of these. */
export type OldAddressTarget = { postId: number } | { tagId: number } | { authorId: number } | { location: string };

/** Records an old address unless it is already known; answers whether it was added. */
export async function addOldAddress(db: DbOrTx, address: string, target: OldAddressTarget, now: string): Promise<boolean> {
  const result = await db
    .insertInto('old_addresses')
    .values({
      address,
      post_id: 'postId' in target ? target.postId : null,
      tag_id: 'tagId' in target ? target.tagId : null,
      author_id: 'authorId' in target ? target.authorId : null,
      location: 'location' in target ? target.location : null,
      created_at: now,
    })
    .onConflict((oc) => oc.column('address').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/**
 * Where an old address leads now: the post or page (only while it is published), the tag, the
 * author or the fixed path; null when nothing answers there any more.
 */
export async function findOldAddress(db: DbOrTx, address: string): Promise<string | null> {
  const row = await db
    .selectFrom('old_addresses as o')
    .leftJoin('posts as p', 'p.id', 'o.post_id')
    .leftJoin('tags as t', 't.id', 'o.tag_id')
    .leftJoin('authors as a', 'a.id', 'o.author_id')
    .select(['o.location', 'o.post_id', 'p.slug as postSlug', 'p.status as postStatus', 't.slug as tagSlug', 'a.slug as authorSlug'])
    .where('o.address', '=', address)
    .executeTakeFirst();
  if (!row) return null;
  if (row.post_id !== null) return row.postStatus === 'published' ? `/${row.postSlug}/` : null;
  if (row.tagSlug) return `/tag/${row.tagSlug}/`;
  if (row.authorSlug) return `/author/${row.authorSlug}/`;
  return row.location;
}

/** Every old address with what answers there, items by slug; those whose item is gone are left out. */
export async function portableOldAddresses(db: DbOrTx): Promise<Array<{ address: string; to: { post: string } | { tag: string } | { author: string } | { location: string }; createdAt: string }>> {
  const rows = await db
    .selectFrom('old_addresses as o')
    .leftJoin('posts as p', 'p.id', 'o.post_id')
    .leftJoin('tags as t', 't.id', 'o.tag_id')
    .leftJoin('authors as a', 'a.id', 'o.author_id')
    .select(['o.address', 'o.location', 'o.created_at', 'p.slug as post', 't.slug as tag', 'a.slug as author'])
    .orderBy('o.address')
    .execute();
  return rows.flatMap((r) => {
    const to = r.post !== null ? { post: r.post } : r.tag !== null ? { tag: r.tag } : r.author !== null ? { author: r.author } : r.location !== null ? { location: r.location } : null;
    return to ? [{ address: r.address, to, createdAt: r.created_at }] : [];
  });
}
