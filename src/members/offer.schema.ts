import { z } from 'zod';
import { isoDateTime, line, slugSchema } from '../content/text.js';
import { offerBillings, offerDurations } from './offer.types.js';

/** A promotion code as an editor or a reader types it: 3 to 40 letters and digits, in any case. */
export const promotionCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9]{3,40}$/, 'must be 3 to 40 letters and digits')
  .transform((code) => code.toUpperCase());

/**
 * A new offer as an editor types it. The amount off is in the plan currency's minor units (a JSON
 * number) or as typed in the main unit ("2.50"); offer.service.ts reads it for the plan's currency.
 */
export const offerInput = z
  .object({
    code: slugSchema.max(60, 'must be at most 60 characters').optional(),
    name: line(120, 1),
    planId: z
      .number()
      .int('must be a plan id')
      .positive('must be a plan id')
      .max(2 ** 31 - 1),
    billing: z.enum(offerBillings),
    percentOff: z.number().int('must be a whole percentage').min(1).max(100).nullable().default(null),
    amountOff: z
      .union([z.number().int('must be a whole number of minor units'), z.string().max(40)])
      .nullable()
      .default(null),
    duration: z.enum(offerDurations),
    durationMonths: z.number().int('must be a whole number of months').min(1).max(36).nullable().default(null),
    startsAt: isoDateTime.optional(),
    endsAt: isoDateTime.nullable().default(null),
    maxRedemptions: z.number().int('must be a whole number').min(1).max(1_000_000).nullable().default(null),
    /** A code readers type, as Stripe takes it: letters and digits; kept in capitals, as Stripe reads codes without regard to case. */
    promotionCode: promotionCode.nullable().default(null),
  })
  .strict()
  .superRefine((offer, ctx) => {
    if ((offer.percentOff === null) === (offer.amountOff === null)) ctx.addIssue({ code: 'custom', path: ['percentOff'], message: 'give either a percentage or an amount off' });
    if (offer.duration === 'repeating' && offer.durationMonths === null) ctx.addIssue({ code: 'custom', path: ['durationMonths'], message: 'is required for a repeating discount' });
    if (offer.duration !== 'repeating' && offer.durationMonths !== null) ctx.addIssue({ code: 'custom', path: ['durationMonths'], message: 'only a repeating discount lasts some months' });
    if (offer.duration === 'repeating' && offer.billing === 'year' && offer.durationMonths !== null && offer.durationMonths % 12 !== 0) {
      ctx.addIssue({ code: 'custom', path: ['durationMonths'], message: 'must be whole years (12, 24 or 36) for yearly billing' });
    }
    if (offer.startsAt && offer.endsAt && offer.endsAt <= offer.startsAt) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'must be after the start' });
  });

export type OfferInput = z.input<typeof offerInput>;
