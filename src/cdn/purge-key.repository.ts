import type { DbOrTx } from '../db/client.js';

/** A key waiting to be purged, and when it was last asked for. */
export interface PendingKey {
  key: string;
  queued_at: string;
}

/** Stands for every key: the next purge empties the CDN of the site. */
export const EVERYTHING = '*';

/** Adds keys to purge; a key already waiting is marked as asked for again now. */
export async function addPurgeKeys(db: DbOrTx, keys: string[], now: string): Promise<void> {
  if (keys.length === 0) return;
  await db
    .insertInto('cdn_purge_keys')
    .values(keys.map((key) => ({ key, queued_at: now })))
    .onConflict((oc) => oc.column('key').doUpdateSet({ queued_at: now }))
    .execute();
}

export async function findPurgeKey(db: DbOrTx, key: string): Promise<PendingKey | undefined> {
  return db.selectFrom('cdn_purge_keys').select(['key', 'queued_at']).where('key', '=', key).executeTakeFirst();
}

/** The oldest waiting keys, not counting the purge of everything. */
export async function pendingPurgeKeys(db: DbOrTx, limit: number): Promise<PendingKey[]> {
  return db.selectFrom('cdn_purge_keys').select(['key', 'queued_at']).where('key', '!=', EVERYTHING).orderBy('queued_at').orderBy('key').limit(limit).execute();
}

/** Removes purged keys, unless one was asked for again while its purge was under way. */
export async function removePurgeKeys(db: DbOrTx, keys: PendingKey[]): Promise<void> {
  for (let start = 0; start < keys.length; start += 200) {
    const batch = keys.slice(start, start + 200);
    await db
      .deleteFrom('cdn_purge_keys')
      .where((eb) => eb.or(batch.map((k) => eb.and([eb('key', '=', k.key), eb('queued_at', '=', k.queued_at)]))))
      .execute();
  }
}

/** After a purge of everything: drops every key asked for up to then. */
export async function removePurgeKeysUpTo(db: DbOrTx, queuedAt: string): Promise<void> {
  await db.deleteFrom('cdn_purge_keys').where('queued_at', '<=', queuedAt).execute();
}
