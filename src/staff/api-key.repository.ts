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

export async function insertKey(db: DbOrTx, key: { name: string; keyHash: string; prefix: string; role: StaffRole; createdBy: number; now: string; keyId: string; signingSecret: string }): Promise<ApiKey> {
  const row = await db
    .insertInto('api_keys')
    .values({
      name: key.name,
      key_hash: key.keyHash,
      prefix: key.prefix,
      role: key.role,
      created_by: key.createdBy,
      created_at: key.now,
      key_id: key.keyId,
      signing_secret: key.signingSecret,
    })
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

export interface LiveKey {
  key: ApiKey;
  creator: UserRow;
  /** Hex secret that signs the key's tokens; null for bearer-only keys. */
  signingSecret: string | null;
}

/** The live key with this hash (sent whole as a bearer token) or this key id (signing tokens), and the account that made it. */
export async function findLiveKey(db: DbOrTx, by: { keyHash: string } | { keyId: string }): Promise<LiveKey | undefined> {
  const row = await db
    .selectFrom('api_keys')
    .innerJoin('users', 'users.id', 'api_keys.created_by')
    .selectAll('users')
    .select([
      'api_keys.id as key_row_id',
      'api_keys.name as key_name',
      'api_keys.prefix as key_prefix',
      'api_keys.role as key_role',
      'api_keys.created_at as key_created_at',
      'api_keys.last_used_at as key_last_used_at',
      'api_keys.signing_secret as key_signing_secret',
    ])
    .where('keyHash' in by ? 'api_keys.key_hash' : 'api_keys.key_id', '=', 'keyHash' in by ? by.keyHash : by.keyId)
    .where('api_keys.revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  const { key_row_id, key_name, key_prefix, key_role, key_created_at, key_last_used_at, key_signing_secret, ...creator } = row;
  return {
    key: toKey({ id: key_row_id, name: key_name, prefix: key_prefix, role: key_role, created_by: creator.id, created_at: key_created_at, last_used_at: key_last_used_at, revoked_at: null }),
    creator,
    signingSecret: key_signing_secret,
  };
}

export async function touchKey(db: DbOrTx, id: number, now: string): Promise<void> {
  await db.updateTable('api_keys').set({ last_used_at: now }).where('id', '=', id).execute();
}
