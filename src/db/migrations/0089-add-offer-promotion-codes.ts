import type { Kysely } from 'kysely';

// An offer may also carry a promotion code, the short code a reader types (SPRING25), kept in
// capitals because Stripe reads codes without regard to case. Stripe holds it as a promotion code
// on the offer's coupon, with the offer's end and redemption limit; ending the offer deactivates it.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('offers').addColumn('promotion_code', 'text').execute();
  await db.schema.alterTable('offers').addColumn('stripe_promotion_code_id', 'text').execute();
  await db.schema.createIndex('offers_promotion_code').on('offers').column('promotion_code').unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('offers_promotion_code').execute();
  await db.schema.alterTable('offers').dropColumn('stripe_promotion_code_id').execute();
  await db.schema.alterTable('offers').dropColumn('promotion_code').execute();
}
