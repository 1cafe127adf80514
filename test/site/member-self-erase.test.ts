import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/index.js';
import { staffClient } from '../admin-api/support/admin-client.js';
import { testApp, type AppContext } from '../support/app.js';
import { makeAuthor, makeTag, postFields } from '../support/factories.js';
import { htmlErrors } from '../support/html.js';
import { catalogs, expectNoEnglish } from '../support/locales.js';
import { dialects, manualClock } from '../support/stores.js';
import { startStripeServer, subscriptionState, type StripeTestServer } from '../support/stripe-server.js';
import { deliver, gbAddress, keptComment, makePlans, memberCookie, subscribe } from '../members/helpers.js';

const en = translator(catalogs, 'en');
const form = { 'content-type': 'application/x-www-form-urlencoded' };
const text = (key: string, values?: Record<string, string | number>) => en(key, values).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

describe.each(dialects)('a member downloading and erasing their own account on %s', (dialect) => {
  let t: AppContext;
  let stripe: StripeTestServer;
  let piece: { id: number; slug: string; type: 'post'; status: 'published'; visibility: 'public' };
  const time = manualClock('2026-12-01T09:00:00.000Z');

  beforeAll(async () => {
    stripe = await startStripeServer();
    t = await testApp(dialect, { stripe: stripe.settings, clock: time.clock });
    await makePlans(t.services);
    const post = await t.services.posts.create(postFields([(await makeAuthor(t.services)).slug], { status: 'published', title: 'Estuaries' }));
    piece = { id: post.id, slug: post.slug, type: 'post', status: 'published', visibility: 'public' };
    await t.services.comments.setSiteAccess('members');
  });
  // Each test starts in a new minute of the forms' rate limits.
  beforeEach(() => time.advance(61_000));
  afterAll(async () => {
    await t.close();
    await stripe.close();
  });

  /** A signed-in member with an address, a shown and a pending comment, a follow and comment settings; their session cookie. */
  async function memberWithHistory(email: string) {
    const member = await t.services.members.add({ email, name: `Reader ${email.split('@')[0]}` });
    await t.services.members.updateAddress(member.id, gbAddress);
    const who = { memberId: member.id, name: member.name, paid: false };
    const shown = keptComment(await t.services.comments.add(piece, who, { body: `Shown words of ${email}` }));
    await t.services.comments.approve(shown.id);
    keptComment(await t.services.comments.add(piece, who, { body: `Waiting words of ${email}: see https://example.com/x` }));
    const tag = await makeTag(t.services, { name: `Marshes ${member.id}` });
    await t.services.follows.followAsMember(member.id, { kind: 'tag', id: tag.id });
    await t.services.comments.stop(member.id);
    return { member, tag, cookie: await memberCookie(t.services, email) };
  }

  /** The erasure page (or another) and what a form needs: a CSRF field of the page and the cookies together. */
  async function erasePage(memberCookieHeader: string, url = '/members/erase/') {
    const page = await t.app.inject({ url, headers: { cookie: memberCookieHeader } });
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const cookie = [memberCookieHeader, ...page.cookies.map((c) => `${c.name}=${c.value}`)].join('; ');
    return { page, csrf, cookie };
  }

  const postErase = (cookie: string, payload: string, headers: Record<string, string> = form) => t.app.inject({ method: 'POST', url: '/members/erase', headers: { ...headers, cookie }, payload });

  /** What the database still holds of a member: rows naming them by id or address, and their shown comment kept unsigned. */
  async function tracesOf(id: number, email: string) {
    const db = t.store.db;
    const count = async (query: { execute(): Promise<unknown[]> }) => (await query.execute()).length;
    return {
      member: await count(
        db
          .selectFrom('members')
          .select('id')
          .where((eb) => eb.or([eb('id', '=', id), eb('email', '=', email)])),
      ),
      sessions: await count(db.selectFrom('member_sessions').select('member_id').where('member_id', '=', id)),
      signInLinks: await count(db.selectFrom('member_tokens').select('email').where('email', '=', email)),
      follows: await count(db.selectFrom('follows').select('id').where('member_id', '=', id)),
      commentsNamingThem: await count(db.selectFrom('comments').select('id').where('member_id', '=', id)),
      shownKeptAsFormer: await count(db.selectFrom('comments').select('id').where('body', '=', `Shown words of ${email}`).where('member_id', 'is', null).where('author_name', '=', 'A former member')),
      pendingKept: await count(db.selectFrom('comments').select('id').where('body', '=', `Waiting words of ${email}: see https://example.com/x`)),
      commentBans: await count(db.selectFrom('comment_bans').select('member_id').where('member_id', '=', id)),
    };
  }

  it('downloads the signed-in member’s own data as an uncached attachment, and nobody else’s', async () => {
    const { member, tag, cookie } = await memberWithHistory('download@example.com');
    await memberWithHistory('neighbour@example.com');
    const res = await t.app.inject({ url: '/members/data.json', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="my-account-data.json"');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const data = res.json();
    expect(data.member).toMatchObject({ id: member.id, email: 'download@example.com', address: expect.objectContaining({ line1: gbAddress.line1 }) });
    expect(data.comments.map((c: { body: string }) => c.body).sort()).toEqual(['Shown words of download@example.com', 'Waiting words of download@example.com: see https://example.com/x']);
    expect(data.follows).toEqual([expect.objectContaining({ kind: 'tag', slug: tag.slug, confirmed: true })]);
    expect(data).toMatchObject({ commentBan: true, followAlerts: false, subscriptions: [], checkouts: [], tips: [] });
    expect(res.body).not.toContain('neighbour');

    // The same as staff are given for this member.
    const editor = (await staffClient(t.app, t.services, 'editor')).client;
    expect(data).toEqual((await editor.call('GET', `/admin/api/members/${member.id}/export`)).json());

    for (const headers of [{}, { cookie: 'masthead_member=not-a-session' }]) {
      const refused = await t.app.inject({ url: '/members/data.json', headers });
      expect([refused.statusCode, refused.headers.location, refused.headers['cache-control']]).toEqual([303, '/members/signin/?next=%2Fmembers%2F', 'no-store']);
      expect(refused.body).not.toContain('download@example.com');
    }
  });

  it('links the download and the erasure from the account page, and asks on a valid page before erasing', async () => {
    const { cookie } = await memberWithHistory('asks@example.com');
    const account = await t.app.inject({ url: '/members/', headers: { cookie } });
    expect(account.body).toContain('href="/members/data.json" download');
    expect(account.body).toContain('href="/members/erase/"');
    expect(await htmlErrors(account.body)).toEqual([]);

    const { page } = await erasePage(cookie);
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('private, no-store');
    expect(page.body).toContain(text('accountErase.for', { email: 'asks@example.com' }));
    expect(page.body).toContain(text('accountErase.stays'));
    expect(page.body).toContain('action="/members/erase"');
    expect(await htmlErrors(page.body)).toEqual([]);
    // Opening the page erased nothing.
    expect((await t.services.members.get({ email: 'asks@example.com' })).email).toBe('asks@example.com');

    const anonymous = await t.app.inject({ url: '/members/erase/' });
    expect([anonymous.statusCode, anonymous.headers.location]).toEqual([303, '/members/signin/?next=%2Fmembers%2Ferase%2F']);
  });

  it('erases what a staff erasure of a twin member erases, ends the session and refuses the old cookie afterwards', async () => {
    const self = await memberWithHistory('self@example.com');
    const twin = await memberWithHistory('twin@example.com');
    const editor = (await staffClient(t.app, t.services, 'editor')).client;
    expect((await editor.call('POST', `/admin/api/members/${twin.member.id}/erase`)).statusCode).toBe(204);

    const { csrf, cookie } = await erasePage(self.cookie);
    const done = await postErase(cookie, new URLSearchParams({ _csrf: csrf }).toString());
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain(text('accountErased.text'));
    expect(await htmlErrors(done.body)).toEqual([]);
    const cleared = done.cookies.find((c) => c.name === 'masthead_member');
    expect(cleared?.value).toBe('');

    const selfTraces = await tracesOf(self.member.id, 'self@example.com');
    expect(selfTraces).toEqual(await tracesOf(twin.member.id, 'twin@example.com'));
    expect(selfTraces).toEqual({ member: 0, sessions: 0, signInLinks: 0, follows: 0, commentsNamingThem: 0, shownKeptAsFormer: 1, pendingKept: 0, commentBans: 0 });

    // The old cookie is worth nothing now: no account page, no download, and a second erasure fails cleanly.
    expect((await t.app.inject({ url: '/members/', headers: { cookie: self.cookie } })).headers.location).toBe('/members/signin/');
    expect((await t.app.inject({ url: '/members/data.json', headers: { cookie: self.cookie } })).statusCode).toBe(303);
    const again = await postErase(cookie, new URLSearchParams({ _csrf: csrf }).toString());
    expect(again.statusCode).toBe(401);
  });

  it('erases nothing without the page’s CSRF token', async () => {
    const { member, cookie: signedIn } = await memberWithHistory('csrf@example.com');
    const { csrf, cookie } = await erasePage(signedIn);
    const attempts = [postErase(signedIn, new URLSearchParams({ _csrf: csrf }).toString()), postErase(cookie, ''), postErase(cookie, new URLSearchParams({ _csrf: 'forged' }).toString())];
    for (const res of await Promise.all(attempts)) expect(res.statusCode).toBe(403);
    expect((await tracesOf(member.id, 'csrf@example.com')).member).toBe(1);
  });

  it('asks for a fresh sign-in link when the session is older than fifteen minutes, then erases with the new session', async () => {
    const { member, cookie: stale } = await memberWithHistory('stale@example.com');
    time.advance(16 * 60_000);
    const { page, csrf, cookie } = await erasePage(stale);
    expect(page.body).toContain(text('accountErase.stale', { minutes: 15 }));
    expect(page.body).not.toContain('action="/members/erase"');
    expect(page.body).toContain('<input type="hidden" name="next" value="/members/erase/">');
    expect(await htmlErrors(page.body)).toEqual([]);

    const refused = await postErase(cookie, new URLSearchParams({ _csrf: csrf }).toString());
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain(text('accountErase.stale', { minutes: 15 }));
    const json = await postErase(cookie, JSON.stringify({ _csrf: csrf }), { 'content-type': 'application/json' });
    expect([json.statusCode, json.json().error.code]).toEqual([403, 'SIGNIN_NOT_RECENT']);
    expect((await tracesOf(member.id, 'stale@example.com')).member).toBe(1);

    // The page's form mails a link that leads back to the erasure page.
    const sent = await t.app.inject({
      method: 'POST',
      url: '/members/signin',
      headers: { ...form, cookie },
      payload: new URLSearchParams({ _csrf: csrf, email: 'stale@example.com', next: '/members/erase/' }).toString(),
    });
    expect([sent.statusCode, sent.headers.location]).toEqual([303, '/members/signin/?sent=1']);

    const fresh = await erasePage(await memberCookie(t.services, 'stale@example.com'));
    expect((await postErase(fresh.cookie, new URLSearchParams({ _csrf: fresh.csrf }).toString())).statusCode).toBe(200);
    expect((await tracesOf(member.id, 'stale@example.com')).member).toBe(0);
  });

  it('refuses while Stripe still bills a subscription, says to cancel it first, and erases once it has ended', async () => {
    const { stripeId } = await subscribe(t.services, stripe, { plan: 'print-digital', billing: 'year', email: 'payer@example.com', address: gbAddress });
    const member = await t.services.members.get({ email: 'payer@example.com' });
    const signedIn = await memberCookie(t.services, 'payer@example.com');
    const { page } = await erasePage(signedIn);
    expect(page.body).toContain(text('accountErase.subscribed'));
    expect(page.body).not.toContain('action="/members/erase"');
    expect(await htmlErrors(page.body)).toEqual([]);
    // A form sent anyway (the token of the account page) is refused too.
    const { csrf, cookie } = await erasePage(signedIn, '/members/');

    const stripeCalls = stripe.requests.length;
    const refused = await postErase(cookie, new URLSearchParams({ _csrf: csrf }).toString());
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain(text('accountErase.subscribed'));
    expect(stripe.requests.length).toBe(stripeCalls);
    expect((await t.services.members.detail(member.id)).subscriptions).toEqual([expect.objectContaining({ status: 'active', cancelAtPeriodEnd: false })]);

    await deliver(t.services, 'customer.subscription.deleted', subscriptionState(stripeId, { status: 'canceled' })).outcome;
    const after = await erasePage(signedIn);
    expect(after.page.body).toContain('action="/members/erase"');
    expect((await postErase(after.cookie, new URLSearchParams({ _csrf: after.csrf }).toString())).statusCode).toBe(200);
    expect((await tracesOf(member.id, 'payer@example.com')).member).toBe(0);
  });

  it('limits downloads to a few a minute', async () => {
    const { cookie } = await memberWithHistory('often@example.com');
    const statuses = [];
    for (let i = 0; i < 7; i += 1) statuses.push((await t.app.inject({ url: '/members/data.json', headers: { cookie } })).statusCode);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 429]);
    time.advance(61_000);
    expect((await t.app.inject({ url: '/members/data.json', headers: { cookie } })).statusCode).toBe(200);
  });

  it('erases once when the form is sent twice at the same moment, alongside a download', async () => {
    const { member, cookie: signedIn } = await memberWithHistory('twice@example.com');
    const { csrf, cookie } = await erasePage(signedIn);
    const payload = new URLSearchParams({ _csrf: csrf }).toString();
    const [first, second, download] = await Promise.all([postErase(cookie, payload), postErase(cookie, payload), t.app.inject({ url: '/members/data.json', headers: { cookie } })]);
    expect([first.statusCode, second.statusCode].sort()).toContain(200);
    for (const res of [first, second, download]) expect(res.statusCode, res.body.slice(0, 300)).toBeLessThan(500);
    expect(await tracesOf(member.id, 'twice@example.com')).toMatchObject({ member: 0, sessions: 0 });
  });

  it('says nothing was erased when Stripe does not answer while closing an open checkout, and erases once it does', async () => {
    const { member, cookie: signedIn } = await memberWithHistory('checkout@example.com');
    await t.services.subscriptions.startCheckout(member, { plan: 'digital', billing: 'month' });
    const { csrf, cookie } = await erasePage(signedIn);
    const payload = new URLSearchParams({ _csrf: csrf }).toString();
    stripe.failing = true;
    let refused: Awaited<ReturnType<typeof postErase>>;
    try {
      refused = await postErase(cookie, payload);
    } finally {
      stripe.failing = false;
    }
    expect(refused.statusCode).toBe(502);
    expect(refused.body).toContain(text('accountErase.provider'));
    expect(refused.body).toContain('action="/members/erase"');
    expect(await htmlErrors(refused.body)).toEqual([]);
    expect((await tracesOf(member.id, 'checkout@example.com')).member).toBe(1);

    expect((await postErase(cookie, payload)).statusCode).toBe(200);
    expect((await tracesOf(member.id, 'checkout@example.com')).member).toBe(0);
  });

  it('answers odd, huge and repeated form bodies with a 4xx and erases nothing', async () => {
    const { member, cookie: signedIn } = await memberWithHistory('odd@example.com');
    const { csrf, cookie } = await erasePage(signedIn);
    const attempts = [
      postErase(cookie, `_csrf=${csrf}&_csrf=${csrf}x`),
      postErase(cookie, `_csrf=%zz%${csrf}`),
      postErase(cookie, '[1,2', { 'content-type': 'application/json' }),
      postErase(cookie, '["_csrf"]', { 'content-type': 'application/json' }),
      postErase(cookie, `_csrf=${csrf}`, { 'content-type': 'text/plain' }),
      postErase(cookie, `_csrf=${'x'.repeat(3_000_000)}`),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.statusCode, res.body.slice(0, 200)).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, res.body.slice(0, 200)).toBeLessThan(500);
    }
    expect((await tracesOf(member.id, 'odd@example.com')).member).toBe(1);
  });

  it('stays free of server errors and leaves nothing behind when the member saves an address, follows and comments while erasing', async () => {
    for (let round = 0; round < 3; round += 1) {
      time.advance(61_000);
      const email = `busy${round}@example.com`;
      const { member, cookie: signedIn } = await memberWithHistory(email);
      await t.services.comments.allow(member.id);
      const tag = await makeTag(t.services, { name: `Reeds ${round}` });
      const { csrf, cookie } = await erasePage(signedIn);
      const address = new URLSearchParams({ _csrf: csrf, address_name: 'Ada Obi', address_line1: '2 Low Street', address_city: 'Leeds', address_postcode: 'ls1 1aa', address_country: 'gb' }).toString();
      const follow = new URLSearchParams({ _csrf: csrf, kind: 'tag', id: String(tag.id) }).toString();
      const comment = new URLSearchParams({ _csrf: csrf, body: `Last words of ${email}` }).toString();
      const results = await Promise.all([
        t.app.inject({ method: 'POST', url: '/members/address', headers: { ...form, cookie }, payload: address }),
        t.app.inject({ method: 'POST', url: '/follows/', headers: { ...form, cookie }, payload: follow }),
        postErase(cookie, new URLSearchParams({ _csrf: csrf }).toString()),
        t.app.inject({ method: 'POST', url: '/members/address', headers: { ...form, cookie }, payload: address }),
        t.app.inject({ method: 'POST', url: '/follows/', headers: { ...form, cookie }, payload: follow }),
        t.app.inject({ method: 'POST', url: `/${piece.slug}/comment/`, headers: { ...form, cookie }, payload: comment }),
      ]);
      for (const res of results) expect(res.statusCode, res.body.slice(0, 300)).toBeLessThan(500);
      expect(results[2]!.statusCode).toBe(200);
      expect(await tracesOf(member.id, email)).toMatchObject({ member: 0, sessions: 0, follows: 0, commentsNamingThem: 0 });
      // A comment that got in before the erasure stays only unsigned, like the others.
      const last = await t.store.db.selectFrom('comments').select(['member_id', 'author_name']).where('body', '=', `Last words of ${email}`).execute();
      for (const row of last) expect(row).toEqual({ member_id: null, author_name: 'A former member' });
    }
  });

  it.each(['de', 'fr', 'es', 'pt'])('asks, offers a fresh link and says it is done in %s, with no English left', async (locale) => {
    await t.services.settings.updateSite({ locale });
    try {
      const tr = translator(catalogs, locale);
      const { cookie: stale } = await memberWithHistory(`alt-${locale}@example.com`);
      time.advance(16 * 60_000);
      const old = await erasePage(stale);
      expect(old.page.body).toContain(tr('accountErase.sendLink'));
      expectNoEnglish(locale, old.page.body, 'erasure page, old sign-in');
      const fresh = await erasePage(await memberCookie(t.services, `alt-${locale}@example.com`));
      expect(fresh.page.body).toContain(tr('accountErase.button'));
      expectNoEnglish(locale, fresh.page.body, 'erasure page');
      const done = await postErase(fresh.cookie, new URLSearchParams({ _csrf: fresh.csrf }).toString());
      expect(done.body).toContain(tr('accountErased.title'));
      expectNoEnglish(locale, done.body, 'erased page');
    } finally {
      await t.services.settings.updateSite({ locale: 'en' });
    }
  });
});
