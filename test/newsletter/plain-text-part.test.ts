import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpMailer } from '../../src/email/index.js';
import { makeAuthor, postFields } from '../support/factories.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';
import { dialects, testServices, type TestContext } from '../support/stores.js';

describe.each(dialects)('the plain-text part and subject of a post email (%s)', (dialect) => {
  let t: TestContext;
  let smtp: TestSmtp;

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await testServices(dialect, { mailer: smtpMailer({ smtpUrl: smtp.url, mailFrom: 'Magazine <news@magazine.example>', dkim: undefined }) });
    await t.services.sends.updateSettings({ messagesPerSecond: 1000 });
    await t.services.subscribers.importCsv(Buffer.from('email\nreader@example.com\n'));
  });
  afterAll(async () => {
    await t.services.mailer.close();
    await t.close();
    await smtp.close();
  });

  async function send(title: string, body: string) {
    const author = await makeAuthor(t.services);
    const post = await t.services.posts.create(postFields([author.slug], { status: 'published', title, body }));
    const { sendId } = await t.services.newsletter.sendPost(post.slug);
    await t.services.sends.deliver(sendId!);
    return { raw: smtp.received.at(-1)!.raw.toString('latin1'), mail: await smtp.parsed(), sendId: sendId! };
  }

  it('keeps where links go, as "text [url]", and lists as bulleted and numbered lines', async () => {
    const body = [
      'Read [the full review](https://reviews.example/past-lives) and [our interview](/interview-celine-song/).',
      '',
      '- Past Lives',
      '- Materialists',
      '',
      '1. First',
      '2. Second',
      '',
      'See https://festival.example/ for tickets.',
    ].join('\n');
    const { mail, sendId } = await send('Two films', body);
    const text = mail.text ?? '';
    // Each link goes through its click address (src/newsletter/tracked-links.ts), which leads to the address written.
    const links = (await t.services.sends.report(sendId)).links.map((l) => l.url);
    const click = (url: string) => `http://localhost:3000/newsletter/click/${sendId}.${links.indexOf(url)}.`;
    expect(links).toEqual(expect.arrayContaining(['https://reviews.example/past-lives', 'http://localhost:3000/interview-celine-song/', 'https://festival.example/']));
    expect(text).toContain(`the full review [${click('https://reviews.example/past-lives')}`);
    expect(text.replace(/\s+/g, ' ')).toContain(`our interview [${click('http://localhost:3000/interview-celine-song/')}`);
    expect(text).toMatch(/^ \* Past Lives$/m);
    expect(text).toMatch(/^ \* Materialists$/m);
    expect(text).toMatch(/^ 1\. First$/m);
    expect(text).toMatch(/^ 2\. Second$/m);
    // An address shown as its own text is written once.
    expect(text.split(click('https://festival.example/'))).toHaveLength(2);
    expect(mail.html).toContain(`href="${click('https://reviews.example/past-lives')}`);
  });

  it('encodes a long subject in Russian, Greek and Japanese so that no header line passes RFC 2047’s limits', async () => {
    const title = 'Москва слезам не верит — Αθήνα, πόλη του κινηματογράφου — 東京の映画祭は今年で三十回目を迎えます';
    const { raw, mail } = await send(title, 'A short body.');
    expect(mail.subject).toBe(title);
    const headers = raw.slice(0, raw.indexOf('\r\n\r\n'));
    const subject = /^Subject:.*(?:\r\n[ \t].*)*/m.exec(headers)![0];
    for (const line of subject.split('\r\n')) expect(line.length, line).toBeLessThanOrEqual(76);
    for (const word of subject.match(/=\?[^?]+\?[BbQq]\?[^?]*\?=/g) ?? []) expect(word.length, word).toBeLessThanOrEqual(75);
    expect(/[^\x20-\x7e\r\n\t]/.test(headers)).toBe(false);
  });
});
