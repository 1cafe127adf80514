import type { Kysely } from 'kysely';
import { idColumn, idColumnType } from './dialect.js';

// One-off tips paid through Stripe Checkout (payment mode). A tip is recorded once per Stripe
// session, when Stripe says it is paid; the amount is in the currency's minor units. `member_id`
// is the signed-in member who gave it, if any; the email is the one Stripe collected.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('tips')
    .addColumn('id', idColumnType(db), idColumn(db))
    .addColumn('stripe_session_id', 'text', (c) => c.notNull().unique())
    .addColumn('member_id', 'integer', (c) => c.references('members.id').onDelete('set null'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('tips_created').on('tips').column('created_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('tips').execute();
}
