import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Keys a CDN must purge, waiting for the purge job: one row per key, so keys asked for by
  // changes close together go out in one call. "*" asks for a purge of everything.
  await db.schema
    .createTable('cdn_purge_keys')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('queued_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cdn_purge_keys_queued_at').on('cdn_purge_keys').column('queued_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('cdn_purge_keys').execute();
}
