import { sql } from 'kysely';
import type { DbOrTx } from '../db/client.js';
import { likeText } from '../db/like.js';
import { cursorPosition, encodeCursor } from '../db/list-cursor.js';
import { listTotal, type ListTotal } from '../db/list-total.js';
import { searchByTrigrams, wholeEmail } from '../db/trigram-search.js';
import type { MemberRow } from '../db/tables.js';
import type { Address } from './address.js';
import type { Member, SubscriptionStatus } from './member.types.js';

export function toMember(row: MemberRow): Member {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    stripeCustomerId: row.stripe_customer_id,
    address: row.address ? (JSON.parse(row.address) as Address) : null,
    createdAt: row.created_at,
  };
}

export async function findMember(db: DbOrTx, by: { id: number } | { email: string } | { stripeCustomerId: string }): Promise<Member | undefined> {
  const query = db.selectFrom('members').selectAll();
  const row = await ('id' in by ? query.where('id', '=', by.id) : 'email' in by ? query.where('email', '=', by.email) : query.where('stripe_customer_id', '=', by.stripeCustomerId)).executeTakeFirst();
  return row && toMember(row);
}

/** The member with this email, created when new (a concurrent creation is found, not duplicated). */
export async function upsertMember(db: DbOrTx, email: string, name: string, now: string): Promise<Member> {
  await db
    .insertInto('members')
    .values({ email, name, created_at: now, updated_at: now })
    .onConflict((oc) => oc.column('email').doNothing())
    .execute();
  const member = await findMember(db, { email });
  if (!member) throw new Error(`member ${email} vanished after insert`);
  return member;
}

/** A new member with this email; undefined when the email already has one (even one created a moment ago). */
export async function insertMember(db: DbOrTx, email: string, now: string, name = ''): Promise<Member | undefined> {
  const row = await db
    .insertInto('members')
    .values({ email, name, created_at: now, updated_at: now })
    .onConflict((oc) => oc.column('email').doNothing())
    .returningAll()
    .executeTakeFirst();
  return row && toMember(row);
}

export async function updateMemberRow(db: DbOrTx, id: number, patch: { name?: string; address?: Address | null; stripeCustomerId?: string }, now: string): Promise<void> {
  await db
    .updateTable('members')
    .set({
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.address !== undefined ? { address: patch.address ? JSON.stringify(patch.address) : null } : {}),
      ...(patch.stripeCustomerId !== undefined ? { stripe_customer_id: patch.stripeCustomerId } : {}),
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
}

export interface MemberFilter {
  /** Part of the email address or name, case-insensitive. */
  q?: string;
  /** Members with a subscription to this plan (any status unless `status` is given too). */
  planId?: number;
  /** Members with a subscription in this status (to the plan, when `planId` is given). */
  status?: SubscriptionStatus;
}

/** A page of a list: `offset` rows after the position `after` (a previous page's `next`), or after the newest. */
export interface ListPage {
  limit: number;
  offset: number;
  /** A previous page's `next`, checked by `idCursor`. */
  after?: string;
}

export async function listMembers(db: DbOrTx, filter: MemberFilter, page: ListPage): Promise<{ members: Member[]; next: string | null } & ListTotal> {
  let base = db.selectFrom('members');
  let order = 'members.id';
  const email = filter.q ? wholeEmail(filter.q) : undefined;
  // Addresses from a site document keep their case: the lookup is by the lower-cased index (0078).
  if (email) base = base.where(sql<string>`lower(members.email)`, '=', email);
  else if (filter.q) {
    base = base.where((eb) => eb.or([likeText('members.email', filter.q!, 'contains'), likeText('members.name', filter.q!, 'contains')]));
    ({ query: base, order } = await searchByTrigrams(db, base, 'member_trigrams', 'members.id', filter.q));
  }
  if (filter.planId !== undefined || filter.status !== undefined) {
    base = base.where((eb) => {
      let subscriptions = eb.selectFrom('subscriptions').select('subscriptions.id').whereRef('subscriptions.member_id', '=', 'members.id');
      if (filter.planId !== undefined) subscriptions = subscriptions.where('subscriptions.plan_id', '=', filter.planId);
      if (filter.status !== undefined) subscriptions = subscriptions.where('subscriptions.status', '=', filter.status);
      return eb.exists(subscriptions);
    });
  }
  // The page's ids first, from the index alone; then only those rows (a deep page skips ids, not rows).
  // `order` is the id itself or the search index's copy of it, so a cursor reads on from its index.
  const after = page.after === undefined ? undefined : cursorPosition(page.after);
  const found = await (after ? base.where(sql.ref(order), '<', after.id) : base)
    .select('members.id')
    .orderBy(sql.ref(order), 'desc')
    .limit(page.limit + 1)
    .offset(page.offset)
    .execute();
  const ids = found.slice(0, page.limit).map((r) => r.id);
  const rows = ids.length ? await db.selectFrom('members').selectAll().where('id', 'in', ids).orderBy('id', 'desc').execute() : [];
  const next = found.length > page.limit ? encodeCursor({ id: ids.at(-1)! }) : null;
  const costly = filter.q || filter.planId !== undefined || filter.status !== undefined;
  return { members: rows.map(toMember), next, ...(await listTotal(db, base, costly ? { table: 'members', order } : undefined)) };
}

/** The members with these (normalised) addresses; addresses without an account are simply absent. */
export async function membersByEmail(db: DbOrTx, emails: string[]): Promise<Array<{ id: number; email: string }>> {
  if (emails.length === 0) return [];
  return db.selectFrom('members').select(['id', 'email']).where('email', 'in', emails).execute();
}

/** Email addresses and names of members by id (for showing who bought or received a gift). */
export async function memberNames(db: DbOrTx, ids: number[]): Promise<Map<number, { email: string; name: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('members')
    .select(['id', 'email', 'name'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, { email: r.email, name: r.name }]));
}

/** Members in the order they joined, `limit` of them after the member `afterId`. */
export async function membersAfter(db: DbOrTx, afterId: number, limit: number): Promise<Member[]> {
  return (await db.selectFrom('members').selectAll().where('id', '>', afterId).orderBy('id').limit(limit).execute()).map(toMember);
}

export async function insertToken(db: DbOrTx, token: { hash: string; email: string; expiresAt: string }, now: string): Promise<void> {
  await db.insertInto('member_tokens').values({ token_hash: token.hash, email: token.email, expires_at: token.expiresAt, created_at: now }).execute();
}

export async function countRecentTokens(db: DbOrTx, email: string, since: string): Promise<number> {
  const row = await db
    .selectFrom('member_tokens')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('email', '=', email)
    .where('created_at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The email of an unused, unexpired token, leaving it unused; undefined when it cannot be used. */
export async function findUsableToken(db: DbOrTx, hash: string, now: string): Promise<string | undefined> {
  const row = await db.selectFrom('member_tokens').select('email').where('token_hash', '=', hash).where('used_at', 'is', null).where('expires_at', '>', now).executeTakeFirst();
  return row?.email;
}

/** Marks an unused, unexpired token used and returns its email; undefined when it cannot be used. */
export async function useToken(db: DbOrTx, hash: string, now: string): Promise<string | undefined> {
  const row = await db.updateTable('member_tokens').set({ used_at: now }).where('token_hash', '=', hash).where('used_at', 'is', null).where('expires_at', '>', now).returning('email').executeTakeFirst();
  return row?.email;
}

export async function deleteTokensBefore(db: DbOrTx, before: string): Promise<void> {
  await db.deleteFrom('member_tokens').where('expires_at', '<', before).execute();
}

export async function insertSession(db: DbOrTx, session: { hash: string; memberId: number; expiresAt: string }, now: string): Promise<void> {
  await db.insertInto('member_sessions').values({ token_hash: session.hash, member_id: session.memberId, expires_at: session.expiresAt, created_at: now }).execute();
}

/** The member behind a session and when the session ends, while it has not ended. */
export async function findSessionMember(db: DbOrTx, hash: string, now: string): Promise<{ member: Member; expiresAt: string } | undefined> {
  const row = await db
    .selectFrom('member_sessions')
    .innerJoin('members', 'members.id', 'member_sessions.member_id')
    .selectAll('members')
    .select('member_sessions.expires_at as session_expires_at')
    .where('member_sessions.token_hash', '=', hash)
    .where('member_sessions.expires_at', '>', now)
    .executeTakeFirst();
  if (!row) return undefined;
  const { session_expires_at: expiresAt, ...member } = row;
  return { member: toMember(member), expiresAt };
}

/**
 * A mark that changes with every write to a SQLite database: this connection's count of changed
 * rows, and the data version, which moves when any other connection (another process) commits.
 */
export async function sqliteWriteMark(db: DbOrTx): Promise<string> {
  const { rows } = await sql<{ mark: string }>`select total_changes() || ':' || (select data_version from pragma_data_version) as mark`.execute(db);
  return rows[0]!.mark;
}

/** When a session still in force was made, by using a sign-in link; undefined for an unknown or ended one. */
export async function sessionCreatedAt(db: DbOrTx, hash: string, now: string): Promise<string | undefined> {
  const row = await db.selectFrom('member_sessions').select('created_at').where('token_hash', '=', hash).where('expires_at', '>', now).executeTakeFirst();
  return row?.created_at;
}

export async function deleteSession(db: DbOrTx, hash: string): Promise<void> {
  await db.deleteFrom('member_sessions').where('token_hash', '=', hash).execute();
}
