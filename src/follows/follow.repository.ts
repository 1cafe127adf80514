import { sql } from 'kysely';
import type { DbOrTx } from '../db/client.js';
import type { FollowRow } from '../db/tables.js';
import type { Follow, FollowKind, FollowerCount, FollowTarget, Reader } from './follow.types.js';

const targetColumn = { tag: 'tag_id', author: 'author_id', person: 'person_id', work: 'work_id' } as const;

/** A target key ('tag:3') made in SQL from a kind and an id column. */
const keyOf = (kind: FollowKind, column: string) => sql<string>`${sql.lit(`${kind}:`)} || cast(${sql.ref(column)} as text)`;

export const readerKey = (reader: Reader): string => `${reader.kind}:${reader.id}`;
export const targetKey = (kind: FollowKind, id: number): string => `${kind}:${id}`;

/** A followable thing by kind and id; internal tags cannot be followed. */
export async function findTarget(db: DbOrTx, kind: FollowKind, id: number): Promise<FollowTarget | undefined> {
  const row = await (() => {
    switch (kind) {
      case 'tag':
        return db.selectFrom('tags').select(['id', 'slug', 'name']).where('id', '=', id).where('visibility', '=', 'public').executeTakeFirst();
      case 'author':
        return db.selectFrom('authors').select(['id', 'slug', 'name']).where('id', '=', id).executeTakeFirst();
      case 'person':
        return db.selectFrom('people').select(['id', 'slug', 'name']).where('id', '=', id).executeTakeFirst();
      case 'work':
        return db.selectFrom('works').select(['id', 'slug', 'title as name']).where('id', '=', id).executeTakeFirst();
    }
  })();
  return row && { kind, ...row };
}

/** Adds the follow unless the reader already has it (then nothing changes). */
export async function insertFollow(db: DbOrTx, values: { reader: Reader; target: FollowTarget; confirmedAt: string | null; nonce: string | null; sentAt: string | null }, now: string): Promise<void> {
  const { reader, target } = values;
  await db
    .insertInto('follows')
    .values({
      reader: readerKey(reader),
      target: targetKey(target.kind, target.id),
      member_id: reader.kind === 'member' ? reader.id : null,
      subscriber_id: reader.kind === 'subscriber' ? reader.id : null,
      [targetColumn[target.kind]]: target.id,
      confirmed_at: values.confirmedAt,
      confirm_nonce: values.nonce,
      confirm_sent_at: values.sentAt,
      created_at: now,
    })
    .onConflict((oc) => oc.columns(['reader', 'target']).doNothing())
    .execute();
}

export async function findFollow(db: DbOrTx, by: { id: number } | { reader: Reader; kind: FollowKind; targetId: number }): Promise<FollowRow | undefined> {
  const query = db.selectFrom('follows').selectAll();
  return ('id' in by ? query.where('id', '=', by.id) : query.where('reader', '=', readerKey(by.reader)).where('target', '=', targetKey(by.kind, by.targetId))).executeTakeFirst();
}

/** Confirms a follow still waiting for the link with this nonce; false when it is gone or already confirmed. */
export async function confirmFollow(db: DbOrTx, id: number, nonce: string, now: string): Promise<boolean> {
  const result = await db.updateTable('follows').set({ confirmed_at: now, confirm_nonce: null }).where('id', '=', id).where('confirm_nonce', '=', nonce).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function updateFollow(db: DbOrTx, id: number, changes: Partial<Pick<FollowRow, 'confirmed_at' | 'confirm_nonce' | 'confirm_sent_at'>>): Promise<void> {
  await db.updateTable('follows').set(changes).where('id', '=', id).execute();
}

/** How many follow confirmations were mailed to the subscriber's address since the time. */
export async function confirmationsSentSince(db: DbOrTx, subscriberId: number, since: string): Promise<number> {
  const row = await db
    .selectFrom('follows')
    .select((eb) => eb.fn.countAll<number | string>().as('sent'))
    .where('subscriber_id', '=', subscriberId)
    .where('confirm_sent_at', '>', since)
    .executeTakeFirst();
  return Number(row?.sent ?? 0);
}

/** Removes one of the reader's follows (by its id or its target); false when they had no such follow. */
export async function deleteFollow(db: DbOrTx, reader: Reader, which: { id: number } | { kind: FollowKind; targetId: number }): Promise<boolean> {
  const query = db.deleteFrom('follows').where('reader', '=', readerKey(reader));
  const result = await ('id' in which ? query.where('id', '=', which.id) : query.where('target', '=', targetKey(which.kind, which.targetId))).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** The readers' follows with their targets' names, oldest first. */
export async function followsOf(db: DbOrTx, reader: Reader): Promise<Follow[]> {
  const rows = await db
    .selectFrom('follows as f')
    .leftJoin('tags as t', 't.id', 'f.tag_id')
    .leftJoin('authors as a', 'a.id', 'f.author_id')
    .leftJoin('people as p', 'p.id', 'f.person_id')
    .leftJoin('works as w', 'w.id', 'f.work_id')
    .select(['f.id', 'f.target', 'f.confirmed_at', 'f.created_at', sql<string>`coalesce(t.slug, a.slug, p.slug, w.slug)`.as('slug'), sql<string>`coalesce(t.name, a.name, p.name, w.title)`.as('name')])
    .where('f.reader', '=', readerKey(reader))
    .orderBy('f.id')
    .execute();
  return rows.map((row) => {
    const [kind, id] = row.target.split(':');
    return { id: row.id, target: { kind: kind as FollowKind, id: Number(id), slug: row.slug, name: row.name }, confirmed: row.confirmed_at !== null, createdAt: row.created_at };
  });
}

/** Everything the reader follows (confirmed), as target keys. */
export async function confirmedTargets(db: DbOrTx, reader: Reader): Promise<Set<string>> {
  const rows = await db.selectFrom('follows').select('target').where('reader', '=', readerKey(reader)).where('confirmed_at', 'is not', null).execute();
  return new Set(rows.map((r) => r.target));
}

/** Confirmed followers per section (tag) or author, most followed first; only those with followers. */
export async function followerCounts(db: DbOrTx, kind: 'tag' | 'author'): Promise<FollowerCount[]> {
  const rows = await (kind === 'tag'
    ? db.selectFrom('follows as f').innerJoin('tags as x', 'x.id', 'f.tag_id').select(['x.id', 'x.slug', 'x.name'])
    : db.selectFrom('follows as f').innerJoin('authors as x', 'x.id', 'f.author_id').select(['x.id', 'x.slug', 'x.name'])
  )
    .select((eb) => eb.fn.countAll<string | number>().as('followers'))
    .where('f.confirmed_at', 'is not', null)
    .groupBy(['x.id', 'x.slug', 'x.name'])
    .orderBy('followers', 'desc')
    .orderBy('x.name')
    .execute();
  return rows.map((r) => ({ kind, id: r.id, slug: r.slug, name: r.name, followers: Number(r.followers) }));
}

/**
 * What each of these subscribers follows (confirmed), as target keys: their own follows and
 * those of the member with the same address.
 */
export async function followedBySubscribers(db: DbOrTx, subscriberIds: number[]): Promise<Map<number, Set<string>>> {
  const found = new Map<number, Set<string>>();
  if (subscriberIds.length === 0) return found;
  const own = db.selectFrom('follows as f').select(['f.subscriber_id as subscriber', 'f.target']).where('f.subscriber_id', 'in', subscriberIds).where('f.confirmed_at', 'is not', null);
  const asMember = db
    .selectFrom('follows as f')
    .innerJoin('members as m', 'm.id', 'f.member_id')
    .innerJoin('subscribers as s', 's.email', 'm.email')
    .select(['s.id as subscriber', 'f.target'])
    .where('s.id', 'in', subscriberIds)
    .where('f.confirmed_at', 'is not', null);
  for (const row of await own.unionAll(asMember).execute()) {
    const id = row.subscriber!;
    found.set(id, (found.get(id) ?? new Set()).add(row.target));
  }
  return found;
}

/** The followable targets of each post, as target keys: its tags, its authors, its reviewed work and the people credited in it. */
export async function targetsOfPosts(db: DbOrTx, postIds: number[]): Promise<Map<number, string[]>> {
  const found = new Map<number, string[]>();
  if (postIds.length === 0) return found;
  const tags = db
    .selectFrom('post_tags')
    .select(['post_id', keyOf('tag', 'tag_id').as('target')])
    .where('post_id', 'in', postIds);
  const authors = db
    .selectFrom('post_authors')
    .select(['post_id', keyOf('author', 'author_id').as('target')])
    .where('post_id', 'in', postIds);
  const works = db
    .selectFrom('posts')
    .select(['id as post_id', keyOf('work', 'work_id').as('target')])
    .where('id', 'in', postIds)
    .where('work_id', 'is not', null);
  const people = db
    .selectFrom('posts as p')
    .innerJoin('work_credits as c', 'c.work_id', 'p.work_id')
    .select(['p.id as post_id', keyOf('person', 'c.person_id').as('target')])
    .where('p.id', 'in', postIds);
  for (const row of await tags.unionAll(authors).unionAll(works).unionAll(people).execute()) {
    found.set(row.post_id, [...(found.get(row.post_id) ?? []), row.target]);
  }
  return found;
}
