import type { DbOrTx } from '../db/client.js';
import type { OffersTable, PlanRow } from '../db/tables.js';
import type { Selectable } from 'kysely';
import type { Offer, OfferBilling, OfferDuration, OfferRedemption } from './offer.types.js';
import { toPlan } from './plan.repository.js';

type OfferRow = Selectable<OffersTable>;

export type OfferValues = Omit<Offer, 'id' | 'plan' | 'stripeCouponId' | 'stripePromotionCodeId' | 'endedAt' | 'createdAt'> & { planId: number };

/** An offer row's own fields as the domain names them (everything but its id and its plan). */
export function offerFields(row: OfferRow): Omit<Offer, 'id' | 'plan'> {
  return {
    code: row.code,
    name: row.name,
    billing: row.billing as OfferBilling,
    percentOff: row.percent_off,
    amountOff: row.amount_off,
    duration: row.duration as OfferDuration,
    durationMonths: row.duration_months,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    maxRedemptions: row.max_redemptions,
    promotionCode: row.promotion_code,
    stripeCouponId: row.stripe_coupon_id,
    stripePromotionCodeId: row.stripe_promotion_code_id,
    endedAt: row.ended_at,
    createdAt: row.created_at,
  };
}

/** The columns of what an editor sets on an offer (the other way from `offerFields`). */
export function offerColumns(offer: OfferValues) {
  return {
    code: offer.code,
    name: offer.name,
    plan_id: offer.planId,
    billing: offer.billing,
    percent_off: offer.percentOff,
    amount_off: offer.amountOff,
    duration: offer.duration,
    duration_months: offer.durationMonths,
    starts_at: offer.startsAt,
    ends_at: offer.endsAt,
    max_redemptions: offer.maxRedemptions,
    promotion_code: offer.promotionCode,
  };
}

function toOffer(row: OfferRow, plan: PlanRow): Offer {
  return { id: row.id, ...offerFields(row), plan: toPlan(plan) };
}

async function withPlans(db: DbOrTx, rows: OfferRow[]): Promise<Offer[]> {
  if (rows.length === 0) return [];
  const ids = [...new Set(rows.map((r) => r.plan_id))];
  const plans = new Map((await db.selectFrom('plans').selectAll().where('id', 'in', ids).execute()).map((p) => [p.id, p]));
  return rows.map((row) => toOffer(row, plans.get(row.plan_id)!));
}

export async function insertOffer(db: DbOrTx, offer: OfferValues, now: string): Promise<number> {
  const row = await db
    .insertInto('offers')
    .values({
      ...offerColumns(offer),
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export type OfferKey = { id: number } | { code: string } | { promotionCode: string };

export async function findOffer(db: DbOrTx, by: OfferKey): Promise<Offer | undefined> {
  const query = db.selectFrom('offers').selectAll();
  const row = await ('id' in by ? query.where('id', '=', by.id) : 'code' in by ? query.where('code', '=', by.code) : query.where('promotion_code', '=', by.promotionCode)).executeTakeFirst();
  return row && (await withPlans(db, [row]))[0];
}

/** Whether some offer not ended has a promotion code a reader could type now. */
export async function hasOpenPromotionCodes(db: DbOrTx, now: string): Promise<boolean> {
  const row = await db
    .selectFrom('offers')
    .select('id')
    .where('promotion_code', 'is not', null)
    .where('ended_at', 'is', null)
    .where('starts_at', '<=', now)
    .where((eb) => eb.or([eb('ends_at', 'is', null), eb('ends_at', '>', now)]))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Every offer, newest first. */
export async function listOffers(db: DbOrTx): Promise<Offer[]> {
  return withPlans(db, await db.selectFrom('offers').selectAll().orderBy('id', 'desc').execute());
}

/** Keeps what Stripe made for an offer: its coupon, and the promotion code on it when the offer has one. */
export async function setOfferStripeIds(db: DbOrTx, id: number, ids: { couponId: string; promotionCodeId: string | null }, now: string): Promise<void> {
  await db.updateTable('offers').set({ stripe_coupon_id: ids.couponId, stripe_promotion_code_id: ids.promotionCodeId, updated_at: now }).where('id', '=', id).execute();
}

/** Ends an offer now, unless it was ended before (the first end stands). */
export async function endOfferRow(db: DbOrTx, id: number, now: string): Promise<void> {
  await db.updateTable('offers').set({ ended_at: now, updated_at: now }).where('id', '=', id).where('ended_at', 'is', null).execute();
}

export async function deleteOfferRow(db: DbOrTx, id: number): Promise<void> {
  await db.deleteFrom('offers').where('id', '=', id).execute();
}

/** Completed checkouts through each offer and what Stripe charged for them. */
export async function offerStats(db: DbOrTx, offerIds: number[]): Promise<Map<number, { redemptions: number; revenue: number }>> {
  const stats = new Map(offerIds.map((id) => [id, { redemptions: 0, revenue: 0 }]));
  if (offerIds.length === 0) return stats;
  const rows = await db
    .selectFrom('checkouts')
    .select((eb) => ['offer_id', eb.fn.countAll<number>().as('redemptions'), eb.fn.sum<number>('amount_total').as('revenue')])
    .where('offer_id', 'in', offerIds)
    .where('status', '=', 'completed')
    .groupBy('offer_id')
    .execute();
  for (const row of rows) stats.set(row.offer_id!, { redemptions: Number(row.redemptions), revenue: Number(row.revenue ?? 0) });
  return stats;
}

/** The members who completed a checkout through an offer, newest first. */
export async function offerRedemptions(db: DbOrTx, offerId: number): Promise<OfferRedemption[]> {
  const rows = await db
    .selectFrom('checkouts')
    .innerJoin('members', 'members.id', 'checkouts.member_id')
    .select(['members.id as memberId', 'members.email', 'members.name', 'checkouts.amount_total as amountPaid', 'checkouts.updated_at as redeemedAt'])
    .where('checkouts.offer_id', '=', offerId)
    .where('checkouts.status', '=', 'completed')
    .orderBy('checkouts.id', 'desc')
    .execute();
  return rows;
}
