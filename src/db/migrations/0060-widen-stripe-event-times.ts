import type { Kysely } from 'kysely';
import { isPostgres } from './dialect.js';

// Stripe stamps events in Unix seconds. PostgreSQL's `integer` ends at 2,147,483,647, which is
// 19 January 2038: every event after that would fail to record. SQLite integers are 64-bit already.
const columns = [
  ['stripe_events', 'created'],
  ['subscriptions', 'stripe_state_at'],
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  for (const [table, column] of columns) {
    await db.schema
      .alterTable(table)
      .alterColumn(column, (c) => c.setDataType('bigint'))
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  for (const [table, column] of columns) {
    await db.schema
      .alterTable(table)
      .alterColumn(column, (c) => c.setDataType('integer'))
      .execute();
  }
}
