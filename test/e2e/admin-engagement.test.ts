import path from 'node:path';
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpMailer } from '../../src/email/index.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';
import { expectAccessible, screenshot, signIn, startAdmin, type AdminHarness } from './admin-harness.js';

const SHOTS = path.resolve('test-output/screenshots/engagement');
const CLICK = /http:\/\/[\w.:]+\/newsletter\/click\/[\w.-]+/g;

describe('engagement in the send report and on the dashboard', () => {
  let admin: AdminHarness;
  let smtp: TestSmtp;
  let editor: Awaited<ReturnType<AdminHarness['staff']>>;
  const readers = Array.from({ length: 6 }, (_, i) => `reader${i}@example.com`);

  /** Follows an address from an email against the running site, without following its redirect. */
  const visit = (url: string, method = 'GET') => fetch(url.replace(/^http:\/\/[\w.:]+/, admin.baseUrl), { method, redirect: 'manual' });

  beforeAll(async () => {
    smtp = await startSmtp();
    admin = await startAdmin({ mailer: smtpMailer({ smtpUrl: smtp.url, mailFrom: 'Halcyon <news@halcyon.example>', dkim: undefined }, { maxConnections: 2 }) });
    editor = await admin.staff('editor', 'Edie Editor');
    await admin.services.subscribers.importCsv(Buffer.from(`email\n${readers.join('\n')}\n`));
    await admin.services.sends.updateSettings({ messagesPerSecond: 1000 });
    await admin.services.subscribers.updateNewsletter('weekly', { countOpens: true });
    const body = [
      'We met the director in Busan: read [the interview](https://films.example/interviews/director).',
      '',
      'Then watch [the trailer](https://video.example/watch/trailer-2026) and buy [tickets](https://tickets.example/festival?day=3&seats=2).',
    ].join('\n');
    for (const [i, title] of ['A festival diary', 'Ten films for winter'].entries()) {
      const post = await admin.services.posts.create({ title, body, authors: [editor.authorSlug], status: 'published' });
      const { sendId } = await admin.services.newsletter.sendPost(post.slug);
      await admin.services.sends.deliver(sendId!);
      const mails = smtp.received.slice(i * readers.length);
      // Readers click (some twice) and some load the images; one leaves.
      for (const [r, received] of mails.entries()) {
        const html = String((await smtp.parsed(i * readers.length + r)).html);
        const links = [...new Set(html.match(CLICK))];
        for (const link of links.slice(0, 1 + ((r + i) % links.length))) expect((await visit(link)).status).toBe(302);
        if (r % 2 === 0) expect((await visit(links[links.length - 1]!)).status).toBe(302);
        const pixel = /src="(http:\/\/[\w.:]+\/newsletter\/open\/[\w.-]+)"/.exec(html)?.[1];
        if (pixel && r < 4 + i) await visit(pixel);
        if (i === 1 && r === 5) {
          const unsubscribe = /href="(http:\/\/[\w.:]+\/newsletter\/unsubscribe\/\?token=[^"]+)"/.exec(html)![1]!.replace(/&amp;/g, '&');
          expect((await visit(unsubscribe, 'POST')).status).toBe(200);
        }
        expect(received.to).toMatch(/@example\.com$/);
      }
    }
  }, 60_000);
  afterAll(async () => {
    await admin.close();
    await admin.services.mailer.close();
    await smtp.close();
  });

  async function open(path: 'Sends' | null): Promise<{ page: Page; close: () => Promise<void> }> {
    const { context, page } = await admin.openAdmin();
    await signIn(page, editor);
    if (path) {
      await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Newsletter' }).click();
      await page.getByRole('navigation', { name: 'Newsletter' }).getByRole('link', { name: path }).click();
    }
    return { page, close: () => context.close() };
  }

  it('shows clicks per link, opens, unsubscribes and complaints in the send report', async () => {
    const { page, close } = await open('Sends');
    const report = page.getByRole('article', { name: 'Ten films for winter' });
    const chart = report.getByRole('figure', { name: /Clicks per link/ });
    await chart.waitFor();
    expect(await chart.getByText('films.example/interviews/director').count()).toBe(1);
    const counts = (await admin.services.sends.reports()).find((s) => s.subject === 'Ten films for winter')!;
    const interview = counts.links.find((l) => l.url === 'https://films.example/interviews/director')!;
    expect(interview.uniqueClicks).toBeGreaterThan(0);
    await chart.getByText(`${interview.clicks} clicks by ${interview.uniqueClicks} readers`).waitFor({ state: 'attached' });
    await report.getByText(`${counts.opens} readers opened it`, { exact: false }).waitFor();
    expect(counts).toMatchObject({ unsubscribedSince: 1, opens: 5 });
    await expectAccessible(page, 'send report');
    fs.mkdirSync(SHOTS, { recursive: true });
    await report.screenshot({ path: `${SHOTS}/send-report.png` });
    await screenshot(page, 'newsletter-send-engagement');
    await close();
  });

  it('shows a chart of clicks and opens over the last sends on the dashboard', async () => {
    const { page, close } = await open(null);
    const chart = page.getByRole('figure', { name: 'Clicks and opens on the last 2 sends' });
    await chart.waitFor();
    const total = (await admin.services.sends.reports()).reduce((sum, s) => sum + s.clicks, 0);
    expect(await chart.getByRole('img').getAttribute('aria-label')).toContain(`${total} clicks`);
    await expectAccessible(page, 'dashboard');
    fs.mkdirSync(SHOTS, { recursive: true });
    await chart.screenshot({ path: `${SHOTS}/dashboard-engagement.png` });
    await close();
  });

  it('lets an editor turn open counting off for a newsletter, saying what it does', async () => {
    const { page, close } = await open(null);
    await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Newsletter' }).click();
    await page.getByRole('button', { name: 'Edit Weekly' }).click();
    const edit = page.getByRole('form', { name: 'Edit Weekly' });
    const box = edit.getByRole('checkbox', { name: 'Count opens' });
    expect(await box.isChecked()).toBe(true);
    expect(await box.getAttribute('aria-describedby')).toBeTruthy();
    await edit.getByText(/privacy-sensitive/).waitFor();
    await expectAccessible(page, 'newsletter overview with the open-counting choice');
    await edit.screenshot({ path: `${SHOTS}/count-opens.png` });
    await box.uncheck();
    await edit.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('button', { name: 'Edit Weekly' }).waitFor();
    expect((await admin.services.subscribers.newsletter('weekly')).countOpens).toBe(false);
    await close();
  });
});
