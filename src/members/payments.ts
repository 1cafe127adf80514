import type Stripe from 'stripe';
import type { Billing } from './member.types.js';
import type { Offer } from './offer.types.js';
import { stripeAmount } from './money.js';

/** Where the Stripe client sends API calls: Stripe itself unless a test server is named. */
export interface StripeSettings {
  secretKey: string;
  webhookSecret: string | undefined;
  api?: { host: string; port: number; protocol: 'http' | 'https' };
}

export interface CheckoutRequest {
  checkoutId: number;
  customerId: string | null;
  email: string;
  productName: string;
  /** In the currency's minor units, as plans keep prices; converted to Stripe's units on the way. */
  amountCents: number;
  currency: string;
  billing: Billing;
  /** Days of free trial before the first charge (subscriptions only); 0 for none. */
  trialDays: number;
  /** The offer the checkout was started from: its Stripe promotion code when it has one, else its coupon. */
  discount?: { promotionCode: string } | { coupon: string } | null;
  successUrl: string;
  cancelUrl: string;
}

export interface TipCheckoutRequest {
  /** In the currency's minor units. */
  amount: number;
  currency: string;
  /** The signed-in member giving it (kept in the session's metadata), with their Stripe customer or email; null for a reader not signed in, whom Stripe asks for an email. */
  memberId: number | null;
  customerId: string | null;
  email: string | null;
  successUrl: string;
  cancelUrl: string;
}

/** Stripe as the members domain uses it: hosted checkout, the billing portal, cancel and resume, signed events. */
export interface Payments {
  readonly webhooksEnabled: boolean;
  createCheckout(request: CheckoutRequest): Promise<{ id: string; url: string }>;
  /** A hosted checkout in payment mode for a one-off tip (metadata.kind = tip). */
  createTipCheckout(request: TipCheckoutRequest): Promise<{ id: string; url: string }>;
  billingPortalUrl(customerId: string, returnUrl: string): Promise<string>;
  setCancelAtPeriodEnd(subscriptionId: string, cancel: boolean): Promise<unknown>;
  /** A coupon for an offer: its discount, how long it lasts, its redemption limit and end. */
  createCoupon(offer: Offer): Promise<string>;
  /** Deletes a coupon so no new checkout can use it; one already gone is fine. */
  deleteCoupon(couponId: string): Promise<void>;
  /** The offer's promotion code on its coupon, with the offer's end and redemption limit. */
  createPromotionCode(offer: Offer, couponId: string): Promise<string>;
  /** Turns a promotion code off so no one can redeem it any more; one already gone is fine. */
  deactivatePromotionCode(promotionCodeId: string): Promise<void>;
  /**
   * Closes a hosted checkout so it can no longer be paid. Says `paid` when the reader paid it
   * first (the payment's event is on its way), `closed` when it is closed now or was already.
   */
  expireCheckout(sessionId: string): Promise<'closed' | 'paid'>;
  /** The event, when the signature over the raw body is valid and recent; rejects otherwise. */
  verifyEvent(rawBody: Buffer, signature: string): Promise<Stripe.Event>;
}

export function stripePayments(settings: StripeSettings): Payments {
  // The library is loaded on first use, so commands and servers that take no payment start faster.
  let loaded: Promise<Stripe> | undefined;
  const client = () => (loaded ??= import('stripe').then(({ default: StripeClient }) => new StripeClient(settings.secretKey, { maxNetworkRetries: 2, timeout: 20_000, telemetry: false, ...(settings.api ?? {}) })));
  return {
    webhooksEnabled: settings.webhookSecret !== undefined,
    async createCheckout(request) {
      const recurring = request.billing !== 'gift';
      const stripe = await client();
      const session = await stripe.checkout.sessions.create(
        {
          mode: recurring ? 'subscription' : 'payment',
          client_reference_id: String(request.checkoutId),
          ...(request.customerId ? { customer: request.customerId } : { customer_email: request.email }),
          ...(recurring
            ? { subscription_data: { metadata: { checkout_id: String(request.checkoutId) }, ...(request.trialDays > 0 ? { trial_period_days: request.trialDays } : {}) } }
            : { customer_creation: 'always' as const }),
          line_items: [
            {
              quantity: 1,
              price_data: {
                currency: request.currency,
                unit_amount: stripeAmount(request.amountCents, request.currency),
                product_data: { name: request.productName },
                ...(recurring ? { recurring: { interval: request.billing as 'month' | 'year' } } : {}),
              },
            },
          ],
          ...(request.discount ? { discounts: ['promotionCode' in request.discount ? { promotion_code: request.discount.promotionCode } : { coupon: request.discount.coupon }] } : {}),
          metadata: { checkout_id: String(request.checkoutId) },
          success_url: request.successUrl,
          cancel_url: request.cancelUrl,
        },
        { idempotencyKey: `checkout-${request.checkoutId}` },
      );
      if (!session.url) throw new Error('Stripe returned a checkout session without a URL');
      return { id: session.id, url: session.url };
    },
    async createTipCheckout(request) {
      const session = await (await client()).checkout.sessions.create({
        mode: 'payment',
        submit_type: 'donate',
        ...(request.customerId ? { customer: request.customerId } : request.email ? { customer_email: request.email } : {}),
        line_items: [{ quantity: 1, price_data: { currency: request.currency, unit_amount: stripeAmount(request.amount, request.currency), product_data: { name: 'Tip' } } }],
        metadata: { kind: 'tip', ...(request.memberId !== null ? { member_id: String(request.memberId) } : {}) },
        success_url: request.successUrl,
        cancel_url: request.cancelUrl,
      });
      if (!session.url) throw new Error('Stripe returned a checkout session without a URL');
      return { id: session.id, url: session.url };
    },
    async billingPortalUrl(customerId, returnUrl) {
      const session = await (await client()).billingPortal.sessions.create({ customer: customerId, return_url: returnUrl });
      return session.url;
    },
    async setCancelAtPeriodEnd(subscriptionId, cancel) {
      return (await client()).subscriptions.update(subscriptionId, { cancel_at_period_end: cancel });
    },
    async createCoupon(offer) {
      const coupon = await (await client()).coupons.create(
        {
          name: offer.name.slice(0, 40),
          ...(offer.percentOff !== null ? { percent_off: offer.percentOff } : { amount_off: stripeAmount(offer.amountOff!, offer.plan.currency), currency: offer.plan.currency }),
          duration: offer.duration,
          ...(offer.durationMonths !== null ? { duration_in_months: offer.durationMonths } : {}),
          ...(offer.maxRedemptions !== null ? { max_redemptions: offer.maxRedemptions } : {}),
          ...(offer.endsAt ? { redeem_by: Math.floor(Date.parse(offer.endsAt) / 1000) } : {}),
          metadata: { offer_id: String(offer.id), offer_code: offer.code },
        },
        { idempotencyKey: `offer-${offer.id}-${offer.createdAt}` },
      );
      return coupon.id;
    },
    async deleteCoupon(couponId) {
      try {
        await (await client()).coupons.del(couponId);
      } catch (error) {
        if ((error as { code?: string }).code !== 'resource_missing') throw error;
      }
    },
    async createPromotionCode(offer, couponId) {
      const promotionCode = await (await client()).promotionCodes.create(
        {
          promotion: { type: 'coupon', coupon: couponId },
          code: offer.promotionCode!,
          ...(offer.maxRedemptions !== null ? { max_redemptions: offer.maxRedemptions } : {}),
          ...(offer.endsAt ? { expires_at: Math.floor(Date.parse(offer.endsAt) / 1000) } : {}),
          metadata: { offer_id: String(offer.id), offer_code: offer.code },
        },
        { idempotencyKey: `offer-promotion-${offer.id}-${offer.createdAt}` },
      );
      return promotionCode.id;
    },
    async deactivatePromotionCode(promotionCodeId) {
      try {
        await (await client()).promotionCodes.update(promotionCodeId, { active: false });
      } catch (error) {
        if ((error as { code?: string }).code !== 'resource_missing') throw error;
      }
    },
    async expireCheckout(sessionId) {
      const stripe = await client();
      try {
        await stripe.checkout.sessions.expire(sessionId);
        return 'closed';
      } catch (error) {
        if ((error as { code?: string }).code === 'resource_missing') return 'closed';
        if ((error as { type?: string }).type !== 'StripeInvalidRequestError') throw error;
      }
      // Refused because it is no longer open: paid, or expired already.
      return (await stripe.checkout.sessions.retrieve(sessionId)).status === 'complete' ? 'paid' : 'closed';
    },
    async verifyEvent(rawBody, signature) {
      if (!settings.webhookSecret) throw new Error('STRIPE_WEBHOOK_SECRET is not set');
      return (await client()).webhooks.constructEvent(rawBody, signature, settings.webhookSecret);
    },
  };
}
