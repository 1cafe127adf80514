import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { smtpMailer } from '../../src/email/index.js';
import { translator } from '../../src/i18n/index.js';
import { staffClient } from '../admin-api/support/admin-client.js';
import { testApp, type AppContext } from '../support/app.js';
import { makeAuthor, makeTag, postFields } from '../support/factories.js';
import { htmlErrors } from '../support/html.js';
import { catalogs, expectNoEnglish } from '../support/locales.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';
import { dialects, manualClock } from '../support/stores.js';

const en = translator(catalogs, 'en');
const form = { 'content-type': 'application/x-www-form-urlencoded' };

describe.each(dialects)('a subscriber erasing their own data on %s', (dialect) => {
  let t: AppContext;
  let smtp: TestSmtp;
  const time = manualClock('2026-12-01T09:00:00.000Z');

  beforeAll(async () => {
    smtp = await startSmtp();
    const mailer = smtpMailer({ smtpUrl: smtp.url, mailFrom: 'Magazine <news@magazine.example>', dkim: undefined }, { maxConnections: 2 });
    t = await testApp(dialect, { mailer, clock: time.clock });
    await t.services.sends.updateSettings({ messagesPerSecond: 1000 });
  });
  // Each test starts in a new minute of the forms' rate limits.
  beforeEach(() => time.advance(61_000));
  afterAll(async () => {
    await t.services.mailer.close();
    await t.close();
    await smtp.close();
  });

  /** Emails a new piece to the default newsletter; returns the send and the message each address got. */
  async function sendPiece(title: string) {
    const author = await makeAuthor(t.services);
    const post = await t.services.posts.create(postFields([author.slug], { status: 'published', title, body: 'Read [the interview](https://films.example/talk).' }));
    const before = smtp.received.length;
    const { sendId } = await t.services.newsletter.sendPost(post.slug);
    await t.services.sends.deliver(sendId!);
    const got = new Map<string, ParsedMail>();
    for (let i = before; i < smtp.received.length; i += 1) got.set(smtp.received[i]!.to, await smtp.parsed(i));
    return { sendId: sendId!, got };
  }

  const preferencesLinkIn = (mail: ParsedMail) => /href="http:\/\/localhost:3000(\/newsletter\/preferences\/\?token=[\w.-]+)"/.exec(String(mail.html))![1]!;
  const preferencesToken = async (email: string) => (await t.services.subscribers.links()).sign({ purpose: 'preferences', subscriberId: (await t.services.subscribers.find(email)).id });

  /** The erasure page a preferences link leads to, with its form's fields and the cookie that carries its CSRF secret. */
  async function erasurePage(preferencesPath: string) {
    const preferences = await t.app.inject(preferencesPath);
    expect(preferences.statusCode).toBe(200);
    const link = /href="(\/newsletter\/erase\/\?token=[\w.-]+)"/.exec(preferences.body)![1]!;
    const page = await t.app.inject(link);
    expect(page.statusCode).toBe(200);
    return {
      page,
      fields: { _csrf: /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!, token: /name="token" value="([^"]+)"/.exec(page.body)![1]! },
      cookie: page.cookies.map((c) => `${c.name}=${c.value}`).join('; '),
    };
  }

  const post = (fields: Record<string, string>, cookie: string) => t.app.inject({ method: 'POST', url: '/newsletter/erase/', headers: { ...form, cookie }, payload: new URLSearchParams(fields).toString() });

  /** What the database still holds that names the subscriber (by id or by address). */
  async function tracesOf(id: number, email: string) {
    const db = t.store.db;
    const rows = async (query: { execute(): Promise<unknown[]> }) => (await query.execute()).length;
    return {
      subscriber: await rows(
        db
          .selectFrom('subscribers')
          .select('id')
          .where((eb) => eb.or([eb('id', '=', id), eb('email', '=', email)])),
      ),
      choices: await rows(db.selectFrom('subscriber_newsletters').select('subscriber_id').where('subscriber_id', '=', id)),
      follows: await rows(
        db
          .selectFrom('follows')
          .select('id')
          .where((eb) => eb.or([eb('subscriber_id', '=', id), eb('reader', '=', `subscriber:${id}`)])),
      ),
      alerts: await rows(db.selectFrom('follow_alert_readers').select('reader').where('subscriber_id', '=', id)),
      deliveries: await rows(
        db
          .selectFrom('newsletter_deliveries')
          .select('id')
          .where((eb) => eb.or([eb('subscriber_id', '=', id), eb('email', '=', email)])),
      ),
    };
  }

  /** A subscriber who got a send, clicked its link, follows a section and asked for alerts. */
  async function engagedReaders(emails: string[], title: string) {
    await t.services.subscribers.importCsv(Buffer.from(`email\n${emails.join('\n')}\n`));
    const tag = await makeTag(t.services, { name: `Section for ${title}` });
    for (const email of emails) {
      await t.services.follows.requestByEmail({ email, kind: 'tag', id: tag.id });
      const { id } = await t.services.subscribers.find(email);
      await t.store.db.updateTable('follows').set({ confirmed_at: '2026-12-01T00:00:00.000Z', confirm_nonce: null }).where('subscriber_id', '=', id).execute();
      await t.services.followAlerts.set({ kind: 'subscriber', id }, true);
    }
    const sent = await sendPiece(title);
    for (const email of emails) {
      const click = /http:\/\/localhost:3000(\/newsletter\/click\/[\w.-]+)/.exec(String(sent.got.get(email)!.html))![1]!;
      expect((await t.app.inject(click)).statusCode).toBe(302);
    }
    const ids = new Map<string, number>();
    for (const email of emails) ids.set(email, (await t.services.subscribers.find(email)).id);
    return { ...sent, ids };
  }

  it('erases from the preferences link in a newsletter email all that staff erasure erases, and mails the address no more', async () => {
    const { sendId, got, ids } = await engagedReaders(['ann@example.com', 'staff-erased@example.com', 'stays@example.com'], 'Before');
    const clicksBefore = (await t.services.sends.report(sendId)).clicks;

    const { page, fields, cookie } = await erasurePage(preferencesLinkIn(got.get('ann@example.com')!));
    expect(page.body).toContain(en('erase.for', { email: 'ann@example.com' }));
    expect(page.body).not.toContain(en('erase.member'));
    expect(page.headers['cache-control']).toBe('no-store');
    // Opening the page erased nothing.
    expect((await tracesOf(ids.get('ann@example.com')!, 'ann@example.com')).subscriber).toBe(1);

    const erased = await post(fields, cookie);
    expect(erased.statusCode).toBe(200);
    expect(erased.body).toContain(en('erased.title'));
    expect(erased.body).toContain(en('erased.text'));
    expect(erased.body).not.toContain('ann@example.com');
    // Nobody leaving for good is invited to subscribe, on either page.
    for (const body of [page.body, erased.body]) expect(body).not.toContain('action="/newsletter/subscribe"');
    expect(await htmlErrors(erased.body)).toEqual([]);

    const { client } = await staffClient(t.app, t.services, 'editor');
    expect((await client.call('DELETE', '/admin/api/newsletter/subscribers/staff-erased@example.com')).statusCode).toBe(204);
    const nothing = { subscriber: 0, choices: 0, follows: 0, alerts: 0, deliveries: 0 };
    expect(await tracesOf(ids.get('ann@example.com')!, 'ann@example.com')).toEqual(nothing);
    expect(await tracesOf(ids.get('staff-erased@example.com')!, 'staff-erased@example.com')).toEqual(nothing);
    expect(await tracesOf(ids.get('stays@example.com')!, 'stays@example.com')).toMatchObject({ subscriber: 1, follows: 1, alerts: 1, deliveries: 1 });
    // Only the click of the reader who stays is still held by name; the send's totals keep all three.
    const heldClicks = await t.store.db
      .selectFrom('newsletter_clicks')
      .innerJoin('newsletter_deliveries as d', 'd.id', 'newsletter_clicks.delivery_id')
      .select('d.email')
      .where('newsletter_clicks.send_id', '=', sendId)
      .execute();
    expect(heldClicks).toEqual([{ email: 'stays@example.com' }]);
    expect((await t.services.sends.report(sendId)).clicks).toBe(clicksBefore);

    // The admin no longer finds the address.
    expect((await client.call('GET', '/admin/api/newsletter/subscribers?q=ann')).json().subscribers).toEqual([]);
    const exported = await client.call('GET', '/admin/api/newsletter/subscribers/ann@example.com/export');
    expect(exported.statusCode).toBe(404);
    expect(exported.json().error.code).toBe('SUBSCRIBER_NOT_FOUND');

    // The next send goes to the reader who stayed and not to the erased address, nor does an old list bring it back.
    await t.services.subscribers.importCsv(Buffer.from('email\nann@example.com\n'));
    const next = await sendPiece('After');
    expect([...next.got.keys()]).toContain('stays@example.com');
    expect([...next.got.keys()]).not.toContain('ann@example.com');
  });

  it('says the link is no longer valid when the form is sent again, the old preferences link is followed or the address signs up anew', async () => {
    await t.services.subscribers.importCsv(Buffer.from('email\ntwice@example.com\n'));
    const preferences = `/newsletter/preferences/?token=${await preferencesToken('twice@example.com')}`;
    const { fields, cookie } = await erasurePage(preferences);
    expect((await post(fields, cookie)).statusCode).toBe(200);

    for (const again of [await post(fields, cookie), await t.app.inject(preferences), await t.app.inject(preferences.replace('preferences', 'erase'))]) {
      expect(again.statusCode).toBe(400);
      expect(again.headers['content-type']).toContain('text/html');
      expect(again.body).toContain(en('error.code.LINK_INVALID'));
    }
    // The address signing up again is a new subscriber, whom the old form cannot erase.
    await t.services.subscribers.subscribe({ email: 'twice@example.com' });
    const replayed = await post(fields, cookie);
    expect(replayed.statusCode).toBe(400);
    expect((await t.services.subscribers.find('twice@example.com')).status).toBe('pending');
  });

  it('refuses forged, other-purpose and expired links with a clear page and erases no one', async () => {
    await t.services.subscribers.importCsv(Buffer.from('email\nkept@example.com\n'));
    await t.services.subscribers.subscribe({ email: 'pending@example.com' });
    const links = await t.services.subscribers.links();
    const kept = await t.services.subscribers.find('kept@example.com');
    const pending = await t.services.subscribers.find('pending@example.com');
    const preferences = `/newsletter/preferences/?token=${await preferencesToken('kept@example.com')}`;
    const { fields, cookie } = await erasurePage(preferences);

    const others = {
      confirm: links.sign({ purpose: 'confirm', subscriberId: pending.id, nonce: 'n', expires: Math.floor(time.clock().getTime() / 1000) + 3600 }),
      unsubscribe: links.sign({ purpose: 'unsubscribe', subscriberId: kept.id }),
      preferences: await preferencesToken('kept@example.com'),
      forged: `${fields.token.split('.')[0]}.${'A'.repeat(32)}`,
      otherSubscriber: `${links.sign({ purpose: 'erase', subscriberId: pending.id }).split('.')[0]}.${fields.token.split('.')[1]}`,
    };
    for (const [name, token] of Object.entries(others)) {
      const refused = await post({ ...fields, token }, cookie);
      expect(refused.statusCode, name).toBe(400);
      expect(refused.body, name).toContain(en('error.code.LINK_INVALID'));
    }
    // Only a preferences link opens the erasure page.
    for (const token of [others.confirm, others.unsubscribe, fields.token]) {
      expect((await t.app.inject(`/newsletter/erase/?token=${token}`)).statusCode).toBe(400);
    }

    time.advance(61 * 60_000);
    const late = await post(fields, cookie);
    expect(late.statusCode).toBe(410);
    expect(late.body).toContain(en('error.code.ERASURE_EXPIRED'));
    expect(await htmlErrors(late.body)).toEqual([]);

    expect((await t.services.subscribers.find('kept@example.com')).status).toBe('confirmed');
    expect((await t.services.subscribers.find('pending@example.com')).status).toBe('pending');
  });

  it('refuses an erasure without the CSRF token of its page', async () => {
    await t.services.subscribers.importCsv(Buffer.from('email\nguarded@example.com\n'));
    const { fields, cookie } = await erasurePage(`/newsletter/preferences/?token=${await preferencesToken('guarded@example.com')}`);
    const { fields: otherFields } = await erasurePage(`/newsletter/preferences/?token=${await preferencesToken('guarded@example.com')}`);
    const attempts = {
      'no token': post({ token: fields.token }, cookie),
      'no cookie': post(fields, ''),
      'a wrong token': post({ ...fields, _csrf: 'x'.repeat(fields._csrf.length) }, cookie),
      "another page's token with this cookie": post({ ...fields, _csrf: otherFields._csrf }, `_csrf=${'A'.repeat(24)}`),
    };
    for (const [name, attempt] of Object.entries(attempts)) {
      const refused = await attempt;
      expect(refused.statusCode, name).toBe(403);
      expect(refused.body, name).toContain(en('error.text.forbidden'));
    }
    expect((await t.services.subscribers.find('guarded@example.com')).status).toBe('confirmed');
  });

  it('erases only the newsletter subscription of an address that is also a member, and says so', async () => {
    await t.services.subscribers.importCsv(Buffer.from('email\nmember@example.com\n'));
    const member = await t.services.members.add({ email: 'member@example.com', name: 'Mira' });
    const { page, fields, cookie } = await erasurePage(`/newsletter/preferences/?token=${await preferencesToken('member@example.com')}`);
    expect(page.body).toContain(en('erase.member'));
    expect(await htmlErrors(page.body)).toEqual([]);

    const erased = await post(fields, cookie);
    expect(erased.statusCode).toBe(200);
    expect(erased.body).toContain(en('erased.member'));
    expect(erased.body).toContain('href="/members/"');
    expect(await htmlErrors(erased.body)).toEqual([]);
    expect((await t.services.members.get({ id: member.id })).email).toBe('member@example.com');
    await expect(t.services.subscribers.find('member@example.com')).rejects.toMatchObject({ code: 'SUBSCRIBER_NOT_FOUND' });
  });

  it('answers odd tokens, repeated fields and huge bodies with a 4xx page, never a 500', async () => {
    await t.services.subscribers.importCsv(Buffer.from('email\nodd@example.com\n'));
    const { fields, cookie } = await erasurePage(`/newsletter/preferences/?token=${await preferencesToken('odd@example.com')}`);
    const odd = ['', '%00', '%F0%9F%98%80.%F0%9F%98%80', '%FF%FE', `${fields.token}%00`, `${fields.token}.extra`, 'a'.repeat(5000), encodeURIComponent(fields.token.replace(/./g, (c) => (c === '.' ? '.' : 'é')))];
    for (const token of odd) {
      time.advance(61_000);
      const page = await t.app.inject(`/newsletter/erase/?token=${token}`);
      expect(page.statusCode, token.slice(0, 40)).toBe(400);
      const sent = await t.app.inject({ method: 'POST', url: '/newsletter/erase/', headers: { ...form, cookie }, payload: `_csrf=${encodeURIComponent(fields._csrf)}&token=${token}` });
      expect(sent.statusCode, token.slice(0, 40)).toBe(400);
    }
    const twice = await t.app.inject({ method: 'POST', url: '/newsletter/erase/', headers: { ...form, cookie }, payload: `_csrf=${encodeURIComponent(fields._csrf)}&token=${fields.token}&token=${fields.token}` });
    expect(twice.statusCode).toBe(400);
    expect((await t.app.inject('/newsletter/erase/?token[a]=1&token=2')).statusCode).toBe(400);
    const huge = await t.app.inject({ method: 'POST', url: '/newsletter/erase/', headers: { ...form, cookie }, payload: `_csrf=${encodeURIComponent(fields._csrf)}&token=${fields.token}&pad=${'x'.repeat(3_000_000)}` });
    expect(huge.statusCode).toBe(413);
    const json = await t.app.inject({ method: 'POST', url: '/newsletter/erase/', headers: { 'content-type': 'application/json', cookie }, payload: JSON.stringify({ ...fields, token: { $gt: '' } }) });
    expect(json.statusCode).toBe(400);
    expect((await t.services.subscribers.find('odd@example.com')).status).toBe('confirmed');
  });

  it('erases once when the form is sent several times at once, while preferences are saved', async () => {
    await t.services.subscribers.importCsv(Buffer.from('email\nrace@example.com\n'));
    const token = await preferencesToken('race@example.com');
    const { fields, cookie } = await erasurePage(`/newsletter/preferences/?token=${token}`);
    const save = () => t.app.inject({ method: 'POST', url: '/newsletter/preferences/', headers: form, payload: `token=${token}&newsletters=weekly` });
    const answers = await Promise.all([post(fields, cookie), save(), post(fields, cookie), save(), post(fields, cookie)]);
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect([statuses[0], statuses[2], statuses[4]].sort()).toEqual([200, 400, 400]);
    await expect(t.services.subscribers.find('race@example.com')).rejects.toMatchObject({ code: 'SUBSCRIBER_NOT_FOUND' });
    expect(await t.store.db.selectFrom('subscriber_newsletters').select('subscriber_id').where('subscriber_id', 'not in', t.store.db.selectFrom('subscribers').select('id')).execute()).toEqual([]);
  });
});

describe('the erasure pages in German', () => {
  let t: AppContext;

  beforeAll(async () => {
    t = await testApp('sqlite');
    await t.services.settings.updateSite({ locale: 'de', title: 'Halcyon' });
  });
  afterAll(async () => t.close());

  it('ask, confirm and refuse in the site’s language', async () => {
    await t.services.subscribers.importCsv(Buffer.from('email\nleserin@example.com\n'));
    await t.services.members.add({ email: 'leserin@example.com', name: 'Ilse' });
    const { id } = await t.services.subscribers.find('leserin@example.com');
    const preferences = await t.app.inject(`/newsletter/preferences/?token=${(await t.services.subscribers.links()).sign({ purpose: 'preferences', subscriberId: id })}`);
    expectNoEnglish('de', preferences.body, 'preferences');
    const link = /href="(\/newsletter\/erase\/\?token=[\w.-]+)"/.exec(preferences.body)![1]!;
    const page = await t.app.inject(link);
    expectNoEnglish('de', page.body, 'erase');
    expect(page.body).toContain('Meine Daten löschen');
    const erased = await t.app.inject({
      method: 'POST',
      url: '/newsletter/erase/',
      headers: { ...form, cookie: page.cookies.map((c) => `${c.name}=${c.value}`).join('; ') },
      payload: new URLSearchParams({ _csrf: /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!, token: /name="token" value="([^"]+)"/.exec(page.body)![1]! }).toString(),
    });
    expect(erased.statusCode).toBe(200);
    expectNoEnglish('de', erased.body, 'erased');
    expect(erased.body).toContain('Ihre Daten sind gelöscht');
    const again = await t.app.inject(link);
    expect(again.statusCode).toBe(400);
    expectNoEnglish('de', again.body, 'refused');
  });
});
