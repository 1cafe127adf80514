import type { DbOrTx } from '../db/client.js';
import type { UserRow } from '../db/tables.js';
import type { ApiKey } from './api-key.types.js';
import type { StaffRole } from './user.types.js';

const columns = ['id', 'name', 'prefix', 'role', 'created_by', 'created_at', 'last_used_at', 'revoked_at'] as const;

function toKey(row: { id: number; name: string; prefix: string; role: string; created_by: number; created_at: string; last_used_at: string | null; revoked_at: string | null }): ApiKey {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    role: row.role as StaffRole,
    createdBy: row.created_by,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

export async function insertKey(
  db: DbOrTx,
  key: { name: string; keyHash: string; prefix: string; role: StaffRole; createdBy: number; now: string },
): Promise<ApiKey> {
  const row = await db
    .insertInto('api_keys')
    .values({ name: key.name, key_hash: key.keyHash, prefix: key.prefix, role: key.role, created_by: key.createdBy, created_at: key.now })
    .returning(columns)
    .executeTakeFirstOrThrow();
  return toKey(row);
}

export async function listKeys(db: DbOrTx): Promise<ApiKey[]> {
  return (await db.selectFrom('api_keys').select(columns).orderBy('id').execute()).map(toKey);
}

export async function revokeKey(db: DbOrTx, id: number, now: string): Promise<ApiKey | undefined> {
  await db.updateTable('api_keys').set({ revoked_at: now }).where('id', '=', id).where('revoked_at', 'is', null).execute();
  const row = await db.selectFrom('api_keys').select(columns).where('id', '=', id).executeTakeFirst();
  return row ? toKey(row) : undefined;
}

/** The live key with this hash and the account that made it. */
export async function findLiveKey(db: DbOrTx, keyHash: string): Promise<{ key: ApiKey; creator: UserRow } | undefined> {
  const row = await db
    .selectFrom('api_keys')
    .innerJoin('users', 'users.id', 'api_keys.created_by')
    .selectAll('users')
    .select([
      'api_keys.id as key_id',
      'api_keys.name as key_name',
      'api_keys.prefix as key_prefix',
      'api_keys.role as key_role',
      'api_keys.created_at as key_created_at',
      'api_keys.last_used_at as key_last_used_at',
    ])
    .where('api_keys.key_hash', '=', keyHash)
    .where('api_keys.revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  const { key_id, key_name, key_prefix, key_role, key_created_at, key_last_used_at, ...creator } = row;
  return {
    key: toKey({ id: key_id, name: key_name, prefix: key_prefix, role: key_role, created_by: creator.id, created_at: key_created_at, last_used_at: key_last_used_at, revoked_at: null }),
    creator,
  };
}

export async function touchKey(db: DbOrTx, id: number, now: string): Promise<void> {
  await db.updateTable('api_keys').set({ last_used_at: now }).where('id', '=', id).execute();
}
