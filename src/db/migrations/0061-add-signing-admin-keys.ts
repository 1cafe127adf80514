import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Ghost-format Admin API keys ("id:secret") sign short-lived tokens with their secret, so the
  // server must keep the secret itself to check a signature (a hash cannot check one). Older
  // keys, sent whole as bearer tokens, keep only their hash and have neither column.
  await db.schema.alterTable('api_keys').addColumn('key_id', 'text').execute();
  await db.schema.alterTable('api_keys').addColumn('signing_secret', 'text').execute();
  await db.schema.createIndex('api_keys_key_id').unique().on('api_keys').column('key_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('api_keys_key_id').execute();
  await db.schema.alterTable('api_keys').dropColumn('signing_secret').execute();
  await db.schema.alterTable('api_keys').dropColumn('key_id').execute();
}
