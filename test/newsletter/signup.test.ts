import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { smtpMailer } from '../../src/email/index.js';
import { testApp, type AppContext } from '../support/app.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';
import { manualClock } from '../support/stores.js';

describe('newsletter signup, confirmation and preferences', () => {
  let t: AppContext;
  let smtp: TestSmtp;
  const time = manualClock();

  beforeEach(async () => {
    time.set('2026-11-25T12:00:00.000Z');
    smtp = await startSmtp();
    const mailer = smtpMailer({ smtpUrl: smtp.url, mailFrom: 'Magazine <news@magazine.example>', dkim: undefined });
    t = await testApp('sqlite', { mailer, clock: time.clock });
  });
  afterEach(async () => {
    await t.services.mailer.close();
    await t.close();
    await smtp.close();
  });

  const subscribe = (payload: Record<string, unknown>, json = false) =>
    json
      ? t.app.inject({ method: 'POST', url: '/newsletter/subscribe', payload, headers: { 'content-type': 'application/json' } })
      : t.app.inject({ method: 'POST', url: '/newsletter/subscribe', payload: new URLSearchParams(payload as Record<string, string>).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });

  function linkIn(text: string, path: string): string {
    const match = new RegExp(`http://localhost:3000(/newsletter/${path}/\\?token=[A-Za-z0-9_.-]+)`).exec(text);
    if (!match) throw new Error(`no ${path} link in: ${text}`);
    return match[1]!;
  }

  it('confirms a signup by the emailed link, once, and sends a welcome', async () => {
    const form = await subscribe({ email: 'Reader@Example.com', company: '' });
    expect(form.statusCode).toBe(303);
    expect(form.headers.location).toBe('/newsletter/check-your-inbox/');
    expect((await t.app.inject('/newsletter/check-your-inbox/')).body).toContain('Check your inbox');
    await t.services.runner.drain();
    await smtp.waitFor(1);
    const confirmation = await smtp.parsed(0);
    expect(confirmation.to).toMatchObject({ text: 'reader@example.com' });
    expect(confirmation.text).toContain('Yes, subscribe me');
    expect(confirmation.html).toContain('<table');

    const link = linkIn(confirmation.text!, 'confirm');
    const confirmed = await t.app.inject(link);
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.body).toContain('You are subscribed');
    expect((await t.services.subscribers.find('reader@example.com')).status).toBe('confirmed');

    const replay = await t.app.inject(link);
    expect(replay.statusCode).toBe(410);
    expect(replay.body).toContain('already been used');

    await t.services.runner.drain();
    await smtp.waitFor(2);
    const welcome = await smtp.parsed(1);
    expect(welcome.subject).toContain('Welcome');
    const preferences = await t.app.inject(linkIn(welcome.text!, 'preferences'));
    expect(preferences.body).toMatch(/value="weekly" checked/);
  });

  it('answers the same to an address that is already subscribed, and tells only its owner', async () => {
    await t.services.subscribers.importCsv(Buffer.from('email\nknown@example.com\n'));
    const known = await subscribe({ email: 'known@example.com' }, true);
    const unknown = await subscribe({ email: 'new@example.com' }, true);
    expect(known.statusCode).toBe(202);
    expect(known.body).toBe(unknown.body);
    await t.services.runner.drain();
    await smtp.waitFor(2);
    const subjects = await Promise.all([0, 1].map(async (i) => ({ to: smtp.received[i]!.to, subject: (await smtp.parsed(i)).subject })));
    expect(subjects).toContainEqual({ to: 'known@example.com', subject: expect.stringContaining('already subscribed') });
  });

  it('ignores signups that fill the hidden honeypot field', async () => {
    const response = await subscribe({ email: 'bot@example.com', company: 'Spam Inc' });
    expect(response.statusCode).toBe(303);
    await t.services.runner.drain();
    expect(smtp.received).toHaveLength(0);
    await expect(t.services.subscribers.find('bot@example.com')).rejects.toMatchObject({ code: 'SUBSCRIBER_NOT_FOUND' });
  });

  it('refuses malformed addresses and header injection with the field named', async () => {
    const bad = await subscribe({ email: 'not-an-address' }, true);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe('email');
    const injected = await subscribe({ email: 'a@example.com\r\nBcc: victim@example.com' }, true);
    expect(injected.statusCode).toBe(400);
    expect(injected.json().error.fields[0].field).toBe('email');
    const name = await subscribe({ email: 'a@example.com', name: 'Eve\r\nBcc: victim@example.com' }, true);
    expect(name.statusCode).toBe(400);
    expect(name.json().error.fields[0].field).toBe('name');
    const unknownList = await subscribe({ email: 'a@example.com', newsletters: ['nope'] }, true);
    expect(unknownList.json().error.fields[0]).toMatchObject({ field: 'newsletters' });
  });

  it('rejects forged and expired links', async () => {
    const forged = await t.app.inject('/newsletter/confirm/?token=eyJ4Ijoxfq.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    expect(forged.statusCode).toBe(400);
    expect(forged.body).toContain('damaged');
    const tampered = await t.app.inject('/newsletter/unsubscribe/?token=dS4xLjAuLg.abc');
    expect(tampered.statusCode).toBe(400);

    await subscribe({ email: 'late@example.com' });
    await t.services.runner.drain();
    await smtp.waitFor(1);
    const link = linkIn((await smtp.parsed(0)).text!, 'confirm');
    time.advance(4 * 86_400_000);
    const expired = await t.app.inject(link);
    expect(expired.statusCode).toBe(410);
    expect(expired.body).toContain('expired');
  });

  it('unsubscribes from the preferences page by choosing nothing', async () => {
    await t.services.subscribers.importCsv(Buffer.from('email\nleaving@example.com\n'));
    const subscriber = await t.services.subscribers.find('leaving@example.com');
    const token = (await t.services.subscribers.links()).sign({ purpose: 'preferences', subscriberId: subscriber.id });
    const saved = await t.app.inject({
      method: 'POST',
      url: '/newsletter/preferences/',
      payload: `token=${token}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.body).toContain('You will not receive any more newsletters');
    expect((await t.services.subscribers.find('leaving@example.com')).status).toBe('unsubscribed');
  });
});
