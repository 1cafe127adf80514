import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { smtpMailer } from '../../src/email/index.js';
import { EngagementService } from '../../src/newsletter/index.js';
import { testApp, type AppContext } from '../support/app.js';
import { makeAuthor, postFields } from '../support/factories.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';
import { dialects, manualClock } from '../support/stores.js';
import { arfReport } from './reports.js';

const SITE = 'http://localhost:3000';
const INTERVIEW = 'https://films.example/talk?a=1&b=2';
const TRAILER = 'https://video.example/trailer';
const CLICK = /http:\/\/localhost:3000\/newsletter\/click\/[\w.-]+/g;

describe.each(dialects)('engagement with newsletter sends on %s', (dialect) => {
  let t: AppContext;
  let smtp: TestSmtp;
  const time = manualClock();

  beforeEach(async () => {
    time.set('2026-12-01T09:00:00.000Z');
    smtp = await startSmtp();
    const mailer = smtpMailer({ smtpUrl: smtp.url, mailFrom: 'Magazine <news@magazine.example>', dkim: undefined }, { maxConnections: 2 });
    t = await testApp(dialect, { mailer, clock: time.clock });
    await t.services.sends.updateSettings({ messagesPerSecond: 1000 });
    await t.services.subscribers.importCsv(Buffer.from('email\nann@example.com\nbo@example.com\n'));
  });
  afterEach(async () => {
    await t.services.mailer.close();
    await t.close();
    await smtp.close();
  });

  /** Emails a new piece with two outside links to the default newsletter; returns the send and each reader's message. */
  async function sendPiece(title = 'Notes on a festival') {
    const author = await makeAuthor(t.services);
    const body = `We talked to the director: read [the interview](${INTERVIEW}).\n\nThen watch [the trailer](${TRAILER}) or [the interview again](${INTERVIEW}).`;
    const post = await t.services.posts.create(postFields([author.slug], { status: 'published', title, body }));
    const before = smtp.received.length;
    const { sendId } = await t.services.newsletter.sendPost(post.slug);
    await t.services.sends.deliver(sendId!);
    const mail = async (to: string) => smtp.parsed(smtp.received.findIndex((r, i) => i >= before && r.to === to));
    return { sendId: sendId!, ann: await mail('ann@example.com'), bo: await mail('bo@example.com') };
  }

  const follow = (url: string, headers: Record<string, string> = {}) => t.app.inject({ url: url.replace(SITE, ''), headers });

  it('leads every outside link through a signed click address to the stored target and counts total and unique clicks', async () => {
    const { sendId, ann, bo } = await sendPiece();
    const html = String(ann.html);
    expect(html).not.toContain('films.example');
    expect(html).not.toContain('video.example');
    const annLinks = [...new Set(html.match(CLICK))];
    // The interview (twice in the piece, one address), the trailer, the site's home page and the piece on the site.
    expect(annLinks).toHaveLength(4);
    // The text part leads through the same addresses (all but the logo's link to the home page).
    expect(ann.text).not.toContain('films.example');
    expect([...new Set(ann.text!.match(CLICK))].filter((l) => annLinks.includes(l))).toHaveLength(3);
    // Unsubscribe and preferences links stay direct, and no image counts opens by default.
    expect(html).toMatch(/href="http:\/\/localhost:3000\/newsletter\/unsubscribe\/\?token=/);
    expect(html).toMatch(/href="http:\/\/localhost:3000\/newsletter\/preferences\/\?token=/);
    expect(html).not.toContain('/newsletter/open/');

    const leadsTo = new Map<string, string>();
    for (const link of annLinks) leadsTo.set(String((await follow(link)).headers.location), link);
    expect([...leadsTo.keys()].sort()).toEqual([`${SITE}/`, `${SITE}/notes-on-a-festival/`, INTERVIEW, TRAILER]);
    const interview = leadsTo.get(INTERVIEW)!;
    const answer = await follow(interview);
    expect(answer.statusCode).toBe(302);
    expect(answer.headers['cache-control']).toBe('no-store');
    // Bo's address for the same link differs only in the recipient (and so the signature).
    const linkOf = (url: string) => url.split('/').pop()!.split('.')[1];
    const boInterview = [...new Set(String(bo.html).match(CLICK))].find((l) => linkOf(l) === linkOf(interview))!;
    expect(boInterview).not.toBe(interview);
    expect((await follow(boInterview)).headers.location).toBe(INTERVIEW);

    const report = await t.services.sends.report(sendId);
    expect(report.links.find((l) => l.url === INTERVIEW)).toEqual({ url: INTERVIEW, clicks: 3, uniqueClicks: 2 });
    expect(report.links.find((l) => l.url === TRAILER)).toEqual({ url: TRAILER, clicks: 1, uniqueClicks: 1 });
    expect(report).toMatchObject({ clicks: 6, uniqueClicks: 5, opens: null });
    // A HEAD request (a link checker's) is answered the same and not counted.
    const checked = await t.app.inject({ method: 'HEAD', url: interview.replace(SITE, '') });
    expect(checked.statusCode).toBe(302);
    expect(checked.headers.location).toBe(INTERVIEW);
    expect((await t.services.sends.report(sendId)).clicks).toBe(6);
  });

  it('leads the links of a digest through click addresses too', async () => {
    const author = await makeAuthor(t.services);
    const body = `Read [the interview](${INTERVIEW}).`;
    await t.services.posts.create(postFields([author.slug], { status: 'published', title: 'In the digest', body, publishedAt: '2026-11-30T10:00:00.000Z' }));
    const digest = await t.services.newsletter.assemble(new Date('2026-12-04T08:00:00.000Z'));
    const sendId = await t.services.newsletter.sendNow(digest.id);
    await t.services.sends.deliver(sendId);
    const html = String((await smtp.parsed(smtp.received.findIndex((r) => r.to === 'ann@example.com'))).html);
    const links = [...new Set(html.match(CLICK))];
    expect(links.length).toBeGreaterThan(1);
    const targets = await Promise.all(links.map(async (link) => (await follow(link)).headers.location));
    expect(targets).toContain(`${SITE}/in-the-digest/`);
    expect(html).not.toMatch(/href="http:\/\/localhost:3000\/in-the-digest\/"/);
    expect((await t.services.sends.report(sendId)).clicks).toBe(links.length);
  });

  it('counts many clicks arriving at once, each once in the total and once per reader in the unique count', async () => {
    const { sendId, ann, bo } = await sendPiece();
    const first = (mail: typeof ann) => String(mail.html).match(CLICK)![0]!;
    const links = [first(ann), first(bo)];
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => follow(links[i % 2]!)));
    expect(answers.every((a) => a.statusCode === 302)).toBe(true);
    const [link] = (await t.services.sends.report(sendId)).links.filter((l) => l.clicks > 0);
    expect(link).toMatchObject({ clicks: 40, uniqueClicks: 2 });
  });

  it('counts exactly when two processes take clicks on the same links at once', async () => {
    const { sendId, ann, bo } = await sendPiece();
    const other = new EngagementService({ db: t.store.db, clock: time.clock, subscribers: t.services.subscribers });
    const tokens = [ann, bo].flatMap((mail) => [...new Set(String(mail.html).match(CLICK))].map((url) => url.split('/').pop()!));
    const clicks = Array.from({ length: 96 }, (_, i) => (i % 2 === 0 ? t.services.engagement : other).click(tokens[i % tokens.length]!));
    await Promise.all(clicks);
    const report = await t.services.sends.report(sendId);
    expect(report.clicks).toBe(96);
    expect(report.uniqueClicks).toBe(tokens.length);
    expect(await t.store.db.selectFrom('newsletter_clicks').selectAll().execute()).toHaveLength(tokens.length);
  });

  it('never redirects a changed, foreign or made-up click address anywhere', async () => {
    const { sendId, ann } = await sendPiece();
    const good = String(ann.html).match(CLICK)![0]!.replace(SITE, '');
    const [send, link, delivery, mac] = good.split('/').pop()!.split('.') as [string, string, string, string];
    const signer = await t.services.engagement.signer();
    // The last character of a tag carries four unused bits: another spelling of the same bytes must fail too.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const respelled = [1, 2, 3].map((d) => `${mac.slice(0, -1)}${alphabet[alphabet.indexOf(mac.at(-1)!) + d]}`);
    const bad = [
      `${send}.${link}.${Number(delivery) + 1}.${mac}`,
      `${send}.${Number(link) + 1}.${delivery}.${mac}`,
      `${Number(send) + 1}.${link}.${delivery}.${mac}`,
      ...respelled.map((m) => `${send}.${link}.${delivery}.${m}`),
      `${send}.${link}.${delivery}.${mac.slice(1)}A`,
      `${send}.${link}.${delivery}.${mac}x`,
      `${send}.0${link}.${delivery}.${mac}`,
      `${send}.${link}.${delivery}`,
      // A genuine signature over a link the send does not have.
      signer.click({ sendId, link: 99, deliveryId: Number(delivery) }),
      encodeURIComponent('https://evil.example/'),
      encodeURIComponent('//evil.example'),
      'javascript:alert(1)',
      encodeURIComponent('javascript:alert(1)'),
      '%2F%2Fevil.example%2F',
      `${send}.${link}.${delivery}.${mac}%0d%0aLocation:%20https://evil.example/`,
      `${send}.${link}.${delivery}.${encodeURIComponent(mac.slice(0, 20))}%2E%2E`,
      '%E0%A4%A',
      'x'.repeat(5000),
    ];
    for (const token of bad) {
      const answer = await t.app.inject(`/newsletter/click/${token}`);
      expect([400, 404, 414], token).toContain(answer.statusCode);
      expect(answer.headers.location, token).toBeUndefined();
      expect(answer.body, token).not.toContain('evil.example');
    }
    const page = await t.app.inject(`/newsletter/click/${bad[0]}`);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('This newsletter link is damaged or was not made by this site');
    const json = await t.app.inject({ url: `/newsletter/click/${bad[1]}`, headers: { accept: 'application/json' } });
    expect(json.json()).toMatchObject({ error: { code: 'TRACKED_LINK_INVALID' } });
    expect((await t.services.sends.report(sendId)).clicks).toBe(0);
    // Addresses that only look like ours, on other paths, lead nowhere either.
    expect((await t.app.inject(`/newsletter/click/${send}.${link}.${delivery}.${mac}/https://evil.example`)).headers.location).toBeUndefined();
  });

  it('puts an open-counting image only in the emails of newsletters that turn it on, and counts each reader once', async () => {
    await t.services.subscribers.updateNewsletter('weekly', { countOpens: true });
    const { sendId, ann, bo } = await sendPiece();
    const pixel = (mail: typeof ann) => /src="(http:\/\/localhost:3000\/newsletter\/open\/[\w.-]+)"/.exec(String(mail.html))![1]!;
    expect(ann.text).not.toContain('/newsletter/open/');
    const image = await follow(pixel(ann));
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/gif');
    await follow(pixel(ann));
    expect((await t.services.sends.report(sendId)).opens).toBe(1);
    await follow(pixel(bo));
    expect((await t.services.sends.report(sendId)).opens).toBe(2);
    const forged = pixel(bo).replace(/\.(\d+)\./, (_, d: string) => `.${Number(d) + 1}.`);
    expect((await follow(forged)).statusCode).toBe(400);

    await t.services.subscribers.updateNewsletter('weekly', { countOpens: false });
    const later = await sendPiece('Without counting');
    expect(String(later.ann.html)).not.toContain('/newsletter/open/');
    expect((await t.services.sends.report(later.sendId)).opens).toBeNull();
  });

  it('attributes an unsubscribe to the last send the reader received and a complaint to the send it returns', async () => {
    const first = await sendPiece('First');
    time.advance(86_400_000);
    const second = await sendPiece('Second');
    const unsubscribe = /<(http[^>]+)>/.exec(second.ann.headerLines.find((h) => h.key === 'list-unsubscribe')!.line)![1]!;
    const left = await t.app.inject({ method: 'POST', url: unsubscribe.replace(SITE, ''), payload: { 'List-Unsubscribe': 'One-Click' } });
    expect(left.statusCode).toBe(200);
    const boFirst = smtp.received.find((r) => r.to === 'bo@example.com')!.raw;
    expect((await t.services.feedback.apply(arfReport(boFirst, { originalRcptTo: 'bo@example.com' }), 'fbl.eml'))[0]).toMatchObject({ applied: true });

    expect(await t.services.sends.report(first.sendId)).toMatchObject({ unsubscribedSince: 0, complaints: 1 });
    expect(await t.services.sends.report(second.sendId)).toMatchObject({ unsubscribedSince: 1, complaints: 0 });

    // Leaving on the preferences page counts too, once.
    await t.services.subscribers.importCsv(Buffer.from('email\ncy@example.com\n'));
    const author = await makeAuthor(t.services);
    const post = await t.services.posts.create(postFields([author.slug], { status: 'published', title: 'Third' }));
    const third = { sendId: (await t.services.newsletter.sendPost(post.slug)).sendId! };
    expect(await t.services.sends.deliver(third.sendId)).toMatchObject({ delivered: 1 });
    const cy = await t.services.subscribers.find('cy@example.com');
    const token = (await t.services.subscribers.links()).sign({ purpose: 'preferences', subscriberId: cy.id });
    for (let i = 0; i < 2; i += 1) {
      const saved = await t.app.inject({ method: 'POST', url: '/newsletter/preferences/', payload: { token, newsletters: [] }, headers: { accept: 'application/json' } });
      expect(saved.statusCode).toBe(200);
    }
    expect(await t.services.sends.report(third.sendId)).toMatchObject({ unsubscribedSince: 1 });
  });

  it("erases a reader's own clicks with their data and keeps the send's totals without them", async () => {
    const { sendId, ann, bo } = await sendPiece();
    for (const mail of [ann, bo]) await follow(String(mail.html).match(CLICK)![0]!);
    const exported = await t.services.subscribers.exportOne('ann@example.com');
    expect(exported.clicks).toEqual([expect.objectContaining({ subject: 'Notes on a festival', url: expect.stringMatching(/^http/) })]);

    await t.services.subscribers.erase('ann@example.com');
    const rows = await t.store.db.selectFrom('newsletter_clicks').selectAll().execute();
    expect(rows).toHaveLength(1);
    const [link] = (await t.services.sends.report(sendId)).links.filter((l) => l.clicks > 0);
    expect(link).toMatchObject({ clicks: 2, uniqueClicks: 2 });
    // A click on the erased reader's old email still leads on, and is counted only in the total.
    expect((await follow(String(ann.html).match(CLICK)![0]!)).statusCode).toBe(302);
    expect(await t.store.db.selectFrom('newsletter_clicks').selectAll().execute()).toHaveLength(1);
  });
});
