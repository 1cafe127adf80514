import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type AppContext } from '../support/app.js';
import { dialects } from '../support/stores.js';
import { startStripeServer, type StripeTestServer } from '../support/stripe-server.js';
import { makePlans, memberCookie } from './helpers.js';

// A signed-in member starts a checkout and is erased while Stripe makes its session, so the
// session is closed again at once; here Stripe fails to close it. The reader is told to sign in
// (their account is gone, the session's address is never given out) and the operator is warned
// with the session's id, which is all they need to close it in Stripe's dashboard.
describe.each(dialects)('a checkout whose session cannot be closed after its buyer is erased (%s)', (dialect) => {
  let t: AppContext;
  let stripe: StripeTestServer;
  const logged: Array<Record<string, unknown>> = [];
  const logger = pino({ level: 'warn' }, { write: (line: string) => logged.push(JSON.parse(line) as Record<string, unknown>) });

  beforeAll(async () => {
    stripe = await startStripeServer();
    t = await testApp(dialect, { stripe: stripe.settings, logger });
    await makePlans(t.services);
  });
  afterAll(async () => {
    await t.close();
    await stripe.close();
  });

  /**
   * Starts a checkout as the member, from the plans page as its script does; the member is erased
   * while Stripe makes the session, and Stripe then fails every request when `closing` says so.
   */
  async function checkoutWhileErased(email: string, closing: 'fails' | 'works') {
    const member = await t.services.members.add({ email, name: 'Leaving' });
    const cookie = await memberCookie(t.services, email);
    const page = await t.app.inject({ url: '/members/print/', headers: { cookie } });
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const cookies = [cookie, ...page.cookies.map((c) => `${c.name}=${c.value}`)].join('; ');
    let sessionId = '';
    stripe.onCheckoutCreated = async (session) => {
      sessionId = String(session.id);
      await t.services.memberData.erase(member.id);
      stripe.failing = closing === 'fails';
    };
    logged.length = 0;
    try {
      const res = await t.app.inject({
        method: 'POST',
        url: '/members/checkout',
        headers: { cookie: cookies, 'content-type': 'application/json', 'x-csrf-token': token },
        payload: { plan: 'digital', billing: 'month' },
      });
      return { res, sessionId, warnings: logged.filter((entry) => entry.level === 40) };
    } finally {
      stripe.onCheckoutCreated = null;
      stripe.failing = false;
    }
  }

  it('tells the reader to sign in, gives out no payment page, and warns with the session id when Stripe will not close it', async () => {
    const { res, sessionId, warnings } = await checkoutWhileErased('leaving@example.com', 'fails');
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toMatchObject({ code: 'SIGNIN_REQUIRED' });
    expect(res.body).not.toContain('checkout.stripe.com');
    expect(stripe.checkoutSessions.get(sessionId)).toMatchObject({ status: 'open' });
    expect(warnings).toEqual([expect.objectContaining({ session: sessionId, msg: expect.stringContaining('could not close') })]);
    const line = JSON.stringify(warnings);
    for (const secret of ['leaving@example.com', 'sk_test_masthead', 'https://checkout.stripe.com']) expect(line).not.toContain(secret);
  });

  it('closes the session and warns of nothing when Stripe answers', async () => {
    const { res, sessionId, warnings } = await checkoutWhileErased('gone@example.com', 'works');
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toMatchObject({ code: 'SIGNIN_REQUIRED' });
    expect(stripe.checkoutSessions.get(sessionId)).toMatchObject({ status: 'expired' });
    expect(warnings).toEqual([]);
  });
});
