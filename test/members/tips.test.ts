import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpMailer } from '../../src/email/index.js';
import { staffClient, type AdminClient } from '../admin-api/support/admin-client.js';
import { testApp, type AppContext } from '../support/app.js';
import { htmlErrors } from '../support/html.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';
import { dialects, manualClock } from '../support/stores.js';
import { signedEvent, startStripeServer, type StripeTestServer } from '../support/stripe-server.js';
import { makePlans, memberCookie } from './helpers.js';

const CSRF_COOKIE = /^([^=]+=[^;]+)/;

describe.each(dialects)('tips (%s)', (dialect) => {
  let t: AppContext;
  let stripe: StripeTestServer;
  let smtp: TestSmtp;
  let editor: AdminClient;
  const time = manualClock('2026-11-25T12:00:00.000Z');

  /** The tip form posted as a browser would: the page's CSRF token and cookie, plus the member's cookie if any. */
  async function give(fields: Record<string, string>, member?: string) {
    const page = await t.app.inject({ url: '/members/tip/', headers: member ? { cookie: member } : {} });
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const cookie = [member ?? '', ...[page.headers['set-cookie'] ?? []].flat().map((c) => CSRF_COOKIE.exec(String(c))![1])].filter(Boolean).join('; ');
    return t.app.inject({ method: 'POST', url: '/members/tip', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: token, ...fields }).toString() });
  }

  let sessions = 0;
  /** Stripe's event for a paid tip session. */
  function paidTip(amountTotal: number, email: string | null, metadata: Record<string, string> = { kind: 'tip' }, id = `cs_tip${(sessions += 1)}`) {
    return { id, object: 'checkout.session', mode: 'payment', payment_status: 'paid', amount_total: amountTotal, currency: 'gbp', customer_details: email ? { email } : null, customer_email: null, metadata };
  }
  const webhook = (object: Record<string, unknown>, id?: string, type = 'checkout.session.completed') => {
    const { payload, signature } = signedEvent(type, object, id ? { id } : {});
    return t.app.inject({ method: 'POST', url: '/webhooks/stripe', payload, headers: { 'content-type': 'application/json', 'stripe-signature': signature } });
  };

  beforeAll(async () => {
    stripe = await startStripeServer();
    smtp = await startSmtp();
    t = await testApp(dialect, { stripe: stripe.settings, clock: time.clock, mailer: smtpMailer({ smtpUrl: smtp.url, mailFrom: 'Magazine <news@magazine.example>', dkim: undefined }) });
    await makePlans(t.services);
    editor = (await staffClient(t.app, t.services, 'editor')).client;
  });
  afterAll(async () => {
    await t.close();
    await t.services.mailer.close();
    await smtp.close();
    await stripe.close();
  });

  it('the tip page offers amounts that follow the plans’ prices, in their currency, and is valid HTML', async () => {
    const page = await t.app.inject('/members/tip/');
    expect(page.statusCode).toBe(200);
    for (const amount of ['£5.00', '£10.00', '£20.00', 'Between £1.00 and £500.00']) expect(page.body).toContain(amount);
    expect(page.body).toContain('No account needed');
    expect(await htmlErrors(page.body)).toEqual([]);
    expect((await t.app.inject('/members/print/')).body).toContain('href="/members/tip/"');
  });

  it('a reader not signed in gives a suggested or a typed amount; Stripe asks for the email', async () => {
    const preset = await give({ amount: '1000' });
    expect([preset.statusCode, preset.headers.location]).toEqual([303, expect.stringMatching(/^https:\/\/checkout\.stripe\.com\//)]);
    const session = stripe.requests.at(-1)!.body;
    expect(Object.fromEntries(session)).toMatchObject({ mode: 'payment', submit_type: 'donate', 'line_items[0][price_data][unit_amount]': '1000', 'line_items[0][price_data][currency]': 'gbp', 'metadata[kind]': 'tip' });
    expect([session.has('customer_email'), session.has('customer'), session.has('metadata[member_id]')]).toEqual([false, false, false]);

    expect((await give({ amount: '1000', amount_other: '7,50' })).statusCode).toBe(303);
    expect(stripe.requests.at(-1)!.body.get('line_items[0][price_data][unit_amount]')).toBe('750');
    expect([session.get('success_url'), session.get('cancel_url')]).toEqual(['http://localhost:3000/members/tip/thanks/', 'http://localhost:3000/members/tip/']);
    const thanks = await t.app.inject('/members/tip/thanks/');
    expect([thanks.statusCode, thanks.body.includes('Your tip has reached us.')]).toEqual([200, true]);
    expect(await htmlErrors(thanks.body)).toEqual([]);
  });

  it('a signed-in member gives as themselves', async () => {
    await t.services.members.add({ email: 'tipper@example.com', name: 'Tam Tipper' });
    const member = await t.services.members.get({ email: 'tipper@example.com' });
    expect((await give({ amount: '500' }, await memberCookie(t.services, 'tipper@example.com'))).statusCode).toBe(303);
    const session = stripe.requests.at(-1)!.body;
    expect([session.get('customer_email'), session.get('metadata[member_id]')]).toEqual(['tipper@example.com', String(member.id)]);
  });

  it('refuses amounts out of bounds, too precise or not amounts, on the page and without calling Stripe', async () => {
    const requests = stripe.requests.length;
    for (const amount of ['0.50', '501', '1.234', 'ten', '-5', '1e3', '9'.repeat(40)]) {
      const refused = await give({ amount_other: amount });
      expect(refused.statusCode, amount).toBe(400);
      expect(refused.body).toContain('Please give an amount between £1.00 and £500.00.');
      expect(await htmlErrors(refused.body)).toEqual([]);
    }
    expect((await give({ amount: '999999999999999' })).statusCode).toBe(400);
    expect((await give({})).statusCode).toBe(400);
    expect(stripe.requests.length).toBe(requests);
  });

  it('a paid tip is recorded once per session with a thank-you email; replays and a second event for the session change nothing', async () => {
    const before = smtp.received.length;
    const object = paidTip(1250, 'Kind.Reader@example.com');
    const first = await webhook(object, 'evt_tip_once');
    expect(first.json().outcome).toBe('tip recorded');
    expect((await webhook(object, 'evt_tip_once')).json().outcome).toBe('duplicate');
    expect((await webhook(object, 'evt_tip_again')).json().outcome).toBe('ignored: tip already recorded');
    await t.services.runner.drain();
    await smtp.waitFor(before + 1);
    const mail = await smtp.parsed(before);
    expect(mail.subject).toBe('Thank you for your tip');
    expect(mail.text).toContain('We have received your tip of £12.50.');
    expect(smtp.received.length).toBe(before + 1);

    expect((await webhook({ ...paidTip(300, 'late@example.com'), payment_status: 'unpaid' })).json().outcome).toBe('ignored: tip not paid yet');
    expect((await webhook(paidTip(300, null))).json().outcome).toBe('ignored: tip without an email');
    expect((await webhook({ ...paidTip(300, 'odd@example.com'), currency: 'zzz' })).json().outcome).toBe('ignored: unknown currency');
    expect((await webhook({ ...paidTip(300, 'odd@example.com'), amount_total: 'lots' })).json().outcome).toBe('ignored: unreadable tip');
    expect((await webhook(paidTip(300, 'gone@example.com', { kind: 'tip', member_id: '2147483647' }))).json().outcome).toBe('tip recorded');
  });

  it('the same paid session delivered in parallel under different event ids records one tip and sends one email', async () => {
    await t.services.runner.drain();
    const before = { mails: smtp.received.length, tips: (await t.services.tips.report()).totals[0]!.count };
    const object = paidTip(600, 'rush@example.com');
    const outcomes = (await Promise.all([1, 2, 3, 4, 5].map((n) => webhook(object, `evt_rush${n}`)))).map((r) => r.json().outcome);
    expect(outcomes.filter((o) => o === 'tip recorded')).toHaveLength(1);
    expect(outcomes.filter((o) => o !== 'tip recorded')).toEqual(Array(4).fill('ignored: tip already recorded'));
    await t.services.runner.drain();
    await smtp.waitFor(before.mails + 1);
    expect((await t.services.tips.report()).totals[0]!.count).toBe(before.tips + 1);
    expect(smtp.received.length).toBe(before.mails + 1);
  });

  it('a tip paid by a slow method is recorded and thanked once, when Stripe says the money arrived; a failed one leaves nothing', async () => {
    await t.services.runner.drain();
    const before = { mails: smtp.received.length, tips: (await t.services.tips.report()).totals[0]!.count };
    const slow = paidTip(900, 'bank.transfer@example.com');
    const waiting = { ...slow, payment_status: 'unpaid' };
    expect((await webhook(waiting, 'evt_slow_completed')).json().outcome).toBe('ignored: tip not paid yet');
    expect((await webhook(slow, 'evt_slow_succeeded', 'checkout.session.async_payment_succeeded')).json().outcome).toBe('tip recorded');
    expect((await webhook(slow, 'evt_slow_succeeded', 'checkout.session.async_payment_succeeded')).json().outcome).toBe('duplicate');
    expect((await webhook(slow, 'evt_slow_again', 'checkout.session.async_payment_succeeded')).json().outcome).toBe('ignored: tip already recorded');
    expect((await webhook(waiting, 'evt_slow_completed_late')).json().outcome).toBe('ignored: tip not paid yet');

    const failed = { ...paidTip(700, 'bounced@example.com'), payment_status: 'unpaid' };
    expect((await webhook(failed, 'evt_failed_completed')).json().outcome).toBe('ignored: tip not paid yet');
    expect((await webhook(failed, 'evt_failed', 'checkout.session.async_payment_failed')).json().outcome).toBe('ignored: tip payment failed');
    expect((await webhook(failed, 'evt_failed', 'checkout.session.async_payment_failed')).json().outcome).toBe('duplicate');
    // A failed payment's session never turns paid; a forged "succeeded" for it without payment records nothing.
    expect((await webhook(failed, 'evt_failed_odd', 'checkout.session.async_payment_succeeded')).json().outcome).toBe('ignored: tip not paid yet');

    await t.services.runner.drain();
    await smtp.waitFor(before.mails + 1);
    const report = await t.services.tips.report();
    expect(report.totals[0]!.count).toBe(before.tips + 1);
    expect(report.tips.map((tip) => tip.email)).toContain('bank.transfer@example.com');
    expect(report.tips.map((tip) => tip.email)).not.toContain('bounced@example.com');
    expect(smtp.received.length).toBe(before.mails + 1);
    expect((await smtp.parsed(before.mails)).text).toContain('We have received your tip of £9.00.');
  });

  it('editors see the tips with totals and a sum per month; authors and contributors are refused', async () => {
    time.set('2026-12-02T09:00:00.000Z');
    expect((await webhook(paidTip(2000, 'december@example.com'))).json().outcome).toBe('tip recorded');
    const report = (await editor.call('GET', '/admin/api/members/tips')).json();
    expect(report.tips[0]).toMatchObject({ email: 'december@example.com', amount: 2000, currency: 'gbp', memberId: null });
    expect(report.totals).toEqual([{ currency: 'gbp', count: 5, amount: 5050 }]);
    expect(report.byMonth).toEqual([
      { month: '2026-11', currency: 'gbp', count: 4, amount: 3050 },
      { month: '2026-12', currency: 'gbp', count: 1, amount: 2000 },
    ]);
    for (const role of ['author', 'contributor'] as const) {
      const refused = await (await staffClient(t.app, t.services, role)).client.call('GET', '/admin/api/members/tips');
      expect([refused.statusCode, refused.json().error.code]).toEqual([403, 'FORBIDDEN']);
    }
  });
});
