import { sql, type Kysely } from 'kysely';

// Free trials: a paid plan may start with a trial of some days (0: none); a subscription Stripe
// reports as `trialing` keeps the end of its trial, so readers and editors see it is one.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('plans')
    .addColumn('trial_days', 'integer', (c) => c.notNull().defaultTo(0).check(sql`trial_days between 0 and 730`))
    .execute();
  await db.schema.alterTable('subscriptions').addColumn('trial_ends_at', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('subscriptions').dropColumn('trial_ends_at').execute();
  await db.schema.alterTable('plans').dropColumn('trial_days').execute();
}
