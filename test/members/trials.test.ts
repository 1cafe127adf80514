import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffClient, type AdminClient } from '../admin-api/support/admin-client.js';
import { testApp, type AppContext } from '../support/app.js';
import { makeAuthor, postFields } from '../support/factories.js';
import { dialects } from '../support/stores.js';
import { invoice, signedEvent, startStripeServer, subscriptionState, type StripeTestServer } from '../support/stripe-server.js';
import { memberCookie } from './helpers.js';

const PAID_BODY = 'Saxifrage paid-only paragraph';
const DAY = 86_400;

describe.each(dialects)('free trials (%s)', (dialect) => {
  let t: AppContext;
  let stripe: StripeTestServer;
  let admin: AdminClient;
  let paidSlug: string;

  const webhook = (type: string, object: Record<string, unknown>, options: { id?: string; created?: number } = {}) => {
    const { payload, signature } = signedEvent(type, object, options);
    return t.app.inject({ method: 'POST', url: '/webhooks/stripe', payload, headers: { 'content-type': 'application/json', 'stripe-signature': signature } });
  };
  const subscriptionOf = async (email: string) => {
    const member = await t.services.members.get({ email });
    return (await t.services.members.subscriptions(member.id))[0]!;
  };

  /** A reader starts a checkout for the trial plan; Stripe reports the session completed without payment and the subscription trialing. */
  async function startTrial(email: string, stripeId: string, trialEnd: number, created: number) {
    await t.services.subscriptions.startCheckout(null, { plan: 'reader', billing: 'month', email });
    const checkoutId = stripe.requests.at(-1)!.body.get('client_reference_id')!;
    const session = { id: `cs_${stripeId}`, object: 'checkout.session', client_reference_id: checkoutId, customer: `cus_${stripeId}`, subscription: stripeId, payment_status: 'no_payment_required' };
    expect((await webhook('checkout.session.completed', session, { created })).json().outcome).toBe('subscription created');
    const trialing = subscriptionState(stripeId, { status: 'trialing', trial_end: trialEnd, metadata: { checkout_id: checkoutId } });
    expect((await webhook('customer.subscription.created', trialing, { created: created + 1 })).json().outcome).toBe('updated: trialing');
    return trialing;
  }

  beforeAll(async () => {
    stripe = await startStripeServer();
    t = await testApp(dialect, { stripe: stripe.settings });
    admin = (await staffClient(t.app, t.services, 'administrator')).client;
    const created = await admin.call('POST', '/admin/api/members/plans', { name: 'Reader', tier: 'digital', monthlyCents: 500, yearlyCents: 5000, giftCents: 5000, trialDays: 14 });
    expect([created.statusCode, created.json().trialDays]).toEqual([201, 14]);
    const author = await makeAuthor(t.services, { name: 'Trial Writer' });
    paidSlug = (await t.services.posts.create(postFields([author.slug], { title: 'Behind the paywall', excerpt: 'Teaser.', body: `${PAID_BODY}.`, visibility: 'paid', status: 'published' }))).slug;
  });
  afterAll(async () => {
    await t.close();
    await stripe.close();
  });

  it('asks Stripe for the plan’s trial on monthly and yearly checkouts, never on a gift', async () => {
    await t.services.subscriptions.startCheckout(null, { plan: 'reader', billing: 'year', email: 'asks@example.com' });
    expect(stripe.requests.at(-1)!.body.get('subscription_data[trial_period_days]')).toBe('14');
    await t.services.subscriptions.startCheckout(null, { plan: 'reader', billing: 'gift', email: 'giver@example.com', gift: { email: 'friend@example.com', name: 'Friend' } });
    const gift = stripe.requests.at(-1)!.body;
    expect([gift.get('mode'), gift.has('subscription_data[trial_period_days]')]).toEqual(['payment', false]);
  });

  it('refuses a trial on a free plan and trial lengths that are not whole days up to two years', async () => {
    for (const [body, field] of [
      [{ name: 'Gratis', tier: 'free', trialDays: 7 }, 'trialDays'],
      [{ name: 'Long', tier: 'digital', monthlyCents: 100, trialDays: 731 }, 'trialDays'],
      [{ name: 'Half', tier: 'digital', monthlyCents: 100, trialDays: 1.5 }, 'trialDays'],
      [{ name: 'Minus', tier: 'digital', monthlyCents: 100, trialDays: -1 }, 'trialDays'],
    ] as const) {
      const refused = await admin.call('POST', '/admin/api/members/plans', body);
      expect([refused.statusCode, refused.json().error.code, refused.json().error.fields[0].field]).toEqual([400, 'VALIDATION_FAILED', field]);
    }
  });

  it('a reader in trial reads paid pieces, sees the trial on their account page, and editors see it too', async () => {
    const now = Math.floor(Date.now() / 1000);
    await startTrial('trying@example.com', 'sub_trying', now + 14 * DAY, now);
    const subscription = await subscriptionOf('trying@example.com');
    expect(subscription).toMatchObject({ status: 'active', trialEndsAt: new Date((now + 14 * DAY) * 1000).toISOString() });

    const cookie = await memberCookie(t.services, 'trying@example.com');
    expect((await t.app.inject({ url: `/${paidSlug}/`, headers: { cookie } })).body).toContain(PAID_BODY);
    const account = await t.app.inject({ url: '/members/', headers: { cookie } });
    expect(account.body).toContain('<dd>Free trial</dd>');
    expect(account.body).toContain('Trial ends on');

    const editor = (await staffClient(t.app, t.services, 'editor')).client;
    const member = await t.services.members.get({ email: 'trying@example.com' });
    const detail = (await editor.call('GET', `/admin/api/members/${member.id}`)).json();
    expect(detail.subscriptions[0].trialEndsAt).toBe(subscription.trialEndsAt);
  });

  it('trial → active: the first paid invoice and Stripe’s update end the trial; replayed events change nothing', async () => {
    const now = Math.floor(Date.now() / 1000);
    const trialing = await startTrial('converts@example.com', 'sub_converts', now + 7 * DAY, now - 10);
    const active = { ...trialing, status: 'active', trial_end: now };
    const update = signedEvent('customer.subscription.updated', active, { created: now });
    const send = () => t.app.inject({ method: 'POST', url: '/webhooks/stripe', payload: update.payload, headers: { 'content-type': 'application/json', 'stripe-signature': update.signature } });
    expect((await send()).json().outcome).toBe('updated: active');
    expect((await webhook('invoice.paid', invoice('sub_converts', { customer: 'cus_sub_converts' }), { created: now + 1 })).json().outcome).toBe('paid');
    const after = await subscriptionOf('converts@example.com');
    expect(after).toMatchObject({ status: 'active', trialEndsAt: null });

    // A replay of the update, and a late copy of the trialing state, change nothing.
    expect((await send()).json()).toEqual({ received: true, outcome: 'duplicate' });
    expect((await webhook('customer.subscription.updated', trialing, { created: now - 5 })).json().outcome).toBe('ignored: older than current state');
    expect(await subscriptionOf('converts@example.com')).toEqual(after);
    const cookie = await memberCookie(t.services, 'converts@example.com');
    expect((await t.app.inject({ url: '/members/', headers: { cookie } })).body).not.toContain('Free trial');
  });

  it('trial → canceled: the reader loses access, and a replay or a late trialing event changes nothing', async () => {
    const now = Math.floor(Date.now() / 1000);
    const trialing = await startTrial('leaves@example.com', 'sub_leaves', now + 7 * DAY, now - 10);
    const deleted = signedEvent('customer.subscription.deleted', { ...trialing, status: 'canceled' }, { created: now });
    const send = () => t.app.inject({ method: 'POST', url: '/webhooks/stripe', payload: deleted.payload, headers: { 'content-type': 'application/json', 'stripe-signature': deleted.signature } });
    expect((await send()).json().outcome).toBe('canceled');
    expect((await send()).json().outcome).toBe('duplicate');
    expect((await webhook('customer.subscription.updated', trialing, { created: now + 5 })).json().outcome).toBe('ignored: subscription canceled');
    expect(await subscriptionOf('leaves@example.com')).toMatchObject({ status: 'canceled', trialEndsAt: null });
    const cookie = await memberCookie(t.services, 'leaves@example.com');
    expect((await t.app.inject({ url: `/${paidSlug}/`, headers: { cookie } })).body).not.toContain(PAID_BODY);
  });
});
