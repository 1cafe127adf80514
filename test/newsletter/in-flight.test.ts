import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpMailer } from '../../src/email/index.js';
import { makeAuthor, postFields } from '../support/factories.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';
import { testServices, type TestContext } from '../support/stores.js';

const CONNECTIONS = 4;
const RECIPIENTS = 400;

// Recording a delivery overlaps sending the next message on the same connection; what keeps the
// crash guarantee is that the next message cannot be accepted before that recording commits.
// PostgreSQL lets another session hold the deliveries table still without stopping this process.
describe('messages in flight while the database cannot record deliveries', () => {
  let t: TestContext;
  let smtp: TestSmtp;

  beforeAll(async () => {
    smtp = await startSmtp();
    const mailer = smtpMailer({ smtpUrl: smtp.url, mailFrom: 'news@magazine.example', dkim: undefined }, { maxConnections: CONNECTIONS });
    t = await testServices('postgres', { mailer });
    await t.services.sends.updateSettings({ messagesPerSecond: 5000 });
    const emails = Array.from({ length: RECIPIENTS }, (_, i) => `reader${i}@example.com`);
    await t.services.subscribers.importCsv(Buffer.from(`email\n${emails.join('\n')}\n`));
  });
  afterAll(async () => {
    await t.services.mailer.close();
    await t.close();
    await smtp.close();
  });

  it('lets at most one more message per connection be accepted, then waits, and finishes once recording works again', async () => {
    const author = await makeAuthor(t.services);
    const post = await t.services.posts.create(postFields([author.slug], { status: 'published' }));
    const { sendId } = await t.services.newsletter.sendPost(post.slug);
    const delivering = t.services.sends.deliver(sendId!);
    await smtp.waitFor(40, 30_000);

    const locker = new pg.Client({ connectionString: (t.config as { url: string }).url });
    await locker.connect();
    await locker.query('begin');
    await locker.query('lock table newsletter_deliveries in exclusive mode');
    const atLock = smtp.received.length;
    await sleep(1500);
    const duringLock = smtp.received.length - atLock;
    await locker.query('commit');
    await locker.end();

    expect(duringLock).toBeLessThanOrEqual(CONNECTIONS);
    expect(await delivering).toMatchObject({ delivered: RECIPIENTS, state: 'done' });
    const perRecipient = new Map<string, number>();
    for (const r of smtp.received) perRecipient.set(r.to, (perRecipient.get(r.to) ?? 0) + 1);
    expect(perRecipient.size).toBe(RECIPIENTS);
    expect(Math.max(...perRecipient.values())).toBe(1);
  }, 60_000);
});
