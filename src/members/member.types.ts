import type { Address } from './address.js';

/** What a plan gives: free membership (members-only posts), digital (paid posts) or print + digital. */
export const planTiers = ['free', 'digital', 'print'] as const;
export type PlanTier = (typeof planTiers)[number];

/** How a subscription is paid: monthly or yearly renewals, or a one-off gift of a year. */
export const billings = ['month', 'year', 'gift'] as const;
export type Billing = (typeof billings)[number];

export interface Plan {
  id: number;
  slug: string;
  name: string;
  description: string;
  tier: PlanTier;
  /** ISO 4217, lower case as Stripe uses it. */
  currency: string;
  /** Digits of the currency's minor unit (0 for JPY, 2 for EUR, 3 for BHD); derived, not stored. */
  currencyDigits: number;
  /** Prices in the currency's minor units (yen, cents, fils); null where the plan is not sold that way. */
  monthlyCents: number | null;
  yearlyCents: number | null;
  giftCents: number | null;
  /** Print issues a year of this plan delivers (print tier only). */
  issuesPerYear: number;
  /** Days of free trial before the first payment (0: none); not for gifts. */
  trialDays: number;
  active: boolean;
  position: number;
}

/** Said after a member is added or their details change. */
export interface MemberChange {
  kind: 'added' | 'updated';
  member: Member;
}

export interface Member {
  id: number;
  email: string;
  name: string;
  stripeCustomerId: string | null;
  address: Address | null;
  createdAt: string;
}

/**
 * active: paid up. past_due: a payment failed; still paid until grace ends. lapsed: grace ended
 * unpaid. canceled: ended (Stripe's cancellation is final). expired: a gift whose year is over.
 */
export const subscriptionStatuses = ['active', 'past_due', 'lapsed', 'canceled', 'expired'] as const;
export type SubscriptionStatus = (typeof subscriptionStatuses)[number];

export interface Subscription {
  id: number;
  memberId: number;
  buyerMemberId: number | null;
  plan: Plan;
  billing: Billing;
  status: SubscriptionStatus;
  stripeSubscriptionId: string | null;
  currentPeriodEnd: string | null;
  cancelAtPeriodEnd: boolean;
  graceUntil: string | null;
  issuesRemaining: number;
  /** The end of a free trial while Stripe reports the subscription `trialing`; null otherwise. */
  trialEndsAt: string | null;
  createdAt: string;
}

export interface GiftRecipient {
  email: string;
  name: string;
  message: string;
  address: Address | null;
}

/** What a reader entered before paying, kept with the checkout until Stripe confirms it. */
export interface CheckoutDetails {
  /** The buyer's own shipping address (print plans bought for oneself). */
  address: Address | null;
  gift: GiftRecipient | null;
  /**
   * Whether the buyer was signed in when starting the checkout. Otherwise the checkout created
   * the account, and never replaces an address its owner has set since (absent on older rows).
   */
  signedIn?: boolean;
}

/** Someone on the other side of a gift. */
export interface GiftPerson {
  id: number;
  email: string;
  name: string;
}

export interface MemberDetail {
  member: Member;
  /** `buyer` is who paid, for a gift someone else bought. */
  subscriptions: Array<Subscription & { buyer: GiftPerson | null }>;
  giftsGiven: Array<Subscription & { recipient: GiftPerson }>;
  checkouts: Array<{ id: number; planId: number; billing: Billing; status: 'open' | 'completed'; createdAt: string; giftRecipient: { email: string; name: string } | null }>;
}
