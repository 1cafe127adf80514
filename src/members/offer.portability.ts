import { z } from 'zod';
import { isoDateTime, line, slugSchema } from '../content/text.js';
import type { DbOrTx } from '../db/client.js';
import { isUniqueViolation } from '../db/errors.js';
import { MAX_STORED_INTEGER } from '../db/ids.js';
import { AppError } from '../errors/app-error.js';
import { offerColumns, offerFields } from './offer.repository.js';
import { offerBillings, offerDurations } from './offer.types.js';

const stripeId = z.string().min(1).max(255).nullable();

/**
 * An offer in a site document: its plan by slug, its Stripe coupon and promotion code kept as
 * references (an import creates nothing in Stripe). The same rules as a new offer hold, so a
 * document cannot bring in an offer the admin could not have made.
 */
export const portableOffer = z
  .object({
    code: slugSchema.max(60, 'must be at most 60 characters'),
    name: line(120, 1),
    plan: slugSchema,
    billing: z.enum(offerBillings),
    percentOff: z.number().int().min(1).max(100).nullable(),
    amountOff: z.number().int().min(1).max(MAX_STORED_INTEGER).nullable(),
    duration: z.enum(offerDurations),
    durationMonths: z.number().int().min(1).max(36).nullable(),
    startsAt: isoDateTime,
    endsAt: isoDateTime.nullable(),
    maxRedemptions: z.number().int().min(1).max(1_000_000).nullable(),
    promotionCode: z
      .string()
      .regex(/^[A-Z0-9]{3,40}$/, 'must be 3 to 40 capital letters and digits')
      .nullable(),
    stripeCouponId: stripeId,
    stripePromotionCodeId: stripeId,
    endedAt: isoDateTime.nullable(),
    createdAt: isoDateTime,
  })
  .strict()
  .superRefine((offer, ctx) => {
    if ((offer.percentOff === null) === (offer.amountOff === null)) ctx.addIssue({ code: 'custom', path: ['percentOff'], message: 'give either a percentage or an amount off' });
    if ((offer.duration === 'repeating') !== (offer.durationMonths !== null)) ctx.addIssue({ code: 'custom', path: ['durationMonths'], message: 'is given exactly when the discount repeats' });
  });

/** A member who completed a checkout through an offer, and what Stripe charged them then. */
export const portableOfferRedemption = z
  .object({
    offer: slugSchema.max(60),
    member: z.string().email().max(254),
    amountPaid: z.number().int().min(0).max(MAX_STORED_INTEGER).nullable(),
    redeemedAt: isoDateTime,
  })
  .strict();

export type PortableOffer = z.infer<typeof portableOffer>;
export type PortableOfferRedemption = z.infer<typeof portableOfferRedemption>;

/** Every offer, oldest first (offers are few: editors make them by hand). */
export async function* exportOffers(db: DbOrTx): AsyncGenerator<PortableOffer> {
  const rows = await db.selectFrom('offers as o').innerJoin('plans as p', 'p.id', 'o.plan_id').selectAll('o').select('p.slug as plan').orderBy('o.id').execute();
  for (const { plan, ...row } of rows) {
    yield { ...offerFields(row), plan };
  }
}

/** Every completed checkout through an offer, a page at a time, oldest first. */
export async function* exportOfferRedemptions(db: DbOrTx): AsyncGenerator<PortableOfferRedemption> {
  for (let after = 0; ; ) {
    const rows = await db
      .selectFrom('checkouts as c')
      .innerJoin('offers as o', 'o.id', 'c.offer_id')
      .innerJoin('members as m', 'm.id', 'c.member_id')
      .select(['c.id', 'o.code', 'm.email', 'c.amount_total', 'c.updated_at'])
      .where('c.id', '>', after)
      .where('c.status', '=', 'completed')
      .orderBy('c.id')
      .limit(1000)
      .execute();
    if (rows.length === 0) return;
    for (const row of rows) yield { offer: row.code, member: row.email, amountPaid: row.amount_total, redeemedAt: row.updated_at };
    after = rows[rows.length - 1]!.id;
  }
}

/** Restores offers into a site being imported (the caller's transaction), after its plans. */
export async function restoreOffers(db: DbOrTx, offers: PortableOffer[], first: number): Promise<void> {
  for (const [i, offer] of offers.entries()) {
    const fail = (what: string) => new AppError('IMPORT_INVALID', `offers.${first + i}: ${what}`);
    const plan = await db.selectFrom('plans').select(['id', 'tier']).where('slug', '=', offer.plan).executeTakeFirst();
    if (!plan || plan.tier === 'free') throw fail(`the document has no paid plan with the slug "${offer.plan}"`);
    await db
      .insertInto('offers')
      .values({
        ...offerColumns({ ...offer, planId: plan.id }),
        stripe_coupon_id: offer.stripeCouponId,
        stripe_promotion_code_id: offer.stripePromotionCodeId,
        ended_at: offer.endedAt,
        created_at: offer.createdAt,
        updated_at: offer.createdAt,
      })
      .execute()
      .catch((error: unknown) => {
        throw isUniqueViolation(error) ? fail('another offer in the document has the same code or promotion code') : error;
      });
  }
}

/** Restores redemptions as completed checkouts through their offers, after the offers and members. */
export async function restoreOfferRedemptions(db: DbOrTx, redemptions: PortableOfferRedemption[], first: number): Promise<void> {
  for (const [i, redemption] of redemptions.entries()) {
    const fail = (what: string) => new AppError('IMPORT_INVALID', `offerRedemptions.${first + i}: ${what}`);
    const offer = await db.selectFrom('offers').select(['id', 'plan_id', 'billing']).where('code', '=', redemption.offer).executeTakeFirst();
    if (!offer) throw fail(`the document has no offer with the code "${redemption.offer}"`);
    const member = await db.selectFrom('members').select('id').where('email', '=', redemption.member.toLowerCase()).executeTakeFirst();
    if (!member) throw fail('the document has no such member');
    await db
      .insertInto('checkouts')
      .values({
        member_id: member.id,
        plan_id: offer.plan_id,
        billing: offer.billing,
        status: 'completed',
        offer_id: offer.id,
        amount_total: redemption.amountPaid,
        created_at: redemption.redeemedAt,
        updated_at: redemption.redeemedAt,
      })
      .execute();
  }
}
