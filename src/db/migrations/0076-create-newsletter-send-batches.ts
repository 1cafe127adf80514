import { sql, type Kysely } from 'kysely';
import { idColumn, idColumnType } from './dialect.js';

// A send's recipients are split into batches (ranges of delivery ids) that any process may claim,
// each with its own lease, so one send is delivered by every running process at once. The lease
// moves from the send to its batches; sends still under way get one batch over all their rows.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('newsletter_send_batches')
    .addColumn('id', idColumnType(db), idColumn(db))
    .addColumn('send_id', 'integer', (c) => c.notNull().references('newsletter_sends.id').onDelete('cascade'))
    .addColumn('first_id', 'integer', (c) => c.notNull())
    .addColumn('last_id', 'integer', (c) => c.notNull())
    // pending (rows left to deliver, possibly deferred until due_at), done
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text')
    .addColumn('owner', 'text')
    .addColumn('owner_until', 'text')
    // Runs that started and did not end (their process died); reset when a run ends.
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('newsletter_send_batches_queue').on('newsletter_send_batches').columns(['send_id', 'state', 'id']).execute();
  await sql`
    insert into newsletter_send_batches (send_id, first_id, last_id, state, attempts)
    select d.send_id, min(d.id), max(d.id), 'pending', 0
    from newsletter_deliveries d inner join newsletter_sends s on s.id = d.send_id
    where s.state = 'sending'
    group by d.send_id`.execute(db);
  await db.schema.alterTable('newsletter_sends').dropColumn('owner').execute();
  await db.schema.alterTable('newsletter_sends').dropColumn('owner_until').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('newsletter_sends').addColumn('owner', 'text').execute();
  await db.schema.alterTable('newsletter_sends').addColumn('owner_until', 'text').execute();
  await db.schema.dropTable('newsletter_send_batches').execute();
}
