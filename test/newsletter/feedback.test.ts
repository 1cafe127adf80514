import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpMailer } from '../../src/email/index.js';
import { testApp, type AppContext } from '../support/app.js';
import { runCli } from '../support/cli.js';
import { makeAuthor, postFields } from '../support/factories.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';
import { arfReport, dsnReport, headerBlock, mbox } from './reports.js';

const READERS = ['ann', 'bo', 'cy', 'dee', 'eve', 'fay', 'gus', 'hal'].map((name) => `${name}@example.com`);

describe('complaint and bounce reports that come back by email', () => {
  let t: AppContext;
  let smtp: TestSmtp;
  let sendId: number;
  const originals = new Map<string, Buffer>();

  beforeAll(async () => {
    smtp = await startSmtp();
    const mailer = smtpMailer({ smtpUrl: smtp.url, mailFrom: 'Magazine <news@magazine.example>', dkim: undefined }, { maxConnections: 2 });
    t = await testApp('sqlite', { mailer });
    await t.services.sends.updateSettings({ messagesPerSecond: 1000 });
    await t.services.subscribers.importCsv(Buffer.from(`email\n${READERS.join('\n')}\n`));
    const author = await makeAuthor(t.services);
    const post = await t.services.posts.create(postFields([author.slug], { status: 'published' }));
    sendId = (await t.services.newsletter.sendPost(post.slug)).sendId!;
    await t.services.sends.deliver(sendId);
    for (const received of smtp.received) originals.set(received.to, received.raw);
  });
  afterAll(async () => {
    await t.services.mailer.close();
    await t.close();
    await smtp.close();
  });

  const original = (email: string) => originals.get(email)!;
  const status = async (email: string) => (await t.services.subscribers.find(email)).status;
  const apply = (raw: Buffer, source = 'report.eml') => t.services.feedback.apply(raw, source);

  it('names the send in a Feedback-ID header and the recipient by the signed link in List-Unsubscribe', () => {
    const headers = headerBlock(original('ann@example.com'));
    expect(headers).toContain(`Feedback-ID: ${sendId}:weekly:newsletter:masthead`);
    expect(headers).toMatch(/List-Unsubscribe: <http:\/\/localhost:3000\/newsletter\/unsubscribe\/\?token=[\w-]+\.[\w-]+>/);
  });

  it('marks a complainant complained and suppressed, whether the report returns the whole message or its headers', async () => {
    expect(await apply(arfReport(original('ann@example.com'), { originalRcptTo: 'ann@example.com' }))).toEqual([
      { source: 'report.eml', applied: true, email: 'ann@example.com', result: 'complaint: marked complained and suppressed' },
    ]);
    expect(await status('ann@example.com')).toBe('complained');
    // Headers only, base64, and the complainant's address redacted by the provider.
    const [outcome] = await apply(arfReport(original('bo@example.com'), { returned: 'headers', originalRcptTo: 'redacted@example.com' }));
    expect(outcome).toMatchObject({ applied: true, email: 'bo@example.com' });
    expect(await status('bo@example.com')).toBe('complained');
    // The same report again changes nothing and says so.
    expect((await apply(arfReport(original('ann@example.com'))))[0]!.result).toBe('complaint (already suppressed)');
  });

  it('marks a permanent bounce bounced, in the subscriber and in the send report; a delay changes nothing', async () => {
    const [bounced] = await apply(
      dsnReport(original('cy@example.com'), [{ address: 'cy@example.com', action: 'failed', status: '5.1.1', diagnostic: '550 5.1.1 <cy@example.com>: Recipient address rejected: User unknown' }]),
    );
    expect(bounced).toMatchObject({ applied: true, email: 'cy@example.com', result: 'bounce 5.1.1: marked bounced and suppressed' });
    expect(await status('cy@example.com')).toBe('bounced');
    expect(await t.services.sends.report(sendId)).toMatchObject({ bounced: 1 });

    const [delayed] = await apply(dsnReport(original('dee@example.com'), [{ address: 'dee@example.com', action: 'delayed', status: '4.4.7' }]));
    expect(delayed).toMatchObject({ applied: false, result: 'the delivery status says "delayed", not a failure' });
    const [temporary] = await apply(dsnReport(original('dee@example.com'), [{ address: 'dee@example.com', action: 'failed', status: '4.2.2' }]));
    expect(temporary).toMatchObject({ applied: false, result: 'a temporary failure (4.2.2); the address stays' });
    expect(await status('dee@example.com')).toBe('confirmed');
  });

  it('never mails suppressed addresses again, and an old list cannot bring them back', async () => {
    const report = await t.services.subscribers.importCsv(Buffer.from('email\nann@example.com\ncy@example.com\n'));
    expect(report.rejected.map((r) => r.reason)).toEqual(['on the suppression list (complained)', 'on the suppression list (bounced)']);
    const author = await makeAuthor(t.services, { name: 'Second Writer' });
    const post = await t.services.posts.create(postFields([author.slug], { title: 'A second piece', status: 'published' }));
    const before = smtp.received.length;
    const { sendId: second } = await t.services.newsletter.sendPost(post.slug);
    await t.services.sends.deliver(second!);
    const recipients = smtp.received.slice(before).map((r) => r.to);
    expect(recipients).not.toContain('ann@example.com');
    expect(recipients).not.toContain('bo@example.com');
    expect(recipients).not.toContain('cy@example.com');
    expect(recipients).toContain('dee@example.com');
  });

  it('rejects reports that cannot be traced to a subscriber by our own signature, and says why', async () => {
    const eve = original('eve@example.com');
    const forged = Buffer.from(
      eve.toString('latin1').replace(/(token=[\w-]+\.)([\w-])/, (_, head: string, c: string) => `${head}${c === 'A' ? 'B' : 'A'}`),
      'latin1',
    );
    const cases: Array<[string, Buffer, string]> = [
      ['forged signature', arfReport(forged), 'the unsubscribe link in the returned message was not signed by this site'],
      ['no original', arfReport(eve, { returned: 'none' }), 'the original message is not returned, so nothing tells whose it was'],
      ['forwarded copy', arfReport(eve, { originalRcptTo: 'someone-else@example.org' }), 'the complaint comes from someone-else@example.org, not from the subscriber the message was sent to (a forwarded copy?)'],
      ['not a complaint', arfReport(eve, { feedbackType: 'not-spam' }), 'feedback type "not-spam" is not a complaint'],
      ['bounce of another address', dsnReport(eve, [{ address: 'eve.forward@example.net', action: 'failed', status: '5.1.1' }]), "the failed address eve.forward@example.net is not the subscriber's (a forwarded copy?)"],
      [
        'an ordinary email',
        Buffer.from('From: eve@example.com\r\nTo: news@magazine.example\r\nSubject: Hello\r\n\r\nJust saying hello.\r\n'),
        'neither a complaint (feedback report) nor a bounce (delivery status), but text/plain',
      ],
      [
        'not one of our emails',
        arfReport(Buffer.from('From: spam@spam.example\r\nTo: eve@example.com\r\nSubject: Win\r\n\r\nWin!\r\n')),
        'the returned message has no unsubscribe link of ours (not a newsletter email of this site?)',
      ],
    ];
    for (const [name, raw, reason] of cases) {
      expect(await apply(raw, name), name).toEqual([expect.objectContaining({ source: name, applied: false, result: reason })]);
    }
    expect(await status('eve@example.com')).toBe('confirmed');
  });

  it('survives malformed and hostile input without applying anything', async () => {
    const fay = original('fay@example.com');
    const garbage = [
      Buffer.alloc(0),
      Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x02, 0x0d, 0x0a, 0x0d, 0x0a, 0x80]),
      // A report cut off in the middle of its feedback part, no closing boundary.
      arfReport(fay).subarray(0, 900),
      // A boundary that never appears, and a header block with a line of 200 KB.
      Buffer.from(`Content-Type: multipart/report; report-type=feedback-report; boundary="nowhere"\r\nX-Long: ${'a'.repeat(200_000)}\r\n\r\n--elsewhere\r\n`),
      // A returned "message" that is itself a complaint report, with no link of ours in it.
      arfReport(Buffer.from(`Content-Type: multipart/mixed; boundary="x"\r\n\r\n--x\r\nContent-Type: message/feedback-report\r\n\r\nFeedback-Type: abuse\r\n--x--\r\n`), { returned: 'message' }),
      Buffer.alloc(11 * 1024 * 1024, 'a'),
    ];
    for (const raw of garbage) {
      const outcomes = await apply(raw, 'hostile');
      expect(outcomes.every((o) => !o.applied)).toBe(true);
      expect(outcomes[0]!.result.length).toBeGreaterThan(0);
    }
    expect(await status('fay@example.com')).toBe('confirmed');
  });

  it('`masthead newsletter feedback` reads .eml and mbox files and reports each message', async () => {
    const file = (t.config as { file: string }).file;
    const eml = path.join(t.dataDir, 'complaint.eml');
    const box = path.join(t.dataDir, 'reports.mbox');
    await fs.writeFile(eml, arfReport(original('gus@example.com')));
    await fs.writeFile(
      box,
      mbox([
        dsnReport(original('hal@example.com'), [{ address: 'hal@example.com', action: 'failed', status: '5.2.1', diagnostic: '550 5.2.1 mailbox disabled' }]),
        Buffer.from('From: x@example.com\r\n\r\nFrom here on, nothing.\r\n'),
      ]),
    );
    const result = await runCli(['newsletter', 'feedback', eml, box], { DATA_DIR: t.dataDir, DATABASE_URL: `sqlite:${file}`, LOG_LEVEL: 'silent' });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`applied   ${eml}: gus@example.com: complaint: marked complained and suppressed`);
    expect(result.stdout).toContain(`applied   ${box}#1: hal@example.com: bounce 5.2.1: marked bounced and suppressed`);
    expect(result.stdout).toContain(`rejected  ${box}#2: neither a complaint (feedback report) nor a bounce (delivery status), but text/plain`);
    expect(result.stdout).toContain('2 applied, 1 rejected.');
    expect(await status('gus@example.com')).toBe('complained');
    expect(await status('hal@example.com')).toBe('bounced');

    const missing = await runCli(['newsletter', 'feedback', path.join(t.dataDir, 'nope.eml')], { DATA_DIR: t.dataDir, DATABASE_URL: `sqlite:${file}`, LOG_LEVEL: 'silent' });
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('Cannot read');
  }, 60_000);
});
