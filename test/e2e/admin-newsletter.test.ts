import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpMailer } from '../../src/email/index.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';
import { expectAccessible, screenshot, signIn, startAdmin, type AdminHarness } from './admin-harness.js';

const hour = 3_600_000;

async function openNewsletter(admin: AdminHarness, person: { email: string; password: string }, tab?: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const { context, page } = await admin.openAdmin();
  await signIn(page, person);
  await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Newsletter' }).click();
  if (tab) await page.getByRole('navigation', { name: 'Newsletter' }).getByRole('link', { name: tab }).click();
  return { page, close: () => context.close() };
}

describe('the newsletter screens, mailing over SMTP', () => {
  let admin: AdminHarness;
  let smtp: TestSmtp;
  let editor: Awaited<ReturnType<AdminHarness['staff']>>;
  const readers = Array.from({ length: 120 }, (_, i) => `reader${i}@example.com`);

  beforeAll(async () => {
    smtp = await startSmtp();
    admin = await startAdmin({ mailer: smtpMailer({ smtpUrl: smtp.url, mailFrom: 'Halcyon <news@halcyon.example>', dkim: undefined }, { maxConnections: 2 }) });
    editor = await admin.staff('editor', 'Edie Editor');
    await admin.services.taxonomy.createTag({ name: 'Film', slug: 'film', isSection: true });
    await admin.services.taxonomy.createTag({ name: 'Music', slug: 'music', isSection: true });
    const publish = (title: string, tag: string, ago: number, featured = false) =>
      admin.services.posts.create({ title, authors: [editor.authorSlug], tags: [tag], status: 'published', featured, publishedAt: new Date(Date.now() - ago).toISOString() });
    await publish('The cover story', 'film', 3 * hour, true);
    await publish('A film diary', 'film', 2 * hour);
    await publish('Records of the week', 'music', 1 * hour);
    await publish('An archive piece on cinemas', 'film', 40 * 24 * hour);
    await admin.services.subscribers.importCsv(Buffer.from(`email\n${readers.join('\n')}\n`));
    // Slow enough that the send is still running when the sends screen first asks.
    await admin.services.sends.updateSettings({ messagesPerSecond: 30 });
    admin.services.runner.start();
  });
  afterAll(async () => {
    await admin.close();
    await admin.services.mailer.close();
    await smtp.close();
  });

  it('adds a newsletter and changes the digest schedule, naming a wrong field', async () => {
    const { page, close } = await openNewsletter(admin, editor);
    await page.getByRole('heading', { name: 'Newsletter', level: 1 }).waitFor();
    expect(await page.getByRole('region', { name: 'Email delivery' }).count()).toBe(0);
    const add = page.getByRole('form', { name: 'Add a newsletter' });
    await add.getByLabel('New newsletter').fill('Film notes');
    expect(await add.getByLabel('Slug').inputValue()).toBe('film-notes');
    await add.getByRole('button', { name: 'Add newsletter' }).click();
    await page.getByRole('cell', { name: 'Film notes', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Edit Film notes' }).click();
    const edit = page.getByRole('form', { name: 'Edit Film notes' });
    await edit.getByLabel('Description').fill('Reviews and essays on film, monthly.');
    await edit.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('cell', { name: 'Reviews and essays on film, monthly.', exact: true }).waitFor();
    expect(await admin.services.subscribers.newsletter('film-notes')).toMatchObject({ name: 'Film notes', description: 'Reviews and essays on film, monthly.' });

    const settings = page.getByRole('form', { name: 'Settings' });
    await settings.getByLabel('Day').selectOption('thursday');
    await settings.getByLabel('Time', { exact: true }).fill('09:30');
    await settings.getByLabel('Messages per second').fill('0');
    await settings.getByRole('button', { name: 'Save newsletter settings' }).click();
    await settings.getByText('messagesPerSecond', { exact: true }).waitFor();
    expect(await settings.getByLabel('Messages per second').getAttribute('aria-invalid')).toBe('true');
    await settings.getByLabel('Messages per second').fill('30');
    await settings.getByRole('button', { name: 'Save newsletter settings' }).click();
    await page.getByText('Newsletter settings saved.').waitFor();
    expect((await admin.services.sends.settings()).digest).toMatchObject({ day: 'thursday', time: '09:30' });
    await expectAccessible(page, 'newsletter overview');
    await screenshot(page, 'newsletter-overview');
    await close();
  });

  it('builds a digest, previews it, sends a test, schedules it, sends it and shows the report', async () => {
    const { page, close } = await openNewsletter(admin, editor, 'Digest');
    await page.getByRole('button', { name: 'Assemble the next digest' }).click();
    const pieces = page.getByRole('list', { name: 'Pieces in reading order' });
    const order = async () => (await pieces.getByRole('listitem').locator('.piece-title').allTextContents()).map((t) => t.split(' · ')[0]);
    await expect.poll(order).toEqual(['The cover story', 'Records of the week', 'A film diary']);
    const id = Number(/digests\/(\d+)$/.exec(page.url())![1]);
    const saved = async () => (await admin.services.newsletter.digest(id)).items.map((i) => i.title);

    // The keyboard way: the focus stays on the piece as it moves, on the button still usable.
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    await page.getByRole('button', { name: 'Move “A film diary” up' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(saved).toEqual(['The cover story', 'A film diary', 'Records of the week']);
    expect(await focused()).toBe('Move “A film diary” up');
    await page.keyboard.press('Enter');
    await expect.poll(saved).toEqual(['A film diary', 'The cover story', 'Records of the week']);
    expect(await focused()).toBe('Move “A film diary” down');
    await page.keyboard.press('Enter');
    await expect.poll(saved).toEqual(['The cover story', 'A film diary', 'Records of the week']);
    await pieces
      .getByRole('listitem')
      .filter({ hasText: 'Records of the week' })
      .dragTo(pieces.getByRole('listitem').filter({ hasText: 'The cover story' }));
    await expect.poll(saved).toEqual(['Records of the week', 'The cover story', 'A film diary']);
    expect(await order()).toEqual(['Records of the week', 'The cover story', 'A film diary']);
    await page.getByRole('button', { name: 'Drop “A film diary”' }).click();
    await expect.poll(saved).toEqual(['Records of the week', 'The cover story']);
    await page.getByLabel('Add a published piece').fill('archive');
    await page.getByRole('button', { name: 'Add “An archive piece on cinemas”' }).click();
    await expect.poll(saved).toEqual(['Records of the week', 'The cover story', 'An archive piece on cinemas']);

    await page.getByLabel('Subject', { exact: true }).fill('');
    await page.getByRole('button', { name: 'Save subject and intro' }).click();
    await expect.poll(() => page.getByLabel('Subject', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Subject', { exact: true }).fill('Halcyon this week');
    await page.getByLabel('Intro', { exact: true }).fill('Dear readers, a week of cinema diaries.');
    await page.getByRole('button', { name: 'Save subject and intro' }).click();
    await page.getByText('Subject and intro saved.').waitFor();
    const preview = page.frameLocator('iframe[title="Preview of the digest email"]');
    await preview.getByText('Dear readers, a week of cinema diaries.').filter({ visible: true }).first().waitFor();
    await preview.getByText('An archive piece on cinemas').filter({ visible: true }).first().waitFor();

    expect(await page.getByLabel('Send a test to').inputValue()).toBe(editor.email);
    await page.getByRole('button', { name: 'Send me a test' }).click();
    await page.getByText(`Test sent to ${editor.email}.`).waitFor();
    await smtp.waitFor(1);
    const test = await smtp.parsed(0);
    expect(smtp.received[0]!.to).toBe(editor.email);
    expect(test.subject).toBe('[Test] Halcyon this week');
    expect(test.html).toContain('Dear readers, a week of cinema diaries.');
    await expectAccessible(page, 'digest builder');
    await screenshot(page, 'newsletter-digest');

    const tomorrow = new Date(Date.now() + 24 * hour);
    const local = new Date(tomorrow.getTime() - tomorrow.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    await page.getByLabel('Send at').fill(local);
    await page.getByRole('button', { name: 'Schedule…' }).click();
    const scheduleDialog = page.getByRole('dialog', { name: 'Schedule the digest?' });
    await scheduleDialog.getByText(`${readers.length} confirmed subscribers`).waitFor();
    await scheduleDialog.getByRole('button', { name: 'Schedule' }).click();
    await expect.poll(async () => (await admin.services.newsletter.digest(id)).state).toBe('scheduled');

    await page.getByRole('button', { name: 'Send now…' }).click();
    const sendDialog = page.getByRole('dialog', { name: 'Send the digest now?' });
    await sendDialog.getByRole('button', { name: 'Cancel' }).click();
    expect((await admin.services.newsletter.digest(id)).state).toBe('scheduled');
    await page.getByRole('button', { name: 'Send now…' }).click();
    await sendDialog.getByRole('button', { name: 'Send now' }).click();

    await page.getByRole('heading', { name: 'Sends', level: 1 }).waitFor();
    const card = page.getByRole('article', { name: 'Halcyon this week' });
    await card.getByRole('progressbar', { name: 'Progress' }).waitFor();
    await card.getByText('done', { exact: true }).waitFor({ timeout: 30_000 });
    expect(await card.getByRole('progressbar').count()).toBe(0);
    const report = card.getByRole('figure', { name: `Report on ${readers.length} recipients` });
    await expect.poll(() => report.getByRole('listitem').filter({ hasText: 'Delivered' }).locator('.hbar-value').textContent()).toBe(`${readers.length} `);
    expect(await report.getByRole('listitem').filter({ hasText: 'Failed' }).locator('.hbar-value').textContent()).toBe('0 ');
    expect(smtp.received.length).toBe(readers.length + 1);
    expect((await admin.services.newsletter.digest(id)).state).toBe('sent');
    await expectAccessible(page, 'sends');
    await screenshot(page, 'newsletter-sends');
    await close();
  });

  it('imports a CSV, lists the rejected row, finds, exports and erases a subscriber', async () => {
    const { page, close } = await openNewsletter(admin, editor, 'Subscribers');
    await page.getByText('Import subscribers from a CSV file').click();
    const csv = 'Email Address,First Name,Last Name\nada@example.com,Ada,Lovelace\nnot-an-address,Bad,Row\ngrace@example.com,Grace,Hopper\n';
    await page.getByLabel('CSV file').setInputFiles({ name: 'mailchimp.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByLabel('Add them to').selectOption('weekly');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const result = page.getByRole('region', { name: 'Import report' });
    await result.getByText('Read 3 rows as a Mailchimp export: 2 added, 0 updated, 1 row rejected.').waitFor();
    const rejected = result.getByRole('table', { name: 'Rejected rows' });
    expect(await rejected.getByRole('row').nth(1).getByRole('cell').allTextContents()).toEqual(['3', 'not-an-address', 'not a valid email address']);

    await page.getByLabel('Search').fill('lovelace');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('cell', { name: 'ada@example.com', exact: true }).waitFor();
    await expect
      .poll(() =>
        page
          .getByRole('table', { name: /Subscribers/ })
          .getByRole('row')
          .count(),
      )
      .toBe(2);
    await expectAccessible(page, 'subscribers');
    await screenshot(page, 'newsletter-subscribers');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export data of ada@example.com' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('subscriber-ada@example.com.json');

    await page.getByRole('button', { name: 'Erase ada@example.com' }).click();
    await page.getByRole('dialog', { name: 'Erase ada@example.com?' }).getByRole('button', { name: 'Erase for good' }).click();
    await page.getByText('No subscribers match these filters.').waitFor();
    await expect(admin.services.subscribers.find('ada@example.com')).rejects.toMatchObject({ code: 'SUBSCRIBER_NOT_FOUND' });

    await page.getByLabel('Search').fill('');
    await page.getByRole('button', { name: 'Search' }).click();
    await page
      .getByRole('navigation', { name: 'Pages of subscribers' })
      .getByText(`1–25 of ${readers.length + 1}`)
      .waitFor();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText(`26–50 of ${readers.length + 1}`).waitFor();
    await page.getByLabel('Status').selectOption('unsubscribed');
    await page.getByText('No subscribers match these filters.').waitFor();
    await close();
  });

  it('counts every rejected row of a large import and says how many were left out of the list', async () => {
    const { page, close } = await openNewsletter(admin, editor, 'Subscribers');
    await page.getByText('Import subscribers from a CSV file').click();
    const bad = Array.from({ length: 1_003 }, (_, i) => `not-an-address-${i},Bad,Row`);
    const csv = `Email Address,First Name,Last Name\nlin@example.com,Lin,Ma\n${bad.join('\n')}\n`;
    await page.getByLabel('CSV file').setInputFiles({ name: 'mailchimp.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const result = page.getByRole('region', { name: 'Import report' });
    await result.getByText('Read 1,004 rows as a Mailchimp export: 1 added, 0 updated, 1,003 rows rejected.').waitFor();
    await result.getByText('The first 1,000 rejected rows are listed; 3 more were left out.').waitFor();
    const rejected = result.getByRole('table', { name: 'Rejected rows' });
    expect(await rejected.getByRole('row').count()).toBe(1_001);
    expect(await rejected.getByRole('row').last().getByRole('cell').allTextContents()).toEqual(['1002', 'not-an-address-999', 'not a valid email address']);
    await admin.services.subscribers.erase('lin@example.com');
    await close();
  });
});

describe('the newsletter screens without SMTP', () => {
  let admin: AdminHarness;
  let editor: Awaited<ReturnType<AdminHarness['staff']>>;
  beforeAll(async () => {
    admin = await startAdmin();
    editor = await admin.staff('editor', 'Otto Outbox');
    await admin.services.subscribers.importCsv(Buffer.from('email\nann@example.com\nbo@example.com\n'));
  });
  afterAll(() => admin.close());

  it('says on every newsletter screen that emails go to the outbox folder', async () => {
    const { page, close } = await openNewsletter(admin, editor);
    const banner = page.getByRole('region', { name: 'Email delivery' });
    await banner.getByText('Emails are not being sent.').waitFor();
    await banner.getByText(`${admin.dataDir}/outbox`).waitFor();
    await expectAccessible(page, 'newsletter overview without SMTP');
    await screenshot(page, 'newsletter-outbox');
    await page.getByRole('navigation', { name: 'Newsletter' }).getByRole('link', { name: 'Subscribers' }).click();
    await page.getByRole('heading', { name: 'Subscribers' }).waitFor();
    await banner.getByText('Emails are not being sent.').waitFor();
    await close();
  });

  it('charts newsletter subscribers over time on the dashboard', async () => {
    const { context, page } = await admin.openAdmin();
    await signIn(page, editor);
    const chart = page.getByRole('figure', { name: 'Newsletter subscribers over time' });
    await chart.getByRole('img', { name: /, 2 now; 2 joined and 0 left$/ }).waitFor();
    // The count axis is labelled in whole numbers, each once.
    expect(await chart.locator('text.axis').evaluateAll((labels) => labels.map((l) => l.textContent).filter((t) => /^\d+$/.test(t ?? '')))).toEqual(['0', '1', '2']);
    await expectAccessible(page, 'dashboard with the subscriber chart');
    await context.close();
  });
});
