import fs from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type AppContext } from '../support/app.js';
import { signedEvent, startStripeServer, type StripeTestServer } from '../support/stripe-server.js';
import { gbAddress, makePlans, subscribe, usAddress } from './helpers.js';

type Cookies = Record<string, string>;

function cookiesFrom(res: { cookies: Array<{ name: string; value: string }> }, jar: Cookies = {}): Cookies {
  for (const c of res.cookies) jar[c.name] = c.value;
  return jar;
}
const cookieHeader = (jar: Cookies) =>
  Object.entries(jar)
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');

/** Opens a page and returns its CSRF token with the cookies that go with it. */
async function formOn(t: AppContext, url: string, jar: Cookies = {}) {
  const res = await t.app.inject({ url, headers: { cookie: cookieHeader(jar) } });
  const token = /name="_csrf" value="([^"]+)"/.exec(res.body)?.[1];
  if (!token) throw new Error(`no form on ${url}: ${res.statusCode}`);
  return { token, jar: cookiesFrom(res, { ...jar }), res };
}

async function post(t: AppContext, url: string, form: Record<string, string>, jar: Cookies, remoteAddress = '127.0.0.1') {
  return t.app.inject({
    method: 'POST',
    url,
    remoteAddress,
    headers: { cookie: cookieHeader(jar), 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(form).toString(),
  });
}

async function lastLink(t: AppContext, to: string): Promise<string> {
  const dir = path.join(t.dataDir, 'outbox');
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.eml'))
    .sort();
  for (const file of files.reverse()) {
    const mail = await simpleParser(fs.readFileSync(path.join(dir, file)));
    const address = Array.isArray(mail.to) ? mail.to[0] : mail.to;
    if (address?.value[0]?.address === to) return /(http\S+\/members\/signin\/verify\/\?token=\S+)/.exec(mail.text ?? '')![1]!;
  }
  throw new Error(`no email to ${to}`);
}

const outboxCount = (t: AppContext) => (fs.existsSync(path.join(t.dataDir, 'outbox')) ? fs.readdirSync(path.join(t.dataDir, 'outbox')).length : 0);

/** Opens an emailed sign-in link and presses the button on the page it shows, as the reader's browser does. */
async function openLink(t: AppContext, link: string, remoteAddress = '127.0.0.1') {
  const url = new URL(link);
  const { token, jar, res } = await formOn(t, url.pathname + url.search);
  const hidden = Object.fromEntries([...res.body.matchAll(/<input type="hidden" name="(token|next)" value="([^"]*)">/g)].map((m) => [m[1]!, m[2]!]));
  return post(t, '/members/signin/verify', { ...hidden, _csrf: token }, jar, remoteAddress);
}

async function signIn(t: AppContext, email: string, remoteAddress = '10.0.0.1'): Promise<Cookies> {
  const { token, jar } = await formOn(t, '/members/signin/');
  await post(t, '/members/signin', { email, _csrf: token }, jar, remoteAddress);
  const res = await openLink(t, await lastLink(t, email), remoteAddress);
  expect(res.statusCode).toBe(303);
  return cookiesFrom(res);
}

describe('members pages without Stripe keys', () => {
  let t: AppContext;
  beforeAll(async () => {
    t = await testApp('sqlite');
    await makePlans(t.services);
  });
  afterAll(async () => t.close());

  it('the print page lists plans and says payments are not configured, without checkout buttons', async () => {
    const res = await t.app.inject('/members/print/');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Payments are not configured');
    expect(res.body).toContain('Print + Digital');
    expect(res.body).not.toContain('Continue to payment');
  });

  it('the tip page says tips cannot be given yet, not that subscriptions cannot be bought', async () => {
    const res = await t.app.inject('/members/tip/');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Payments are not configured on this site yet, so tips cannot be given here for now.');
    expect(res.body).not.toContain('subscriptions');
    expect(res.body).not.toContain('name="amount"');
  });

  it('a checkout or webhook answers 503 with a clear message', async () => {
    const { token, jar } = await formOn(t, '/members/signin/');
    const res = await post(t, '/members/checkout', { plan: 'digital', billing: 'month', email: 'a@example.com', _csrf: token }, jar);
    expect(res.statusCode).toBe(503);
    expect(res.body).toContain('This is not available on this site at the moment.');
    const hook = await t.app.inject({ method: 'POST', url: '/webhooks/stripe', headers: { 'content-type': 'application/json', 'stripe-signature': 'x' }, payload: '{}' });
    expect(hook.statusCode).toBe(503);
    expect(hook.json().error.code).toBe('PAYMENTS_NOT_CONFIGURED');
  });
});

describe('members pages', () => {
  let t: AppContext;
  let stripe: StripeTestServer;

  beforeAll(async () => {
    stripe = await startStripeServer();
    t = await testApp('sqlite', { stripe: stripe.settings });
    await makePlans(t.services);
  });
  afterAll(async () => {
    await t.close();
    await stripe.close();
  });

  it('the print page shows plans with monthly, yearly and gift prices and a checkout form for each', async () => {
    const res = await t.app.inject('/members/print/');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('£9.00 a month');
    expect(res.body).toContain('£90.00 a year');
    expect(res.body).toContain('Give a year as a gift: £95.00');
    expect(res.body).toContain('4 print issues a year');
    expect(res.body).toContain('value="gift"');
    expect(res.body.match(/action="\/members\/checkout"/g)).toHaveLength(2);
  });

  it('checkout sends the reader to Stripe’s hosted page', async () => {
    const { token, jar } = await formOn(t, '/members/print/');
    const form = { _csrf: token, plan: 'print-digital', billing: 'year', email: 'new@example.com', ...Object.fromEntries(Object.entries(gbAddress).map(([k, v]) => [`address_${k}`, v])) };
    const res = await post(t, '/members/checkout', form, jar);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toMatch(/^https:\/\/checkout\.stripe\.com\/c\/pay\/cs_/);
  });

  it('a checkout with a bad address shows the form again with the field errors', async () => {
    const { token, jar } = await formOn(t, '/members/print/');
    const res = await post(
      t,
      '/members/checkout',
      { _csrf: token, plan: 'print-digital', billing: 'year', email: 'new@example.com', address_name: 'A', address_line1: '1 Road', address_city: 'X', address_postcode: '123', address_country: 'GB' },
      jar,
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Enter the postcode or ZIP as it is written in that country.');
    expect(res.body).toContain('value="1 Road"');
    const none = await post(t, '/members/checkout', { _csrf: token, plan: 'print-digital', billing: 'year', email: 'new@example.com' }, jar);
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('Enter a complete delivery address.');
  });

  it('asks someone not signed in to sign in first when the checkout email has an account, and calls Stripe only after', async () => {
    await subscribe(t.services, stripe, { plan: 'print-digital', billing: 'year', email: 'holder@example.com', address: gbAddress });
    const before = stripe.requests.length;
    const { token, jar } = await formOn(t, '/members/print/');
    const form = { _csrf: token, plan: 'print-digital', billing: 'year', email: 'Holder@example.com', ...Object.fromEntries(Object.entries(usAddress).map(([k, v]) => [`address_${k}`, v])) };
    const page = await post(t, '/members/checkout', form, jar);
    expect(page.statusCode).toBe(409);
    expect(page.body).toContain('That address belongs to an account: sign in first.');
    expect(page.body).toContain('href="/members/signin/?next=%2Fmembers%2Fprint%2F"');
    expect(page.body).toContain('value="Holder@example.com"');
    const json = await t.app.inject({
      method: 'POST',
      url: '/members/checkout',
      headers: { cookie: cookieHeader(jar), accept: 'application/json', 'content-type': 'application/json', 'x-csrf-token': token },
      payload: { plan: 'digital', billing: 'month', email: 'holder@example.com' },
    });
    expect(json.statusCode).toBe(409);
    expect(json.json().error).toMatchObject({ code: 'CHECKOUT_SIGNIN_REQUIRED', fields: [{ field: 'email' }] });
    expect(stripe.requests.length).toBe(before);
    expect((await t.services.members.get({ email: 'holder@example.com' })).address).toMatchObject({ postcode: 'SW1A 1AA' });

    const signedIn = await signIn(t, 'holder@example.com', '10.0.0.8');
    const own = await formOn(t, '/members/print/', signedIn);
    const bought = await post(t, '/members/checkout', { _csrf: own.token, plan: 'digital', billing: 'month' }, own.jar);
    expect(bought.headers.location).toMatch(/^https:\/\/checkout\.stripe\.com\//);
    expect(stripe.requests.at(-1)!.body.get('customer')).toBe((await t.services.members.get({ email: 'holder@example.com' })).stripeCustomerId);
  });

  it('refuses a checkout without the form’s CSRF token', async () => {
    const res = await post(t, '/members/checkout', { plan: 'digital', billing: 'month', email: 'a@example.com' }, {});
    expect(res.statusCode).toBe(403);
  });

  it('signs in by emailed link, once, and answers the same for known and unknown addresses', async () => {
    const { token, jar } = await formOn(t, '/members/signin/');
    const known = await post(t, '/members/signin', { email: 'new@example.com', _csrf: token }, jar, '10.0.0.2');
    const unknown = await post(t, '/members/signin', { email: 'stranger@example.com', _csrf: token }, jar, '10.0.0.2');
    expect([known.statusCode, known.headers.location]).toEqual([303, '/members/signin/?sent=1']);
    expect([unknown.statusCode, unknown.headers.location]).toEqual([303, '/members/signin/?sent=1']);
    const link = await lastLink(t, 'new@example.com');
    // Pressed several times at once (or from two tabs): one session, the others find the link used.
    const page = await formOn(t, new URL(link).pathname + new URL(link).search);
    const form = { token: new URL(link).searchParams.get('token')!, _csrf: page.token };
    const presses = await Promise.all([1, 2, 3, 4, 5].map(() => post(t, '/members/signin/verify', form, page.jar)));
    expect(presses.map((r) => r.statusCode).sort()).toEqual([303, 400, 400, 400, 400]);
    await post(t, '/members/signin', { email: 'new@example.com', _csrf: token }, jar, '10.0.0.2');
    const second = await lastLink(t, 'new@example.com');
    expect(second).not.toBe(link);
    const first = await openLink(t, second);
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toBe('/members/');
    const cookie = first.cookies.find((c) => c.name === 'masthead_member')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const again = await openLink(t, second);
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('already used or has expired');
    expect(again.cookies.find((c) => c.name === 'masthead_member')).toBeUndefined();
    for (const bad of ['', '?token=', '?token=nonsense', `?token=${'x'.repeat(5000)}`, '?token[]=a']) {
      expect((await t.app.inject(`/members/signin/verify/${bad}`)).statusCode, bad).toBe(400);
    }
    const { token: csrf, jar: cookies } = await formOn(t, '/members/signin/');
    for (const bad of [{}, { token: '' }, { token: 'nonsense' }, { token: 'x'.repeat(5000) }] as Array<Record<string, string>>) {
      expect((await post(t, '/members/signin/verify', { ...bad, _csrf: csrf }, cookies)).statusCode, JSON.stringify(bad).slice(0, 40)).toBe(400);
    }
  });

  it('opening the emailed link signs nobody in: only the button on its page does, with the page’s CSRF token', async () => {
    // Someone asks for a link to their own account and tries to sign another person's browser into it.
    const { token, jar } = await formOn(t, '/members/signin/');
    await post(t, '/members/signin', { email: 'plotter@example.com', _csrf: token }, jar, '10.0.2.1');
    const link = new URL(await lastLink(t, 'plotter@example.com'));
    const signInToken = link.searchParams.get('token')!;

    // A link scanner or prefetcher opens it (twice): a page asking to confirm, no session, link still good.
    for (let i = 0; i < 2; i += 1) {
      const opened = await t.app.inject({ url: link.pathname + link.search });
      expect(opened.statusCode).toBe(200);
      expect(opened.headers['cache-control']).toBe('private, no-store');
      expect(opened.body).toContain('plotter@example.com');
      expect(opened.body).toContain('action="/members/signin/verify"');
      expect(opened.cookies.find((c) => c.name === 'masthead_member')).toBeUndefined();
    }
    // A form on another site posts the token from the victim's browser: no CSRF cookie or token of this site.
    const forged = [
      await post(t, '/members/signin/verify', { token: signInToken }, {}),
      await post(t, '/members/signin/verify', { token: signInToken, _csrf: token }, {}),
      await post(t, '/members/signin/verify', { token: signInToken, _csrf: 'made-up' }, { _csrf: 'made-up' }),
    ];
    for (const res of forged) {
      expect(res.statusCode).toBe(403);
      expect(res.body).toContain('This form has expired or was sent from elsewhere.');
      expect(res.cookies.find((c) => c.name === 'masthead_member')).toBeUndefined();
    }
    const json = await t.app.inject({ method: 'POST', url: '/members/signin/verify', headers: { accept: 'application/json' }, payload: { token: signInToken } });
    expect([json.statusCode, json.json().error.code]).toEqual([403, 'CSRF_INVALID']);
    // The link still works for its owner, from the page it opens.
    expect((await openLink(t, link.toString())).statusCode).toBe(303);
  });

  it('refuses a sign-in request without the form’s CSRF token and sends no email', async () => {
    const before = outboxCount(t);
    const form = await post(t, '/members/signin', { email: 'victim@example.com' }, {}, '10.0.2.2');
    expect(form.statusCode).toBe(403);
    const json = await t.app.inject({ method: 'POST', url: '/members/signin', remoteAddress: '10.0.2.2', headers: { accept: 'application/json' }, payload: { email: 'victim@example.com' } });
    expect([json.statusCode, json.json().error.code]).toEqual([403, 'CSRF_INVALID']);
    expect(outboxCount(t)).toBe(before);
  });

  it('brings a reader who signed in from a piece back to that piece, and never to another site', async () => {
    const form = await t.app.inject('/members/signin/?next=%2Fa-gated-piece%2F');
    expect(form.body).toContain('name="next" value="/a-gated-piece/"');
    const { token, jar } = await formOn(t, '/members/signin/?next=%2Fa-gated-piece%2F');
    await post(t, '/members/signin', { email: 'returning@example.com', next: '/a-gated-piece/', _csrf: token }, jar, '10.0.0.5');
    const link = await lastLink(t, 'returning@example.com');
    expect(new URL(link).searchParams.get('next')).toBe('/a-gated-piece/');
    const back = await openLink(t, link);
    expect([back.statusCode, back.headers.location]).toEqual([303, '/a-gated-piece/']);

    for (const [i, hostile] of ['//evil.example/', 'https://evil.example/', '/\\evil.example/', 'javascript:alert(1)', '/a b/'].entries()) {
      expect((await t.app.inject(`/members/signin/?next=${encodeURIComponent(hostile)}`)).body).not.toContain('name="next"');
      const { token: csrf, jar: cookies } = await formOn(t, '/members/signin/');
      await post(t, '/members/signin', { email: `wary${i}@example.com`, next: hostile, _csrf: csrf }, cookies, `10.0.1.${i}`);
      const sent = new URL(await lastLink(t, `wary${i}@example.com`));
      expect(sent.searchParams.has('next'), hostile).toBe(false);
      sent.searchParams.set('next', hostile);
      const page = await formOn(t, sent.pathname + sent.search);
      expect(page.res.body, hostile).not.toContain('name="next"');
      const landed = await post(t, '/members/signin/verify', { token: sent.searchParams.get('token')!, next: hostile, _csrf: page.token }, page.jar);
      expect([landed.statusCode, landed.headers.location], hostile).toEqual([303, '/members/']);
    }
  });

  it('refuses a malformed email with the field named, and limits sign-in requests', async () => {
    const { token, jar } = await formOn(t, '/members/signin/');
    const headers = { accept: 'application/json', cookie: cookieHeader(jar), 'x-csrf-token': token };
    const bad = await t.app.inject({ method: 'POST', url: '/members/signin', remoteAddress: '10.0.0.3', headers, payload: { email: 'not-an-email' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe('email');
    const before = outboxCount(t);
    const statuses = [];
    for (let i = 0; i < 6; i += 1) {
      statuses.push((await t.app.inject({ method: 'POST', url: '/members/signin', remoteAddress: '10.0.0.4', headers, payload: { email: 'flood@example.com' } })).statusCode);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    expect(outboxCount(t) - before).toBe(3);
  });

  it('the account page needs a session, then shows plan, renewal date and print issues left', async () => {
    expect((await t.app.inject('/members/')).headers.location).toBe('/members/signin/');
    await subscribe(t.services, stripe, { plan: 'print-digital', billing: 'year', email: 'reader@example.com', address: gbAddress });
    const jar = await signIn(t, 'reader@example.com');
    const res = await t.app.inject({ url: '/members/', headers: { cookie: cookieHeader(jar) } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.body).toContain('Print + Digital');
    expect(res.body).toContain('Renews on');
    expect(res.body).toMatch(/Print issues left<\/dt><dd>4</);
    expect(res.body).toContain('value="SW1A 1AA"');
    expect(res.body).toContain('Cancel at the end of the period');
    expect(res.body).toContain('action="/newsletter/subscribe"');
  });

  it('links a member who subscribed to the newsletter to their preferences', async () => {
    await t.services.subscribers.subscribe({ email: 'reader@example.com' });
    const jar = await signIn(t, 'reader@example.com', '10.0.0.7');
    const res = await t.app.inject({ url: '/members/', headers: { cookie: cookieHeader(jar) } });
    const token = /href="\/newsletter\/preferences\/\?token=([^"]+)"/.exec(res.body)?.[1];
    expect(token).toBeDefined();
    const preferences = await t.app.inject(`/newsletter/preferences/?token=${token}`);
    expect(preferences.statusCode).toBe(200);
    expect(preferences.body).toContain('reader@example.com');
  });

  it('changes the delivery address with per-field errors, and cancels, resumes and opens invoices', async () => {
    const signedIn = await signIn(t, 'reader@example.com', '10.0.0.5');
    let { token, jar } = await formOn(t, '/members/', signedIn);
    const bad = await post(t, '/members/address', { _csrf: token, address_name: 'Ada', address_line1: '1 Road', address_city: 'Ottawa', address_postcode: 'K1A0B1', address_region: 'XX', address_country: 'CA' }, jar);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Enter the state or province as its two-letter code where the country uses one (such as CA or ON)');
    const good = await post(t, '/members/address', { _csrf: token, address_name: 'Ada', address_line1: '1 Road', address_city: 'Ottawa', address_postcode: 'k1a0b1', address_region: 'on', address_country: 'ca' }, jar);
    expect(good.headers.location).toBe('/members/?saved=address');
    expect((await t.services.members.get({ email: 'reader@example.com' })).address).toMatchObject({ postcode: 'K1A 0B1', region: 'ON', country: 'CA' });

    const member = await t.services.members.get({ email: 'reader@example.com' });
    const [subscription] = await t.services.members.subscriptions(member.id);
    const cancel = await post(t, `/members/subscriptions/${subscription!.id}/cancel`, { _csrf: token }, jar);
    expect(cancel.headers.location).toBe('/members/?saved=cancel');
    ({ token, jar } = await formOn(t, '/members/?saved=cancel', jar));
    const page = await t.app.inject({ url: '/members/', headers: { cookie: cookieHeader(jar) } });
    expect(page.body).toContain('Resume my subscription');
    expect((await post(t, `/members/subscriptions/${subscription!.id}/resume`, { _csrf: token }, jar)).headers.location).toBe('/members/?saved=resume');
    expect((await post(t, '/members/subscriptions/999999/cancel', { _csrf: token }, jar)).statusCode).toBe(404);
    expect((await post(t, '/members/subscriptions/abc/cancel', { _csrf: token }, jar)).statusCode).toBe(404);

    const billing = await post(t, '/members/billing', { _csrf: token }, jar);
    expect(billing.statusCode).toBe(303);
    expect(billing.headers.location).toMatch(/^https:\/\/billing\.stripe\.com\//);
    expect(stripe.requests.at(-1)?.body.get('customer')).toBe(member.stripeCustomerId);
  });

  it('portal actions without a session answer 401, and signing out ends the session', async () => {
    const { token, jar } = await formOn(t, '/members/signin/');
    expect((await post(t, '/members/address', { _csrf: token, address_name: 'x' }, jar)).statusCode).toBe(401);
    const signedIn = await signIn(t, 'leaver@example.com', '10.0.0.6');
    const form = await formOn(t, '/members/', signedIn);
    expect((await post(t, '/members/signout', { _csrf: form.token }, form.jar)).headers.location).toBe('/');
    expect((await t.app.inject({ url: '/members/', headers: { cookie: cookieHeader(signedIn) } })).headers.location).toBe('/members/signin/');
  });

  it('the webhook endpoint verifies the raw body and applies each event once', async () => {
    const { payload, signature } = signedEvent('charge.succeeded', { id: 'ch_1' });
    const send = (body: string, sig: string, type = 'application/json') => t.app.inject({ method: 'POST', url: '/webhooks/stripe', headers: { 'content-type': type, 'stripe-signature': sig }, payload: body });
    const first = await send(payload, signature);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ received: true, outcome: 'ignored: event type not used' });
    expect((await send(payload, signature)).json().outcome).toBe('duplicate');
    // Re-serialised JSON is not what was signed.
    const reformatted = await send(JSON.stringify(JSON.parse(payload), null, 2), signature);
    expect(reformatted.statusCode).toBe(400);
    expect(reformatted.json().error.code).toBe('WEBHOOK_INVALID');
    expect((await send(payload, 't=1,v1=deadbeef')).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'POST', url: '/webhooks/stripe', headers: { 'content-type': 'application/json' }, payload })).statusCode).toBe(400);
    expect((await send(payload, signature, 'text/plain')).statusCode).toBe(415);
  });
});
