import { sql, type Kysely } from 'kysely';
import { idColumn, idColumnType } from './dialect.js';

// Free trials: a paid plan may start with a trial of some days (0: none); a subscription Stripe
// reports as `trialing` keeps the end of its trial, so readers and editors see it is one.
// Offers: a time-limited discount on one paid plan and billing, backed by a Stripe coupon, with its
// own landing address (/members/offers/:code/). A checkout started from it names it; what Stripe
// charged at checkout (`amount_total`, in the currency's minor units) makes the offer's revenue.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('plans')
    .addColumn('trial_days', 'integer', (c) => c.notNull().defaultTo(0).check(sql`trial_days between 0 and 730`))
    .execute();
  await db.schema.alterTable('subscriptions').addColumn('trial_ends_at', 'text').execute();

  await db.schema
    .createTable('offers')
    .addColumn('id', idColumnType(db), idColumn(db))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('restrict'))
    .addColumn('billing', 'text', (c) => c.notNull().check(sql`billing in ('month', 'year')`))
    .addColumn('percent_off', 'integer', (c) => c.check(sql`percent_off between 1 and 100`))
    .addColumn('amount_off', 'integer', (c) => c.check(sql`amount_off > 0`))
    .addColumn('duration', 'text', (c) => c.notNull().check(sql`duration in ('once', 'repeating', 'forever')`))
    .addColumn('duration_months', 'integer')
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text')
    .addColumn('max_redemptions', 'integer')
    .addColumn('stripe_coupon_id', 'text')
    .addColumn('ended_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('offers_one_discount', sql`(percent_off is null) <> (amount_off is null)`)
    .execute();

  // No foreign key: SQLite cannot drop a column that has one. Offers are never deleted, only ended.
  await db.schema.alterTable('checkouts').addColumn('offer_id', 'integer').execute();
  await db.schema.alterTable('checkouts').addColumn('amount_total', 'integer').execute();
  await db.schema.createIndex('checkouts_offer').on('checkouts').columns(['offer_id', 'status']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('checkouts_offer').execute();
  await db.schema.alterTable('checkouts').dropColumn('amount_total').execute();
  await db.schema.alterTable('checkouts').dropColumn('offer_id').execute();
  await db.schema.dropTable('offers').execute();
  await db.schema.alterTable('subscriptions').dropColumn('trial_ends_at').execute();
  await db.schema.alterTable('plans').dropColumn('trial_days').execute();
}
