import type { Plan } from './member.types.js';

export const offerBillings = ['month', 'year'] as const;
export const offerDurations = ['once', 'repeating', 'forever'] as const;
export const offerStates = ['scheduled', 'live', 'ended', 'expired', 'exhausted'] as const;

export type OfferBilling = (typeof offerBillings)[number];
export type OfferDuration = (typeof offerDurations)[number];
/** `ended`: an editor ended it; `expired`: its end date passed; `exhausted`: its redemption limit is reached. */
export type OfferState = (typeof offerStates)[number];

/** A time-limited discount on one paid plan and billing, backed by a Stripe coupon. */
export interface Offer {
  id: number;
  code: string;
  name: string;
  plan: Plan;
  billing: OfferBilling;
  /** Exactly one of the two is set: a percentage (1-100), or an amount in the plan currency's minor units. */
  percentOff: number | null;
  amountOff: number | null;
  duration: OfferDuration;
  /** Months the discount lasts when `duration` is `repeating`. */
  durationMonths: number | null;
  startsAt: string;
  endsAt: string | null;
  maxRedemptions: number | null;
  /** A code readers may type (in capitals) that leads to this offer; Stripe holds it as a promotion code on the coupon. */
  promotionCode: string | null;
  stripeCouponId: string | null;
  stripePromotionCodeId: string | null;
  endedAt: string | null;
  createdAt: string;
}

/** An offer with what it has done: completed checkouts and what Stripe charged for them. */
export interface OfferSummary extends Offer {
  state: OfferState;
  redemptions: number;
  /** Charged at checkout through this offer, in the plan currency's minor units. */
  revenue: number;
  /** The plan's usual price for the offer's billing, and the first period's price with the discount. */
  regularPrice: number;
  discountedPrice: number;
}

export interface OfferRedemption {
  memberId: number;
  email: string;
  name: string;
  amountPaid: number | null;
  redeemedAt: string;
}
