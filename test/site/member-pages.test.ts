import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../src/app.js';
import { createServices } from '../../src/services.js';
import { openStore } from '../../src/db/client.js';
import { testApp, type AppContext } from '../support/app.js';
import { makeAuthor, makeTag, postFields } from '../support/factories.js';
import { dialects, silentLogger } from '../support/stores.js';
import { signedEvent, startStripeServer, subscriptionState, type StripeTestServer } from '../support/stripe-server.js';
import { makePlans, memberCookie, subscribe } from '../members/helpers.js';

const PAID_BODY = 'Marjoram paid-level paragraph';
const MEMBERS_BODY = 'Tamarisk members-level paragraph';

/** The cookies a response sets, as one Cookie header together with the ones already sent. */
function withSetCookies(cookie: string, response: { headers: Record<string, unknown> }): string {
  const set = [response.headers['set-cookie'] ?? []].flat() as string[];
  return [cookie, ...set.map((line) => line.split(';')[0]!)].join('; ');
}

describe.each(dialects)('pages for signed-in readers (%s)', (dialect) => {
  let t: AppContext;
  let stripe: StripeTestServer;
  let paidSlug: string;
  let paidId: number;
  let membersSlug: string;
  let freeCookie: string;
  let paidCookie: string;

  const get = (url: string, cookie?: string) => t.app.inject({ url, headers: cookie ? { cookie } : {} });

  beforeAll(async () => {
    stripe = await startStripeServer();
    t = await testApp(dialect, { stripe: stripe.settings });
    await makePlans(t.services);
    const author = await makeAuthor(t.services, { name: 'Level Tester' });
    await makeTag(t.services, { name: 'Essays', slug: 'essays' });
    const fields = (title: string, visibility: string, body: string) => postFields([author.slug], { title, excerpt: `${title} teaser.`, body, visibility, status: 'published', tags: ['essays'] });
    const paid = await t.services.posts.create(fields('Paid level piece', 'paid', `${PAID_BODY}.`));
    ({ id: paidId, slug: paidSlug } = paid);
    membersSlug = (await t.services.posts.create(fields('Members level piece', 'members', `${MEMBERS_BODY}.`))).slug;
    await t.services.members.add({ email: 'free-reader@example.com', name: 'Oriel Freeman' });
    freeCookie = await memberCookie(t.services, 'free-reader@example.com');
    await subscribe(t.services, stripe, { plan: 'digital', billing: 'month', email: 'paying-reader@example.com' });
    paidCookie = await memberCookie(t.services, 'paying-reader@example.com');
  });
  afterAll(async () => {
    await t.close();
    await stripe.close();
  });

  it('serves a signed-in reader the page kept for their access level, and redraws it when the piece changes', async () => {
    const first = await get(`/${paidSlug}/`, paidCookie);
    expect(first.body).toContain(PAID_BODY);
    expect(first.headers['cache-control']).toBe('private, no-store');
    expect(first.headers.etag).toBeUndefined();
    // A change behind the services' back is not seen: the second visit is answered from the kept page.
    await t.store.db.updateTable('posts').set({ title: 'Quietly retitled' }).where('id', '=', paidId).execute();
    const again = await get(`/${paidSlug}/`, paidCookie);
    expect(again.body).toBe(first.body);
    await t.services.posts.update(paidId, { title: 'Openly retitled' });
    for (const cookie of [paidCookie, freeCookie, undefined]) {
      await vi.waitFor(async () => expect((await get(`/${paidSlug}/`, cookie)).body).toContain('Openly retitled'));
    }
    expect((await get(`/${paidSlug}/`, paidCookie)).body).toContain(PAID_BODY);
  });

  it('sends a member the kept page compressed as their browser asks, with the security headers', async () => {
    const plain = await get(`/${paidSlug}/`, paidCookie);
    for (const [encoding, expand] of [
      ['br', zlib.brotliDecompressSync],
      ['gzip', zlib.gunzipSync],
    ] as const) {
      const res = await t.app.inject({ url: `/${paidSlug}/`, headers: { cookie: paidCookie, 'accept-encoding': encoding } });
      expect(res.headers['content-encoding']).toBe(encoding);
      expect(res.headers['cache-control']).toBe('private, no-store');
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(expand(res.rawPayload).toString()).toBe(plain.body);
    }
  });

  it('never gives a page kept for one access level to a reader of another, whoever asks first', async () => {
    for (const order of [
      [paidCookie, freeCookie, undefined],
      [undefined, freeCookie, paidCookie],
      [freeCookie, undefined, paidCookie],
    ]) {
      await t.services.posts.update(paidId, { excerpt: `Teaser for ${order.length} readers.` });
      for (const cookie of order) {
        const paid = await get(`/${paidSlug}/`, cookie);
        const members = await get(`/${membersSlug}/`, cookie);
        if (cookie === paidCookie) {
          expect(paid.body).toContain(PAID_BODY);
          expect(members.body).toContain(MEMBERS_BODY);
        } else if (cookie === freeCookie) {
          expect(paid.body).not.toContain(PAID_BODY);
          expect(paid.body).toContain('<a class="button" href="/members/print/">Upgrade</a>');
          expect(members.body).toContain(MEMBERS_BODY);
        } else {
          expect(paid.body).not.toContain(PAID_BODY);
          expect(paid.body).toContain('<a class="button" href="/members/print/">Subscribe</a>');
          expect(members.body).not.toContain(MEMBERS_BODY);
          expect(paid.headers['cache-control']).toBe('private, no-cache');
        }
      }
    }
  });

  it('gives each reader their own level’s page when readers of every level ask at once', async () => {
    await t.services.posts.update(paidId, { excerpt: 'Teaser while everyone asks at once.' });
    const readers = [paidCookie, freeCookie, undefined, 'masthead_member=forged-session-token'];
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => readers[i % readers.length]).map(async (cookie) => ({ cookie, res: await get(`/${paidSlug}/`, cookie) })));
    for (const { cookie, res } of answers) {
      expect(res.statusCode).toBe(200);
      expect(res.body.includes(PAID_BODY), String(cookie)).toBe(cookie === paidCookie);
      expect(res.body.includes('>Upgrade</a>'), String(cookie)).toBe(cookie === freeCookie);
    }
  });

  it('keeps nothing personal in a shared page: another member of the level never sees a name or address', async () => {
    for (const url of ['/', '/tag/essays/', `/${membersSlug}/`, `/${paidSlug}/`, '/rss/']) {
      await get(url, freeCookie);
      const other = await get(url, await memberCookie(t.services, `other-${url.length}@example.com`));
      expect(other.statusCode, url).toBe(200);
      expect(other.body, url).not.toContain('Oriel Freeman');
      expect(other.body, url).not.toContain('free-reader@example.com');
    }
  });

  it('gives a forged or signed-out session the anonymous page', async () => {
    const cookie = await memberCookie(t.services, 'leaving-soon@example.com');
    expect((await get(`/${membersSlug}/`, cookie)).body).toContain(MEMBERS_BODY);
    const account = await get('/members/', cookie);
    const token = /name="_csrf" value="([^"]+)"/.exec(account.body)![1]!;
    const signedOut = await t.app.inject({
      method: 'POST',
      url: '/members/signout',
      headers: { cookie: withSetCookies(cookie, account), 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: token }).toString(),
    });
    expect(signedOut.statusCode).toBe(303);
    const after = await get(`/${membersSlug}/`, cookie);
    expect(after.body).not.toContain(MEMBERS_BODY);
    expect(after.body).toContain('Join for free');
    expect((await get(`/${membersSlug}/`, 'masthead_member=forged-session-token')).body).not.toContain(MEMBERS_BODY);
  });

  it('moves a member whose subscription ends to the free members’ page at once', async () => {
    const { stripeId } = await subscribe(t.services, stripe, { plan: 'digital', billing: 'month', email: 'lapsing@example.com' });
    const cookie = await memberCookie(t.services, 'lapsing@example.com');
    expect((await get(`/${paidSlug}/`, cookie)).body).toContain(PAID_BODY);
    const { payload, signature } = signedEvent('customer.subscription.deleted', subscriptionState(stripeId, { status: 'canceled' }));
    const webhook = await t.app.inject({ method: 'POST', url: '/webhooks/stripe', headers: { 'content-type': 'application/json', 'stripe-signature': signature }, payload });
    expect(webhook.statusCode).toBe(200);
    const lapsed = await get(`/${paidSlug}/`, cookie);
    expect(lapsed.body).not.toContain(PAID_BODY);
    expect(lapsed.body).toContain('Upgrade');
  });
});

describe.each(dialects.filter((d) => d === 'postgres'))('pages for signed-in readers across processes (%s)', () => {
  it('drops a member’s kept page in every process sharing the database', async () => {
    const first = await testApp('postgres');
    const second = await buildApp({
      config: { publicUrl: 'http://localhost:3000', themeDir: undefined, dataDir: first.dataDir },
      services: createServices(openStore(first.config), { logger: silentLogger, mailer: first.services.mailer, dataDir: first.dataDir }),
      logger: silentLogger,
    });
    await second.ready();
    try {
      const author = await makeAuthor(first.services);
      const post = await first.services.posts.create(postFields([author.slug], { title: 'Shared members piece', excerpt: 'A shared teaser.', body: `${MEMBERS_BODY}.`, visibility: 'members', status: 'published' }));
      const cookie = await memberCookie(first.services, 'shared-reader@example.com');
      const read = async () => (await second.inject({ url: `/${post.slug}/`, headers: { cookie } })).body;
      await vi.waitFor(async () => expect(await read()).toContain('Shared members piece'), { timeout: 5000, interval: 100 });
      expect(await read()).toContain(MEMBERS_BODY);
      await first.services.posts.update(post.id, { title: 'Shared members edit' });
      await vi.waitFor(async () => expect(await read()).toContain('Shared members edit'), { timeout: 5000, interval: 100 });
      await first.services.posts.update(post.id, { visibility: 'paid' });
      await vi.waitFor(async () => expect(await read()).not.toContain(MEMBERS_BODY), { timeout: 5000, interval: 100 });
    } finally {
      await second.close();
      await first.close();
    }
  });
});
