import { z } from 'zod';
import { line, paragraph, slugSchema } from '../content/text.js';
import { planTiers } from './member.types.js';

/**
 * A price: a whole number of the currency's minor units (500 for ¥500, 1250 for €12.50), or the amount
 * as typed in the main unit ("500", "12.50"); plan.service.ts reads both for the plan's currency.
 */
const price = z.union([z.number().int('must be a whole number of minor units'), z.string().max(40)]).nullable();

export const planInput = z
  .object({
    slug: slugSchema.optional(),
    name: line(80, 1),
    description: paragraph(1000).default(''),
    tier: z.enum(planTiers),
    currency: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z]{3}$/, 'must be an ISO 4217 currency code such as gbp, eur or jpy')
      .default('gbp'),
    monthlyCents: price.default(null),
    yearlyCents: price.default(null),
    giftCents: price.default(null),
    issuesPerYear: z.number().int().min(0).max(52).default(0),
    trialDays: z.number().int('must be a whole number of days').min(0).max(730).default(0),
    active: z.boolean().default(true),
    position: z.number().int().min(0).max(1000).default(0),
  })
  .strict()
  .superRefine((plan, ctx) => {
    const priced = plan.monthlyCents !== null || plan.yearlyCents !== null || plan.giftCents !== null;
    if (plan.tier === 'free' && priced) ctx.addIssue({ code: 'custom', path: ['tier'], message: 'a free plan cannot have prices' });
    if (plan.tier !== 'free' && !priced) ctx.addIssue({ code: 'custom', path: ['yearlyCents'], message: 'a paid plan needs at least one price' });
    if (plan.tier === 'print' && plan.issuesPerYear < 1) ctx.addIssue({ code: 'custom', path: ['issuesPerYear'], message: 'a print plan delivers at least one issue a year' });
    if (plan.tier === 'free' && plan.trialDays > 0) ctx.addIssue({ code: 'custom', path: ['trialDays'], message: 'a free plan has no trial' });
    if (plan.tier !== 'print' && plan.issuesPerYear > 0) ctx.addIssue({ code: 'custom', path: ['issuesPerYear'], message: 'only print plans deliver issues' });
  });

export type PlanInput = z.input<typeof planInput>;
