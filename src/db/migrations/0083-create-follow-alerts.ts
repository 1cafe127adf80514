import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Readers who asked to be emailed when something they follow is published ("alerts"), with
  // when they were last emailed (at most once a day). `reader` is 'member:7' or 'subscriber:12'
  // as in follows; its record is also named in member_id or subscriber_id so that erasing the
  // reader erases this too.
  await db.schema
    .createTable('follow_alert_readers')
    .addColumn('reader', 'text', (c) => c.primaryKey())
    .addColumn('member_id', 'integer', (c) => c.references('members.id').onDelete('cascade'))
    .addColumn('subscriber_id', 'integer', (c) => c.references('subscribers.id').onDelete('cascade'))
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('last_sent_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // Pieces published since a reader's last alert, waiting to go out together in the next one.
  await db.schema
    .createTable('follow_alert_items')
    .addColumn('reader', 'text', (c) => c.notNull().references('follow_alert_readers.reader').onDelete('cascade'))
    .addColumn('post_id', 'integer', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('follow_alert_items_pk', ['reader', 'post_id'])
    .execute();
  await db.schema.createIndex('follow_alert_items_post').on('follow_alert_items').column('post_id').execute();
  for (const column of ['member_id', 'subscriber_id']) {
    await db.schema.createIndex(`follow_alert_readers_${column}`).on('follow_alert_readers').column(column).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('follow_alert_items').execute();
  await db.schema.dropTable('follow_alert_readers').execute();
}
