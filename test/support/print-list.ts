// A large, varied print list seeded with bulk inserts, and what freezing it must give, worked out
// here from the seed alone: the lines (one per member with a complete address, copies per print
// subscription) and the renewal reminders (gifts and cancelled subscriptions two issues from the end).
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/tables.js';

const created = '2026-01-01T00:00:00.000Z';
/** Far from any clock a test or benchmark runs at: a grace period still running, and one over. */
const graceRunning = '2999-01-01T00:00:00.000Z';
const graceOver = '2000-01-01T00:00:00.000Z';

interface SeededSubscription {
  tier: 'print' | 'digital';
  billing: 'year' | 'gift';
  status: 'active' | 'past_due' | 'canceled';
  graceUntil: string | null;
  cancelAtPeriodEnd: 0 | 1;
  issuesRemaining: number;
}

export interface PrintListShape {
  members: number;
  /** Every member varied (no address, incomplete, lapsed, two copies …) or all alike with complete addresses. */
  varied: boolean;
}

/** Three countries, many postcodes each, so that members share a postcode and postcodes a page of the export. */
function complete(i: number): Record<string, string> {
  const street = {
    name: `Reader ${i} Alexandra Konstantinopoulou-Featherstonehaugh`,
    line1: `${i} High Street, Upper Marsh Trading Estate`,
    line2: i % 4 === 0 ? '' : `Flat ${i % 40}, the Old Granary Building, Harbour Side`,
    region: '',
  };
  if (i % 3 === 0) return { ...street, line1: `${i} Main St`, city: 'Springfield', region: 'IL', postcode: String(62_000 + (i % 300)), country: 'US' };
  if (i % 3 === 1) return { ...street, city: 'Berlin', postcode: String(10_115 + (i % 200)), country: 'DE' };
  return { ...street, city: 'London', postcode: `SW${(i % 9) + 1} ${(i % 7) + 1}AA`, country: 'GB' };
}

function addressOf(i: number, varied: boolean): Record<string, string> | null {
  if (varied && i % 10 === 0) return null;
  if (varied && i % 10 === 1) return { ...complete(i), line1: '' };
  return complete(i);
}

/** Half of all members are on their last issue but one and will not renew by themselves. */
function subscriptionsOf(i: number, varied: boolean): SeededSubscription[] {
  const base: SeededSubscription = {
    tier: 'print',
    billing: i % 4 === 0 ? 'gift' : 'year',
    status: 'active',
    graceUntil: null,
    cancelAtPeriodEnd: i % 4 === 2 ? 1 : 0,
    issuesRemaining: i % 2 === 0 ? 2 : 3,
  };
  if (!varied) return [base];
  const main = { ...base };
  if (i % 13 === 0) Object.assign(main, { status: 'past_due', graceUntil: graceRunning });
  if (i % 17 === 0) Object.assign(main, { status: 'past_due', graceUntil: graceOver });
  if (i % 19 === 0) main.status = 'canceled';
  if (i % 23 === 0) main.issuesRemaining = 0;
  if (i % 29 === 0) main.issuesRemaining = 1;
  const more: SeededSubscription[] = [];
  if (i % 7 === 0) more.push({ ...base, billing: 'year', cancelAtPeriodEnd: 1, issuesRemaining: 2 });
  if (i % 11 === 0) more.push({ ...base, tier: 'digital', billing: 'year', issuesRemaining: 2 });
  return [main, ...more];
}

export interface ExpectedFreeze {
  report: { copies: number; subscribers: number; withoutAddress: number };
  /** Lines by member id. */
  lines: Map<number, Record<string, string | number>>;
  /** Reminder job key → the address it goes to. */
  reminders: Map<string, string>;
  /** Subscriptions counted down, by id, with their issues left after the freeze. */
  counted: Map<number, number>;
}

/** Seeds the list through bulk inserts (a print and a digital plan, members, subscriptions) and the issue; returns what its freeze must give. */
export async function seedPrintList(db: Kysely<Database>, shape: PrintListShape, cutoff: string): Promise<{ issueId: number; expected: ExpectedFreeze }> {
  const plan = (tier: 'print' | 'digital') =>
    db
      .insertInto('plans')
      .values({ slug: tier, name: tier, tier, currency: 'gbp', monthly_cents: null, yearly_cents: 6000, gift_cents: 6000, issues_per_year: tier === 'print' ? 4 : 0, created_at: created, updated_at: created })
      .returning('id')
      .executeTakeFirstOrThrow();
  const plans = { print: (await plan('print')).id, digital: (await plan('digital')).id };
  const { id: issueId } = await db
    .insertInto('print_issues')
    .values({ slug: 'winter', name: 'Winter', cover_image_url: null, on_sale_date: '2026-12-10', address_cutoff: cutoff, frozen_at: null, created_at: created, updated_at: created })
    .returning('id')
    .executeTakeFirstOrThrow();
  const expected: ExpectedFreeze = { report: { copies: 0, subscribers: 0, withoutAddress: 0 }, lines: new Map(), reminders: new Map(), counted: new Map() };
  for (let from = 0; from < shape.members; from += 500) {
    const numbers = Array.from({ length: Math.min(500, shape.members - from) }, (_, k) => from + k);
    const members = await db
      .insertInto('members')
      .values(numbers.map((i) => ({ email: `reader${i}@example.com`, name: `Reader ${i}`, stripe_customer_id: `cus_${i}`, address: JSON.stringify(addressOf(i, shape.varied)), created_at: created, updated_at: created })))
      .returning('id')
      .execute();
    const wanted = numbers.flatMap((i, k) => subscriptionsOf(i, shape.varied).map((s) => ({ i, memberId: members[k]!.id, ...s })));
    const stored = await db
      .insertInto('subscriptions')
      .values(
        wanted.map((s, n) => ({
          member_id: s.memberId,
          buyer_member_id: null,
          plan_id: plans[s.tier],
          billing: s.billing,
          status: s.status,
          stripe_subscription_id: s.billing === 'gift' ? null : `sub_${from}_${n}`,
          current_period_end: '2027-11-01T00:00:00.000Z',
          cancel_at_period_end: s.cancelAtPeriodEnd,
          grace_until: s.graceUntil,
          issues_remaining: s.issuesRemaining,
          trial_ends_at: null,
          created_at: created,
          updated_at: created,
        })),
      )
      .returning('id')
      .execute();
    for (const [n, s] of wanted.entries()) {
      const paidUp = s.status === 'active' || (s.status === 'past_due' && s.graceUntil === graceRunning);
      if (s.tier !== 'print' || s.issuesRemaining <= 0 || !paidUp) continue;
      const address = addressOf(s.i, shape.varied);
      if (!address || address.line1 === '') {
        expected.report.withoutAddress += 1;
        continue;
      }
      const subscriptionId = stored[n]!.id;
      expected.report.copies += 1;
      expected.counted.set(subscriptionId, s.issuesRemaining - 1);
      const line = expected.lines.get(s.memberId);
      if (line) line.quantity = Number(line.quantity) + 1;
      else expected.lines.set(s.memberId, { ...address, quantity: 1 });
      if (s.issuesRemaining === 2 && (s.billing === 'gift' || s.cancelAtPeriodEnd === 1)) {
        expected.reminders.set(`renewal-reminder:${subscriptionId}:${issueId}`, `reader${s.i}@example.com`);
      }
    }
  }
  expected.report.subscribers = expected.lines.size;
  return { issueId, expected };
}
