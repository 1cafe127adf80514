import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type AppContext } from '../support/app.js';
import { dialects, manualClock } from '../support/stores.js';
import { AdminClient, PASSWORD } from './support/admin-client.js';
import { linkIn, mailCatcher } from './support/mail-catcher.js';

let accounts = 0;

describe.each(dialects)('emailed sign-in links on %s', (dialect) => {
  let t: AppContext;
  let mail: Awaited<ReturnType<typeof mailCatcher>>;
  const clock = manualClock();

  beforeAll(async () => {
    mail = await mailCatcher();
    t = await testApp(dialect, { clock: clock.clock, mailer: mail.mailer });
  });
  afterAll(async () => {
    await t.close();
    await mail.close();
  });

  const owner = async () => {
    accounts += 1;
    return t.services.users.create({ email: `owner-${accounts}@masthead.example`, name: 'Olu Owner', role: 'administrator', password: PASSWORD });
  };
  const askForLink = async (client: AdminClient, email: string) => {
    const res = await client.call('POST', '/admin/api/session/link', { email });
    await t.services.runner.drain();
    return res;
  };

  it('signs the owner in by an emailed link while password sign-in is throttled, once', async () => {
    const { email } = await owner();
    const browser = await new AdminClient(t.app).start();
    for (let i = 0; i < 6; i += 1) await browser.signIn(email, `forgotten ${i}`);
    expect((await browser.signIn(email, PASSWORD)).json().error.code).toBe('SIGN_IN_THROTTLED');

    const asked = await askForLink(browser, email);
    expect(asked.statusCode).toBe(202);
    const message = await mail.next(email);
    expect(message.subject).toMatch(/sign-in link/i);
    const link = linkIn(message, '/admin/sign-in-link');
    expect(link.origin).toBe('http://localhost:3000');

    // Opening the link (as a mail scanner would) shows a page and uses nothing up.
    const page = await t.app.inject(`${link.pathname}${link.search}`);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');

    const token = link.searchParams.get('token')!;
    const done = await browser.call('POST', '/admin/api/session/link/complete', { token });
    expect(done.statusCode).toBe(200);
    expect(done.json().staff.email).toBe(email);
    expect((await browser.call('GET', '/admin/api/session')).json()).toMatchObject({ signedIn: true, staff: { email } });

    const thief = await new AdminClient(t.app).start();
    const again = await thief.call('POST', '/admin/api/session/link/complete', { token });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe('LINK_INVALID');
    expect((await thief.call('GET', '/admin/api/session')).json().signedIn).toBe(false);

    // The browser that used the link is now known: its password works despite the earlier failures.
    expect((await browser.signIn(email, PASSWORD)).statusCode).toBe(200);
  });

  it('signs in only once when the same link is sent many times at once', async () => {
    const { email } = await owner();
    await askForLink(await new AdminClient(t.app).start(), email);
    const token = linkIn(await mail.next(email), '/admin/sign-in-link').searchParams.get('token')!;
    const browsers = await Promise.all(Array.from({ length: 10 }, () => new AdminClient(t.app).start()));
    const answers = await Promise.all(browsers.map((b) => b.call('POST', '/admin/api/session/link/complete', { token })));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, ...Array(9).fill(400)]);
  });

  it('lets a link expire after 15 minutes and ends the other links once one is used', async () => {
    const { email } = await owner();
    const browser = await new AdminClient(t.app).start();
    await askForLink(browser, email);
    const late = linkIn(await mail.next(email), '/admin/sign-in-link').searchParams.get('token')!;
    clock.advance(15 * 60 * 1000 + 1000);
    const expired = await browser.call('POST', '/admin/api/session/link/complete', { token: late });
    expect(expired.json().error.code).toBe('LINK_INVALID');

    await askForLink(browser, email);
    await askForLink(browser, email);
    const first = linkIn(await mail.next(email), '/admin/sign-in-link').searchParams.get('token')!;
    const second = linkIn(await mail.next(email), '/admin/sign-in-link').searchParams.get('token')!;
    expect((await browser.call('POST', '/admin/api/session/link/complete', { token: second })).statusCode).toBe(200);
    const other = await new AdminClient(t.app).start();
    expect((await other.call('POST', '/admin/api/session/link/complete', { token: first })).json().error.code).toBe('LINK_INVALID');
  });

  it('answers alike whether or not the email has an active account, and mails at most three links a quarter hour', async () => {
    const { email } = await owner();
    const suspended = await t.services.users.create({ email: `gone-${accounts}@masthead.example`, name: 'Gone', role: 'editor', password: PASSWORD });
    await t.services.users.suspend(suspended.id);
    const sentTo = (address: string) => mail.messages.filter((m) => JSON.stringify(m.to).includes(address)).length;
    const answers = [];
    for (const target of [email, `stranger-${accounts}@masthead.example`, suspended.email]) {
      const res = await askForLink(await new AdminClient(t.app).start(), target);
      answers.push({ status: res.statusCode, body: res.body });
    }
    expect(answers).toEqual([
      { status: 202, body: '' },
      { status: 202, body: '' },
      { status: 202, body: '' },
    ]);
    expect([sentTo(email), sentTo(`stranger-${accounts}@masthead.example`), sentTo(suspended.email)]).toEqual([1, 0, 0]);

    for (let i = 0; i < 4; i += 1) expect((await askForLink(await new AdminClient(t.app).start(), email)).statusCode).toBe(202);
    expect(sentTo(email)).toBe(3);
    clock.advance(15 * 60 * 1000 + 1000);
    await askForLink(await new AdminClient(t.app).start(), email);
    expect(sentTo(email)).toBe(4);
  });

  it('refuses bad input with the fields named', async () => {
    const client = await new AdminClient(t.app).start();
    const bad = await client.call('POST', '/admin/api/session/link', { email: 'not an email' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['email']);
    const token = await client.call('POST', '/admin/api/session/link/complete', { token: 'x'.repeat(5000) });
    expect(token.statusCode).toBe(400);
    expect(token.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['token']);
    const extra = await client.call('POST', '/admin/api/session/link/complete', { token: 'abc', admin: true });
    expect(extra.statusCode).toBe(400);
    const noCsrf = await t.app.inject({ method: 'POST', url: '/admin/api/session/link', payload: { email: 'a@b.co' } });
    expect(noCsrf.json().error.code).toBe('CSRF_INVALID');
  });
});

describe('staff emails and a slow mail server', () => {
  let t: AppContext;
  let mail: Awaited<ReturnType<typeof mailCatcher>>;
  const answerAfterMs = 3000;

  beforeAll(async () => {
    mail = await mailCatcher({ answerAfterMs });
    t = await testApp('sqlite', { mailer: mail.mailer });
  });
  afterAll(async () => {
    await t.close();
    await mail.close();
  });

  it.each([
    ['password reset', '/admin/api/password-reset', '/admin/reset-password'],
    ['sign-in link', '/admin/api/session/link', '/admin/sign-in-link'],
  ])('answers a %s request before the mail server does, the same for an unknown email, and still sends it', async (_name, url, path) => {
    accounts += 1;
    const user = await t.services.users.create({ email: `slow-${accounts}@masthead.example`, name: 'Slow', role: 'author', password: PASSWORD });
    const timed = async (email: string) => {
      const client = await new AdminClient(t.app).start();
      const started = performance.now();
      const res = await client.call('POST', url, { email });
      return { status: res.statusCode, body: res.body, ms: performance.now() - started };
    };
    const known = await timed(user.email);
    const unknown = await timed(`nobody-${accounts}@masthead.example`);
    expect({ status: known.status, body: known.body }).toEqual({ status: 202, body: '' });
    expect({ status: unknown.status, body: unknown.body }).toEqual({ status: 202, body: '' });
    expect(known.ms).toBeLessThan(answerAfterMs / 2);
    expect(unknown.ms).toBeLessThan(answerAfterMs / 2);

    await t.services.runner.drain();
    expect(linkIn(await mail.next(user.email), path).searchParams.get('token')).toBeTruthy();
    expect(mail.messages).toEqual([]);
  });
});
