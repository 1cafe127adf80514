import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { defaultThemeDir } from '../../src/site/theme.js';
import { staffClient } from '../admin-api/support/admin-client.js';
import { token } from '../ghost-api/support/server.js';
import { makePlans, memberCookie } from '../members/helpers.js';
import { testApp, type AppContext } from '../support/app.js';
import { filmReview, makeAuthor, makeTag, postFields } from '../support/factories.js';
import { dialects, silentLogger } from '../support/stores.js';
import { startStripeServer, type StripeTestServer } from '../support/stripe-server.js';

const FORM = 'application/x-www-form-urlencoded';
const HOSTILE = '"><img src=x onerror=alert(1)></script><script>alert(2)</script>';

/** The same address written in capitals or not, as an attacker might vary it. */
const spelledAnotherWay = (email: string, n: number) => (n % 2 === 0 ? email.toUpperCase() : ` ${email}`);

/** The cookies a response sets, added to the ones already sent. */
function withSetCookies(cookie: string, response: { headers: Record<string, unknown> }): string {
  const set = [response.headers['set-cookie'] ?? []].flat() as string[];
  return [cookie, ...set.map((line) => line.split(';')[0]!)].filter(Boolean).join('; ');
}

/**
 * The reader-facing features attacked as an outsider, a free member and a contributor would:
 * forged forms, other readers' rows, hostile text, odd bodies, leaving the site, guessing.
 */
describe.each(dialects)('reader features under attack (%s)', (dialect) => {
  let t: AppContext;
  let stripe: StripeTestServer;
  let slug: string;
  let postId: number;
  let tagId: number;
  let n = 0;
  let client = 0;
  /** A client address of its own per call site, so one attack's rate limit never meets another's. */
  const address = () => `10.9.${(client += 1) >> 8}.${client & 255}`;

  const get = (url: string, cookie = '', remoteAddress = address()) => t.app.inject({ url, headers: cookie ? { cookie } : {}, remoteAddress });
  const member = async (name = 'A Reader') => {
    n += 1;
    const email = `attacker${n}@example.com`;
    const { id } = await t.services.members.add({ email, name });
    return { cookie: await memberCookie(t.services, email), id, email };
  };
  /** A form as a browser sends it from a page of the site: its CSRF token and cookie. */
  const postForm = async (url: string, cookie: string, fields: Record<string, string>, remoteAddress = address()) => {
    const page = await get('/members/signin/', cookie, remoteAddress);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    return t.app.inject({ method: 'POST', url, remoteAddress, headers: { cookie: withSetCookies(cookie, page), 'content-type': FORM }, payload: new URLSearchParams({ _csrf: csrf, ...fields }).toString() });
  };
  const comments = async () => (await t.services.comments.list({ limit: 200 })).length;

  beforeAll(async () => {
    stripe = await startStripeServer();
    t = await testApp(dialect, { stripe: stripe.settings });
    await makePlans(t.services);
    const author = await makeAuthor(t.services, { name: 'Attack Host' });
    ({ slug, id: postId } = await t.services.posts.create(postFields([author.slug], { title: 'A piece under attack', status: 'published' })));
    tagId = (await makeTag(t.services, { name: 'Targets', slug: 'targets' })).id;
    await t.services.comments.setSiteAccess('members');
  });
  afterAll(async () => {
    await t.close();
    await stripe.close();
  });

  it('refuses every member form sent without the page token (from another site), changing nothing', async () => {
    const ada = await member();
    const forged = (url: string, payload: string) => t.app.inject({ method: 'POST', url, remoteAddress: address(), headers: { cookie: ada.cookie, 'content-type': FORM }, payload });
    const before = await comments();
    for (const [url, payload] of [
      [`/${slug}/comment/`, 'body=Forged+comment'],
      ['/follows/', `kind=tag&id=${tagId}`],
      ['/follows/unfollow', `kind=tag&id=${tagId}`],
      ['/members/follows/remove', 'id=1'],
      ['/members/follows/alerts', 'alerts=on'],
      ['/comments/emails/', 'replies=on'],
      ['/members/signout', ''],
      ['/members/tip', 'amount=500'],
      ['/members/checkout', 'plan=digital&billing=month'],
    ] as const) {
      expect((await forged(url, payload)).statusCode, url).toBe(403);
    }
    expect(await comments()).toBe(before);
    expect(await t.services.follows.list({ kind: 'member', id: ada.id })).toEqual([]);
    expect(stripe.requests.filter((r) => r.path.includes('checkout'))).toEqual([]);
  });

  it("never lets a member remove another member's follow by its id", async () => {
    const ada = await member();
    const bo = await member();
    await t.services.follows.followAsMember(ada.id, { kind: 'tag', id: tagId });
    const [follow] = await t.services.follows.list({ kind: 'member', id: ada.id });
    const res = await postForm('/members/follows/remove', bo.cookie, { id: String(follow!.id) });
    expect(res.statusCode).toBe(404);
    expect(await t.services.follows.list({ kind: 'member', id: ada.id })).toHaveLength(1);
  });

  it('answers a follow by email alike for a member, a subscriber and a stranger', async () => {
    const known = await member();
    const answers = await Promise.all(
      [known.email, 'nobody-here@example.com'].map((email) =>
        t.app.inject({
          method: 'POST',
          url: '/follows/',
          remoteAddress: address(),
          headers: { 'content-type': FORM },
          payload: new URLSearchParams({ kind: 'tag', id: String(tagId), email, back: '/tag/targets/' }).toString(),
        }),
      ),
    );
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200]);
    expect(answers[0]!.body).toBe(answers[1]!.body);
  });

  it('mails one address at most five follow confirmations a day, however many targets and clients name it, answering alike', async () => {
    const tags = await Promise.all(Array.from({ length: 14 }, (_, i) => makeTag(t.services, { name: `Bomb ${i}`, slug: `bomb-${i}` })));
    const ask = (email: string, tag: { id: number }) =>
      t.app.inject({ method: 'POST', url: '/follows/', remoteAddress: address(), headers: { 'content-type': FORM }, payload: new URLSearchParams({ kind: 'tag', id: String(tag.id), email }).toString() });
    const sentTo = async (email: string) =>
      (
        await t.store.db
          .selectFrom('follows')
          .innerJoin('subscribers', 'subscribers.id', 'follows.subscriber_id')
          .select('follows.id')
          .where('subscribers.email', '=', email)
          .where('follows.confirm_sent_at', 'is not', null)
          .execute()
      ).length;
    const one = [];
    for (const [i, tag] of tags.slice(0, 7).entries()) one.push(await ask(spelledAnotherWay('inbox-victim@example.com', i), tag));
    expect(one.map((a) => a.statusCode)).toEqual(Array(7).fill(200));
    // Past the limit, the answer is the one any other address gets for the same target.
    expect(one[6]!.body).toBe((await ask('a-first-timer@example.com', tags[6]!)).body);
    expect(await sentTo('inbox-victim@example.com')).toBe(5);
    const together = await Promise.all(tags.slice(7).map((tag) => ask('second-victim@example.com', tag)));
    expect(together.map((a) => a.statusCode)).toEqual(Array(7).fill(200));
    expect(await sentTo('second-victim@example.com')).toBe(5);
    expect((await ask('someone-else@example.com', tags[0]!)).statusCode).toBe(200);
    expect(await sentTo('someone-else@example.com')).toBe(1);
  });

  it('refuses comment text with NUL, broken UTF-16 or deep JSON with a 400, and a megabyte with a 413, storing nothing', async () => {
    const ada = await member();
    const before = await comments();
    const nul = await postForm(`/${slug}/comment/`, ada.cookie, { body: 'before\u0000after' });
    expect(nul.statusCode).toBe(400);
    expect(nul.body).toContain('class="error"');
    const huge = await postForm(`/${slug}/comment/`, ada.cookie, { body: 'x'.repeat(1_000_000) });
    expect(huge.statusCode).toBe(413);
    const page = await get('/members/signin/', ada.cookie);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const json = (payload: string) =>
      t.app.inject({ method: 'POST', url: `/${slug}/comment/`, remoteAddress: address(), headers: { cookie: withSetCookies(ada.cookie, page), 'content-type': 'application/json', 'x-csrf-token': csrf }, payload });
    expect((await json('{"body":"lone \\ud800 half"}')).statusCode).toBe(400);
    expect((await json(`${'{"body":'.repeat(5000)}"x"${'}'.repeat(5000)}`)).statusCode).toBe(400);
    expect((await json('{"body":"x","__proto__":{"status":"approved"}}')).statusCode).toBe(400);
    expect(await comments()).toBe(before);
  });

  it('answers odd follow, tip and checkout input with a 4xx and no checkout, row or email', async () => {
    const json = async (url: string, payload: string, cookie = '') => {
      const page = await get('/members/signin/', cookie);
      const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
      return t.app.inject({ method: 'POST', url, remoteAddress: address(), headers: { cookie: withSetCookies(cookie, page), 'content-type': 'application/json', 'x-csrf-token': csrf }, payload });
    };
    const checkoutsBefore = stripe.requests.length;
    const followsBefore = (await t.store.db.selectFrom('follows').select('id').execute()).length;
    for (const [url, payload] of [
      ['/follows/', `{"kind":"__proto__","id":${tagId},"email":"odd@example.com"}`],
      ['/follows/', `{"kind":"tag","id":{"$gt":0},"email":"odd@example.com"}`],
      ['/follows/', `{"kind":"tag","id":${tagId},"email":["a@example.com","b@example.com"]}`],
      ['/follows/', `{"kind":"tag","id":${tagId},"email":"odd\u0000@example.com"}`],
      ['/follows/', `{"kind":"tag","id":1e400,"email":"odd@example.com"}`],
      ['/members/tip', '{"amount":-500}'],
      ['/members/tip', '{"amount":"1e3"}'],
      ['/members/tip', '{"amount":"0x10"}'],
      ['/members/tip', '{"amount":99999999999999999999}'],
      ['/members/tip', '{"amount":"５００"}'],
      ['/members/checkout', '{"plan":"digital","billing":"month","offer":"no-such-offer","email":"odd@example.com"}'],
      ['/members/checkout', '{"plan":{"toString":"x"},"billing":"month"}'],
    ] as const) {
      const res = await json(url, payload);
      expect(res.statusCode, payload).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, payload).toBeLessThan(500);
      expect(res.json().error.code, payload).toMatch(/^[A-Z_]+$/);
    }
    expect(stripe.requests.length).toBe(checkoutsBefore);
    expect((await t.store.db.selectFrom('follows').select('id').execute()).length).toBe(followsBefore);
  });

  it('limits comments to ten a member in ten minutes', async () => {
    const ada = await member();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i += 1) statuses.push((await postForm(`/${slug}/comment/`, ada.cookie, { body: `Comment number ${i} about the piece.` })).statusCode);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(303));
    expect(statuses[10]).toBe(429);
  });

  it('limits follows by email, promotion code guesses and tip checkouts from one client', async () => {
    const from = address();
    const follows: number[] = [];
    for (let i = 0; i < 11; i += 1) {
      const payload = new URLSearchParams({ kind: 'tag', id: String(tagId), email: `guess${i}@example.com` }).toString();
      follows.push((await t.app.inject({ method: 'POST', url: '/follows/', remoteAddress: from, headers: { 'content-type': FORM }, payload })).statusCode);
    }
    expect(follows.at(-1)).toBe(429);
    const guesser = address();
    const guesses: number[] = [];
    for (let i = 0; i < 31; i += 1) guesses.push((await get(`/members/offers/?code=GUESS${i}`, '', guesser)).statusCode);
    expect(guesses.slice(0, 30).every((s) => s === 404)).toBe(true);
    expect(guesses[30]).toBe(429);
    const tipper = address();
    const tips: number[] = [];
    for (let i = 0; i < 21; i += 1) tips.push((await postForm('/members/tip', '', { amount: '1' }, tipper)).statusCode);
    expect(tips.at(-1)).toBe(429);
  });

  it('keeps every return address on the site', async () => {
    const ada = await member();
    for (const back of ['//evil.example/', '/\\evil.example/', 'https://evil.example/', '/\u0009/evil.example', 'javascript:alert(1)', '/%5C%5Cevil.example']) {
      const res = await postForm('/follows/', ada.cookie, { kind: 'tag', id: String(tagId), back });
      expect(res.statusCode, back).toBe(303);
      const location = String(res.headers.location);
      expect(new URL(location, 'http://localhost:3000').host, back).toBe('localhost:3000');
    }
    for (const next of ['//evil.example/', '/\\evil.example', 'https:evil.example']) {
      const page = await get(`/members/signin/?next=${encodeURIComponent(next)}`);
      expect(page.body, next).not.toContain('evil.example');
    }
  });

  it('never redirects a crafted site address off the site', async () => {
    for (const url of [
      '//evil.example',
      '//evil.example/',
      '/%2F%2Fevil.example',
      '/%5Cevil.example',
      '/\\evil.example',
      '///evil.example/%2E%2E',
      '/members/print?x=//evil.example',
      '/tag//evil.example',
      '/people//evil.example',
      '/works/%2F%2Fevil.example',
      '/.%2F%2Fevil.example',
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBeLessThan(500);
      const location = res.headers.location;
      if (location !== undefined) expect(new URL(String(location), 'http://localhost:3000').host, url).toBe('localhost:3000');
    }
  });

  it('sends a tampered or forged click link nowhere, and acts on no forged emailed link', async () => {
    for (const url of [
      '/follows/confirm/?token=1.2.AAAA',
      '/comments/emails/stop/?token=m1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      '/follows/alerts/off/?token=forged',
      '/newsletter/preferences/?token=forged',
      '/newsletter/unsubscribe/?token[]=x',
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, url).toBeLessThan(500);
    }
    for (const forged of ['1.0.1.AAAAAAAAAAAAAAAAAAAAAA', '1.0.1.AAAAAAAAAAAAAAAAAAAAAA?url=https://evil.example', '1.0.1', 'https%3A%2F%2Fevil.example']) {
      const res = await get(`/newsletter/click/${forged}`);
      expect(res.statusCode, forged).toBe(400);
      expect(res.headers.location, forged).toBeUndefined();
    }
  });

  it('escapes hostile names of people and works, offers and typed promotion codes', async () => {
    const author = await makeAuthor(t.services, { name: 'Hostile Host' });
    const review = await t.services.posts.create(
      filmReview([author.slug], {
        title: 'A review naming odd people',
        status: 'published',
        review: { work: { type: 'movie', title: `Work ${HOSTILE}`, year: 2024, credits: [{ name: `Person ${HOSTILE}`, role: 'director' }] } },
      }),
    );
    const piece = await get(`/${review.slug}/`);
    const links = [...piece.body.matchAll(/href="(\/(?:people|works)\/[^"]+)"/g)].map((m) => m[1]!);
    expect(links.some((l) => l.startsWith('/people/'))).toBe(true);
    expect(links.some((l) => l.startsWith('/works/'))).toBe(true);
    for (const url of [`/${review.slug}/`, ...new Set(links)]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).not.toContain('<img src=x');
      expect(res.body, url).not.toContain('<script>alert');
    }
    const { digital } = await makePlans(t.services).catch(async () => ({ digital: (await t.services.plans.list({ onlyActive: true })).find((p) => p.tier === 'digital')! }));
    const offer = await t.services.offers.create({ code: 'hostile', name: `Offer ${HOSTILE}`, planId: digital.id, billing: 'month', percentOff: 10, duration: 'once', promotionCode: 'HOSTILE10' });
    const offerPage = await get(`/members/offers/${offer.code}/`);
    expect(offerPage.statusCode).toBe(200);
    expect(offerPage.body).not.toContain('<img src=x');
    expect(offerPage.body).not.toContain('<script>alert');
    const typed = await get(`/members/offers/?code=${encodeURIComponent('<script>alert(3)</script>')}`);
    expect(typed.statusCode).toBe(404);
    expect(typed.body).not.toContain('<script>alert(3)');
  });

  it('never lets a shared cache keep a page made for a signed-in member', async () => {
    const ada = await member();
    for (const url of [`/${slug}/`, '/tag/targets/', `/${slug}/comment/`, '/members/', '/members/print/', '/members/tip/', '/comments/emails/', '/members/offers/?code=NOPE1']) {
      const res = await get(url, ada.cookie);
      expect(res.statusCode, url).toBeLessThan(500);
      expect(String(res.headers['cache-control']), url).toMatch(/private|no-store/);
      expect(String(res.headers['cache-control']), url).not.toMatch(/public|s-maxage/);
      expect(res.headers['surrogate-key'], url).toBeUndefined();
      expect(res.headers['cdn-cache-control'], url).toBeUndefined();
    }
  });

  it('refuses script and data addresses as a feature image through the Ghost Admin API, from a contributor too', async () => {
    const contributor = await t.services.users.create({ email: `contrib${dialect}@masthead.example`, name: 'Contributor', role: 'contributor' });
    const byline = await makeAuthor(t.services, { name: 'Contributor Byline' });
    await t.services.users.linkAuthor(contributor.id, byline.id);
    const key = (await t.services.apiKeys.create({ name: 'Contributor', role: 'contributor' }, { ...contributor, authorId: byline.id })).secret;
    const rows = () => t.store.db.selectFrom('posts').select('id').execute();
    const before = (await rows()).length;
    for (const image of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'vbscript:x']) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/ghost/api/admin/posts/',
        headers: { authorization: `Ghost ${await token(key)}`, 'content-type': 'application/json' },
        payload: { posts: [{ title: `Image ${HOSTILE}`, feature_image: image }] },
      });
      expect(res.statusCode, image).toBe(422);
      const canonical = await t.app.inject({
        method: 'POST',
        url: '/ghost/api/admin/posts/',
        headers: { authorization: `Ghost ${await token(key)}`, 'content-type': 'application/json' },
        payload: { posts: [{ title: 'Canonical', canonical_url: image }] },
      });
      expect(canonical.statusCode, image).toBe(422);
    }
    expect((await rows()).length).toBe(before);
    expect(postId).toBeGreaterThan(0);
  });

  it('shows an author the comments on their pieces without the commenters’ email addresses, which only editors see', async () => {
    const byline = await makeAuthor(t.services, { name: 'Commented Author' });
    const piece = await t.services.posts.create(postFields([byline.slug], { title: 'A commented piece', status: 'published' }));
    const reader = await member('Private Reader');
    await t.services.comments.add(piece, { memberId: reader.id, name: 'Private Reader', paid: false }, { body: 'A remark worth moderating.' });
    const author = await staffClient(t.app, t.services, 'author');
    await t.services.users.linkAuthor(author.user.id, byline.id);
    const editor = await staffClient(t.app, t.services, 'editor');
    const asAuthor = await author.client.call('GET', `/admin/api/comments?postId=${piece.id}`);
    expect(asAuthor.statusCode).toBe(200);
    expect(asAuthor.json().comments).toMatchObject([{ authorName: 'Private Reader', memberId: reader.id, memberEmail: null }]);
    expect(asAuthor.body).not.toContain(reader.email);
    const asEditor = await editor.client.call('GET', `/admin/api/comments?postId=${piece.id}`);
    expect(asEditor.json().comments).toMatchObject([{ memberEmail: reader.email }]);
  });

  it("never shows a contributor another writer's draft through the Ghost Admin API, whether asked by id, slug or filter", async () => {
    const owner = await makeAuthor(t.services, { name: 'Draft Owner' });
    const draft = await t.services.posts.create(postFields([owner.slug], { title: 'Secret draft Kumquat', slug: 'secret-draft-kumquat', body: 'Kumquat unpublished words.' }));
    const contributor = await t.services.users.create({ email: `peek${dialect}@masthead.example`, name: 'Peeker', role: 'contributor' });
    const byline = await makeAuthor(t.services, { name: 'Peeker Byline' });
    await t.services.users.linkAuthor(contributor.id, byline.id);
    const key = (await t.services.apiKeys.create({ name: 'Peek', role: 'contributor' }, { ...contributor, authorId: byline.id })).secret;
    const ask = async (method: 'GET' | 'PUT' | 'DELETE', url: string, payload?: object) =>
      t.app.inject({ method, url: `/ghost/api/admin${url}`, headers: { authorization: `Ghost ${await token(key)}`, ...(payload ? { 'content-type': 'application/json' } : {}) }, ...(payload ? { payload } : {}) });
    const byId = await ask('GET', `/posts/${draft.id}/`);
    const bySlug = await ask('GET', '/posts/slug/secret-draft-kumquat/');
    const missing = await ask('GET', '/posts/slug/no-such-draft-anywhere/');
    expect(byId.statusCode).toBeGreaterThanOrEqual(400);
    expect(bySlug.statusCode).toBe(missing.statusCode);
    for (const filter of ['status:draft', 'slug:secret-draft-kumquat', `id:${draft.id}`, "title:~'Kumquat'", 'authors.slug:draft-owner']) {
      const list = await ask('GET', `/posts/?filter=${encodeURIComponent(filter)}&formats=html,plaintext`);
      expect(list.statusCode, filter).toBe(200);
      expect(list.json().posts, filter).toEqual([]);
    }
    const updatedAt = new Date().toISOString();
    expect((await ask('PUT', `/posts/${draft.id}/`, { posts: [{ title: 'Taken over', updated_at: updatedAt }] })).statusCode).toBeGreaterThanOrEqual(400);
    expect((await ask('DELETE', `/posts/${draft.id}/`)).statusCode).toBeGreaterThanOrEqual(400);
    expect((await t.services.posts.get(draft.id)).title).toBe('Secret draft Kumquat');
    expect(byId.body + bySlug.body).not.toContain('Kumquat');
  });
});

describe.each(dialects)('comments of a piece the reader may not read, under a theme that prints everything (%s)', (dialect) => {
  let app: FastifyInstance;
  let close: () => Promise<unknown>;
  let paidSlug: string;
  let commentId: number;
  let freeCookie: string;

  beforeAll(async () => {
    const stripe = await startStripeServer();
    const t = await testApp(dialect, { stripe: stripe.settings });
    await makePlans(t.services);
    const author = await makeAuthor(t.services, { name: 'Paid Host' });
    const paid = await t.services.posts.create(postFields([author.slug], { title: 'A paid piece with talk', body: 'Paid body.', visibility: 'paid', status: 'published' }));
    paidSlug = paid.slug;
    await t.services.comments.setSiteAccess('members');
    const payer = await t.services.members.add({ email: 'payer@example.com', name: 'Payer' });
    const outcome = await t.services.comments.add(paid, { memberId: payer.id, name: 'Payer', paid: true }, { body: 'Persimmon remark only paying readers may see.' });
    commentId = outcome.kind === 'discarded' ? 0 : outcome.comment.id;
    await t.services.comments.approve(commentId);
    await t.services.members.add({ email: 'free@example.com', name: 'Free Reader' });
    freeCookie = await memberCookie(t.services, 'free@example.com');
    // The default theme, with its comment page printing all the data it receives.
    const themeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-leaky-comments-'));
    fs.cpSync(defaultThemeDir, themeDir, { recursive: true });
    fs.appendFileSync(path.join(themeDir, 'comment.eta'), '\n<pre class="everything"><%= JSON.stringify(it, (key, v) => (typeof v === "function" ? undefined : v)) %></pre>\n');
    app = await buildApp({ config: { publicUrl: 'http://localhost:3000', themeDir, dataDir: t.dataDir }, services: t.services, logger: silentLogger });
    close = async () => {
      await app.close();
      await t.close();
      await stripe.close();
      fs.rmSync(themeDir, { recursive: true, force: true });
    };
  });
  afterAll(async () => close());

  it('never gives the comment page a comment the free member replies to on a paid piece', async () => {
    const res = await app.inject({ url: `/${paidSlug}/comment/?reply=${commentId}`, headers: { cookie: freeCookie } });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('class="everything"');
    expect(res.body).not.toContain('Persimmon');
  });
});
