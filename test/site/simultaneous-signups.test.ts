import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffClient } from '../admin-api/support/admin-client.js';
import { testApp, type AppContext } from '../support/app.js';
import { makeTag } from '../support/factories.js';
import { dialects } from '../support/stores.js';
import { startStripeServer, type StripeTestServer } from '../support/stripe-server.js';
import { makePlans } from '../members/helpers.js';

const TRIES = 9;

describe.each(dialects)('the same new address sent by many requests at once (%s)', (dialect) => {
  let t: AppContext;
  let stripe: StripeTestServer;

  beforeAll(async () => {
    stripe = await startStripeServer();
    t = await testApp(dialect, { stripe: stripe.settings });
    await makePlans(t.services);
    await t.services.webhooks.create({ url: 'https://hooks.example.com/in', events: ['member.added'] }, (await staffClient(t.app, t.services, 'administrator')).user.id);
  });
  afterAll(async () => {
    await t.close();
    await stripe.close();
  });

  /** A form page's CSRF token and the cookie that goes with it. */
  const formOn = async (url: string) => {
    const page = await t.app.inject(url);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
    if (!token) throw new Error(`no form on ${url}: ${page.statusCode}`);
    return { token, cookie: page.cookies.map((c) => `${c.name}=${c.value}`).join('; ') };
  };
  const membersAdded = async (email: string) =>
    (await t.store.db.selectFrom('webhook_deliveries').select('payload').where('event', '=', 'member.added').execute()).filter((d) => JSON.parse(d.payload).data.member.email === email);

  /** Fires the same request TRIES times at once, each from its own address so no limit is reached. */
  const all = (url: string, payload: object | string) =>
    Promise.all(
      Array.from({ length: TRIES }, (_, i) =>
        t.app.inject({
          method: 'POST',
          url,
          remoteAddress: `198.51.100.${i + 1}`,
          headers: typeof payload === 'string' ? { 'content-type': 'application/x-www-form-urlencoded' } : { 'content-type': 'application/json', accept: 'application/json' },
          payload,
        }),
      ),
    );

  const jobsFor = async (name: string) => (await t.store.db.selectFrom('jobs').select('payload').where('name', '=', name).execute()).map((j) => JSON.parse(j.payload) as Record<string, unknown>);

  it('answers every newsletter signup as one is answered, adds the address once and mails it once', async () => {
    const answers = await all('/newsletter/subscribe', { email: 'crowd@example.com' });
    expect(answers.map((a) => a.statusCode)).toEqual(Array(TRIES).fill(202));
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    expect(answers[0]!.json()).toMatchObject({ status: 'check-your-inbox' });
    const rows = await t.store.db.selectFrom('subscribers').select(['id', 'status']).where('email', '=', 'crowd@example.com').execute();
    expect(rows).toEqual([{ id: expect.any(Number), status: 'pending' }]);
    expect((await jobsFor('subscribers.email')).filter((p) => p.subscriberId === rows[0]!.id)).toEqual([{ subscriberId: rows[0]!.id, kind: 'confirm' }]);
  });

  it('mails an address already on the list once, however many signups for it arrive at once', async () => {
    await t.services.subscribers.importCsv(Buffer.from('email\nknown@example.com\n'));
    const answers = await all('/newsletter/subscribe', { email: 'known@example.com' });
    expect(answers.map((a) => a.statusCode)).toEqual(Array(TRIES).fill(202));
    const { id } = await t.services.subscribers.find('known@example.com');
    expect((await jobsFor('subscribers.email')).filter((p) => p.subscriberId === id)).toEqual([{ subscriberId: id, kind: 'already-subscribed' }]);
  });

  it('answers every follow by email as one is answered and keeps one subscriber and one follow', async () => {
    const tag = await makeTag(t.services);
    const answers = await all('/follows/', new URLSearchParams({ email: 'follower@example.com', kind: 'tag', id: String(tag.id) }).toString());
    expect(answers.map((a) => a.statusCode)).toEqual(Array(TRIES).fill(200));
    const rows = await t.store.db.selectFrom('subscribers').select('id').where('email', '=', 'follower@example.com').execute();
    expect(rows).toHaveLength(1);
    expect(await t.store.db.selectFrom('follows').select('id').where('reader', '=', `subscriber:${rows[0]!.id}`).execute()).toHaveLength(1);
  });

  it('signs a new reader in once per link when their links are each opened several times at once, as one member announced once', async () => {
    const email = 'first-visit@example.com';
    // Three links is as many as an address is sent in a while; each is opened three times at once.
    const links: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      await t.services.members.requestSignIn(email, (value) => {
        links.push(value);
        return `http://localhost:3000/members/signin/verify/?token=${value}`;
      });
    }
    const opened = links.flatMap((token) => [token, token, token]);
    const forms = await Promise.all(opened.map((token) => formOn(`/members/signin/verify/?token=${encodeURIComponent(token)}`)));
    const answers = await Promise.all(
      opened.map((token, i) =>
        t.app.inject({
          method: 'POST',
          url: '/members/signin/verify',
          remoteAddress: `198.51.100.${i + 1}`,
          headers: { cookie: forms[i]!.cookie, 'content-type': 'application/x-www-form-urlencoded' },
          payload: new URLSearchParams({ token, _csrf: forms[i]!.token }).toString(),
        }),
      ),
    );
    for (const token of links) {
      const forLink = answers.filter((_, i) => opened[i] === token);
      expect(forLink.map((a) => a.statusCode).sort()).toEqual([303, 400, 400]);
      expect(forLink.find((a) => a.statusCode === 303)!.cookies.some((c) => c.name === 'masthead_member' && c.value !== '')).toBe(true);
      expect(forLink.filter((a) => a.statusCode === 400).every((a) => a.body.includes('name="email"'))).toBe(true);
    }
    expect(await t.store.db.selectFrom('members').select('id').where('email', '=', email).execute()).toHaveLength(1);
    await t.services.webhooks.settled();
    expect(await membersAdded(email)).toHaveLength(1);
  });

  it('starts one checkout for a new address sent many times at once and asks the others to sign in', async () => {
    const email = 'eager-buyer@example.com';
    const { token, cookie } = await formOn('/members/print/');
    const answers = await Promise.all(
      Array.from({ length: TRIES }, (_, i) =>
        t.app.inject({
          method: 'POST',
          url: '/members/checkout',
          remoteAddress: `198.51.100.${i + 1}`,
          headers: { cookie, accept: 'application/json', 'content-type': 'application/json', 'x-csrf-token': token },
          payload: { plan: 'digital', billing: 'month', email },
        }),
      ),
    );
    const started = answers.filter((a) => a.statusCode === 200);
    expect(started).toHaveLength(1);
    expect(started[0]!.json().url).toMatch(/^https:\/\/checkout\.stripe\.com\//);
    for (const refused of answers.filter((a) => a !== started[0])) {
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error).toMatchObject({ code: 'CHECKOUT_SIGNIN_REQUIRED' });
    }
    expect(await t.store.db.selectFrom('members').select('id').where('email', '=', email).execute()).toHaveLength(1);
    await t.services.webhooks.settled();
    expect(await membersAdded(email)).toHaveLength(1);
  });

  it('adds a member once when the same address is added many times at once, refusing the others as existing', async () => {
    const email = 'added-twice@example.com';
    const tries = await Promise.allSettled(Array.from({ length: TRIES }, () => t.services.members.add({ email, name: 'Twice' })));
    expect(tries.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const refused of tries.filter((r) => r.status === 'rejected')) expect(refused.reason).toMatchObject({ code: 'MEMBER_EXISTS' });
    expect(await t.store.db.selectFrom('members').select('name').where('email', '=', email).execute()).toEqual([{ name: 'Twice' }]);
    await t.services.webhooks.settled();
    expect(await membersAdded(email)).toHaveLength(1);
  });
});
