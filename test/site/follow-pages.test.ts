import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpMailer } from '../../src/email/index.js';
import { testApp, type AppContext } from '../support/app.js';
import { filmReview, makeAuthor, makeTag } from '../support/factories.js';
import { htmlErrors } from '../support/html.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';
import { dialects } from '../support/stores.js';
import { memberCookie } from '../members/helpers.js';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

/** The cookies a response sets, added to the ones already sent. */
function withSetCookies(cookie: string, response: { headers: Record<string, unknown> }): string {
  const set = [response.headers['set-cookie'] ?? []].flat() as string[];
  return [cookie, ...set.map((line) => line.split(';')[0]!)].join('; ');
}

const csrfIn = (body: string) => /name="_csrf" value="([^"]+)"/.exec(body)![1]!;

describe.each(dialects)('following from section and author pages (%s)', (dialect) => {
  let t: AppContext;
  let smtp: TestSmtp;
  let tag: { id: number; slug: string; name: string };
  let author: { id: number; slug: string; name: string };

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await testApp(dialect, { mailer: smtpMailer({ smtpUrl: smtp.url, mailFrom: 'Magazine <news@magazine.example>', dkim: undefined }) });
    tag = await makeTag(t.services, { name: 'Essays', slug: 'essays' });
    author = await makeAuthor(t.services, { name: 'Wren Calloway', slug: 'wren-calloway' });
  });
  afterAll(async () => {
    await t.services.mailer.close();
    await t.close();
    await smtp.close();
  });

  // Each request from its own address, so the forms' rate limits only count where a test means them to.
  let client = 0;
  const post = (url: string, form: Record<string, string | number>, cookie?: string, remoteAddress = `10.1.${(client += 1) >> 8}.${client & 255}`) =>
    t.app.inject({
      method: 'POST',
      url,
      remoteAddress,
      headers: { ...FORM, ...(cookie ? { cookie } : {}) },
      payload: new URLSearchParams(Object.entries(form).map(([k, v]) => [k, String(v)])).toString(),
    });
  const get = (url: string, cookie?: string) => t.app.inject({ url, headers: cookie ? { cookie } : {} });

  /** A signed-in member's session, and the page's CSRF token with the cookie that goes with it. */
  async function signedIn(email: string, page: string) {
    const session = await memberCookie(t.services, email);
    const res = await get(page, session);
    return { session, cookie: withSetCookies(session, res), csrf: csrfIn(res.body), page: res };
  }

  async function lastEmailLink(path: string): Promise<{ to: string; link: string }> {
    await t.services.runner.drain();
    await smtp.waitFor(smtp.received.length);
    const message = await smtp.parsed(smtp.received.length - 1);
    const match = new RegExp(`http://localhost:3000(/${path}/\\?token=[A-Za-z0-9_.-]+)`).exec(message.text!);
    if (!match) throw new Error(`no ${path} link in: ${message.text}`);
    return { to: smtp.received[smtp.received.length - 1]!.to, link: match[1]! };
  }

  it('shows readers who are not signed in an email form, and the page stays valid HTML', async () => {
    for (const url of ['/tag/essays/', '/author/wren-calloway/']) {
      const res = await get(url);
      expect(res.statusCode).toBe(200);
      expect(res.body).toMatch(/<form class="follow-form signup-form" method="post" action="\/follows\/">/);
      expect(res.body).not.toContain('_csrf');
      expect(await htmlErrors(res.body), url).toEqual([]);
    }
  });

  it('lets a signed-in member follow a section with one click, see it followed, and unfollow', async () => {
    const { cookie, csrf, page } = await signedIn('one-click@example.com', '/tag/essays/');
    expect(page.body).toContain('>Follow<span class="visually-hidden"> Essays</span>');
    expect(page.headers['cache-control']).toBe('private, no-store');
    expect(await htmlErrors(page.body)).toEqual([]);

    const followed = await post('/follows/', { _csrf: csrf, kind: 'tag', id: tag.id, back: '/tag/essays/' }, cookie);
    expect(followed.statusCode).toBe(303);
    expect(followed.headers.location).toBe('/tag/essays/');
    const after = await get('/tag/essays/', cookie);
    expect(after.body).toContain('Following ✓');
    expect(after.body).toContain('action="/follows/unfollow"');
    expect(await htmlErrors(after.body)).toEqual([]);
    // Another member of the same level shares the kept page, not this member's state.
    const other = await signedIn('someone-else@example.com', '/tag/essays/');
    expect(other.page.body).not.toContain('Following ✓');

    const account = await get('/members/', cookie);
    expect(account.body).toMatch(/<a href="\/tag\/essays\/">Essays<\/a>/);
    expect(await htmlErrors(account.body)).toEqual([]);

    const unfollowed = await post('/follows/unfollow', { _csrf: csrf, kind: 'tag', id: tag.id, back: 'https://evil.example/' }, cookie);
    expect(unfollowed.statusCode).toBe(303);
    expect(unfollowed.headers.location).toBe('/members/');
    expect((await get('/tag/essays/', cookie)).body).not.toContain('Following ✓');
  });

  it('lets readers follow a person and a work from their pages', async () => {
    const review = await t.services.posts.create(filmReview([author.slug], { status: 'published' }));
    const work = review.review!.work;
    const person = work.credits.find((c) => c.role === 'director')!.person;
    for (const url of [`/people/${person.slug}/`, `/works/${work.slug}/`]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toMatch(/<form class="follow-form signup-form" method="post" action="\/follows\/">/);
      expect(await htmlErrors(res.body), url).toEqual([]);
    }
    const { cookie, csrf, page } = await signedIn('cinephile@example.com', `/people/${person.slug}/`);
    expect(page.body).toContain(`>Follow<span class="visually-hidden"> ${person.name}</span>`);
    expect((await post('/follows/', { _csrf: csrf, kind: 'person', id: person.id, back: `/people/${person.slug}/` }, cookie)).statusCode).toBe(303);
    expect((await post('/follows/', { _csrf: csrf, kind: 'work', id: work.id, back: `/works/${work.slug}/` }, cookie)).statusCode).toBe(303);
    for (const url of [`/people/${person.slug}/`, `/works/${work.slug}/`]) {
      const after = await get(url, cookie);
      expect(after.body, url).toContain('Following ✓');
      expect(await htmlErrors(after.body), url).toEqual([]);
    }
    const account = await get('/members/', cookie);
    expect(account.body).toContain(`<a href="/people/${person.slug}/">${person.name}</a>`);
    expect(account.body).toContain(`<a href="/works/${work.slug}/">${work.title}</a>`);
  });

  it('refuses a member follow without the CSRF token, and unknown targets as not found', async () => {
    const { session, cookie, csrf } = await signedIn('careful@example.com', '/author/wren-calloway/');
    const memberId = (await t.services.members.get({ email: 'careful@example.com' })).id;
    const forged = await post('/follows/', { kind: 'author', id: author.id }, session);
    expect(forged.statusCode).toBe(403);
    const wrongToken = await post('/follows/', { _csrf: 'not-the-token', kind: 'author', id: author.id }, cookie);
    expect(wrongToken.statusCode).toBe(403);
    expect(await t.services.follows.list({ kind: 'member', id: memberId })).toEqual([]);

    for (const form of [
      { kind: 'author', id: 999_999 },
      { kind: 'post', id: 1 },
      { kind: 'author', id: 'abc' },
      { kind: 'author', id: '1e400' },
    ]) {
      const res = await post('/follows/', { _csrf: csrf, ...form }, cookie);
      expect(res.statusCode, JSON.stringify(form)).toBe(404);
      const byEmail = await post('/follows/', { email: 'who@example.com', ...form });
      expect(byEmail.statusCode, JSON.stringify(form)).toBe(404);
    }
    const signedOut = await post('/follows/unfollow', { kind: 'author', id: author.id });
    expect(signedOut.statusCode).toBe(401);
  });

  it('follows by email only after the emailed link, once, and confirms a new address as a subscriber', async () => {
    const asked = await post('/follows/', { email: 'Reader@Example.com', kind: 'author', id: author.id, company: '' });
    expect(asked.statusCode).toBe(200);
    expect(asked.body).toContain('Wren Calloway');
    const subscriber = await t.services.subscribers.find('reader@example.com');
    expect(subscriber.status).toBe('pending');
    expect(await t.services.follows.list({ kind: 'subscriber', id: subscriber.id })).toMatchObject([{ confirmed: false }]);
    // Asking again within ten minutes mails nothing more.
    const before = smtp.received.length;
    await post('/follows/', { email: 'reader@example.com', kind: 'author', id: author.id });
    const { to, link } = await lastEmailLink('follows/confirm');
    expect(smtp.received.length).toBe(before + 1);
    expect(to).toBe('reader@example.com');

    const confirmed = await get(link);
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.body).toContain('You now follow Wren Calloway');
    expect(await htmlErrors(confirmed.body)).toEqual([]);
    expect(await t.services.follows.list({ kind: 'subscriber', id: subscriber.id })).toMatchObject([{ confirmed: true, target: { kind: 'author', id: author.id } }]);
    expect((await t.services.subscribers.find('reader@example.com')).status).toBe('confirmed');

    const replay = await get(link);
    expect(replay.statusCode).toBe(410);
    const tampered = await get(link.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')));
    expect(tampered.statusCode).toBe(400);
    const forged = await get('/follows/confirm/?token=1.abc.9999999999.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    expect(forged.statusCode).toBe(400);
    expect((await get('/follows/confirm/?token=%FF%FE')).statusCode).toBe(400);
  });

  it('ignores the honeypot and refuses a malformed address with a 400', async () => {
    const bot = await post('/follows/', { email: 'bot@example.com', kind: 'tag', id: tag.id, company: 'Spam Inc' });
    expect(bot.statusCode).toBe(200);
    await expect(t.services.subscribers.find('bot@example.com')).rejects.toMatchObject({ code: 'SUBSCRIBER_NOT_FOUND' });
    const bad = await post('/follows/', { email: 'a@example.com\r\nBcc: victim@example.com', kind: 'tag', id: tag.id });
    expect(bad.statusCode).toBe(400);
  });

  it('lists follows on the preferences page and removes them there, only the holder’s own', async () => {
    await t.services.subscribers.importCsv(Buffer.from('email\nlister@example.com\nstranger@example.com\n'));
    for (const email of ['lister@example.com', 'stranger@example.com']) {
      await post('/follows/', { email, kind: 'tag', id: tag.id });
      await get((await lastEmailLink('follows/confirm')).link);
    }
    const lister = await t.services.subscribers.find('lister@example.com');
    const stranger = await t.services.subscribers.find('stranger@example.com');
    const token = (await t.services.subscribers.links()).sign({ purpose: 'preferences', subscriberId: lister.id });
    const page = await get(`/newsletter/preferences/?token=${token}`);
    expect(page.body).toMatch(/<a href="\/tag\/essays\/">Essays<\/a>/);
    expect(await htmlErrors(page.body)).toEqual([]);

    const theirs = (await t.services.follows.list({ kind: 'subscriber', id: stranger.id }))[0]!.id;
    expect((await post('/newsletter/preferences/follows/remove', { token, id: theirs })).statusCode).toBe(404);
    expect((await post('/newsletter/preferences/follows/remove', { token: 'forged', id: theirs })).statusCode).toBe(400);
    const mine = (await t.services.follows.list({ kind: 'subscriber', id: lister.id }))[0]!.id;
    const removed = await post('/newsletter/preferences/follows/remove', { token, id: mine });
    expect(removed.statusCode).toBe(303);
    expect(await t.services.follows.list({ kind: 'subscriber', id: lister.id })).toEqual([]);
    expect(await t.services.follows.list({ kind: 'subscriber', id: stranger.id })).toHaveLength(1);
  });

  it('removes a follow from the account page with the CSRF token', async () => {
    const { cookie, csrf } = await signedIn('remover@example.com', '/members/');
    await post('/follows/', { _csrf: csrf, kind: 'author', id: author.id }, cookie);
    const memberId = (await t.services.members.get({ email: 'remover@example.com' })).id;
    const [follow] = await t.services.follows.list({ kind: 'member', id: memberId });
    expect((await post('/members/follows/remove', { id: follow!.id }, cookie)).statusCode).toBe(403);
    const removed = await post('/members/follows/remove', { _csrf: csrf, id: follow!.id }, cookie);
    expect(removed.statusCode).toBe(303);
    expect(await t.services.follows.list({ kind: 'member', id: memberId })).toEqual([]);
  });

  it('turns alerts on and off from the preferences page (its link) and the account page (CSRF)', async () => {
    await t.services.subscribers.importCsv(Buffer.from('email\nalerts@example.com\n'));
    const subscriber = await t.services.subscribers.find('alerts@example.com');
    const token = (await t.services.subscribers.links()).sign({ purpose: 'preferences', subscriberId: subscriber.id });
    const on = await post('/newsletter/preferences/follows/alerts', { token, alerts: 'on' });
    expect(on.statusCode).toBe(303);
    expect(await t.services.followAlerts.enabled({ kind: 'subscriber', id: subscriber.id })).toBe(true);
    const page = await get(`/newsletter/preferences/?token=${token}`);
    expect(page.body).toMatch(/name="alerts" value="on" checked/);
    expect(await htmlErrors(page.body)).toEqual([]);
    expect((await post('/newsletter/preferences/follows/alerts', { token: 'forged', alerts: 'on' })).statusCode).toBe(400);
    await post('/newsletter/preferences/follows/alerts', { token });
    expect(await t.services.followAlerts.enabled({ kind: 'subscriber', id: subscriber.id })).toBe(false);

    const { cookie, csrf } = await signedIn('alerting-member@example.com', '/members/');
    const memberId = (await t.services.members.get({ email: 'alerting-member@example.com' })).id;
    expect((await post('/members/follows/alerts', { alerts: 'on' }, cookie)).statusCode).toBe(403);
    expect(await t.services.followAlerts.enabled({ kind: 'member', id: memberId })).toBe(false);
    expect((await post('/members/follows/alerts', { _csrf: csrf, alerts: 'on' }, cookie)).statusCode).toBe(303);
    expect(await t.services.followAlerts.enabled({ kind: 'member', id: memberId })).toBe(true);
    expect((await get('/members/', cookie)).body).toMatch(/name="alerts" value="on" checked/);
  });

  it('answers odd encodings and huge bodies with a 4xx, never a 500', async () => {
    const { cookie, csrf } = await signedIn('odd@example.com', '/tag/essays/');
    const raw = (url: string, payload: string, withCookie?: string) =>
      t.app.inject({ method: 'POST', url, remoteAddress: `10.2.0.${(client += 1) & 255}`, headers: { ...FORM, ...(withCookie ? { cookie: withCookie } : {}) }, payload });
    const cases: Array<[string, string, string | undefined]> = [
      ['/follows/', `_csrf=${csrf}&kind=tag&kind=author&id=${tag.id}`, cookie],
      ['/follows/', `_csrf=${csrf}&kind=tag&id=${tag.id}&id=${tag.id}`, cookie],
      ['/follows/', `kind=tag&id=${tag.id}&email=a@example.com&email=b@example.com`, undefined],
      ['/follows/', `kind=tag&id=${tag.id}&email=%FF%FE%00`, undefined],
      ['/follows/', `kind=constructor&id=1&email=a@example.com`, undefined],
      ['/follows/', `kind=__proto__&id=1&email=a@example.com`, undefined],
      ['/members/follows/remove', `_csrf=${csrf}&id=1&id=2`, cookie],
      ['/newsletter/preferences/follows/remove', 'token=a&token=b&id=1', undefined],
      ['/follows/alerts/off/', 'token=a&token=b', undefined],
      ['/follows/', `email=${'a'.repeat(70_000)}@example.com&kind=tag&id=${tag.id}`, undefined],
    ];
    for (const [url, payload, withCookie] of cases) {
      const res = await raw(url, payload, withCookie);
      expect(res.statusCode, `${url} ${payload.slice(0, 80)}`).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, `${url} ${payload.slice(0, 80)}`).toBeLessThan(500);
    }
    expect((await get('/follows/confirm/?token=a&token=b')).statusCode).toBe(400);
  });

  it('limits the email form like the newsletter signup', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await post('/follows/', { email: `flood${i}@example.com`, kind: 'tag', id: tag.id }, undefined, '192.0.2.7')).statusCode);
    expect(statuses.slice(0, 10).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });
});
