import type { Selectable } from 'kysely';
import type { DbOrTx } from '../db/client.js';
import type { ContentApiKeysTable } from '../db/tables.js';
import type { ContentKey } from './content-key.types.js';

const columns = ['id', 'name', 'prefix', 'created_by', 'created_at', 'last_used_at', 'revoked_at'] as const;

function toKey(row: Omit<Selectable<ContentApiKeysTable>, 'key_hash'>): ContentKey {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdBy: row.created_by,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

export async function insertContentKey(db: DbOrTx, key: { name: string; keyHash: string; prefix: string; createdBy: number; now: string }): Promise<ContentKey> {
  const row = await db.insertInto('content_api_keys').values({ name: key.name, key_hash: key.keyHash, prefix: key.prefix, created_by: key.createdBy, created_at: key.now }).returning(columns).executeTakeFirstOrThrow();
  return toKey(row);
}

export async function listContentKeys(db: DbOrTx): Promise<ContentKey[]> {
  return (await db.selectFrom('content_api_keys').select(columns).orderBy('id').execute()).map(toKey);
}

export async function revokeContentKey(db: DbOrTx, id: number, now: string): Promise<ContentKey | undefined> {
  await db.updateTable('content_api_keys').set({ revoked_at: now }).where('id', '=', id).where('revoked_at', 'is', null).execute();
  const row = await db.selectFrom('content_api_keys').select(columns).where('id', '=', id).executeTakeFirst();
  return row ? toKey(row) : undefined;
}

/** The live (not revoked) key with this hash. */
export async function findLiveContentKey(db: DbOrTx, keyHash: string): Promise<ContentKey | undefined> {
  const row = await db.selectFrom('content_api_keys').select(columns).where('key_hash', '=', keyHash).where('revoked_at', 'is', null).executeTakeFirst();
  return row ? toKey(row) : undefined;
}

export async function touchContentKey(db: DbOrTx, id: number, now: string): Promise<void> {
  await db.updateTable('content_api_keys').set({ last_used_at: now }).where('id', '=', id).execute();
}
