import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Requests counted against a route's rate limit, per client, shared by every process on the
  // database. A window ends at expires_at (milliseconds since 1970); later hits start a new one.
  await db.schema
    .createTable('rate_limit_hits')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rate_limit_hits_expiry').on('rate_limit_hits').column('expires_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rate_limit_hits').execute();
}
