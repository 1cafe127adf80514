import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as batchesMigration from '../../src/db/migrations/0076-create-newsletter-send-batches.js';
import { smtpMailer, type Mailer } from '../../src/email/index.js';
import { SEND_BATCH } from '../../src/newsletter/send.service.js';
import { createServices, type Services } from '../../src/services.js';
import { testApp, type AppContext } from '../support/app.js';
import { makeAuthor, postFields } from '../support/factories.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';
import { dialects, silentLogger } from '../support/stores.js';

const RECIPIENTS = SEND_BATCH * 3;

describe.each(dialects)('one newsletter send shared by several processes on %s', (dialect) => {
  let t: AppContext;
  let smtp: TestSmtp;
  let mailers: Mailer[];
  /** A second process: its own services, SMTP connections and lease owner, on the same database. */
  let other: Services;

  beforeEach(async () => {
    smtp = await startSmtp();
    mailers = [0, 1].map(() => smtpMailer({ smtpUrl: smtp.url, mailFrom: 'Magazine <news@magazine.example>', dkim: undefined }, { maxConnections: 2 }));
    t = await testApp(dialect, { mailer: mailers[0] });
    other = createServices(t.store, { logger: silentLogger, mailer: mailers[1]!, dataDir: t.dataDir });
    const emails = Array.from({ length: RECIPIENTS }, (_, i) => `reader${i}@example.com`);
    await t.services.subscribers.importCsv(Buffer.from(`email\n${emails.join('\n')}\n`));
  });
  afterEach(async () => {
    for (const mailer of mailers) await mailer.close();
    await t.close();
    await smtp.close();
  });

  async function startSend(): Promise<number> {
    const author = await makeAuthor(t.services);
    const post = await t.services.posts.create(postFields([author.slug], { status: 'published' }));
    return (await t.services.newsletter.sendPost(post.slug)).sendId!;
  }

  /** Delivers the send from both processes at once; returns how many messages each one sent. */
  async function deliverFromBoth(sendId: number): Promise<number[]> {
    return Promise.all(
      [t.services, other].map(async (services) => {
        let first: number | undefined;
        let last = 0;
        await services.sends.deliver(sendId, {
          onProgress: (done) => {
            first ??= done;
            last = done;
          },
        });
        return last - (first ?? 0);
      }),
    );
  }

  it('is delivered by both processes, to every recipient once', async () => {
    await t.services.sends.updateSettings({ messagesPerSecond: 100_000 });
    const sendId = await startSend();
    const sentBy = await deliverFromBoth(sendId);

    expect(
      sentBy.every((n) => n > 0),
      `messages per process: ${sentBy}`,
    ).toBe(true);
    expect(sentBy[0]! + sentBy[1]!).toBe(RECIPIENTS);
    const perRecipient = new Map<string, number>();
    for (const r of smtp.received) perRecipient.set(r.to, (perRecipient.get(r.to) ?? 0) + 1);
    expect(perRecipient.size).toBe(RECIPIENTS);
    expect(Math.max(...perRecipient.values())).toBe(1);
    expect(await t.services.sends.report(sendId)).toMatchObject({ state: 'done', delivered: RECIPIENTS, pending: 0, total: RECIPIENTS });
  });

  it('keeps to the send rate summed over the processes delivering it', async () => {
    const perSecond = 400;
    await t.services.sends.updateSettings({ messagesPerSecond: perSecond });
    const sendId = await startSend();
    const started = performance.now();
    await deliverFromBoth(sendId);
    const seconds = (performance.now() - started) / 1000;
    expect(smtp.received).toHaveLength(RECIPIENTS);
    // Each process alone at the full rate would take half as long.
    expect(seconds).toBeGreaterThan((0.8 * RECIPIENTS) / perSecond);
  });

  it('keeps to the send rate when a second process joins a send under way', async () => {
    const perSecond = 300;
    await t.services.sends.updateSettings({ messagesPerSecond: perSecond });
    const sendId = await startSend();
    // When each message left, whichever process sent it.
    const sentAt: number[] = [];
    let joined: () => void;
    const underWay = new Promise<void>((resolve) => (joined = resolve));
    const started = performance.now();
    const first = t.services.sends.deliver(sendId, {
      onProgress: () => {
        sentAt.push(performance.now());
        if (performance.now() - started > 300) joined();
      },
    });
    await underWay;
    await Promise.all([first, other.sends.deliver(sendId, { onProgress: () => sentAt.push(performance.now()) })]);
    expect(smtp.received).toHaveLength(RECIPIENTS);

    // The busiest second of the send, over both processes: the one already sending must give the
    // newcomer its share within moments, not at the end of the recipients it had claimed.
    sentAt.sort((a, b) => a - b);
    let busiest = 0;
    for (let i = 0, j = 0; i < sentAt.length; i++) {
      while (sentAt[i]! - sentAt[j]! > 1000) j++;
      busiest = Math.max(busiest, i - j + 1);
    }
    expect(busiest).toBeLessThanOrEqual(perSecond * 1.25);
  });

  it('gives up the recipients of a batch whose deliverers kept dying, and finishes the rest', async () => {
    await t.services.sends.updateSettings({ messagesPerSecond: 100_000 });
    const sendId = await startSend();
    const [poisoned] = await t.store.db.selectFrom('newsletter_send_batches').select('id').where('send_id', '=', sendId).orderBy('id').limit(1).execute();
    // Five runs started on it and never ended: their leases ran out.
    await t.store.db.updateTable('newsletter_send_batches').set({ attempts: 5, owner: 'press-9.example:77:1:1:deadbeef', owner_until: '2000-01-01T00:00:00.000Z' }).where('id', '=', poisoned!.id).execute();

    const report = await t.services.sends.deliver(sendId);
    expect(report).toMatchObject({ state: 'done', failed: SEND_BATCH, delivered: RECIPIENTS - SEND_BATCH, pending: 0 });
    expect(smtp.received).toHaveLength(RECIPIENTS - SEND_BATCH);
  });

  it('finishes a send that was under way when its recipients were split into batches (migration 0076)', async () => {
    await t.services.sends.updateSettings({ messagesPerSecond: 100_000 });
    const sendId = await startSend();
    // As an older version left it: no batches, half its recipients recorded as sent.
    await batchesMigration.down(t.store.db);
    const half = await t.store.db
      .selectFrom('newsletter_deliveries')
      .select('id')
      .where('send_id', '=', sendId)
      .orderBy('id')
      .limit(RECIPIENTS / 2)
      .execute();
    await t.store.db
      .updateTable('newsletter_deliveries')
      .set({ state: 'sent' })
      .where(
        'id',
        'in',
        half.map((r) => r.id),
      )
      .execute();
    await batchesMigration.up(t.store.db);

    const report = await other.sends.deliver(sendId);
    expect(report).toMatchObject({ state: 'done', delivered: RECIPIENTS, pending: 0 });
    expect(smtp.received).toHaveLength(RECIPIENTS / 2);
    expect(new Set(smtp.received.map((r) => r.to)).size).toBe(RECIPIENTS / 2);
  });
});
