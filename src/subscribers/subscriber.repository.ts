import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { DbOrTx } from '../db/client.js';
import { cursorPosition, encodeCursor } from '../db/list-cursor.js';
import { listTotal, type ListTotal } from '../db/list-total.js';
import type { NewsletterRow, SubscriberRow } from '../db/tables.js';
import { searchByTrigrams, wholeEmail } from '../db/trigram-search.js';
import type { GrowthPoint, Newsletter, Subscriber, SubscriberStatus, SuppressionReason } from './subscriber.types.js';
import type { ListQuery } from './subscriber.schema.js';

export function emailHash(email: string): string {
  return createHash('sha256').update(email.toLowerCase()).digest('hex');
}

export function toNewsletter(row: NewsletterRow): Newsletter {
  return { id: row.id, slug: row.slug, name: row.name, description: row.description, isDefault: row.is_default === 1, countOpens: row.count_opens === 1 };
}

export async function listNewsletters(db: DbOrTx): Promise<Newsletter[]> {
  const rows = await db.selectFrom('newsletters').selectAll().orderBy('position').orderBy('id').execute();
  return rows.map(toNewsletter);
}

export async function insertNewsletter(db: DbOrTx, values: { slug: string; name: string; description: string; isDefault: boolean }, now: string): Promise<void> {
  const position = await db
    .selectFrom('newsletters')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  await db
    .insertInto('newsletters')
    .values({ slug: values.slug, name: values.name, description: values.description, is_default: values.isDefault ? 1 : 0, position: Number(position.n), created_at: now, updated_at: now })
    .execute();
}

export async function updateNewsletter(db: DbOrTx, slug: string, values: { name?: string; description?: string; isDefault?: boolean; countOpens?: boolean }, now: string): Promise<void> {
  await db
    .updateTable('newsletters')
    .set({
      ...(values.name !== undefined ? { name: values.name } : {}),
      ...(values.description !== undefined ? { description: values.description } : {}),
      ...(values.isDefault !== undefined ? { is_default: values.isDefault ? 1 : 0 } : {}),
      ...(values.countOpens !== undefined ? { count_opens: values.countOpens ? 1 : 0 } : {}),
      updated_at: now,
    })
    .where('slug', '=', slug)
    .execute();
}

/** The secret named, created at random the first time it is asked for. */
export async function ensureKey(db: DbOrTx, name: string): Promise<string> {
  await db
    .insertInto('newsletter_keys')
    .values({ name, value: randomBytes(32).toString('base64url') })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db.selectFrom('newsletter_keys').select('value').where('name', '=', name).executeTakeFirstOrThrow();
  return row.value;
}

export async function findSubscriberRow(db: DbOrTx, by: { email: string } | { id: number }): Promise<SubscriberRow | undefined> {
  const query = db.selectFrom('subscribers').selectAll();
  return ('email' in by ? query.where('email', '=', by.email) : query.where('id', '=', by.id)).executeTakeFirst();
}

/**
 * Locks the subscriber's row for the transaction; false when there is none. Erasure takes it
 * first, so a write naming the subscriber that takes it too commits wholly before the erasure
 * (which then removes what it wrote) or finds them gone.
 */
export async function lockSubscriber(db: DbOrTx, by: { id: number } | { email: string }): Promise<boolean> {
  const query = db.updateTable('subscribers').set((eb) => ({ updated_at: eb.ref('updated_at') }));
  const result = await ('id' in by ? query.where('id', '=', by.id) : query.where('email', '=', by.email)).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** The subscriber's row, locked as `lockSubscriber` locks it; undefined when there is none. */
export async function lockedSubscriberRow(db: DbOrTx, by: { id: number } | { email: string }): Promise<SubscriberRow | undefined> {
  return (await lockSubscriber(db, by)) ? findSubscriberRow(db, by) : undefined;
}

type NewSubscriber = { email: string; name: string; status: SubscriberStatus; source: string; nonce: string | null; confirmedAt: string | null };

function subscriberValues(values: NewSubscriber, now: string) {
  return {
    email: values.email,
    name: values.name,
    status: values.status,
    source: values.source,
    confirm_nonce: values.nonce,
    confirmed_at: values.confirmedAt,
    created_at: now,
    updated_at: now,
  };
}

export async function insertSubscriber(db: DbOrTx, values: NewSubscriber, now: string): Promise<number> {
  const row = await db.insertInto('subscribers').values(subscriberValues(values, now)).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Notes that the address is being mailed now, unless it was mailed after `mailedBefore`; the row when
 * noted. One conditional write: of signups at the same moment, one is given the row.
 */
export async function claimConfirmSend(db: DbOrTx, email: string, mailedBefore: string, now: string): Promise<SubscriberRow | undefined> {
  return db
    .updateTable('subscribers')
    .set({ confirm_sent_at: now, updated_at: now })
    .where('email', '=', email)
    .where((eb) => eb.or([eb('confirm_sent_at', 'is', null), eb('confirm_sent_at', '<=', mailedBefore)]))
    .returningAll()
    .executeTakeFirst();
}

/** Adds the subscriber unless the address is already on the list (also when another request adds it at the same moment); the id when added. */
export async function insertSubscriberIfNew(db: DbOrTx, values: NewSubscriber, now: string): Promise<number | undefined> {
  const row = await db
    .insertInto('subscribers')
    .values(subscriberValues(values, now))
    .onConflict((oc) => oc.column('email').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export async function updateSubscriber(
  db: DbOrTx,
  id: number,
  changes: Partial<Pick<SubscriberRow, 'name' | 'status' | 'confirm_nonce' | 'confirm_sent_at' | 'confirmed_at' | 'unsubscribed_at'>>,
  now: string,
): Promise<void> {
  await db
    .updateTable('subscribers')
    .set({ ...changes, updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** Makes the given newsletters active for the subscriber; with `exclusive`, every other one is left. */
export async function chooseNewsletters(db: DbOrTx, subscriberId: number, newsletterIds: number[], now: string, exclusive: boolean): Promise<void> {
  for (const newsletterId of newsletterIds) {
    await db
      .insertInto('subscriber_newsletters')
      .values({ subscriber_id: subscriberId, newsletter_id: newsletterId, created_at: now, unsubscribed_at: null })
      .onConflict((oc) => oc.columns(['subscriber_id', 'newsletter_id']).doUpdateSet({ unsubscribed_at: null }))
      .execute();
  }
  if (exclusive) await leaveNewsletters(db, subscriberId, newsletterIds, now);
}

/** Leaves every active newsletter except those kept. */
export async function leaveNewsletters(db: DbOrTx, subscriberId: number, keep: number[], now: string): Promise<void> {
  let query = db.updateTable('subscriber_newsletters').set({ unsubscribed_at: now }).where('subscriber_id', '=', subscriberId).where('unsubscribed_at', 'is', null);
  if (keep.length > 0) query = query.where('newsletter_id', 'not in', keep);
  await query.execute();
}

export async function leaveNewsletter(db: DbOrTx, subscriberId: number, newsletterId: number, now: string): Promise<void> {
  await db.updateTable('subscriber_newsletters').set({ unsubscribed_at: now }).where('subscriber_id', '=', subscriberId).where('newsletter_id', '=', newsletterId).where('unsubscribed_at', 'is', null).execute();
}

export async function activeNewsletterIds(db: DbOrTx, subscriberId: number): Promise<number[]> {
  const rows = await db.selectFrom('subscriber_newsletters').select('newsletter_id').where('subscriber_id', '=', subscriberId).where('unsubscribed_at', 'is', null).execute();
  return rows.map((r) => r.newsletter_id);
}

export async function toSubscribers(db: DbOrTx, rows: SubscriberRow[]): Promise<Subscriber[]> {
  if (rows.length === 0) return [];
  const links = await db
    .selectFrom('subscriber_newsletters as sn')
    .innerJoin('newsletters as n', 'n.id', 'sn.newsletter_id')
    .select(['sn.subscriber_id', 'n.slug'])
    .where(
      'sn.subscriber_id',
      'in',
      rows.map((r) => r.id),
    )
    .where('sn.unsubscribed_at', 'is', null)
    .orderBy('n.position')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    name: row.name,
    status: row.status as SubscriberStatus,
    source: row.source,
    newsletters: links.filter((l) => l.subscriber_id === row.id).map((l) => l.slug),
    createdAt: row.created_at,
    confirmedAt: row.confirmed_at,
    unsubscribedAt: row.unsubscribed_at,
  }));
}

export async function suppress(db: DbOrTx, email: string, reason: SuppressionReason, now: string): Promise<void> {
  await db
    .insertInto('suppressions')
    .values({ email_hash: emailHash(email), reason, created_at: now })
    .onConflict((oc) => oc.column('email_hash').doUpdateSet({ reason, created_at: now }))
    .execute();
}

export async function unsuppress(db: DbOrTx, email: string): Promise<void> {
  await db.deleteFrom('suppressions').where('email_hash', '=', emailHash(email)).execute();
}

/** Of the given addresses, those on the suppression list, with why. */
export async function suppressedAmong(db: DbOrTx, emails: string[]): Promise<Map<string, string>> {
  const byHash = new Map(emails.map((e) => [emailHash(e), e]));
  const found = new Map<string, string>();
  const hashes = [...byHash.keys()];
  for (let i = 0; i < hashes.length; i += 500) {
    const rows = await db
      .selectFrom('suppressions')
      .selectAll()
      .where('email_hash', 'in', hashes.slice(i, i + 500))
      .execute();
    for (const row of rows) found.set(byHash.get(row.email_hash)!, row.reason);
  }
  return found;
}

export async function searchSubscribers(db: DbOrTx, query: ListQuery): Promise<{ rows: SubscriberRow[]; next: string | null } & ListTotal> {
  let base = db.selectFrom('subscribers as s');
  let order = 's.id';
  const email = query.q ? wholeEmail(query.q) : undefined;
  if (email) base = base.where('s.email', '=', email);
  else if (query.q) {
    const pattern = `%${query.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    base = base.where((eb) => eb.or([eb('s.email', 'like', sql<string>`${pattern} escape '\\'`), eb(eb.fn('lower', ['s.name']), 'like', sql<string>`${pattern} escape '\\'`)]));
    ({ query: base, order } = await searchByTrigrams(db, base, 'subscriber_trigrams', 's.id', query.q));
  }
  if (query.status) base = base.where('s.status', '=', query.status);
  if (query.newsletter) {
    const slug = query.newsletter;
    base = base.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('subscriber_newsletters as sn')
          .innerJoin('newsletters as n', 'n.id', 'sn.newsletter_id')
          .select('sn.subscriber_id')
          .whereRef('sn.subscriber_id', '=', 's.id')
          .where('n.slug', '=', slug)
          .where('sn.unsubscribed_at', 'is', null),
      ),
    );
  }
  // The page's ids first, from the index alone; then only those rows (a deep page skips ids, not rows).
  // `order` is the id itself or the search index's copy of it, so a cursor reads on from its index.
  const after = query.after === undefined ? undefined : cursorPosition(query.after);
  const page = after ? base.where(sql.ref(order), '<', after.id) : base;
  const [found, total] = await Promise.all([
    page
      .select('s.id')
      .orderBy(sql.ref(order), 'desc')
      .limit(query.limit + 1)
      .offset(query.offset)
      .execute(),
    listTotal(db, base, query.q || query.newsletter ? { table: 'subscribers', order } : undefined),
  ]);
  const ids = found.slice(0, query.limit).map((r) => r.id);
  const rows = ids.length ? await db.selectFrom('subscribers').selectAll().where('id', 'in', ids).orderBy('id', 'desc').execute() : [];
  const next = found.length > query.limit ? encodeCursor({ id: ids.at(-1)! }) : null;
  return { rows, next, ...total };
}

/** Subscribers in id order after the given id, a page at a time (exports stream through this). */
export async function subscribersAfter(db: DbOrTx, afterId: number, limit: number): Promise<SubscriberRow[]> {
  return db.selectFrom('subscribers').selectAll().where('id', '>', afterId).orderBy('id').limit(limit).execute();
}

export async function deleteSubscriber(db: DbOrTx, id: number): Promise<void> {
  await db.deleteFrom('subscriber_newsletters').where('subscriber_id', '=', id).execute();
  await db.deleteFrom('subscribers').where('id', '=', id).execute();
}

/** Daily sign-ups and departures between two dates (inclusive), with the running total of confirmed subscribers. */
export async function growthSeries(db: DbOrTx, from: string, to: string): Promise<GrowthPoint[]> {
  const day = (column: 'confirmed_at' | 'unsubscribed_at') => sql<string>`substr(${sql.ref(column)}, 1, 10)`;
  const joined = await db
    .selectFrom('subscribers')
    .select([day('confirmed_at').as('day'), (eb) => eb.fn.countAll<number>().as('n')])
    .where('confirmed_at', '>=', from)
    .where('confirmed_at', '<', `${to}T99`)
    .groupBy(day('confirmed_at'))
    .execute();
  const left = await db
    .selectFrom('subscribers')
    .select([day('unsubscribed_at').as('day'), (eb) => eb.fn.countAll<number>().as('n')])
    .where('unsubscribed_at', '>=', from)
    .where('unsubscribed_at', '<', `${to}T99`)
    .where('status', '!=', 'confirmed')
    .groupBy(day('unsubscribed_at'))
    .execute();
  const before = await db
    .selectFrom('subscribers')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('confirmed_at', '<', from)
    .where((eb) => eb.or([eb('status', '=', 'confirmed'), eb('unsubscribed_at', '>=', from)]))
    .executeTakeFirstOrThrow();
  const joinedBy = new Map(joined.map((r) => [r.day, Number(r.n)]));
  const leftBy = new Map(left.map((r) => [r.day, Number(r.n)]));
  const points: GrowthPoint[] = [];
  let total = Number(before.n);
  for (let d = new Date(`${from}T00:00:00Z`); d.toISOString().slice(0, 10) <= to; d = new Date(d.getTime() + 86_400_000)) {
    const date = d.toISOString().slice(0, 10);
    const subscribed = joinedBy.get(date) ?? 0;
    const unsubscribed = leftBy.get(date) ?? 0;
    total += subscribed - unsubscribed;
    points.push({ date, subscribed, unsubscribed, total });
  }
  return points;
}

export async function deliveriesOf(db: DbOrTx, subscriberId: number) {
  return db
    .selectFrom('newsletter_deliveries as d')
    .innerJoin('newsletter_sends as s', 's.id', 'd.send_id')
    .select(['d.sent_at as sentAt', 'd.state', 's.subject'])
    .where('d.subscriber_id', '=', subscriberId)
    .orderBy('d.id')
    .execute();
}

/** The links of newsletter emails the subscriber clicked, with when they first did. */
export async function clicksOf(db: DbOrTx, subscriberId: number): Promise<Array<{ subject: string; url: string; at: string }>> {
  return db
    .selectFrom('newsletter_clicks as c')
    .innerJoin('newsletter_deliveries as d', 'd.id', 'c.delivery_id')
    .innerJoin('newsletter_sends as s', 's.id', 'c.send_id')
    .innerJoin('newsletter_send_links as l', (join) => join.onRef('l.send_id', '=', 'c.send_id').onRef('l.link', '=', 'c.link'))
    .select(['s.subject', 'l.url', 'c.first_at as at'])
    .where('d.subscriber_id', '=', subscriberId)
    .orderBy('c.first_at')
    .execute();
}

/**
 * Takes the address off every delivery row; deliveries still waiting are skipped. Their own clicks
 * and opens go (the sends' totals keep counting them, without them).
 */
export async function forgetDeliveries(db: DbOrTx, subscriberId: number): Promise<void> {
  await db
    .deleteFrom('newsletter_clicks')
    .where('delivery_id', 'in', db.selectFrom('newsletter_deliveries').select('id').where('subscriber_id', '=', subscriberId))
    .execute();
  await db.updateTable('newsletter_deliveries').set({ opened_at: null }).where('subscriber_id', '=', subscriberId).execute();
  await db.updateTable('newsletter_deliveries').set({ state: 'skipped' }).where('subscriber_id', '=', subscriberId).where('state', 'in', ['pending', 'deferred']).execute();
  await db.updateTable('newsletter_deliveries').set({ email: '', subscriber_id: null }).where('subscriber_id', '=', subscriberId).execute();
}
