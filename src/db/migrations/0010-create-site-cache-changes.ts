import type { Kysely } from 'kysely';
import { idColumn, idColumnType } from './dialect.js';

/** Content changes announced to every process, so each drops the same cached pages. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('site_cache_changes')
    .addColumn('id', idColumnType(db), idColumn(db))
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('change', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('site_cache_changes_created').on('site_cache_changes').column('created_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('site_cache_changes').execute();
}
