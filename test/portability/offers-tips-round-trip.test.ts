import { afterEach, describe, expect, it } from 'vitest';
import { deliver, stripeServices } from '../members/helpers.js';
import { dialects, type TestContext } from '../support/stores.js';
import type { StripeTestServer } from '../support/stripe-server.js';
import { exportDocument, importDocument } from './site-document-support.js';

describe.each(dialects)('offers and tips in export and import on %s', (dialect) => {
  const open: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    for (const close of open.splice(0)) await close();
  });
  const withStripe = async () => {
    const made = await stripeServices(dialect);
    open.push(made.close);
    return made;
  };

  /** A reader claims an offer at checkout and Stripe reports it paid at `amountTotal`. */
  async function redeem(t: TestContext, stripe: StripeTestServer, offer: string, email: string, amountTotal: number) {
    await t.services.subscriptions.startCheckout(null, { plan: 'digital', billing: 'month', email, offer });
    const checkoutId = stripe.requests.at(-1)!.body.get('client_reference_id')!;
    const session = { id: `cs_rt${checkoutId}`, client_reference_id: checkoutId, customer: `cus_rt${checkoutId}`, subscription: `sub_rt${checkoutId}`, payment_status: 'paid', amount_total: amountTotal };
    expect(await deliver(t.services, 'checkout.session.completed', session).outcome).toBe('subscription created');
  }
  const tip = (id: string, amount: number, email: string, memberId?: number) => ({
    id,
    object: 'checkout.session',
    payment_status: 'paid',
    amount_total: amount,
    currency: 'gbp',
    customer_details: { email },
    metadata: { kind: 'tip', ...(memberId ? { member_id: String(memberId) } : {}) },
  });

  it('carries offers with their promotion codes, Stripe references and redemptions, and tips with their member; an import asks nothing of Stripe', async () => {
    const source = await withStripe();
    const digital = (await source.t.services.plans.list({ onlyActive: true })).find((p) => p.slug === 'digital')!;
    const spring = await source.t.services.offers.create({
      code: 'spring',
      name: 'Spring readers',
      planId: digital.id,
      billing: 'month',
      percentOff: 20,
      duration: 'repeating',
      durationMonths: 3,
      promotionCode: 'spring20',
      endsAt: '2099-01-01T00:00:00Z',
      maxRedemptions: 10,
    });
    const autumn = await source.t.services.offers.create({ code: 'autumn', name: 'Autumn', planId: digital.id, billing: 'month', amountOff: '1.50', duration: 'once' });
    await source.t.services.offers.end(autumn.id);
    await redeem(source.t, source.stripe, 'spring', 'first@example.com', 400);
    await redeem(source.t, source.stripe, 'spring', 'second@example.com', 400);
    const member = await source.t.services.members.get({ email: 'first@example.com' });
    expect(await deliver(source.t.services, 'checkout.session.completed', tip('cs_tip_member', 1000, 'first.card@example.com', member.id)).outcome).toBe('tip recorded');
    expect(await deliver(source.t.services, 'checkout.session.completed', tip('cs_tip_stranger', 250, 'stranger@example.com')).outcome).toBe('tip recorded');

    const first = await exportDocument(source.t.services);
    expect(first.offers).toEqual([
      expect.objectContaining({
        code: 'spring',
        plan: 'digital',
        percentOff: 20,
        durationMonths: 3,
        promotionCode: 'SPRING20',
        stripeCouponId: spring.stripeCouponId,
        stripePromotionCodeId: spring.stripePromotionCodeId,
        maxRedemptions: 10,
        endedAt: null,
      }),
      expect.objectContaining({ code: 'autumn', amountOff: 150, promotionCode: null, stripeCouponId: autumn.stripeCouponId, endedAt: expect.any(String) }),
    ]);
    expect(first.offerRedemptions).toEqual([
      { offer: 'spring', member: 'first@example.com', amountPaid: 400, redeemedAt: expect.any(String) },
      { offer: 'spring', member: 'second@example.com', amountPaid: 400, redeemedAt: expect.any(String) },
    ]);
    expect(first.tips).toEqual([
      { stripeSessionId: 'cs_tip_member', member: 'first@example.com', email: 'first.card@example.com', amount: 1000, currency: 'gbp', createdAt: expect.any(String) },
      { stripeSessionId: 'cs_tip_stranger', member: null, email: 'stranger@example.com', amount: 250, currency: 'gbp', createdAt: expect.any(String) },
    ]);

    const target = await withStripe();
    await target.t.store.db.deleteFrom('plans').execute();
    const requests = target.stripe.requests.length;
    await importDocument(target.t.services, first);
    expect(target.stripe.requests.length).toBe(requests);
    expect(await exportDocument(target.t.services)).toMatchObject({ offers: first.offers, offerRedemptions: first.offerRedemptions, tips: first.tips });

    const report = await target.t.services.offers.report((await target.t.services.offers.get({ code: 'spring' })).id);
    expect(report.offer).toMatchObject({ state: 'live', redemptions: 2, revenue: 800, promotionCode: 'SPRING20' });
    expect(report.members.map((m) => m.email).sort()).toEqual(['first@example.com', 'second@example.com']);
    expect((await target.t.services.offers.get({ code: 'autumn' })).state).toBe('ended');
    expect((await target.t.services.offers.byPromotionCode('spring20'))?.code).toBe('spring');
    const tips = await target.t.services.tips.report();
    expect(tips.totals).toEqual([{ currency: 'gbp', count: 2, amount: 1250 }]);
    const imported = await target.t.services.members.get({ email: 'first@example.com' });
    expect(tips.tips.find((t) => t.email === 'first.card@example.com')?.memberId).toBe(imported.id);
    // Nothing was sent for tips that arrived by import.
    expect(await target.t.store.db.selectFrom('jobs').select('id').where('name', '=', 'members.email').execute()).toEqual([]);
  });

  it('refuses bad offers, redemptions and tips with the item named, importing nothing', async () => {
    const source = await withStripe();
    const digital = (await source.t.services.plans.list({ onlyActive: true })).find((p) => p.slug === 'digital')!;
    await source.t.services.offers.create({ code: 'base', name: 'Base', planId: digital.id, billing: 'month', percentOff: 10, duration: 'once', promotionCode: 'BASE10' });
    await redeem(source.t, source.stripe, 'base', 'reader@example.com', 450);
    expect(await deliver(source.t.services, 'checkout.session.completed', tip('cs_tip_bad', 500, 'giver@example.com')).outcome).toBe('tip recorded');
    const good = await exportDocument(source.t.services);
    const offer = good.offers[0]!;
    const redemption = good.offerRedemptions[0]!;
    const given = good.tips[0]!;

    const target = await withStripe();
    await target.t.store.db.deleteFrom('plans').execute();
    for (const [change, where, message] of [
      [{ offers: [{ ...offer, plan: 'missing' }] }, 'offers.0', 'no paid plan'],
      [{ offers: [{ ...offer, amountOff: 100 }] }, 'offers.0', 'either a percentage or an amount'],
      [{ offers: [{ ...offer, promotionCode: 'lower' }] }, 'offers.0.promotionCode', 'capital letters'],
      [{ offers: [{ ...offer, durationMonths: 3 }] }, 'offers.0.durationMonths', 'repeats'],
      [{ offers: [{ ...offer, stripeCouponId: 'x'.repeat(300) }] }, 'offers.0.stripeCouponId', ''],
      [{ offers: [offer, { ...offer, code: 'other' }] }, 'offers.1', 'same code or promotion code'],
      [{ offers: [{ ...offer, sneaky: true }] }, 'offers.0', ''],
      [{ offerRedemptions: [{ ...redemption, offer: 'nope' }] }, 'offerRedemptions.0', 'no offer'],
      [{ offerRedemptions: [{ ...redemption, member: 'ghost@example.com' }] }, 'offerRedemptions.0', 'no such member'],
      [{ offerRedemptions: [{ ...redemption, amountPaid: -1 }] }, 'offerRedemptions.0.amountPaid', ''],
      [{ tips: [{ ...given, currency: 'zzz' }] }, 'tips.0.currency', ''],
      [{ tips: [{ ...given, amount: 0 }] }, 'tips.0.amount', ''],
      [{ tips: [{ ...given, member: 'ghost@example.com' }] }, 'tips.0', 'no such member'],
      [{ tips: [given, given] }, 'tips.1', 'same Stripe session'],
      [{ tips: { not: 'a list' } }, 'tips', ''],
    ] as const) {
      const refused = importDocument(target.t.services, { ...good, ...change });
      await expect(refused, `${where} ${message}`).rejects.toMatchObject({ code: 'IMPORT_INVALID', message: expect.stringContaining(where) });
      await expect(refused).rejects.toMatchObject({ message: expect.stringContaining(message) });
      expect(await target.t.store.db.selectFrom('offers').select('id').execute()).toEqual([]);
      expect(await target.t.store.db.selectFrom('tips').select('id').execute()).toEqual([]);
      expect(await target.t.store.db.selectFrom('members').select('id').execute()).toEqual([]);
    }
  });
});
