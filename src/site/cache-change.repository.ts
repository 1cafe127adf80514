import type { DbOrTx } from '../db/client.js';

export interface CacheChangeRow {
  id: number;
  origin: string;
  change: string;
}

export async function recordChange(db: DbOrTx, origin: string, change: string, now: string): Promise<void> {
  await db.insertInto('site_cache_changes').values({ origin, change, created_at: now }).execute();
}

/** Changes recorded since a time (the window covers rows that commit out of id order). */
export async function changesSince(db: DbOrTx, since: string): Promise<CacheChangeRow[]> {
  return db.selectFrom('site_cache_changes').select(['id', 'origin', 'change']).where('created_at', '>=', since).orderBy('id').execute();
}

export async function deleteChangesBefore(db: DbOrTx, before: string): Promise<void> {
  await db.deleteFrom('site_cache_changes').where('created_at', '<', before).execute();
}
