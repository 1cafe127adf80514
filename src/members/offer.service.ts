import type { Clock } from '../clock.js';
import { slugify } from '../content/index.js';
import type { Db, DbOrTx } from '../db/client.js';
import { isUniqueViolation } from '../db/errors.js';
import { AppError } from '../errors/app-error.js';
import { parseInput } from '../errors/validate.js';
import type { Billing } from './member.types.js';
import { currencyCode, priceIn } from './money.js';
import { deleteOfferRow, endOfferRow, findOffer, hasOpenPromotionCodes, insertOffer, listOffers, offerRedemptions, offerStats, setOfferStripeIds, type OfferKey } from './offer.repository.js';
import { offerInput, promotionCode } from './offer.schema.js';
import type { Offer, OfferRedemption, OfferState, OfferSummary } from './offer.types.js';
import type { Payments } from './payments.js';
import { findPlan } from './plan.repository.js';

export interface OfferDeps {
  db: Db;
  clock: Clock;
  payments: Payments | null;
}

/**
 * Offers: created and ended by editors, each backed by a Stripe coupon (and a promotion code on it
 * when the offer has a code readers type); read by the landing page and checkout.
 */
export class OfferService {
  constructor(private readonly deps: OfferDeps) {}

  private now(): string {
    return this.deps.clock().toISOString();
  }

  private payments(): Payments {
    if (!this.deps.payments) throw new AppError('PAYMENTS_NOT_CONFIGURED');
    return this.deps.payments;
  }

  async list(): Promise<OfferSummary[]> {
    const offers = await listOffers(this.deps.db);
    const stats = await offerStats(
      this.deps.db,
      offers.map((o) => o.id),
    );
    return offers.map((offer) => summarise(offer, stats.get(offer.id)!, this.now()));
  }

  async get(by: OfferKey): Promise<OfferSummary> {
    const offer = await findOffer(this.deps.db, by);
    if (!offer) throw new AppError('OFFER_NOT_FOUND');
    const stats = await offerStats(this.deps.db, [offer.id]);
    return summarise(offer, stats.get(offer.id)!, this.now());
  }

  /** The offer a promotion code names, as a reader typed it (any case, spaces around it ignored); undefined for anything else. */
  async byPromotionCode(typed: unknown): Promise<Offer | undefined> {
    const parsed = promotionCode.safeParse(typed);
    return parsed.success ? findOffer(this.deps.db, { promotionCode: parsed.data }) : undefined;
  }

  /** Whether readers may be asked for a code: some offer open now has one. */
  async takesPromotionCodes(): Promise<boolean> {
    return hasOpenPromotionCodes(this.deps.db, this.now());
  }

  /** An offer with the members who came through it. */
  async report(id: number): Promise<{ offer: OfferSummary; members: OfferRedemption[] }> {
    const offer = await this.get({ id });
    return { offer, members: await offerRedemptions(this.deps.db, id) };
  }

  /**
   * Creates an offer, its Stripe coupon and, when it has one, its promotion code. The row is written
   * first (so a taken code is refused before Stripe is asked); when Stripe refuses or does not
   * answer, the row is removed again, and a coupon already made is deleted.
   */
  async create(input: unknown): Promise<OfferSummary> {
    const payments = this.payments();
    const parsed = parseInput(offerInput, input);
    const plan = await findPlan(this.deps.db, { id: parsed.planId });
    if (!plan || plan.tier === 'free' || !plan.active) throw AppError.validation([{ field: 'planId', message: 'is not a paid plan on sale' }]);
    const price = parsed.billing === 'month' ? plan.monthlyCents : plan.yearlyCents;
    if (price === null) throw AppError.validation([{ field: 'billing', message: `${plan.name} is not sold that way` }]);
    const now = this.now();
    const startsAt = parsed.startsAt ?? now;
    if (parsed.endsAt !== null && parsed.endsAt <= now) throw AppError.validation([{ field: 'endsAt', message: 'must be in the future' }]);
    if (parsed.endsAt !== null && parsed.endsAt <= startsAt) throw AppError.validation([{ field: 'endsAt', message: 'must be after the start' }]);
    let amountOff: number | null = null;
    if (parsed.amountOff !== null) {
      amountOff = priceIn(parsed.amountOff, currencyCode(plan.currency, 'planId'), 'amountOff');
      if (amountOff >= price) throw AppError.validation([{ field: 'amountOff', message: 'must be less than the price' }]);
    }
    const values = {
      code: parsed.code ?? slugify(parsed.name).slice(0, 60),
      name: parsed.name,
      planId: plan.id,
      billing: parsed.billing,
      percentOff: parsed.percentOff,
      amountOff,
      duration: parsed.duration,
      durationMonths: parsed.durationMonths,
      startsAt,
      endsAt: parsed.endsAt,
      maxRedemptions: parsed.maxRedemptions,
      promotionCode: parsed.promotionCode,
    };
    const id = await insertOffer(this.deps.db, values, now).catch(async (error) => {
      if (!isUniqueViolation(error)) throw error;
      const field = (await findOffer(this.deps.db, { code: values.code })) ? 'code' : 'promotionCode';
      throw new AppError('SLUG_TAKEN', `Another offer already uses that ${field === 'code' ? 'code' : 'promotion code'}.`, [{ field, message: 'is taken' }]);
    });
    let couponId: string | null = null;
    try {
      const offer = (await findOffer(this.deps.db, { id }))!;
      couponId = await payments.createCoupon(offer);
      const promotionCodeId = offer.promotionCode ? await payments.createPromotionCode(offer, couponId) : null;
      await setOfferStripeIds(this.deps.db, id, { couponId, promotionCodeId }, this.now());
    } catch (error) {
      await deleteOfferRow(this.deps.db, id);
      if (couponId) await payments.deleteCoupon(couponId).catch(() => undefined);
      throw new AppError('PAYMENT_PROVIDER_FAILED', `The payment provider did not answer: ${error instanceof Error ? error.message : 'unknown error'}`);
    }
    return this.get({ id });
  }

  /**
   * Ends an offer at once: its landing page says so and no checkout can use it. Its promotion code
   * is deactivated and its coupon deleted in Stripe, so neither a checkout already open nor a reader
   * typing the code can apply it; ending again retries that.
   */
  async end(id: number): Promise<OfferSummary> {
    const payments = this.payments();
    const offer = await findOffer(this.deps.db, { id });
    if (!offer) throw new AppError('OFFER_NOT_FOUND');
    await endOfferRow(this.deps.db, id, this.now());
    if (offer.stripeCouponId) {
      try {
        if (offer.stripePromotionCodeId) await payments.deactivatePromotionCode(offer.stripePromotionCodeId);
        await payments.deleteCoupon(offer.stripeCouponId);
      } catch (error) {
        throw new AppError('PAYMENT_PROVIDER_FAILED', `The offer has ended here, but the payment provider did not answer: ${error instanceof Error ? error.message : 'unknown error'}`);
      }
    }
    return this.get({ id });
  }
}

/** Where an offer stands now. */
export function offerState(offer: Offer, redemptions: number, now: string): OfferState {
  if (offer.endedAt !== null) return 'ended';
  if (offer.endsAt !== null && offer.endsAt <= now) return 'expired';
  if (offer.maxRedemptions !== null && redemptions >= offer.maxRedemptions) return 'exhausted';
  if (offer.startsAt > now) return 'scheduled';
  return 'live';
}

function summarise(offer: Offer, stats: { redemptions: number; revenue: number }, now: string): OfferSummary {
  const regularPrice = (offer.billing === 'month' ? offer.plan.monthlyCents : offer.plan.yearlyCents) ?? 0;
  return { ...offer, ...stats, state: offerState(offer, stats.redemptions, now), regularPrice, discountedPrice: discountedPrice(offer, regularPrice) };
}

/** The first period's price with the offer's discount, as Stripe computes it (percentages rounded to the minor unit). */
export function discountedPrice(offer: Pick<Offer, 'percentOff' | 'amountOff'>, price: number): number {
  if (offer.percentOff !== null) return price - Math.round((price * offer.percentOff) / 100);
  return Math.max(0, price - (offer.amountOff ?? 0));
}

/**
 * The offer a checkout names, when it can be used now for that plan and billing; OFFER_UNAVAILABLE
 * otherwise (ended, expired, not started, its limit reached, or for another plan or billing).
 */
export async function usableOffer(db: DbOrTx, code: string, planId: number, billing: Billing, now: string): Promise<Offer> {
  const offer = await findOffer(db, { code });
  if (!offer) throw new AppError('OFFER_NOT_FOUND');
  const stats = await offerStats(db, [offer.id]);
  const state = offerState(offer, stats.get(offer.id)!.redemptions, now);
  if (state !== 'live') throw new AppError('OFFER_UNAVAILABLE', `This offer is ${state === 'scheduled' ? 'not open yet' : 'no longer available'}.`);
  if (offer.plan.id !== planId || offer.billing !== billing || !offer.stripeCouponId) throw new AppError('OFFER_UNAVAILABLE', 'This offer is for another plan or way of paying.');
  return offer;
}
