import type { Kysely } from 'kysely';

// Engagement with newsletter sends, counted on the site itself (no third-party tracker):
// - each send's links, by their number in the send; the redirect reads the address from here, and
//   the totals live on the row, so they stay when a reader's own clicks are erased;
// - one row per recipient and link clicked (for unique clicks; erased with the reader);
// - per delivery: when it was first opened (only where the newsletter counts opens), and whether
//   the recipient unsubscribed or complained after it; per send, the number of recipients who opened;
// - per newsletter: whether its emails carry the open-counting pixel (off unless an editor turns it on).

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('newsletter_send_links')
    .addColumn('send_id', 'integer', (c) => c.notNull().references('newsletter_sends.id').onDelete('cascade'))
    .addColumn('link', 'integer', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('clicks', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('unique_clicks', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('newsletter_send_links_pk', ['send_id', 'link'])
    .execute();
  await db.schema
    .createTable('newsletter_clicks')
    .addColumn('delivery_id', 'integer', (c) => c.notNull().references('newsletter_deliveries.id').onDelete('cascade'))
    .addColumn('link', 'integer', (c) => c.notNull())
    .addColumn('send_id', 'integer', (c) => c.notNull())
    .addColumn('first_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('newsletter_clicks_pk', ['delivery_id', 'link'])
    .execute();
  await db.schema.alterTable('newsletter_deliveries').addColumn('opened_at', 'text').execute();
  await db.schema.alterTable('newsletter_deliveries').addColumn('unsubscribed_at', 'text').execute();
  await db.schema.alterTable('newsletter_deliveries').addColumn('complained_at', 'text').execute();
  await db.schema
    .alterTable('newsletter_sends')
    .addColumn('opens', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('newsletters')
    .addColumn('count_opens', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('newsletters').dropColumn('count_opens').execute();
  await db.schema.alterTable('newsletter_sends').dropColumn('opens').execute();
  await db.schema.alterTable('newsletter_deliveries').dropColumn('complained_at').execute();
  await db.schema.alterTable('newsletter_deliveries').dropColumn('unsubscribed_at').execute();
  await db.schema.alterTable('newsletter_deliveries').dropColumn('opened_at').execute();
  await db.schema.dropTable('newsletter_clicks').execute();
  await db.schema.dropTable('newsletter_send_links').execute();
}
