import type { DbOrTx } from '../db/client.js';
import type { SubscriptionStatus } from './member.types.js';

/** At most this many of a member's comments go into one export, newest first. */
export const EXPORTED_COMMENTS = 10_000;

/** Statuses of a Stripe subscription that Stripe still bills or retries (a trial is active here). */
const billedStatuses: SubscriptionStatus[] = ['active', 'past_due'];

/** Locks the member's row for the transaction (a second erasure waits, then finds nothing); false when there is none. */
export async function lockMember(tx: DbOrTx, by: { id: number } | { email: string }): Promise<boolean> {
  const query = tx.updateTable('members').set((eb) => ({ updated_at: eb.ref('updated_at') }));
  const result = await ('id' in by ? query.where('id', '=', by.id) : query.where('email', '=', by.email)).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Whether Stripe still bills the member; a gift (paid once, no Stripe subscription) does not count. */
export async function hasBilledSubscription(db: DbOrTx, memberId: number): Promise<boolean> {
  const row = await db.selectFrom('subscriptions').select('id').where('member_id', '=', memberId).where('stripe_subscription_id', 'is not', null).where('status', 'in', billedStatuses).executeTakeFirst();
  return row !== undefined;
}

/** The Stripe sessions of the member's checkouts not yet paid. */
export async function openCheckoutSessions(db: DbOrTx, memberId: number): Promise<string[]> {
  const rows = await db.selectFrom('checkouts').select('stripe_session_id').where('member_id', '=', memberId).where('status', '=', 'open').where('stripe_session_id', 'is not', null).orderBy('id').execute();
  return rows.map((r) => r.stripe_session_id!);
}

/** Every checkout the member started, with what they entered (address, gift recipient) as stored. */
export async function checkoutsOf(db: DbOrTx, memberId: number) {
  const rows = await db.selectFrom('checkouts').select(['id', 'plan_id', 'billing', 'status', 'details', 'amount_total', 'created_at']).where('member_id', '=', memberId).orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, planId: r.plan_id, billing: r.billing, status: r.status, details: JSON.parse(r.details) as unknown, amountTotal: r.amount_total, createdAt: r.created_at }));
}

export async function tipsOf(db: DbOrTx, memberId: number) {
  const rows = await db.selectFrom('tips').select(['amount', 'currency', 'created_at']).where('member_id', '=', memberId).orderBy('id').execute();
  return rows.map((r) => ({ amount: r.amount, currency: r.currency, createdAt: r.created_at }));
}

export async function commentsOf(db: DbOrTx, memberId: number) {
  const rows = await db
    .selectFrom('comments as c')
    .innerJoin('posts as p', 'p.id', 'c.post_id')
    .select(['c.id', 'p.slug', 'p.title', 'c.parent_id', 'c.author_name', 'c.body', 'c.status', 'c.created_at'])
    .where('c.member_id', '=', memberId)
    .orderBy('c.id', 'desc')
    .limit(EXPORTED_COMMENTS)
    .execute();
  return rows.map((r) => ({ id: r.id, piece: { slug: r.slug, title: r.title }, inReplyTo: r.parent_id, name: r.author_name, body: r.body, status: r.status, createdAt: r.created_at }));
}

/** The member's lines in frozen print fulfilment lists: which issue, the address it went to, how many copies. */
export async function fulfilmentOf(db: DbOrTx, memberId: number) {
  const rows = await db
    .selectFrom('fulfilment_items as f')
    .innerJoin('print_issues as i', 'i.id', 'f.issue_id')
    .select(['i.slug', 'i.name as issueName', 'i.on_sale_date', 'f.name', 'f.line1', 'f.line2', 'f.city', 'f.region', 'f.postcode', 'f.country', 'f.quantity'])
    .where('f.member_id', '=', memberId)
    .orderBy('i.on_sale_date')
    .orderBy('i.id')
    .execute();
  return rows.map((r) => ({
    issue: { slug: r.slug, name: r.issueName, onSaleDate: r.on_sale_date },
    quantity: r.quantity,
    address: { name: r.name, line1: r.line1, line2: r.line2, city: r.city, region: r.region, postcode: r.postcode, country: r.country },
  }));
}

/** Whether the member turned off emails about replies, and whether they are barred from commenting. */
export async function commentSettingsOf(db: DbOrTx, memberId: number): Promise<{ commentEmails: boolean; commentBan: boolean }> {
  const optout = await db.selectFrom('member_comment_email_optouts').select('member_id').where('member_id', '=', memberId).executeTakeFirst();
  const ban = await db.selectFrom('comment_bans').select('member_id').where('member_id', '=', memberId).executeTakeFirst();
  return { commentEmails: optout === undefined, commentBan: ban !== undefined };
}

/**
 * Removes everything tied to one member, in the caller's transaction. Pending comments go; shown
 * and hidden ones stay under `formerName` with no member, so replies to them survive. Their lines
 * in frozen print fulfilment lists stay as business records (copies per country, what the mailing
 * house was paid for) without the name and address; the member id left in their key is never
 * given to anyone else. Answers the pieces whose comments changed.
 */
export async function eraseMemberRows(tx: DbOrTx, memberId: number, formerName: string): Promise<number[]> {
  const touched = await tx.selectFrom('comments').select('post_id').distinct().where('member_id', '=', memberId).execute();
  await tx.deleteFrom('comments').where('member_id', '=', memberId).where('status', '=', 'pending').execute();
  await tx.updateTable('comments').set({ member_id: null, author_name: formerName }).where('member_id', '=', memberId).execute();
  const member = await tx.selectFrom('members').select('email').where('id', '=', memberId).executeTakeFirstOrThrow();
  await tx.deleteFrom('follows').where('member_id', '=', memberId).execute();
  await tx.deleteFrom('follow_alert_readers').where('member_id', '=', memberId).execute();
  await tx.deleteFrom('comment_bans').where('member_id', '=', memberId).execute();
  await tx.deleteFrom('member_comment_email_optouts').where('member_id', '=', memberId).execute();
  await tx.deleteFrom('member_sessions').where('member_id', '=', memberId).execute();
  await tx.deleteFrom('member_tokens').where('email', '=', member.email).execute();
  await tx.updateTable('tips').set({ member_id: null }).where('member_id', '=', memberId).execute();
  await tx.updateTable('fulfilment_items').set({ name: '', line1: '', line2: '', city: '', region: '', postcode: '' }).where('member_id', '=', memberId).execute();
  await tx.updateTable('subscriptions').set({ buyer_member_id: null }).where('buyer_member_id', '=', memberId).execute();
  await tx.deleteFrom('subscriptions').where('member_id', '=', memberId).execute();
  await tx.deleteFrom('checkouts').where('member_id', '=', memberId).execute();
  await tx.deleteFrom('members').where('id', '=', memberId).execute();
  return touched.map((r) => r.post_id);
}
