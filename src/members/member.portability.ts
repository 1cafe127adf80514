import { z } from 'zod';
import { isoDateTime } from '../content/text.js';
import type { DbOrTx } from '../db/client.js';
import { pagesById } from '../db/paged.js';
import { AppError } from '../errors/app-error.js';
import { addressInput, validateAddress } from './address.js';
import { memberNames, membersAfter, membersByEmail, updateMemberRow, upsertMember } from './member.repository.js';
import { billings, subscriptionStatuses } from './member.types.js';
import { insertPlan, listPlans } from './plan.repository.js';
import { planInput } from './plan.schema.js';
import { planValues } from './plan.service.js';
import { insertSubscription, subscriptionsAfter, updateSubscriptionRow } from './subscription.repository.js';

/** Plans, members and their subscriptions in a site document; members are named by email, plans by slug. */
export const membershipSection = z
  .object({
    plans: z.array(planInput),
    members: z.array(
      z
        .object({
          email: z.string().email(),
          name: z.string().max(120),
          stripeCustomerId: z.string().max(255).nullable(),
          address: addressInput.nullable(),
        })
        .strict(),
    ),
    subscriptions: z.array(
      z
        .object({
          member: z.string().email(),
          buyer: z.string().email().nullable(),
          plan: z.string(),
          billing: z.enum(billings),
          status: z.enum(subscriptionStatuses),
          stripeSubscriptionId: z.string().max(255).nullable(),
          currentPeriodEnd: isoDateTime.nullable(),
          cancelAtPeriodEnd: z.boolean(),
          graceUntil: isoDateTime.nullable(),
          issuesRemaining: z.number().int().min(0).max(1000),
        })
        .strict(),
    ),
  })
  .strict();

export type MembershipSection = z.infer<typeof membershipSection>;

type PortableMember = MembershipSection['members'][number];
type PortableSubscription = MembershipSection['subscriptions'][number];

/**
 * The section as it is written out: the plans (few) at once, members and subscriptions a page at
 * a time as the writer takes them, each page's addresses looked up for that page alone.
 */
export interface MembershipExport {
  plans: MembershipSection['plans'];
  members: AsyncIterable<PortableMember>;
  subscriptions: AsyncIterable<PortableSubscription>;
}

export async function exportMemberships(db: DbOrTx): Promise<MembershipExport> {
  const plans = await listPlans(db, false);
  return {
    plans: plans.map(({ id: _id, currencyDigits: _digits, ...plan }) => plan),
    members: portableMembers(db),
    subscriptions: portableSubscriptions(db),
  };
}

async function* portableMembers(db: DbOrTx): AsyncGenerator<PortableMember> {
  for await (const page of pagesById((after, limit) => membersAfter(db, after, limit))) {
    yield* page.map((m) => ({ email: m.email, name: m.name, stripeCustomerId: m.stripeCustomerId, address: m.address }));
  }
}

async function* portableSubscriptions(db: DbOrTx): AsyncGenerator<PortableSubscription> {
  for await (const page of pagesById((after, limit) => subscriptionsAfter(db, after, limit))) {
    const people = await memberNames(db, [...page.map((s) => s.memberId), ...page.flatMap((s) => (s.buyerMemberId === null ? [] : [s.buyerMemberId]))]);
    yield* page.map((s) => ({
      member: people.get(s.memberId)!.email,
      buyer: s.buyerMemberId === null ? null : (people.get(s.buyerMemberId)?.email ?? null),
      plan: s.plan.slug,
      billing: s.billing,
      status: s.status,
      stripeSubscriptionId: s.stripeSubscriptionId,
      currentPeriodEnd: s.currentPeriodEnd,
      cancelAtPeriodEnd: s.cancelAtPeriodEnd,
      graceUntil: s.graceUntil,
      issuesRemaining: s.issuesRemaining,
    }));
  }
}

/** Adds the section's plans to an empty site, inside the importer's transaction. */
export async function importPlans(tx: DbOrTx, plans: MembershipSection['plans'], now: string): Promise<void> {
  for (const input of plans) await insertPlan(tx, planValues(input), now);
}

/** Adds the section's members, inside the importer's transaction; an address already there is kept as it is. */
export async function importMembers(tx: DbOrTx, members: PortableMember[], now: string): Promise<void> {
  for (const m of members) {
    const member = await upsertMember(tx, m.email, m.name, now);
    await updateMemberRow(tx, member.id, { address: m.address ? validateAddress(m.address) : null, ...(m.stripeCustomerId ? { stripeCustomerId: m.stripeCustomerId } : {}) }, now);
  }
}

/**
 * Adds subscriptions, inside the importer's transaction, once the plans and members they name
 * are in: each names its member and plan, which must be there; `first` is the index of the first
 * in the section, to name one that is not.
 */
export async function importSubscriptions(tx: DbOrTx, subscriptions: PortableSubscription[], first: number, now: string): Promise<void> {
  const plans = new Map((await listPlans(tx, false)).map((p) => [p.slug, p.id]));
  const emails = [...new Set(subscriptions.flatMap((s) => (s.buyer ? [s.member, s.buyer] : [s.member])))];
  const members = new Map((await membersByEmail(tx, emails)).map((m) => [m.email, m.id]));
  for (const [offset, s] of subscriptions.entries()) {
    const memberId = members.get(s.member);
    const planId = plans.get(s.plan);
    if (memberId === undefined || planId === undefined) {
      const field = `memberships.subscriptions.${first + offset}.${memberId === undefined ? 'member' : 'plan'}`;
      throw new AppError('IMPORT_INVALID', `${field}: is not in the document`, [{ field, message: 'is not in the document' }]);
    }
    const id = await insertSubscription(
      tx,
      {
        memberId,
        buyerMemberId: s.buyer ? (members.get(s.buyer) ?? null) : null,
        planId,
        billing: s.billing,
        status: s.status,
        stripeSubscriptionId: s.stripeSubscriptionId,
        currentPeriodEnd: s.currentPeriodEnd,
        issuesRemaining: s.issuesRemaining,
        stripeStateAt: 0,
      },
      now,
    );
    await updateSubscriptionRow(tx, id, { cancelAtPeriodEnd: s.cancelAtPeriodEnd, graceUntil: s.graceUntil }, now);
  }
}
