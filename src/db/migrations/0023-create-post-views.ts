import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Views per post per day; no reader data at all (no cookies, no addresses, no hashes are stored).
  await db.schema
    .createTable('post_views')
    .addColumn('post_id', 'integer', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('views', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('post_views_pk', ['post_id', 'day'])
    .execute();
  await db.schema.createIndex('post_views_day').on('post_views').column('day').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('post_views').execute();
}
