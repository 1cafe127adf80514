import type { DbOrTx } from '../db/client.js';
import type { CheckoutRow, PlanRow, SubscriptionRow } from '../db/tables.js';
import { toPlan } from './plan.repository.js';
import type { Billing, CheckoutDetails, Subscription, SubscriptionStatus } from './member.types.js';

type JoinedRow = SubscriptionRow & { plan: PlanRow };

function toSubscription(row: JoinedRow): Subscription {
  return {
    id: row.id,
    memberId: row.member_id,
    buyerMemberId: row.buyer_member_id,
    plan: toPlan(row.plan),
    billing: row.billing as Billing,
    status: row.status as SubscriptionStatus,
    stripeSubscriptionId: row.stripe_subscription_id,
    currentPeriodEnd: row.current_period_end,
    cancelAtPeriodEnd: row.cancel_at_period_end === 1,
    graceUntil: row.grace_until,
    issuesRemaining: row.issues_remaining,
    trialEndsAt: row.trial_ends_at,
    createdAt: row.created_at,
  };
}

async function withPlans(db: DbOrTx, rows: SubscriptionRow[]): Promise<Subscription[]> {
  if (rows.length === 0) return [];
  const ids = [...new Set(rows.map((r) => r.plan_id))];
  const plans = new Map((await db.selectFrom('plans').selectAll().where('id', 'in', ids).execute()).map((p) => [p.id, p]));
  return rows.map((row) => toSubscription({ ...row, plan: plans.get(row.plan_id)! }));
}

export interface SubscriptionValues {
  memberId: number;
  buyerMemberId: number | null;
  planId: number;
  billing: Billing;
  status: SubscriptionStatus;
  stripeSubscriptionId: string | null;
  currentPeriodEnd: string | null;
  issuesRemaining: number;
  stripeStateAt: number;
}

export async function insertSubscription(db: DbOrTx, values: SubscriptionValues, now: string): Promise<number> {
  const row = await db
    .insertInto('subscriptions')
    .values({
      member_id: values.memberId,
      buyer_member_id: values.buyerMemberId,
      plan_id: values.planId,
      billing: values.billing,
      status: values.status,
      stripe_subscription_id: values.stripeSubscriptionId,
      current_period_end: values.currentPeriodEnd,
      issues_remaining: values.issuesRemaining,
      stripe_state_at: values.stripeStateAt,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface SubscriptionPatch {
  status?: SubscriptionStatus;
  currentPeriodEnd?: string | null;
  cancelAtPeriodEnd?: boolean;
  graceUntil?: string | null;
  issuesRemaining?: number;
  stripeStateAt?: number;
  trialEndsAt?: string | null;
}

export async function updateSubscriptionRow(db: DbOrTx, id: number, patch: SubscriptionPatch, now: string): Promise<void> {
  await db
    .updateTable('subscriptions')
    .set({
      ...(patch.status !== undefined ? { status: patch.status } : {}),
      ...(patch.currentPeriodEnd !== undefined ? { current_period_end: patch.currentPeriodEnd } : {}),
      ...(patch.cancelAtPeriodEnd !== undefined ? { cancel_at_period_end: patch.cancelAtPeriodEnd ? 1 : 0 } : {}),
      ...(patch.graceUntil !== undefined ? { grace_until: patch.graceUntil } : {}),
      ...(patch.issuesRemaining !== undefined ? { issues_remaining: patch.issuesRemaining } : {}),
      ...(patch.stripeStateAt !== undefined ? { stripe_state_at: patch.stripeStateAt } : {}),
      ...(patch.trialEndsAt !== undefined ? { trial_ends_at: patch.trialEndsAt } : {}),
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
}

export async function findSubscription(db: DbOrTx, by: { id: number } | { stripeId: string }): Promise<(Subscription & { stripeStateAt: number }) | undefined> {
  const query = db.selectFrom('subscriptions').selectAll();
  const row = await ('id' in by ? query.where('id', '=', by.id) : query.where('stripe_subscription_id', '=', by.stripeId)).executeTakeFirst();
  if (!row) return undefined;
  const [subscription] = await withPlans(db, [row]);
  return { ...subscription!, stripeStateAt: row.stripe_state_at };
}

/** A member's subscriptions (as recipient), newest first. */
export async function memberSubscriptions(db: DbOrTx, memberId: number): Promise<Subscription[]> {
  const rows = await db.selectFrom('subscriptions').selectAll().where('member_id', '=', memberId).orderBy('id', 'desc').execute();
  return withPlans(db, rows);
}

/** The subscriptions of several members at once (one query), each member's newest first. */
export async function subscriptionsOfMembers(db: DbOrTx, memberIds: number[]): Promise<Map<number, Subscription[]>> {
  const byMember = new Map<number, Subscription[]>(memberIds.map((id) => [id, []]));
  if (memberIds.length === 0) return byMember;
  const rows = await db.selectFrom('subscriptions').selectAll().where('member_id', 'in', memberIds).orderBy('id', 'desc').execute();
  for (const subscription of await withPlans(db, rows)) byMember.get(subscription.memberId)?.push(subscription);
  return byMember;
}

/** Gifts a member bought for other people, newest first. */
export async function giftsBoughtBy(db: DbOrTx, buyerId: number): Promise<Subscription[]> {
  const rows = await db.selectFrom('subscriptions').selectAll().where('buyer_member_id', '=', buyerId).where('member_id', '!=', buyerId).orderBy('id', 'desc').execute();
  return withPlans(db, rows);
}

/** A member's most recent checkouts (open or completed), newest first. */
export async function memberCheckouts(db: DbOrTx, memberId: number, limit: number): Promise<Array<Checkout & { createdAt: string }>> {
  const rows = await db.selectFrom('checkouts').selectAll().where('member_id', '=', memberId).orderBy('id', 'desc').limit(limit).execute();
  return rows.map((row) => ({ ...toCheckout(row), createdAt: row.created_at }));
}

/** Subscriptions in the order they began, `limit` of them after the subscription `afterId`. */
export async function subscriptionsAfter(db: DbOrTx, afterId: number, limit: number): Promise<Subscription[]> {
  return withPlans(db, await db.selectFrom('subscriptions').selectAll().where('id', '>', afterId).orderBy('id').limit(limit).execute());
}

export async function insertCheckout(db: DbOrTx, checkout: { memberId: number; planId: number; billing: Billing; details: CheckoutDetails; offerId: number | null }, now: string): Promise<number> {
  const row = await db
    .insertInto('checkouts')
    .values({
      member_id: checkout.memberId,
      plan_id: checkout.planId,
      billing: checkout.billing,
      details: JSON.stringify(checkout.details),
      offer_id: checkout.offerId,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Records the checkout's Stripe session; false when the checkout is gone (its member was erased meanwhile). */
export async function setCheckoutSession(db: DbOrTx, id: number, sessionId: string, now: string): Promise<boolean> {
  const result = await db.updateTable('checkouts').set({ stripe_session_id: sessionId, updated_at: now }).where('id', '=', id).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export interface Checkout {
  id: number;
  memberId: number;
  planId: number;
  billing: Billing;
  details: CheckoutDetails;
  status: 'open' | 'completed';
  offerId: number | null;
  /** What Stripe charged at checkout, in the currency's minor units; null until it says. */
  amountTotal: number | null;
}

function toCheckout(row: CheckoutRow): Checkout {
  return {
    id: row.id,
    memberId: row.member_id,
    planId: row.plan_id,
    billing: row.billing as Billing,
    details: JSON.parse(row.details) as CheckoutDetails,
    status: row.status as Checkout['status'],
    offerId: row.offer_id,
    amountTotal: row.amount_total,
  };
}

export async function findCheckout(db: DbOrTx, id: number): Promise<Checkout | undefined> {
  const row = await db.selectFrom('checkouts').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toCheckout(row);
}

export async function setCheckoutAmount(db: DbOrTx, id: number, amount: number, now: string): Promise<void> {
  await db.updateTable('checkouts').set({ amount_total: amount, updated_at: now }).where('id', '=', id).execute();
}

export async function completeCheckout(db: DbOrTx, id: number, now: string): Promise<void> {
  await db.updateTable('checkouts').set({ status: 'completed', updated_at: now }).where('id', '=', id).execute();
}

/** Records a Stripe event; false when it was recorded before (a replay or a retry of an applied event). */
export async function recordEvent(db: DbOrTx, event: { id: string; type: string; created: number; outcome: string }, now: string): Promise<boolean> {
  const result = await db
    .insertInto('stripe_events')
    .values({ id: event.id, type: event.type, created: event.created, outcome: event.outcome, received_at: now })
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export async function setEventOutcome(db: DbOrTx, id: string, outcome: string): Promise<void> {
  await db.updateTable('stripe_events').set({ outcome }).where('id', '=', id).execute();
}

export async function countEvents(db: DbOrTx): Promise<number> {
  const row = await db
    .selectFrom('stripe_events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
