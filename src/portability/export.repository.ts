import { toAuthor, toTag, type Author, type Tag } from '../content/index.js';
import type { DbOrTx } from '../db/client.js';

/** How many posts and pages the site has (to show the export's progress). */
export async function countPosts(db: DbOrTx): Promise<number> {
  const { n } = await db
    .selectFrom('posts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n);
}

/** The next page of post ids after `after`, in id order: keyset paging costs the same on every page. */
export async function postIdsAfter(db: DbOrTx, after: number, limit: number): Promise<number[]> {
  const rows = await db.selectFrom('posts').select('id').where('id', '>', after).orderBy('id').limit(limit).execute();
  return rows.map((r) => r.id);
}

/** The old slugs that lead to each of these posts, in slug order. */
export async function redirectsOf(db: DbOrTx, postIds: number[]): Promise<Map<number, string[]>> {
  const byPost = new Map<number, string[]>();
  if (postIds.length === 0) return byPost;
  const rows = await db.selectFrom('slug_redirects').select(['old_slug', 'post_id']).where('post_id', 'in', postIds).orderBy('old_slug').execute();
  for (const r of rows) byPost.set(r.post_id, [...(byPost.get(r.post_id) ?? []), r.old_slug]);
  return byPost;
}

/** Tags in the order they were made, `limit` of them after the tag `afterId`. */
export async function tagsAfter(db: DbOrTx, afterId: number, limit: number): Promise<Tag[]> {
  return (await db.selectFrom('tags').selectAll().where('id', '>', afterId).orderBy('id').limit(limit).execute()).map(toTag);
}

/** Authors in the order they were made, `limit` of them after the author `afterId`. */
export async function authorsAfter(db: DbOrTx, afterId: number, limit: number): Promise<Author[]> {
  return (await db.selectFrom('authors').selectAll().where('id', '>', afterId).orderBy('id').limit(limit).execute()).map(toAuthor);
}
