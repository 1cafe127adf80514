import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffClient, type AdminClient } from '../admin-api/support/admin-client.js';
import { testApp, type AppContext } from '../support/app.js';
import { htmlErrors } from '../support/html.js';
import { dialects, manualClock } from '../support/stores.js';
import { signedEvent, startStripeServer, type StripeTestServer } from '../support/stripe-server.js';
import { makePlans } from './helpers.js';

const CSRF_COOKIE = /^([^=]+=[^;]+)/;

describe.each(dialects)('offers (%s)', (dialect) => {
  let t: AppContext;
  let stripe: StripeTestServer;
  let editor: AdminClient;
  let digitalId: number;
  const time = manualClock('2026-11-25T12:00:00.000Z');

  const offer = (overrides: Record<string, unknown> = {}) => ({ name: 'Winter readers', planId: digitalId, billing: 'month', percentOff: 25, duration: 'repeating', durationMonths: 3, ...overrides });
  const create = async (overrides: Record<string, unknown> = {}) => {
    const response = await editor.call('POST', '/admin/api/members/offers', offer(overrides));
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  };
  const webhook = (type: string, object: Record<string, unknown>) => {
    const { payload, signature } = signedEvent(type, object);
    const send = () => t.app.inject({ method: 'POST', url: '/webhooks/stripe', payload, headers: { 'content-type': 'application/json', 'stripe-signature': signature } });
    return send;
  };

  /** The landing page's form, posted as a reader's browser would (with the page's CSRF token and cookie). */
  async function claim(code: string, fields: Record<string, string>) {
    const landing = await t.app.inject(`/members/offers/${code}/`);
    const token = /name="_csrf" value="([^"]+)"/.exec(landing.body)![1]!;
    const cookie = [landing.headers['set-cookie'] ?? []]
      .flat()
      .map((c) => CSRF_COOKIE.exec(String(c))![1])
      .join('; ');
    const offerFields = { plan: /name="plan" value="([^"]+)"/.exec(landing.body)![1]!, billing: /name="billing" value="([^"]+)"/.exec(landing.body)![1]!, offer: code };
    return t.app.inject({
      method: 'POST',
      url: '/members/checkout',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: token, ...offerFields, ...fields }).toString(),
    });
  }

  /** A checkout form posted with a valid CSRF token (taken from the sign-in page). */
  async function checkout(fields: Record<string, string>) {
    const page = await t.app.inject('/members/signin/');
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const cookie = [page.headers['set-cookie'] ?? []]
      .flat()
      .map((c) => CSRF_COOKIE.exec(String(c))![1])
      .join('; ');
    return t.app.inject({ method: 'POST', url: '/members/checkout', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: token, ...fields }).toString() });
  }

  /** Stripe reports the checkout a claim started as paid, charging `amountTotal`. */
  async function pay(amountTotal: number) {
    const request = stripe.requests.filter((r) => r.path === '/v1/checkout/sessions').at(-1)!;
    const checkoutId = request.body.get('client_reference_id')!;
    const session = {
      id: `cs_offer${checkoutId}`,
      object: 'checkout.session',
      client_reference_id: checkoutId,
      customer: `cus_offer${checkoutId}`,
      subscription: `sub_offer${checkoutId}`,
      payment_status: 'paid',
      amount_total: amountTotal,
    };
    return webhook('checkout.session.completed', session);
  }

  beforeAll(async () => {
    stripe = await startStripeServer();
    t = await testApp(dialect, { stripe: stripe.settings, clock: time.clock });
    digitalId = (await makePlans(t.services)).digital.id;
    editor = (await staffClient(t.app, t.services, 'editor')).client;
  });
  afterAll(async () => {
    await t.close();
    await stripe.close();
  });

  it('an editor creates an offer backed by a Stripe coupon; contributors, authors and strangers cannot see or touch offers', async () => {
    const created = await create({ code: 'winter', endsAt: '2026-12-31T23:00:00Z', maxRedemptions: 50 });
    expect(created).toMatchObject({ code: 'winter', state: 'live', redemptions: 0, revenue: 0, regularPrice: 500, discountedPrice: 375, stripeCouponId: expect.stringMatching(/^co_/) });
    const coupon = stripe.requests.filter((r) => r.path === '/v1/coupons').at(-1)!.body;
    expect(Object.fromEntries(coupon)).toMatchObject({ percent_off: '25', duration: 'repeating', duration_in_months: '3', max_redemptions: '50', redeem_by: String(Date.parse('2026-12-31T23:00:00Z') / 1000) });

    const requests = stripe.requests.length;
    for (const role of ['contributor', 'author'] as const) {
      const client = (await staffClient(t.app, t.services, role)).client;
      for (const [method, url] of [
        ['GET', '/admin/api/members/offers'],
        ['POST', '/admin/api/members/offers'],
        ['GET', `/admin/api/members/offers/${created.id}`],
        ['POST', `/admin/api/members/offers/${created.id}/end`],
      ] as const) {
        const refused = await client.call(method, url, method === 'POST' ? offer({ code: `${role}-try` }) : undefined);
        expect([refused.statusCode, refused.json().error.code], `${role} ${method} ${url}`).toEqual([403, 'FORBIDDEN']);
      }
    }
    expect((await t.app.inject('/admin/api/members/offers')).statusCode).toBe(401);
    expect(stripe.requests.length).toBe(requests);
    expect((await editor.call('GET', '/admin/api/members/offers')).json().offers.map((o: { code: string }) => o.code)).toEqual(['winter']);
  });

  it('takes amounts off in the plan currency’s minor units, and refuses what Stripe could not charge', async () => {
    const yen = await t.services.plans.create({ name: 'Yen reader', tier: 'digital', currency: 'jpy', monthlyCents: 800 });
    const dinar = await t.services.plans.create({ name: 'Dinar reader', tier: 'digital', currency: 'bhd', yearlyCents: 12_000 });
    expect(await create({ code: 'yen-off', planId: yen.id, percentOff: null, amountOff: '300', duration: 'once', durationMonths: null })).toMatchObject({ amountOff: 300, discountedPrice: 500 });
    expect(Object.fromEntries(stripe.requests.at(-1)!.body)).toMatchObject({ amount_off: '300', currency: 'jpy', duration: 'once' });
    expect(await create({ code: 'dinar-off', planId: dinar.id, billing: 'year', percentOff: null, amountOff: '1.5', duration: 'forever', durationMonths: null })).toMatchObject({
      amountOff: 1500,
      discountedPrice: 10_500,
    });
    expect(Object.fromEntries(stripe.requests.at(-1)!.body)).toMatchObject({ amount_off: '1500', currency: 'bhd' });

    const requests = stripe.requests.length;
    for (const [body, code, field] of [
      [offer({ planId: yen.id, percentOff: null, amountOff: '2.5', duration: 'once', durationMonths: null }), 'PRICE_TOO_PRECISE', 'amountOff'],
      [offer({ planId: dinar.id, billing: 'year', percentOff: null, amountOff: '0.0015', duration: 'once', durationMonths: null }), 'PRICE_TOO_PRECISE', 'amountOff'],
      [offer({ percentOff: null, amountOff: 500 }), 'VALIDATION_FAILED', 'amountOff'],
      [offer({ amountOff: 100 }), 'VALIDATION_FAILED', 'percentOff'],
      [offer({ percentOff: null }), 'VALIDATION_FAILED', 'percentOff'],
      [offer({ percentOff: 101 }), 'VALIDATION_FAILED', 'percentOff'],
      [offer({ durationMonths: null }), 'VALIDATION_FAILED', 'durationMonths'],
      [offer({ billing: 'year', durationMonths: 5 }), 'VALIDATION_FAILED', 'durationMonths'],
      [offer({ duration: 'once' }), 'VALIDATION_FAILED', 'durationMonths'],
      [offer({ endsAt: '2026-11-01T00:00:00Z' }), 'VALIDATION_FAILED', 'endsAt'],
      [offer({ startsAt: '2026-12-10T00:00:00Z', endsAt: '2026-12-01T00:00:00Z' }), 'VALIDATION_FAILED', 'endsAt'],
      [offer({ endsAt: '2026-02-30T00:00:00Z' }), 'VALIDATION_FAILED', 'endsAt'],
      [offer({ planId: 999_999 }), 'VALIDATION_FAILED', 'planId'],
      [offer({ billing: 'gift' }), 'VALIDATION_FAILED', 'billing'],
      [offer({ code: 'Not a code!' }), 'VALIDATION_FAILED', 'code'],
      [offer({ name: 'x'.repeat(121) }), 'VALIDATION_FAILED', 'name'],
      [{ ...offer(), sneaky: 1 }, 'VALIDATION_FAILED', '(input)'],
    ] as const) {
      const refused = await editor.call('POST', '/admin/api/members/offers', body);
      expect([refused.statusCode, refused.json().error.code, refused.json().error.fields?.[0]?.field], JSON.stringify(body)).toEqual([400, code, field]);
    }
    const taken = await editor.call('POST', '/admin/api/members/offers', offer({ code: 'yen-off' }));
    expect([taken.statusCode, taken.json().error.fields]).toEqual([409, [{ field: 'code', message: 'is taken' }]]);
    expect(stripe.requests.length).toBe(requests);
  });

  it('when Stripe refuses the coupon, no offer is left behind', async () => {
    stripe.failing = true;
    const failed = await editor.call('POST', '/admin/api/members/offers', offer({ code: 'stripe-down' }));
    stripe.failing = false;
    expect([failed.statusCode, failed.json().error.code]).toEqual([502, 'PAYMENT_PROVIDER_FAILED']);
    expect((await t.app.inject('/members/offers/stripe-down/')).statusCode).toBe(404);
    expect((await create({ code: 'stripe-down' })).state).toBe('live');
  });

  it('the landing page shows the plan, the discounted price and a checkout that applies the coupon; the report counts the member once', async () => {
    const { id, stripeCouponId } = await create({ code: 'spring', durationMonths: 2 });
    const landing = await t.app.inject('/members/offers/spring/');
    expect(landing.statusCode).toBe(200);
    expect(landing.body).toContain('<h2>Digital</h2>');
    expect(landing.body).toContain('£3.75 a month for your first 2 months');
    expect(landing.body).toContain('Then £5.00 a month.');
    expect(landing.body).toContain('Claim this offer');
    expect(await htmlErrors(landing.body)).toEqual([]);

    const started = await claim('spring', { email: 'Spring@Example.com' });
    expect([started.statusCode, started.headers.location]).toEqual([303, expect.stringMatching(/^https:\/\/checkout\.stripe\.com\//)]);
    const session = stripe.requests.at(-1)!.body;
    expect([session.get('discounts[0][coupon]'), session.get('line_items[0][price_data][unit_amount]'), session.get('cancel_url')]).toEqual([stripeCouponId, '500', 'http://localhost:3000/members/offers/spring/']);

    const completed = await pay(375);
    expect((await completed()).json().outcome).toBe('subscription created');
    expect((await completed()).json().outcome).toBe('duplicate');
    const report = (await editor.call('GET', `/admin/api/members/offers/${id}`)).json();
    expect(report.offer).toMatchObject({ redemptions: 1, revenue: 375 });
    expect(report.members).toEqual([expect.objectContaining({ email: 'spring@example.com', amountPaid: 375 })]);
  });

  it('an ended offer says so on its page, cannot be applied, and its Stripe coupon is gone', async () => {
    const { id, stripeCouponId } = await create({ code: 'autumn' });
    const ended = await editor.call('POST', `/admin/api/members/offers/${id}/end`);
    expect([ended.statusCode, ended.json().state]).toEqual([200, 'ended']);
    expect(stripe.coupons.has(stripeCouponId)).toBe(false);
    expect((await editor.call('POST', `/admin/api/members/offers/${id}/end`)).json()).toMatchObject({ state: 'ended', endedAt: ended.json().endedAt });

    const page = await t.app.inject('/members/offers/autumn/');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('This offer has ended.');
    expect(page.body).not.toContain('Claim this offer');
    expect(await htmlErrors(page.body)).toEqual([]);

    const requests = stripe.requests.length;
    const refused = await checkout({ plan: 'digital', billing: 'month', offer: 'autumn', email: 'late@example.com' });
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('This offer has ended.');
    expect(stripe.requests.length).toBe(requests);
  });

  it('an offer applies only to its own plan and billing, only once it has started, and no more times than its limit', async () => {
    await create({ code: 'monthly-only' });
    const requests = stripe.requests.length;
    const otherBilling = await checkout({ plan: 'digital', billing: 'year', offer: 'monthly-only', email: 'sly@example.com' });
    const otherPlan = await checkout({ plan: 'print-digital', billing: 'month', offer: 'monthly-only', email: 'sly@example.com' });
    expect([otherBilling.statusCode, otherPlan.statusCode]).toEqual([409, 409]);
    const unknown = await checkout({ plan: 'digital', billing: 'month', offer: 'no-such-offer', email: 'sly@example.com' });
    expect(unknown.statusCode).toBe(404);

    expect(stripe.requests.length).toBe(requests);

    await create({ code: 'later', startsAt: '2026-12-01T09:00:00Z' });
    expect((await t.app.inject('/members/offers/later/')).body).toContain('This offer opens on');
    expect((await checkout({ plan: 'digital', billing: 'month', offer: 'later', email: 'early@example.com' })).statusCode).toBe(409);
    expect(stripe.requests.length).toBe(requests + 1);

    await create({ code: 'one-place', maxRedemptions: 1, endsAt: '2026-11-26T12:00:00Z' });
    expect((await claim('one-place', { email: 'first@example.com' })).statusCode).toBe(303);
    expect((await (await pay(375))()).json().outcome).toBe('subscription created');
    const taken = await t.app.inject('/members/offers/one-place/');
    expect(taken.body).toContain('Every place in this offer has been taken.');
    expect((await checkout({ plan: 'digital', billing: 'month', offer: 'one-place', email: 'second@example.com' })).statusCode).toBe(409);

    await create({ code: 'short', endsAt: '2026-11-26T12:00:00Z' });
    time.advance(2 * 86_400_000);
    const expired = await t.app.inject('/members/offers/short/');
    expect([expired.statusCode, expired.body.includes('This offer has ended.')]).toEqual([200, true]);
    expect((await checkout({ plan: 'digital', billing: 'month', offer: 'short', email: 'tardy@example.com' })).statusCode).toBe(409);
    expect((await editor.call('GET', '/admin/api/members/offers')).json().offers.find((o: { code: string }) => o.code === 'short').state).toBe('expired');
  });

  it('an offer with a promotion code: Stripe gets the code on the coupon with the offer’s end and limit, readers type it on the plans page, checkout applies it, ending deactivates it', async () => {
    expect((await t.app.inject('/members/print/')).body).not.toContain('name="code"');
    const created = await create({ code: 'typed', promotionCode: ' Winter25 ', endsAt: '2026-12-31T23:00:00Z', maxRedemptions: 40 });
    expect(created).toMatchObject({ promotionCode: 'WINTER25', stripePromotionCodeId: expect.stringMatching(/^promo_/) });
    const promotion = stripe.promotionCodes.get(created.stripePromotionCodeId)!;
    expect(promotion).toMatchObject({ code: 'WINTER25', active: true, promotion: { type: 'coupon', coupon: created.stripeCouponId }, max_redemptions: 40, expires_at: Date.parse('2026-12-31T23:00:00Z') / 1000 });
    expect((await editor.call('GET', `/admin/api/members/offers/${created.id}`)).json().offer.promotionCode).toBe('WINTER25');

    const plans = await t.app.inject('/members/print/');
    expect(plans.body).toContain('<label for="offer-code">Have an offer code?</label>');
    expect(await htmlErrors(plans.body)).toEqual([]);
    for (const typed of ['winter25', 'WINTER25', '  Winter25 ']) {
      const found = await t.app.inject({ url: '/members/offers/', query: { code: typed } });
      expect([found.statusCode, found.headers.location], typed).toEqual([303, '/members/offers/typed/']);
    }
    for (const typed of ['SUMMER25', 'WINTER', '', '<b>x</b>', 'x'.repeat(5000)]) {
      const unknown = await t.app.inject({ url: '/members/offers/', query: { code: typed } });
      expect(unknown.statusCode, typed).toBe(404);
      expect(unknown.body).toContain('We do not know that code.');
      expect(unknown.body).not.toContain('<b>x</b>');
      expect(await htmlErrors(unknown.body)).toEqual([]);
    }
    expect((await t.app.inject('/members/offers/?code=a&code=b')).statusCode).toBe(404);
    expect((await t.app.inject('/members/offers/')).headers.location).toBe('/members/print/');

    expect((await claim('typed', { email: 'typist@example.com' })).statusCode).toBe(303);
    const session = stripe.requests.at(-1)!.body;
    expect([session.get('discounts[0][promotion_code]'), session.has('discounts[0][coupon]')]).toEqual([created.stripePromotionCodeId, false]);

    const ended = await editor.call('POST', `/admin/api/members/offers/${created.id}/end`);
    expect(ended.json().state).toBe('ended');
    expect(stripe.promotionCodes.get(created.stripePromotionCodeId)!.active).toBe(false);
    expect(stripe.coupons.has(created.stripeCouponId)).toBe(false);
    const afterEnd = await t.app.inject({ url: '/members/offers/', query: { code: 'winter25' } });
    expect(afterEnd.headers.location).toBe('/members/offers/typed/');
    expect((await t.app.inject('/members/offers/typed/')).body).toContain('This offer has ended.');
  });

  it('refuses a promotion code that is not letters and digits or that another offer uses; when Stripe refuses it, no offer or coupon is left behind', async () => {
    const requests = stripe.requests.length;
    for (const promotionCode of ['AB', 'WITH SPACE', 'caf\u00e9', 'x'.repeat(41), 'semi;colon', 42]) {
      const refused = await editor.call('POST', '/admin/api/members/offers', offer({ code: 'bad-promo', promotionCode }));
      expect([refused.statusCode, refused.json().error.code, refused.json().error.fields?.[0]?.field], String(promotionCode)).toEqual([400, 'VALIDATION_FAILED', 'promotionCode']);
    }
    expect(stripe.requests.length).toBe(requests);
    await create({ code: 'first-promo', promotionCode: 'TAKEN1' });
    const taken = await editor.call('POST', '/admin/api/members/offers', offer({ code: 'second-promo', promotionCode: 'taken1' }));
    expect([taken.statusCode, taken.json().error.fields]).toEqual([409, [{ field: 'promotionCode', message: 'is taken' }]]);

    // A code already active in the Stripe account (made outside Masthead) is refused by Stripe.
    const coupons = stripe.coupons.size;
    stripe.promotionCodes.set('promo_outside', { id: 'promo_outside', code: 'OUTSIDE', active: true });
    const refused = await editor.call('POST', '/admin/api/members/offers', offer({ code: 'outside', promotionCode: 'Outside' }));
    expect([refused.statusCode, refused.json().error.code]).toEqual([502, 'PAYMENT_PROVIDER_FAILED']);
    expect((await t.app.inject('/members/offers/outside/')).statusCode).toBe(404);
    expect(stripe.coupons.size).toBe(coupons);
    expect((await create({ code: 'outside', promotionCode: 'INSIDE' })).promotionCode).toBe('INSIDE');
  });

  it('offers created at once with the same promotion code: one is made, the others are refused', async () => {
    const attempts = await Promise.all([1, 2, 3, 4].map((n) => editor.call('POST', '/admin/api/members/offers', offer({ code: `race-${n}`, promotionCode: 'RACE' }))));
    expect(attempts.map((a) => a.statusCode).sort()).toEqual([201, 409, 409, 409]);
    expect([...stripe.promotionCodes.values()].filter((p) => p.code === 'RACE')).toHaveLength(1);
  });

  it('writes an offer’s name as text on its page, never as markup', async () => {
    await create({ code: 'markup', name: '<script>alert(1)</script> & “friends”' });
    const page = await t.app.inject('/members/offers/markup/');
    expect(page.body).not.toContain('<script>alert(1)</script>');
    expect(page.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; “friends”');
    expect(await htmlErrors(page.body)).toEqual([]);
  });

  it('answers odd offer addresses with 404, never a 500', async () => {
    for (const code of ['NOPE', '%00', 'a'.repeat(61), 'caf%C3%A9', 'x%2Fy']) {
      expect((await t.app.inject(`/members/offers/${code}/`)).statusCode, code).toBe(404);
    }
  });
});
