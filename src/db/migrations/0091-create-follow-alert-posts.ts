import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Published pieces already gathered for follow alerts, one row each. A job scans for published
  // pieces without a row and gathers each in one transaction that also writes its row, so a
  // piece is gathered once whichever process published it, and again after a crash only if the
  // first attempt never committed. Pieces published before this migration count as gathered.
  await db.schema
    .createTable('follow_alert_posts')
    .addColumn('post_id', 'integer', (c) => c.primaryKey().references('posts.id').onDelete('cascade'))
    .addColumn('gathered_at', 'text', (c) => c.notNull())
    .execute();
  await sql`insert into follow_alert_posts (post_id, gathered_at) select id, coalesce(published_at, created_at) from posts where status = 'published'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('follow_alert_posts').execute();
}
