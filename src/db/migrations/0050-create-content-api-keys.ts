import type { Kysely } from 'kysely';
import { idColumn, idColumnType } from './dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  // Read-only keys for the public Content API; like Admin API keys, only a hash of the secret is kept.
  await db.schema
    .createTable('content_api_keys')
    .addColumn('id', idColumnType(db), idColumn(db))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('content_api_keys').execute();
}
