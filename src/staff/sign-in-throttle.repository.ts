import { sql } from 'kysely';
import type { DbOrTx } from '../db/client.js';

/**
 * Counts one more try under the key in a single statement and answers the new count, so tries
 * sent at once, to one process or many, are each counted. A window that began before
 * `windowStartedAfter` starts again at one.
 */
export async function countTry(db: DbOrTx, key: string, now: string, windowStartedAfter: string): Promise<number> {
  const open = sql<boolean>`${sql.ref('sign_in_failures.window_started_at')} > ${windowStartedAfter}`;
  const row = await db
    .insertInto('sign_in_failures')
    .values({ key, failures: 1, window_started_at: now })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: sql<number>`case when ${open} then ${sql.ref('sign_in_failures.failures')} + 1 else 1 end`,
        window_started_at: sql<string>`case when ${open} then ${sql.ref('sign_in_failures.window_started_at')} else ${now} end`,
      }),
    )
    .returning('failures')
    .executeTakeFirstOrThrow();
  return Number(row.failures);
}

/** Takes back one counted try (one that turned out to be a correct password). */
export async function uncountTry(db: DbOrTx, key: string): Promise<void> {
  await db.updateTable('sign_in_failures').set({ failures: sql<number>`case when failures > 0 then failures - 1 else 0 end` }).where('key', '=', key).execute();
}

export async function clearTries(db: DbOrTx, key: string): Promise<void> {
  await db.deleteFrom('sign_in_failures').where('key', '=', key).execute();
}

/** Removes counts whose window began before the cutoff: they no longer hold anything back. */
export async function deleteTriesBefore(db: DbOrTx, cutoff: string): Promise<void> {
  await db.deleteFrom('sign_in_failures').where('window_started_at', '<', cutoff).execute();
}
