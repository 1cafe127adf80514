import { sql } from 'kysely';
import type { Db } from '../db/client.js';

/**
 * Counts one hit under the key in a single statement, so hits sent at once to one process or
 * many are each counted, and answers the count and when its window ends. A window that has
 * ended starts again at one.
 */
export async function countHit(db: Db, key: string, nowMs: number, windowMs: number): Promise<{ hits: number; expiresAt: number }> {
  const open = sql<boolean>`${sql.ref('rate_limit_hits.expires_at')} > ${nowMs}`;
  const row = await db
    .insertInto('rate_limit_hits')
    .values({ key, hits: 1, expires_at: nowMs + windowMs })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        hits: sql<number>`case when ${open} then ${sql.ref('rate_limit_hits.hits')} + 1 else 1 end`,
        expires_at: sql<number>`case when ${open} then ${sql.ref('rate_limit_hits.expires_at')} else ${nowMs + windowMs} end`,
      }),
    )
    .returning(['hits', 'expires_at'])
    .executeTakeFirstOrThrow();
  return { hits: Number(row.hits), expiresAt: Number(row.expires_at) };
}

/** The count and window end under the key, without counting. */
export async function readHits(db: Db, key: string): Promise<{ hits: number; expiresAt: number } | undefined> {
  const row = await db.selectFrom('rate_limit_hits').select(['hits', 'expires_at']).where('key', '=', key).executeTakeFirst();
  return row && { hits: Number(row.hits), expiresAt: Number(row.expires_at) };
}

/** Removes counts whose window ended before the cutoff. */
export async function deleteHitsBefore(db: Db, cutoffMs: number): Promise<void> {
  await db.deleteFrom('rate_limit_hits').where('expires_at', '<', cutoffMs).execute();
}
