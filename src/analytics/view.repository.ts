import { sql } from 'kysely';
import type { DbOrTx } from '../db/client.js';
import { visibleTo } from '../editorial/index.js';
import type { PostScope } from '../staff/index.js';

export async function postIdsBySlug(db: DbOrTx, slugs: string[]): Promise<Map<string, number>> {
  if (slugs.length === 0) return new Map();
  const rows = await db.selectFrom('posts').select(['id', 'slug']).where('slug', 'in', slugs).where('status', '=', 'published').execute();
  return new Map(rows.map((r) => [r.slug, r.id]));
}

/** Adds counted views to each post's day, in one statement per row. */
export async function addViews(db: DbOrTx, counts: Array<{ postId: number; day: string; views: number }>): Promise<void> {
  for (const { postId, day, views } of counts) {
    await db
      .insertInto('post_views')
      .values({ post_id: postId, day, views })
      .onConflict((oc) => oc.columns(['post_id', 'day']).doUpdateSet({ views: sql`post_views.views + ${views}` }))
      .execute();
  }
}

/** The most viewed posts since a day that the scope sees, with their totals. */
export async function topPosts(db: DbOrTx, since: string, limit: number, scope: PostScope): Promise<Array<{ postId: number; views: number }>> {
  const rows = await db
    .selectFrom('post_views')
    .select((eb) => ['post_id', eb.fn.sum<number>('views').as('total')])
    .where('day', '>=', since)
    .where('post_id', 'in', (eb) => eb.selectFrom('posts').select('posts.id').where(visibleTo(scope)))
    .groupBy('post_id')
    .orderBy('total', 'desc')
    .orderBy('post_id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ postId: r.post_id, views: Number(r.total) }));
}

/** Published posts since a time, with the slug of their section (primary tag). */
export async function publishedSince(db: DbOrTx, since: string): Promise<Array<{ publishedAt: string; section: string | null }>> {
  const rows = await db
    .selectFrom('posts')
    .leftJoin('tags', 'tags.id', 'posts.primary_tag_id')
    .select(['posts.published_at', 'tags.slug'])
    .where('posts.type', '=', 'post')
    .where('posts.status', '=', 'published')
    .where('posts.published_at', '>=', since)
    .execute();
  return rows.map((r) => ({ publishedAt: r.published_at!, section: r.slug }));
}

/** The day's shared salt: the first process to ask makes it, every other one reads the same. */
export async function daySalt(db: DbOrTx, day: string, fresh: string): Promise<string> {
  await db
    .insertInto('view_salts')
    .values({ day, salt: fresh })
    .onConflict((oc) => oc.column('day').doNothing())
    .execute();
  const row = await db.selectFrom('view_salts').select('salt').where('day', '=', day).executeTakeFirstOrThrow();
  return row.salt;
}

/** Records readers of a day; answers those not seen before (by any process). */
export async function newReaders(db: DbOrTx, day: string, readers: string[]): Promise<Set<string>> {
  const added = new Set<string>();
  for (let i = 0; i < readers.length; i += 500) {
    const rows = await db
      .insertInto('view_readers')
      .values(readers.slice(i, i + 500).map((reader) => ({ day, reader })))
      .onConflict((oc) => oc.columns(['day', 'reader']).doNothing())
      .returning('reader')
      .execute();
    for (const row of rows) added.add(row.reader);
  }
  return added;
}

/** Forgets the salts and reader hashes of days before `day`. */
export async function forgetReadersBefore(db: DbOrTx, day: string): Promise<void> {
  await db.deleteFrom('view_readers').where('day', '<', day).execute();
  await db.deleteFrom('view_salts').where('day', '<', day).execute();
}
