import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, manualClock, testServices, type TestContext } from '../support/stores.js';
import { invoice, signedEvent, subscriptionState, type StripeTestServer } from '../support/stripe-server.js';
import { deliver, gbAddress, makePlans, stripeServices, subscribe, usAddress } from './helpers.js';

describe.each(dialects)('subscriptions from Stripe events (%s)', (dialect) => {
  let t: TestContext;
  let stripe: StripeTestServer;
  let close: () => Promise<unknown>;
  const time = manualClock('2026-11-25T12:00:00.000Z');

  beforeAll(async () => {
    ({ t, stripe, close } = await stripeServices(dialect, { clock: time.clock }));
  });
  afterAll(async () => close());

  const subscriptionOf = async (email: string) => {
    const member = await t.services.members.get({ email });
    return { member, subscription: (await t.services.members.subscriptions(member.id))[0]! };
  };

  it('starts a Stripe Checkout for the chosen plan and price and remembers it', async () => {
    const url = await t.services.subscriptions.startCheckout(null, { plan: 'print-digital', billing: 'year', email: 'Buyer@Example.com', address: gbAddress });
    expect(url).toMatch(/^https:\/\/checkout\.stripe\.com\//);
    const request = stripe.requests.at(-1)!;
    expect(request.path).toBe('/v1/checkout/sessions');
    expect(request.body.get('mode')).toBe('subscription');
    expect(request.body.get('customer_email')).toBe('buyer@example.com');
    expect(request.body.get('line_items[0][price_data][unit_amount]')).toBe('9000');
    expect(request.body.get('line_items[0][price_data][recurring][interval]')).toBe('year');
    expect(request.body.get('subscription_data[metadata][checkout_id]')).toBe(request.body.get('client_reference_id'));
  });

  it('refuses a checkout with a bad address, naming the fields, before calling Stripe', async () => {
    const before = stripe.requests.length;
    await expect(t.services.subscriptions.startCheckout(null, { plan: 'print-digital', billing: 'year', email: 'x@example.com', address: { ...gbAddress, postcode: '12345' } })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ field: 'address.postcode' }],
    });
    await expect(t.services.subscriptions.startCheckout(null, { plan: 'digital', billing: 'gift', email: 'x@example.com' })).rejects.toMatchObject({
      fields: [{ field: 'billing' }],
    });
    await expect(t.services.subscriptions.startCheckout(null, { plan: 'nope', billing: 'year', email: 'x@example.com' })).rejects.toMatchObject({
      fields: [{ field: 'plan' }],
    });
    expect(stripe.requests.length).toBe(before);
  });

  it('a completed checkout and a paid invoice make a paid print subscriber with a year of issues', async () => {
    const { customer } = await subscribe(t.services, stripe, { plan: 'print-digital', billing: 'year', email: 'paid@example.com', address: gbAddress });
    const { member, subscription } = await subscriptionOf('paid@example.com');
    expect(member.stripeCustomerId).toBe(customer);
    expect(member.address).toMatchObject({ postcode: 'SW1A 1AA', country: 'GB' });
    expect(subscription).toMatchObject({ status: 'active', billing: 'year', issuesRemaining: 4 });
    expect(subscription.currentPeriodEnd).not.toBeNull();
  });

  it('a checkout by someone not signed in never reaches an existing member’s Stripe customer, address or subscriptions', async () => {
    await subscribe(t.services, stripe, { plan: 'print-digital', billing: 'year', email: 'owner@example.com', address: gbAddress });
    const owner = await t.services.members.get({ email: 'owner@example.com' });
    const before = { requests: stripe.requests.length, checkouts: (await t.services.members.detail(owner.id)).checkouts.length };
    for (const attempt of [
      { plan: 'print-digital', billing: 'year', email: 'owner@example.com', address: usAddress },
      { plan: 'digital', billing: 'month', email: ' OWNER@example.com ' },
      { plan: 'print-digital', billing: 'gift', email: 'owner@example.com', gift: { email: 'friend@example.com', name: 'Friend', address: usAddress } },
    ]) {
      await expect(t.services.subscriptions.startCheckout(null, attempt)).rejects.toMatchObject({ code: 'CHECKOUT_SIGNIN_REQUIRED', fields: [{ field: 'email' }] });
    }
    expect(stripe.requests.length).toBe(before.requests);
    const after = await t.services.members.detail(owner.id);
    expect(after.checkouts.length).toBe(before.checkouts);
    expect(after.member).toEqual(owner);
    expect(after.subscriptions).toHaveLength(1);
    expect(after.giftsGiven).toEqual([]);

    // Signed in, the same member buys with their own Stripe customer.
    await t.services.subscriptions.startCheckout(owner, { plan: 'digital', billing: 'month' });
    expect(stripe.requests.at(-1)!.body.get('customer')).toBe(owner.stripeCustomerId);
  });

  it('of checkouts started at once for the same new email, one creates the account and the others are asked to sign in', async () => {
    const attempts = await Promise.allSettled([1, 2, 3, 4, 5].map(() => t.services.subscriptions.startCheckout(null, { plan: 'digital', billing: 'month', email: 'rush@example.com' })));
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
    for (const attempt of attempts.filter((a) => a.status === 'rejected')) {
      expect((attempt as PromiseRejectedResult).reason).toMatchObject({ code: 'CHECKOUT_SIGNIN_REQUIRED' });
    }
    const member = await t.services.members.get({ email: 'rush@example.com' });
    expect((await t.services.members.detail(member.id)).checkouts).toHaveLength(1);
  });

  it('a reader who signs in while a stranger’s checkout for their address is open keeps their own delivery address', async () => {
    await t.services.subscriptions.startCheckout(null, { plan: 'print-digital', billing: 'year', email: 'newcomer@example.com', address: usAddress });
    const checkoutId = stripe.requests.at(-1)!.body.get('client_reference_id')!;
    await expect(t.services.subscriptions.startCheckout(null, { plan: 'digital', billing: 'year', email: 'newcomer@example.com' })).rejects.toMatchObject({
      code: 'CHECKOUT_SIGNIN_REQUIRED',
    });
    const { member } = await t.services.members.completeSignIn(await signInToken(t, 'newcomer@example.com'));
    await t.services.members.updateAddress(member.id, gbAddress);
    const session = { id: 'cs_stranger', client_reference_id: checkoutId, customer: 'cus_stranger', subscription: 'sub_stranger', payment_status: 'paid' };
    expect(await deliver(t.services, 'checkout.session.completed', session).outcome).toBe('subscription created');
    expect((await t.services.members.get({ email: 'newcomer@example.com' })).address).toMatchObject({ postcode: 'SW1A 1AA', country: 'GB' });
  });

  it('applies a replayed event once', async () => {
    const { stripeId } = await subscribe(t.services, stripe, { plan: 'print-digital', billing: 'year', email: 'replay@example.com', address: gbAddress });
    const { payload, signature } = signedEvent('invoice.paid', invoice(stripeId));
    expect(await t.services.subscriptions.receiveWebhook(Buffer.from(payload), signature)).toBe('paid');
    expect(await t.services.subscriptions.receiveWebhook(Buffer.from(payload), signature)).toBe('duplicate');
    expect((await subscriptionOf('replay@example.com')).subscription.issuesRemaining).toBe(8);
  });

  it('refuses events with a wrong signature, another secret or a changed body, and records nothing', async () => {
    const { payload, signature } = signedEvent('invoice.paid', invoice('sub_whatever'));
    const other = signedEvent('invoice.paid', invoice('sub_whatever'), { secret: 'whsec_other' });
    for (const [body, header] of [
      [payload, 'garbage'],
      [payload, ''],
      [other.payload, other.signature],
      [payload.replace('invoice.paid', 'invoice.payment_failed'), signature],
    ] as const) {
      await expect(t.services.subscriptions.receiveWebhook(Buffer.from(body), header)).rejects.toMatchObject({ code: 'WEBHOOK_INVALID' });
    }
  });

  it('answers events for unknown customers, checkouts and subscriptions without changing anything', async () => {
    expect(await deliver(t.services, 'invoice.paid', invoice('sub_unknown', { customer: 'cus_unknown' })).outcome).toBe('ignored: unknown subscription');
    expect(await deliver(t.services, 'invoice.payment_failed', invoice('sub_unknown')).outcome).toBe('ignored: unknown subscription');
    expect(await deliver(t.services, 'customer.subscription.deleted', subscriptionState('sub_unknown')).outcome).toBe('ignored: unknown subscription');
    expect(await deliver(t.services, 'checkout.session.completed', { id: 'cs_x', client_reference_id: '999999', customer: 'cus_unknown', subscription: 'sub_unknown', payment_status: 'paid' }).outcome).toBe(
      'ignored: unknown checkout',
    );
    expect(await deliver(t.services, 'invoice.paid', { id: 'in_odd', lines: 'not a list' }).outcome).toBe('ignored: unreadable object');
    expect(await deliver(t.services, 'charge.refunded', { id: 'ch_1' }).outcome).toBe('ignored: event type not used');
  });

  it('a failed payment starts a grace period with reminder emails; the member stays paid until it ends, then lapses', async () => {
    const { stripeId } = await subscribe(t.services, stripe, { plan: 'digital', billing: 'month', email: 'late@example.com' });
    expect(await deliver(t.services, 'invoice.payment_failed', invoice(stripeId)).outcome).toBe('payment failed: grace period started');
    let { subscription } = await subscriptionOf('late@example.com');
    expect(subscription.status).toBe('past_due');
    expect(subscription.graceUntil).toBe('2026-12-09T12:00:00.000Z');
    const reminder = await t.services.jobs.find(t.store.db, `grace-reminder:${subscription.id}`);
    expect(reminder?.run_at).toBe('2026-12-06T12:00:00.000Z');
    const session = await t.services.members.completeSignIn(await signInToken(t, 'late@example.com'));
    expect((await t.services.members.session(session.session))?.viewer).toEqual({ kind: 'member', paid: true });

    expect(await deliver(t.services, 'invoice.payment_failed', invoice(stripeId)).outcome).toBe('payment failed again (grace period unchanged)');
    time.set('2026-12-10T00:00:00.000Z');
    await t.services.runner.drain();
    ({ subscription } = await subscriptionOf('late@example.com'));
    expect(subscription.status).toBe('lapsed');
    expect((await t.services.members.session(session.session))?.viewer).toEqual({ kind: 'member', paid: false });
    time.set('2026-11-25T12:00:00.000Z');
  });

  it('a payment after a failure ends the grace period and cancels the lapse', async () => {
    const { stripeId } = await subscribe(t.services, stripe, { plan: 'digital', billing: 'month', email: 'recovers@example.com' });
    await deliver(t.services, 'invoice.payment_failed', invoice(stripeId)).outcome;
    await deliver(t.services, 'invoice.paid', invoice(stripeId)).outcome;
    const { subscription } = await subscriptionOf('recovers@example.com');
    expect(subscription).toMatchObject({ status: 'active', graceUntil: null });
    expect(await t.services.jobs.find(t.store.db, `grace-end:${subscription.id}`)).toBeUndefined();
    expect(await t.services.jobs.find(t.store.db, `grace-reminder:${subscription.id}`)).toBeUndefined();
  });

  it('handles events out of order: an older update never overwrites a newer state', async () => {
    const { stripeId } = await subscribe(t.services, stripe, { plan: 'digital', billing: 'year', email: 'order@example.com' });
    const base = Math.floor(Date.now() / 1000) + 100;
    const newer = deliver(t.services, 'customer.subscription.updated', subscriptionState(stripeId, { cancel_at_period_end: true }), { created: base + 10 });
    expect(await newer.outcome).toBe('cancels at period end');
    const older = deliver(t.services, 'customer.subscription.updated', subscriptionState(stripeId, { cancel_at_period_end: false }), { created: base });
    expect(await older.outcome).toBe('ignored: older than current state');
    expect(await deliver(t.services, 'invoice.payment_failed', invoice(stripeId), { created: base - 5 }).outcome).toBe('ignored: older than current state');
    expect((await subscriptionOf('order@example.com')).subscription).toMatchObject({ cancelAtPeriodEnd: true, status: 'active' });
  });

  it('creates the subscription from its checkout when the invoice arrives before the completed session', async () => {
    await t.services.subscriptions.startCheckout(null, { plan: 'print-digital', billing: 'year', email: 'early@example.com', address: gbAddress });
    const checkoutId = stripe.requests.at(-1)!.body.get('client_reference_id')!;
    const paid = invoice('sub_early', { parent: { subscription_details: { subscription: 'sub_early', metadata: { checkout_id: checkoutId } } } });
    expect(await deliver(t.services, 'invoice.paid', paid).outcome).toBe('paid');
    const completed = { id: 'cs_early', client_reference_id: checkoutId, customer: 'cus_early', subscription: 'sub_early', payment_status: 'paid' };
    expect(await deliver(t.services, 'checkout.session.completed', completed).outcome).toBe('ignored: checkout already completed');
    expect((await subscriptionOf('early@example.com')).subscription).toMatchObject({ status: 'active', issuesRemaining: 4 });
  });

  it('only paid Stripe states give access: never incomplete, unpaid, paused or ended ones', async () => {
    const paid = async (email: string) => (await t.services.members.readersByEmail([email])).get(email) ?? null;
    const later = (() => {
      let at = Math.floor(Date.now() / 1000) + 3000;
      return () => (at += 10);
    })();
    await t.services.subscriptions.startCheckout(null, { plan: 'digital', billing: 'month', email: 'pending@example.com' });
    const checkoutId = stripe.requests.at(-1)!.body.get('client_reference_id')!;
    const state = (status: string) => subscriptionState('sub_pending', { status, metadata: { checkout_id: checkoutId } });
    const change = (status: string, type = 'customer.subscription.updated') => deliver(t.services, type, state(status), { created: later() }).outcome;

    // Stripe creates the subscription incomplete until the first payment succeeds (e.g. 3-D Secure pending).
    await change('incomplete', 'customer.subscription.created');
    const unpaidSession = { id: 'cs_pending', client_reference_id: checkoutId, customer: 'cus_pending', subscription: 'sub_pending', payment_status: 'unpaid' };
    await deliver(t.services, 'checkout.session.completed', unpaidSession, { created: later() }).outcome;
    expect(await paid('pending@example.com')).toEqual({ kind: 'member', paid: false });
    expect(await t.services.members.subscriptions((await t.services.members.get({ email: 'pending@example.com' })).id)).toEqual([]);

    await change('active');
    expect(await paid('pending@example.com')).toEqual({ kind: 'member', paid: true });
    // A late copy of the creation event (same second as the payment, or older) takes nothing away.
    await deliver(t.services, 'customer.subscription.created', state('incomplete'), { created: later() - 10 }).outcome;
    expect(await paid('pending@example.com')).toEqual({ kind: 'member', paid: true });

    for (const [status, access] of [
      ['unpaid', false],
      ['active', true],
      ['paused', false],
      ['trialing', true],
      ['past_due', true],
      ['incomplete', true],
      ['incomplete_expired', false],
    ] as const) {
      await change(status);
      expect(await paid('pending@example.com'), status).toEqual({ kind: 'member', paid: access });
    }
    // incomplete_expired is final, like a cancellation.
    await change('active');
    expect(await paid('pending@example.com')).toEqual({ kind: 'member', paid: false });
  });

  it('a checkout that never gets paid leaves no subscription, and a free one (trial, full discount) does', async () => {
    await t.services.subscriptions.startCheckout(null, { plan: 'digital', billing: 'month', email: 'walkaway@example.com' });
    const abandoned = stripe.requests.at(-1)!.body.get('client_reference_id')!;
    const created = subscriptionState('sub_walkaway', { status: 'incomplete', metadata: { checkout_id: abandoned } });
    expect(await deliver(t.services, 'customer.subscription.created', created).outcome).toBe('ignored: not paid');
    expect(await deliver(t.services, 'customer.subscription.updated', { ...created, status: 'incomplete_expired' }).outcome).toBe('ignored: not paid');
    expect(await t.services.members.subscriptions((await t.services.members.get({ email: 'walkaway@example.com' })).id)).toEqual([]);

    await t.services.subscriptions.startCheckout(null, { plan: 'digital', billing: 'month', email: 'trial@example.com' });
    const trial = stripe.requests.at(-1)!.body.get('client_reference_id')!;
    const session = { id: 'cs_trial', client_reference_id: trial, customer: 'cus_trial', subscription: 'sub_trial', payment_status: 'no_payment_required' };
    expect(await deliver(t.services, 'checkout.session.completed', session).outcome).toBe('subscription created');
    expect((await subscriptionOf('trial@example.com')).subscription.status).toBe('active');
  });

  it('cancellation is final: later events for a cancelled subscription change nothing', async () => {
    const { stripeId } = await subscribe(t.services, stripe, { plan: 'print-digital', billing: 'year', email: 'gone@example.com', address: gbAddress });
    expect(await deliver(t.services, 'customer.subscription.deleted', subscriptionState(stripeId, { status: 'canceled' })).outcome).toBe('canceled');
    for (const [type, object] of [
      ['invoice.paid', invoice(stripeId)],
      ['invoice.payment_failed', invoice(stripeId)],
      ['customer.subscription.updated', subscriptionState(stripeId)],
      ['customer.subscription.resumed', subscriptionState(stripeId)],
    ] as const) {
      expect(await deliver(t.services, type, object, { created: Math.floor(Date.now() / 1000) + 1000 }).outcome).toBe('ignored: subscription canceled');
    }
    expect((await subscriptionOf('gone@example.com')).subscription).toMatchObject({ status: 'canceled', issuesRemaining: 0 });
  });

  it('cancels and resumes from the portal through Stripe, and reports a resumed subscription', async () => {
    const { stripeId } = await subscribe(t.services, stripe, { plan: 'digital', billing: 'month', email: 'undecided@example.com' });
    const { member, subscription } = await subscriptionOf('undecided@example.com');
    await t.services.subscriptions.setCancelAtPeriodEnd(member, subscription.id, true);
    expect(stripe.requests.at(-1)).toMatchObject({ path: `/v1/subscriptions/${stripeId}` });
    expect((await subscriptionOf('undecided@example.com')).subscription.cancelAtPeriodEnd).toBe(true);
    await expect(t.services.subscriptions.setCancelAtPeriodEnd(member, subscription.id, true)).rejects.toMatchObject({ code: 'SUBSCRIPTION_NOT_CHANGEABLE' });
    await t.services.subscriptions.setCancelAtPeriodEnd(member, subscription.id, false);
    expect((await subscriptionOf('undecided@example.com')).subscription.cancelAtPeriodEnd).toBe(false);

    const stranger = await t.services.members.get({ email: 'paid@example.com' });
    await expect(t.services.subscriptions.setCancelAtPeriodEnd(stranger, subscription.id, true)).rejects.toMatchObject({ code: 'SUBSCRIPTION_NOT_FOUND' });

    const later = Math.floor(Date.now() / 1000) + 2000;
    await deliver(t.services, 'customer.subscription.updated', subscriptionState(stripeId, { cancel_at_period_end: true }), { created: later }).outcome;
    expect(await deliver(t.services, 'customer.subscription.resumed', subscriptionState(stripeId), { created: later + 1 }).outcome).toBe('resumed');
  });

  it('a gift makes the recipient a print subscriber at their address and tells them by email', async () => {
    await t.services.subscriptions.startCheckout(null, {
      plan: 'print-digital',
      billing: 'gift',
      email: 'giver@example.com',
      gift: { email: 'Lucky@Example.com', name: 'Lucky Reader', message: 'Happy birthday!', address: { ...gbAddress, name: 'Lucky Reader' } },
    });
    const request = stripe.requests.at(-1)!;
    expect(request.body.get('mode')).toBe('payment');
    expect(request.body.get('line_items[0][price_data][unit_amount]')).toBe('9500');
    const completed = { id: 'cs_gift', client_reference_id: request.body.get('client_reference_id'), customer: 'cus_giver', subscription: null, payment_status: 'paid' };
    expect(await deliver(t.services, 'checkout.session.completed', completed).outcome).toBe('gift subscription created');
    const { member, subscription } = await subscriptionOf('lucky@example.com');
    expect(member.address?.name).toBe('Lucky Reader');
    expect(subscription).toMatchObject({ billing: 'gift', status: 'active', issuesRemaining: 4, currentPeriodEnd: '2027-11-25T12:00:00.000Z' });
    const email = await t.store.db.selectFrom('jobs').select('payload').where('name', '=', 'members.email').where('payload', 'like', '%lucky@example.com%').executeTakeFirst();
    expect(email?.payload).toContain('Happy birthday!');
  });

  it('a gift paid by a slow method is given once the money arrives, and never when the payment fails', async () => {
    const give = async (giver: string, recipient: string) => {
      await t.services.subscriptions.startCheckout(null, { plan: 'print-digital', billing: 'gift', email: giver, gift: { email: recipient, name: 'Slow Friend', address: { ...gbAddress, name: 'Slow Friend' } } });
      const checkoutId = stripe.requests.at(-1)!.body.get('client_reference_id');
      return { id: `cs_slow_gift${checkoutId}`, client_reference_id: checkoutId, customer: null, subscription: null, payment_status: 'unpaid' };
    };
    const arriving = await give('patient@example.com', 'slow.friend@example.com');
    expect(await deliver(t.services, 'checkout.session.completed', arriving).outcome).toBe('ignored: not paid yet');
    const paid = { ...arriving, payment_status: 'paid' };
    const succeeded = deliver(t.services, 'checkout.session.async_payment_succeeded', paid);
    expect(await succeeded.outcome).toBe('gift subscription created');
    expect(await deliver(t.services, 'checkout.session.async_payment_succeeded', paid).outcome).toBe('ignored: checkout already completed');
    expect((await subscriptionOf('slow.friend@example.com')).subscription).toMatchObject({ billing: 'gift', status: 'active' });

    const bounced = await give('bounced@example.com', 'never.given@example.com');
    expect(await deliver(t.services, 'checkout.session.completed', bounced).outcome).toBe('ignored: not paid yet');
    expect(await deliver(t.services, 'checkout.session.async_payment_failed', bounced).outcome).toBe('ignored: event type not used');
    await expect(t.services.members.get({ email: 'never.given@example.com' })).rejects.toMatchObject({ code: 'MEMBER_NOT_FOUND' });
  });

  it('without Stripe keys, checkout and webhooks say payments are not configured', async () => {
    const bare = await testServices(dialect);
    try {
      await makePlans(bare.services);
      await expect(bare.services.subscriptions.startCheckout(null, { plan: 'digital', billing: 'month', email: 'a@example.com' })).rejects.toMatchObject({
        code: 'PAYMENTS_NOT_CONFIGURED',
      });
      await expect(bare.services.subscriptions.receiveWebhook(Buffer.from('{}'), 'x')).rejects.toMatchObject({ code: 'PAYMENTS_NOT_CONFIGURED' });
    } finally {
      await bare.close();
    }
  });

  it('a Stripe outage during checkout is a clear provider error, not a crash', async () => {
    stripe.failing = true;
    try {
      await expect(t.services.subscriptions.startCheckout(null, { plan: 'digital', billing: 'month', email: 'a@example.com' })).rejects.toMatchObject({
        code: 'PAYMENT_PROVIDER_FAILED',
      });
    } finally {
      stripe.failing = false;
    }
  });
});

async function signInToken(t: TestContext, email: string): Promise<string> {
  let link = '';
  await t.services.members.requestSignIn(email, (token) => (link = token));
  return link;
}
