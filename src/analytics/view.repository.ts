import { sql } from 'kysely';
import type { DbOrTx } from '../db/client.js';

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

/** The most viewed posts since a day, with their totals. */
export async function topPosts(db: DbOrTx, since: string, limit: number): Promise<Array<{ postId: number; views: number }>> {
  const rows = await db
    .selectFrom('post_views')
    .select((eb) => ['post_id', eb.fn.sum<number>('views').as('total')])
    .where('day', '>=', since)
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
