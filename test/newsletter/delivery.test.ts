import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { smtpMailer } from '../../src/email/index.js';
import { testApp, type AppContext } from '../support/app.js';
import { testDkim } from '../support/dkim.js';
import { makeAuthor, postFields } from '../support/factories.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';
import { dialects, manualClock } from '../support/stores.js';

describe.each(dialects)('newsletter delivery on %s', (dialect) => {
  let t: AppContext;
  let smtp: TestSmtp;
  const dkim = testDkim();
  const time = manualClock();

  beforeEach(async () => {
    time.set('2026-11-25T12:00:00.000Z');
    smtp = await startSmtp();
    const mailer = smtpMailer({ smtpUrl: smtp.url, mailFrom: 'Magazine <news@magazine.example>', dkim: dkim.key }, { maxConnections: 2 });
    t = await testApp(dialect, { mailer, clock: time.clock });
    await t.services.sends.updateSettings({ messagesPerSecond: 1000 });
  });
  afterEach(async () => {
    await t.services.mailer.close();
    await t.close();
    await smtp.close();
  });

  async function publishedPost(overrides: Record<string, unknown> = {}) {
    const author = await makeAuthor(t.services);
    return t.services.posts.create(postFields([author.slug], { status: 'published', title: 'Notes on "Past Lives"', ...overrides }));
  }

  async function importSubscribers(emails: string[]) {
    await t.services.subscribers.importCsv(Buffer.from(`email\n${emails.join('\n')}\n`));
  }

  it('emails a post with one-click unsubscribe headers, a DKIM signature that verifies and a text part', async () => {
    await importSubscribers(['ann@example.com', 'bo@example.com', 'cy@example.com']);
    await t.services.subscribers.subscribe({ email: 'pending@example.com' });
    const post = await publishedPost();
    const { sendId } = await t.services.newsletter.sendPost(post.slug);
    const report = await t.services.sends.deliver(sendId!);
    expect(report).toMatchObject({ total: 3, delivered: 3, pending: 0, state: 'done' });
    expect(smtp.received.map((r) => r.to).sort()).toEqual(['ann@example.com', 'bo@example.com', 'cy@example.com']);

    const index = smtp.received.findIndex((r) => r.to === 'bo@example.com');
    const mail = await smtp.parsed(index);
    expect(mail.subject).toBe('Notes on "Past Lives"');
    const header = (name: string) => mail.headerLines.find((h) => h.key === name)?.line ?? '';
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    const unsubscribeUrl = /<(http[^>]+)>/.exec(header('list-unsubscribe'))![1]!;
    expect(mail.text).toContain(unsubscribeUrl);
    expect(mail.text).toContain('Second paragraph');
    expect(mail.html).toContain('Second paragraph');
    expect(await dkim.verify(smtp.received[index]!.raw)).toEqual(['pass']);

    const oneClick = await t.app.inject({
      method: 'POST',
      url: unsubscribeUrl.replace('http://localhost:3000', ''),
      payload: '--b\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--b--\r\n',
      headers: { 'content-type': 'multipart/form-data; boundary=b' },
    });
    expect(oneClick.statusCode).toBe(200);
    expect((await t.services.subscribers.find('bo@example.com')).newsletters).toEqual([]);
    expect((await t.services.sends.report(sendId!)).unsubscribedSince).toBe(1);

    const visible = await t.app.inject(unsubscribeUrl.replace('http://localhost:3000', ''));
    expect(visible.statusCode).toBe(200);
    expect(visible.body).toContain('<button type="submit">Unsubscribe</button>');

    const again = await t.services.newsletter.sendPost(post.slug);
    expect(again.sendId).toBe(sendId);
    await t.services.sends.deliver(sendId!);
    expect(smtp.received).toHaveLength(3);
  });

  it('marks permanent refusals bounced and retries temporary ones with backoff', async () => {
    await importSubscribers(['ok@example.com', 'gone@example.com', 'busy@example.com']);
    smtp.refuse('gone@example.com', 550);
    smtp.refuse('busy@example.com', 451);
    const { sendId } = await t.services.newsletter.sendPost((await publishedPost()).slug);
    const first = await t.services.sends.deliver(sendId!);
    expect(first).toMatchObject({ delivered: 1, bounced: 1, deferred: 1, state: 'sending' });
    expect((await t.services.subscribers.find('gone@example.com')).status).toBe('bounced');

    smtp.accept('busy@example.com');
    const early = await t.services.sends.deliver(sendId!);
    expect(early.deferred).toBe(1);
    time.advance(61_000);
    const retried = await t.services.sends.deliver(sendId!);
    expect(retried).toMatchObject({ delivered: 2, bounced: 1, deferred: 0, state: 'done' });
    expect(smtp.received.map((r) => r.to).sort()).toEqual(['busy@example.com', 'ok@example.com']);

    await importSubscribers(['gone@example.com']);
    expect((await t.services.subscribers.find('gone@example.com')).status).toBe('bounced');
  });

  it('sends readers who may not read a paid piece its excerpt and a link', async () => {
    await importSubscribers(['reader@example.com']);
    const post = await publishedPost({ visibility: 'paid', excerpt: 'A teaser for paying readers.' });
    const { sendId } = await t.services.newsletter.sendPost(post.slug);
    await t.services.sends.deliver(sendId!);
    const mail = await smtp.parsed(0);
    expect(mail.text).toContain('A teaser for paying readers.');
    expect(mail.text).not.toContain('Second paragraph');
    expect(mail.html).toContain('Read the full piece');
  });

  it('mails no one erased after the send chose its recipients, and keeps no address of theirs', async () => {
    await importSubscribers(['ann@example.com', 'gone@example.com']);
    const post = await publishedPost();
    const { sendId } = await t.services.newsletter.sendPost(post.slug);
    // What an erasure committing while the send chose its recipients leaves: the subscriber gone,
    // their row on this send made from what the send saw before, so the erasure never saw it.
    const db = t.store.db;
    const gone = await db.selectFrom('subscribers').select('id').where('email', '=', 'gone@example.com').executeTakeFirstOrThrow();
    await db.deleteFrom('subscriber_newsletters').where('subscriber_id', '=', gone.id).execute();
    await db.deleteFrom('subscribers').where('id', '=', gone.id).execute();

    expect(await t.services.sends.deliver(sendId!)).toMatchObject({ total: 2, delivered: 1, skipped: 1, state: 'done' });
    expect(smtp.received.map((r) => r.to)).toEqual(['ann@example.com']);
    const rows = await db.selectFrom('newsletter_deliveries').select(['email', 'subscriber_id', 'state']).where('send_id', '=', sendId!).orderBy('id').execute();
    expect(rows).toEqual([
      { email: 'ann@example.com', subscriber_id: expect.any(Number), state: 'sent' },
      { email: '', subscriber_id: null, state: 'skipped' },
    ]);
  });
});

describe('a large DKIM-signed send', () => {
  it('signs on worker threads and every sampled signature verifies', async () => {
    const smtp = await startSmtp();
    const dkim = testDkim();
    const mailer = smtpMailer({ smtpUrl: smtp.url, mailFrom: 'news@magazine.example', dkim: dkim.key });
    const t = await testApp('sqlite', { mailer });
    try {
      await t.services.sends.updateSettings({ messagesPerSecond: 100_000 });
      const emails = Array.from({ length: 2000 }, (_, i) => `big${i}@example.com`);
      await t.services.subscribers.importCsv(Buffer.from(`email\n${emails.join('\n')}\n`));
      const author = await makeAuthor(t.services);
      const post = await t.services.posts.create(postFields([author.slug], { status: 'published' }));
      const { sendId } = await t.services.newsletter.sendPost(post.slug);
      expect(await t.services.sends.deliver(sendId!)).toMatchObject({ delivered: 2000, state: 'done' });
      expect(new Set(smtp.received.map((r) => r.to)).size).toBe(2000);
      for (const received of smtp.received.filter((_, i) => i % 200 === 0)) expect(await dkim.verify(received.raw)).toEqual(['pass']);
    } finally {
      await mailer.close();
      await t.close();
      await smtp.close();
    }
  }, 120_000);
});
