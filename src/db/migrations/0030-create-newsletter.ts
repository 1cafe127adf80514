import type { Kysely } from 'kysely';
import { idColumn, idColumnType } from './dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('newsletters')
    .addColumn('id', idColumnType(db), idColumn(db))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    // New subscribers who choose nothing get the default newsletters.
    .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  const now = new Date().toISOString();
  await db.insertInto('newsletters').values({ slug: 'weekly', name: 'Weekly', description: 'The best of the week, every week.', is_default: 1, position: 0, created_at: now, updated_at: now }).execute();

  await db.schema
    .createTable('subscribers')
    .addColumn('id', idColumnType(db), idColumn(db))
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull().defaultTo(''))
    // pending (awaiting confirmation), confirmed, unsubscribed, bounced, complained
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    // Each confirmation link carries this nonce; confirming clears it, so a link works once.
    .addColumn('confirm_nonce', 'text')
    .addColumn('confirm_sent_at', 'text')
    .addColumn('confirmed_at', 'text')
    .addColumn('unsubscribed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('subscribers_status').on('subscribers').columns(['status', 'id']).execute();
  await db.schema.createIndex('subscribers_confirmed_at').on('subscribers').column('confirmed_at').execute();

  await db.schema
    .createTable('subscriber_newsletters')
    .addColumn('subscriber_id', 'integer', (c) => c.notNull().references('subscribers.id').onDelete('cascade'))
    .addColumn('newsletter_id', 'integer', (c) => c.notNull().references('newsletters.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    // Kept after unsubscribing so send reports can count who left since.
    .addColumn('unsubscribed_at', 'text')
    .addPrimaryKeyConstraint('subscriber_newsletters_pk', ['subscriber_id', 'newsletter_id'])
    .execute();
  await db.schema.createIndex('subscriber_newsletters_newsletter').on('subscriber_newsletters').columns(['newsletter_id', 'subscriber_id']).execute();

  // Addresses never mailed again, kept as SHA-256 hashes so they outlive erasure of the subscriber.
  await db.schema
    .createTable('suppressions')
    .addColumn('email_hash', 'text', (c) => c.primaryKey())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // Secrets the newsletter signs links with; never exported.
  await db.schema
    .createTable('newsletter_keys')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('digests')
    .addColumn('id', idColumnType(db), idColumn(db))
    .addColumn('newsletter_id', 'integer', (c) => c.notNull().references('newsletters.id').onDelete('cascade'))
    // The slot this digest is for (ISO instant); one digest per newsletter and slot.
    .addColumn('slot', 'text', (c) => c.notNull())
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('intro', 'text', (c) => c.notNull().defaultTo(''))
    // JSON: [{ postId, group }] in reading order.
    .addColumn('items', 'text', (c) => c.notNull().defaultTo('[]'))
    // draft, scheduled, sent
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('scheduled_at', 'text')
    .addColumn('send_id', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('digests_newsletter_slot', ['newsletter_id', 'slot'])
    .execute();

  await db.schema
    .createTable('newsletter_sends')
    .addColumn('id', idColumnType(db), idColumn(db))
    .addColumn('newsletter_id', 'integer', (c) => c.notNull().references('newsletters.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('post_id', 'integer')
    .addColumn('digest_id', 'integer')
    .addColumn('subject', 'text', (c) => c.notNull())
    // JSON: the rendered html and text with per-recipient placeholders, fixed when the send starts.
    .addColumn('content', 'text', (c) => c.notNull())
    // sending, done
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('owner', 'text')
    .addColumn('owner_until', 'text')
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('newsletter_sends_post').on('newsletter_sends').columns(['post_id', 'newsletter_id']).unique().execute();
  await db.schema.createIndex('newsletter_sends_digest').on('newsletter_sends').column('digest_id').unique().execute();

  await db.schema
    .createTable('newsletter_deliveries')
    .addColumn('id', idColumnType(db), idColumn(db))
    .addColumn('send_id', 'integer', (c) => c.notNull().references('newsletter_sends.id').onDelete('cascade'))
    .addColumn('subscriber_id', 'integer')
    .addColumn('email', 'text', (c) => c.notNull())
    // pending, sent, deferred, failed, bounced, skipped
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema.createIndex('newsletter_deliveries_queue').on('newsletter_deliveries').columns(['send_id', 'state', 'id']).execute();
  await db.schema.createIndex('newsletter_deliveries_subscriber').on('newsletter_deliveries').column('subscriber_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['newsletter_deliveries', 'newsletter_sends', 'digests', 'newsletter_keys', 'suppressions', 'subscriber_newsletters', 'subscribers', 'newsletters']) {
    await db.schema.dropTable(table).execute();
  }
}
