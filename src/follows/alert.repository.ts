import { sql } from 'kysely';
import type { DbOrTx } from '../db/client.js';
import type { FollowAlertReadersTable } from '../db/tables.js';
import { readerKey } from './follow.repository.js';
import type { Reader } from './follow.types.js';

export async function alertSetting(db: DbOrTx, reader: Reader): Promise<{ enabled: boolean; lastSentAt: string | null }> {
  const row = await db.selectFrom('follow_alert_readers').select(['enabled', 'last_sent_at']).where('reader', '=', readerKey(reader)).executeTakeFirst();
  return { enabled: row?.enabled === 1, lastSentAt: row?.last_sent_at ?? null };
}

/** Turns the reader's alerts on (making their row), or off: a reader without a row has them off, and may be gone. */
export async function setAlerts(db: DbOrTx, reader: Reader, enabled: boolean, now: string): Promise<void> {
  if (!enabled) {
    await db.updateTable('follow_alert_readers').set({ enabled: 0, updated_at: now }).where('reader', '=', readerKey(reader)).execute();
    await db.deleteFrom('follow_alert_items').where('reader', '=', readerKey(reader)).execute();
    return;
  }
  await db
    .insertInto('follow_alert_readers')
    .values({
      reader: readerKey(reader),
      member_id: reader.kind === 'member' ? reader.id : null,
      subscriber_id: reader.kind === 'subscriber' ? reader.id : null,
      enabled: 1,
      updated_at: now,
    })
    .onConflict((oc) => oc.column('reader').doUpdateSet({ enabled: 1, updated_at: now }))
    .execute();
}

/** Readers with alerts on who follow (confirmed) any of these targets. */
export async function alertReadersFollowing(db: DbOrTx, targets: string[]): Promise<string[]> {
  if (targets.length === 0) return [];
  const rows = await db
    .selectFrom('follows as f')
    .innerJoin('follow_alert_readers as r', 'r.reader', 'f.reader')
    .select('f.reader')
    .distinct()
    .where('f.target', 'in', targets)
    .where('f.confirmed_at', 'is not', null)
    .where('r.enabled', '=', 1)
    .execute();
  return rows.map((r) => r.reader);
}

/** Published pieces, published since `since`, not yet gathered for alerts; oldest first. */
export async function ungatheredPosts(db: DbOrTx, since: string, limit: number): Promise<number[]> {
  const rows = await db
    .selectFrom('posts as p')
    .select('p.id')
    .where('p.status', '=', 'published')
    .where('p.published_at', '>=', since)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('follow_alert_posts as g').select('g.post_id').whereRef('g.post_id', '=', 'p.id'))))
    .orderBy('p.published_at')
    .orderBy('p.id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Marks the piece gathered, first thing in the caller's transaction; false when it already was
 * (by another process, or before a restart). On PostgreSQL a second transaction waits here for
 * the first to end; SQLite lets one writer in at a time.
 */
export async function claimPost(tx: DbOrTx, postId: number, now: string): Promise<boolean> {
  const row = await tx
    .insertInto('follow_alert_posts')
    .values({ post_id: postId, gathered_at: now })
    .onConflict((oc) => oc.column('post_id').doNothing())
    .returning('post_id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function addAlertItems(db: DbOrTx, readers: string[], postId: number, now: string): Promise<void> {
  if (readers.length === 0) return;
  await db
    .insertInto('follow_alert_items')
    .values(readers.map((reader) => ({ reader, post_id: postId, created_at: now })))
    .onConflict((oc) => oc.columns(['reader', 'post_id']).doNothing())
    .execute();
}

/** The reader's alert row with their address (a member's, or a confirmed subscriber's; null for anyone else). */
export async function alertReader(db: DbOrTx, reader: string): Promise<(Pick<FollowAlertReadersTable, 'enabled' | 'last_sent_at'> & { email: string | null }) | undefined> {
  return db
    .selectFrom('follow_alert_readers as r')
    .leftJoin('members as m', 'm.id', 'r.member_id')
    .leftJoin('subscribers as s', (join) => join.onRef('s.id', '=', 'r.subscriber_id').on('s.status', '=', 'confirmed'))
    .select(['r.enabled', 'r.last_sent_at', sql<string | null>`coalesce(m.email, s.email)`.as('email')])
    .where('r.reader', '=', reader)
    .executeTakeFirst();
}

export async function alertItems(db: DbOrTx, reader: string): Promise<number[]> {
  const rows = await db.selectFrom('follow_alert_items').select('post_id').where('reader', '=', reader).orderBy('created_at').orderBy('post_id').execute();
  return rows.map((r) => r.post_id);
}

/** The pieces leave the queue; when an alert went out (sentAt), the day starts again. */
export async function alertSent(db: DbOrTx, reader: string, postIds: number[], sentAt: string | null): Promise<void> {
  if (postIds.length > 0) await db.deleteFrom('follow_alert_items').where('reader', '=', reader).where('post_id', 'in', postIds).execute();
  if (sentAt) await db.updateTable('follow_alert_readers').set({ last_sent_at: sentAt }).where('reader', '=', reader).execute();
}
