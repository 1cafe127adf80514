import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // The home page's lead story is the newest featured post. Featured posts are few, so without an
  // index of their own finding the newest one walks the whole listing (every post when none is
  // featured). Partial: only featured posts are in it; queries say `featured = 1` literally.
  await db.schema.createIndex('posts_featured_listing').on('posts').columns(['type', 'status', 'published_at desc', 'id desc']).where(sql.ref('featured'), '=', sql.lit(1)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('posts_featured_listing').execute();
}
