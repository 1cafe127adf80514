import type { DbOrTx } from '../db/client.js';
import type { UserRow } from '../db/tables.js';

export type TokenPurpose = 'invite' | 'reset' | 'sign-in';

export async function insertSession(db: DbOrTx, session: { tokenHash: string; userId: number; now: string; expiresAt: string }) {
  await db.insertInto('staff_sessions').values({ token_hash: session.tokenHash, user_id: session.userId, created_at: session.now, expires_at: session.expiresAt }).execute();
}

/** The session and its user, if the session exists and has not expired. */
export async function findSessionUser(db: DbOrTx, tokenHash: string, now: string): Promise<{ user: UserRow; sessionId: number; expiresAt: string } | undefined> {
  const row = await db
    .selectFrom('staff_sessions')
    .innerJoin('users', 'users.id', 'staff_sessions.user_id')
    .selectAll('users')
    .select(['staff_sessions.id as session_id', 'staff_sessions.expires_at as session_expires_at'])
    .where('staff_sessions.token_hash', '=', tokenHash)
    .where('staff_sessions.expires_at', '>', now)
    .executeTakeFirst();
  if (!row) return undefined;
  const { session_id, session_expires_at, ...user } = row;
  return { user, sessionId: session_id, expiresAt: session_expires_at };
}

export async function extendSession(db: DbOrTx, sessionId: number, expiresAt: string): Promise<void> {
  await db.updateTable('staff_sessions').set({ expires_at: expiresAt }).where('id', '=', sessionId).execute();
}

export async function deleteSession(db: DbOrTx, tokenHash: string): Promise<void> {
  await db.deleteFrom('staff_sessions').where('token_hash', '=', tokenHash).execute();
}

export async function deleteSessionsOf(db: DbOrTx, userId: number): Promise<number> {
  const result = await db.deleteFrom('staff_sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteExpiredSessions(db: DbOrTx, now: string): Promise<void> {
  await db.deleteFrom('staff_sessions').where('expires_at', '<=', now).execute();
}

/**
 * Stores an emailed link's token. With `replace`, any earlier unused link of the same purpose
 * stops working, so only the newest one does.
 */
export async function insertToken(db: DbOrTx, token: { tokenHash: string; userId: number; purpose: TokenPurpose; now: string; expiresAt: string; replace: boolean }): Promise<void> {
  if (token.replace) await db.deleteFrom('staff_tokens').where('user_id', '=', token.userId).where('purpose', '=', token.purpose).execute();
  await db
    .insertInto('staff_tokens')
    .values({
      token_hash: token.tokenHash,
      user_id: token.userId,
      purpose: token.purpose,
      created_at: token.now,
      expires_at: token.expiresAt,
    })
    .execute();
}

/** Marks an unexpired, unused token as used and returns its user id; undefined when it cannot be used. */
export async function consumeToken(db: DbOrTx, tokenHash: string, purpose: TokenPurpose, now: string): Promise<number | undefined> {
  const row = await db
    .updateTable('staff_tokens')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning('user_id')
    .executeTakeFirst();
  return row?.user_id;
}

/** Marks every unused token of the purpose as used: the other links of that kind stop working. */
export async function useUpTokens(db: DbOrTx, userId: number, purpose: TokenPurpose, now: string): Promise<void> {
  await db.updateTable('staff_tokens').set({ used_at: now }).where('user_id', '=', userId).where('purpose', '=', purpose).where('used_at', 'is', null).execute();
}

export async function insertKnownBrowser(db: DbOrTx, browser: { tokenHash: string; userId: number; now: string; expiresAt: string }): Promise<void> {
  await db.insertInto('staff_known_browsers').values({ token_hash: browser.tokenHash, user_id: browser.userId, created_at: browser.now, expires_at: browser.expiresAt }).execute();
}

/** The known browser with the token, unless it has expired. */
export async function findKnownBrowser(db: DbOrTx, tokenHash: string, now: string): Promise<{ id: number; userId: number } | undefined> {
  const row = await db.selectFrom('staff_known_browsers').select(['id', 'user_id']).where('token_hash', '=', tokenHash).where('expires_at', '>', now).executeTakeFirst();
  return row && { id: row.id, userId: row.user_id };
}

export async function deleteKnownBrowser(db: DbOrTx, tokenHash: string): Promise<void> {
  await db.deleteFrom('staff_known_browsers').where('token_hash', '=', tokenHash).execute();
}

export async function deleteKnownBrowsersOf(db: DbOrTx, userId: number): Promise<void> {
  await db.deleteFrom('staff_known_browsers').where('user_id', '=', userId).execute();
}

export async function deleteExpiredKnownBrowsers(db: DbOrTx, now: string): Promise<void> {
  await db.deleteFrom('staff_known_browsers').where('expires_at', '<=', now).execute();
}

/** Claims the one-time setup; false when it was already done. */
export async function claimSetup(db: DbOrTx, now: string): Promise<boolean> {
  const result = await db
    .insertInto('staff_setup')
    .values({ id: 1, done_at: now })
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}
