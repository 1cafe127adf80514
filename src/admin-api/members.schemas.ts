import { z } from 'zod';
import { AppError } from '../errors/app-error.js';
import { followKinds } from '../follows/index.js';
import { billings, planTiers, storedAddress, subscriptionStatuses } from '../members/index.js';

/**
 * Shapes of the membership and print endpoints' answers, and their id parameter. Ids that are not
 * positive whole numbers answer 404 (as an unknown id does), after the role check.
 */
export const numericId = z.object({ id: z.string().describe('A numeric id; anything else answers 404') });

export function idOf(params: { id: string }, notFound: 'PLAN_NOT_FOUND' | 'PRINT_ISSUE_NOT_FOUND' | 'MEMBER_NOT_FOUND' | 'OFFER_NOT_FOUND' | 'COMMENT_NOT_FOUND' | 'POST_NOT_FOUND'): number {
  const id = /^\d{1,10}$/.test(params.id) ? Number(params.id) : 0;
  if (id < 1 || id > 2 ** 31 - 1) throw new AppError(notFound);
  return id;
}

export const planOut = z.object({
  id: z.number(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  tier: z.enum(planTiers),
  currency: z.string(),
  currencyDigits: z.number().describe('Digits after the decimal point in this currency: 0 for jpy, 2 for eur, 3 for bhd'),
  monthlyCents: z.number().nullable(),
  yearlyCents: z.number().nullable(),
  giftCents: z.number().nullable(),
  issuesPerYear: z.number(),
  trialDays: z.number().describe('Days of free trial a new monthly or yearly subscription starts with (0: none)'),
  active: z.boolean(),
  position: z.number(),
});

export const addressOut = storedAddress;

export const memberOut = z.object({
  id: z.number(),
  email: z.string(),
  name: z.string(),
  stripeCustomerId: z.string().nullable(),
  address: addressOut.nullable(),
  createdAt: z.string(),
});

export const subscriptionOut = z.object({
  id: z.number(),
  memberId: z.number(),
  buyerMemberId: z.number().nullable(),
  plan: planOut,
  billing: z.enum(billings),
  status: z.enum(subscriptionStatuses),
  stripeSubscriptionId: z.string().nullable(),
  currentPeriodEnd: z.string().nullable(),
  cancelAtPeriodEnd: z.boolean(),
  graceUntil: z.string().nullable(),
  issuesRemaining: z.number(),
  trialEndsAt: z.string().nullable().describe('While the subscription is in its free trial: when the trial ends'),
  createdAt: z.string(),
});

const person = z.object({ id: z.number(), email: z.string(), name: z.string() });

export const memberDetailOut = z.object({
  member: memberOut,
  subscriptions: z.array(subscriptionOut.extend({ buyer: person.nullable() })),
  giftsGiven: z.array(subscriptionOut.extend({ recipient: person })),
  checkouts: z.array(
    z.object({
      id: z.number(),
      planId: z.number(),
      billing: z.enum(billings),
      status: z.enum(['open', 'completed']),
      createdAt: z.string(),
      giftRecipient: z.object({ email: z.string(), name: z.string() }).nullable(),
    }),
  ),
});

/** Everything held about one member, for a data request. */
export const memberExportOut = z.object({
  member: memberOut,
  subscriptions: memberDetailOut.shape.subscriptions,
  giftsGiven: memberDetailOut.shape.giftsGiven,
  checkouts: z
    .array(
      z.object({
        id: z.number(),
        planId: z.number(),
        billing: z.string(),
        status: z.string(),
        details: z.unknown().describe('What the reader entered at checkout (shipping address, gift recipient), as stored'),
        amountTotal: z.number().nullable().describe("What Stripe charged, in the currency's minor units"),
        createdAt: z.string(),
      }),
    )
    .describe('Every checkout (payment) they started'),
  tips: z.array(z.object({ amount: z.number(), currency: z.string(), createdAt: z.string() })),
  printFulfilment: z
    .array(
      z.object({
        issue: z.object({ slug: z.string(), name: z.string(), onSaleDate: z.string() }),
        quantity: z.number(),
        address: z.object({ name: z.string(), line1: z.string(), line2: z.string(), city: z.string(), region: z.string(), postcode: z.string(), country: z.string() }),
      }),
    )
    .describe('Their lines in frozen print fulfilment lists: the issue, the address it was sent to and the copies'),
  comments: z
    .array(
      z.object({
        id: z.number(),
        piece: z.object({ slug: z.string(), title: z.string() }),
        inReplyTo: z.number().nullable(),
        name: z.string(),
        body: z.string(),
        status: z.string(),
        createdAt: z.string(),
      }),
    )
    .describe('Comments they wrote, newest first, at most 10,000'),
  commentEmails: z.boolean().describe('Whether they get emails about replies to their comments'),
  commentBan: z.boolean().describe('Whether they are stopped from commenting'),
  followAlerts: z.boolean().describe('Whether they asked to be emailed when something they follow is published'),
  follows: z.array(z.object({ kind: z.enum(followKinds), slug: z.string(), name: z.string(), confirmed: z.boolean(), createdAt: z.string() })),
});

export const printIssueOut = z.object({
  id: z.number(),
  slug: z.string(),
  name: z.string(),
  coverImageUrl: z.string().nullable(),
  onSaleDate: z.string(),
  addressCutoff: z.string(),
  frozenAt: z.string().nullable(),
});

export const countryCountsOut = z.array(z.object({ country: z.string(), subscribers: z.number(), copies: z.number() }));
