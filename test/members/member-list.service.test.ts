import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, manualClock, type TestContext } from '../support/stores.js';
import { subscriptionState, type StripeTestServer } from '../support/stripe-server.js';
import { deliver, gbAddress, giveGift, stripeServices, subscribe, usAddress } from './helpers.js';

describe.each(dialects)('finding members and freezing an issue early (%s)', (dialect) => {
  let t: TestContext;
  let stripe: StripeTestServer;
  let close: () => Promise<unknown>;
  const time = manualClock('2026-11-25T12:00:00.000Z');

  beforeAll(async () => {
    ({ t, stripe, close } = await stripeServices(dialect, { clock: time.clock }));
    await subscribe(t.services, stripe, { plan: 'print-digital', billing: 'year', email: 'uk@example.com', address: gbAddress });
    const gone = await subscribe(t.services, stripe, { plan: 'digital', billing: 'month', email: 'gone@example.com' });
    await deliver(t.services, 'customer.subscription.deleted', subscriptionState(gone.stripeId, { status: 'canceled' })).outcome;
    await giveGift(t.services, stripe, { plan: 'print-digital', buyer: 'giver@example.com', recipient: { email: 'lucky@example.com', name: 'Lucky Reader', address: usAddress } });
  });
  afterAll(async () => close());

  const emails = async (filter: Parameters<TestContext['services']['members']['list']>[0]) => {
    const { members, total } = await t.services.members.list(filter, { limit: 50, offset: 0 });
    return { emails: members.map((m) => m.email), total };
  };

  it('searches email and name case-insensitively, taking % and _ literally', async () => {
    expect(await emails({ q: 'UK@' })).toEqual({ emails: ['uk@example.com'], total: 1 });
    expect(await emails({ q: 'lUCKY rEADER' })).toEqual({ emails: ['lucky@example.com'], total: 1 });
    expect((await emails({ q: '_' })).total).toBe(0);
    expect((await emails({})).total).toBe(4);
  });

  it('lists each member with their own subscriptions', async () => {
    const { members } = await t.services.members.list({}, { limit: 50, offset: 0 });
    const of = (email: string) => members.find((m) => m.email === email)!.subscriptions.map((s) => [s.plan.slug, s.billing, s.status]);
    expect(of('lucky@example.com')).toEqual([['print-digital', 'gift', 'active']]);
    expect(of('gone@example.com')).toEqual([['digital', 'month', 'canceled']]);
    expect(of('uk@example.com')).toEqual([['print-digital', 'year', 'active']]);
    expect(of('giver@example.com')).toEqual([]);
  });

  it('filters by plan and by subscription status, together or apart', async () => {
    const print = await t.services.plans.get({ slug: 'print-digital' });
    const digital = await t.services.plans.get({ slug: 'digital' });
    expect((await emails({ planId: print.id })).emails).toEqual(['lucky@example.com', 'uk@example.com']);
    expect((await emails({ status: 'canceled' })).emails).toEqual(['gone@example.com']);
    expect((await emails({ planId: digital.id, status: 'active' })).total).toBe(0);
    const page = await t.services.members.list({ planId: print.id }, { limit: 1, offset: 1 });
    expect([page.members.map((m) => m.email), page.total]).toEqual([['uk@example.com'], 2]);
  });

  it('tells who paid for a gift and what a buyer gave', async () => {
    const lucky = await t.services.members.detail((await t.services.members.get({ email: 'lucky@example.com' })).id);
    expect(lucky.subscriptions).toMatchObject([{ billing: 'gift', buyer: { email: 'giver@example.com' } }]);
    const giver = await t.services.members.detail((await t.services.members.get({ email: 'giver@example.com' })).id);
    expect(giver.giftsGiven).toMatchObject([{ recipient: { email: 'lucky@example.com', name: 'Lucky Reader' } }]);
    expect(giver.checkouts).toMatchObject([{ billing: 'gift', status: 'completed', giftRecipient: { email: 'lucky@example.com' } }]);
    await expect(t.services.members.detail(424242)).rejects.toMatchObject({ code: 'MEMBER_NOT_FOUND' });
  });

  it('freezes an issue now by moving its cutoff to this moment, once', async () => {
    const issue = await t.services.print.create({ name: 'Spring 2027', onSaleDate: '2027-03-01', addressCutoff: '2027-02-01T00:00:00Z' });
    const { issue: frozen, report } = await t.services.print.freezeNow(issue.id);
    expect(report).toEqual({ copies: 2, subscribers: 2, withoutAddress: 0 });
    expect(frozen).toMatchObject({ addressCutoff: '2026-11-25T12:00:00.000Z', frozenAt: '2026-11-25T12:00:00.000Z' });
    await expect(t.services.print.freezeNow(issue.id)).rejects.toMatchObject({ code: 'PRINT_ISSUE_FROZEN' });
    const uk = await t.services.members.get({ email: 'uk@example.com' });
    expect((await t.services.members.subscriptions(uk.id))[0]!.issuesRemaining).toBe(3);
  });
});
