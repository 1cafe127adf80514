import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startAdmin, type AdminHarness } from './admin-harness.js';

/**
 * Scheduling on the site's clock. The browser runs in another zone (Los Angeles) and writes dates
 * the German way, so what the screens show can only come from the site's zone and the editor's locale.
 */
describe("scheduling on the site's clock", () => {
  let admin: AdminHarness;
  let editor: Awaited<ReturnType<AdminHarness['staff']>>;
  beforeAll(async () => {
    admin = await startAdmin();
    editor = await admin.staff('editor', 'Tess Zone');
  });
  afterAll(() => admin.close());

  async function openAdmin() {
    const context = await admin.browser.newContext({ baseURL: admin.baseUrl, timezoneId: 'America/Los_Angeles', locale: 'de-DE' });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto('/admin/');
    await signIn(page, editor);
    return { context, page };
  }

  async function schedule(page: Page, title: string, at: string): Promise<number> {
    await page.getByRole('link', { name: 'Posts', exact: true }).click();
    await page.getByRole('button', { name: 'New post' }).click();
    await page.getByLabel('Title', { exact: true }).fill(title);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.waitForURL(/\/admin\/posts\/\d+$/);
    const id = Number(/(\d+)$/.exec(page.url())![1]);
    await page.getByLabel(/^Publish at/).fill(at);
    await page.getByRole('button', { name: 'Schedule' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /scheduled\s+for/ })
      .waitFor();
    return id;
  }

  async function listed(page: Page, title: string): Promise<string> {
    await page.getByRole('link', { name: 'Posts', exact: true }).click();
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: title }) });
    await row.waitFor();
    return (await row.getByRole('cell').nth(2).textContent()) ?? '';
  }

  it('takes a time in Sydney as Sydney time, stores the instant and lists it on the Sydney clock', async () => {
    await admin.services.settings.updateSite({ timezone: 'Australia/Sydney' });
    const { context, page } = await openAdmin();
    const id = await schedule(page, 'Harbour lights', '2027-06-15T09:30');
    expect(await page.getByLabel('Publish at (Australia/Sydney time)').inputValue()).toBe('2027-06-15T09:30');
    expect(
      await page
        .getByRole('status')
        .filter({ hasText: /scheduled\s+for/ })
        .textContent(),
    ).toContain('15.06.2027, 09:30 Australia/Sydney');
    const stored = await admin.services.posts.get(id);
    expect(stored).toMatchObject({ status: 'scheduled', publishedAt: '2027-06-14T23:30:00.000Z' });
    expect(await listed(page, 'Harbour lights')).toBe('scheduled 15.06.2027, 09:30 Australia/Sydney');
    await context.close();
  });

  it('takes 01:30 in London on the morning the clocks go forward as the moment they change, 02:00 BST, and says so', async () => {
    await admin.services.settings.updateSite({ timezone: 'Europe/London' });
    const { context, page } = await openAdmin();
    const id = await schedule(page, 'Spring forward', '2027-03-28T01:30');
    // 01:30 does not happen in London that day: 01:00 GMT is followed by 02:00 BST.
    await page.getByText('01:30 does not happen on that day in Europe/London').waitFor();
    expect(await page.getByLabel('Publish at (Europe/London time)').inputValue()).toBe('2027-03-28T02:00');
    expect((await admin.services.posts.get(id)).publishedAt).toBe('2027-03-28T01:00:00.000Z');
    expect(await listed(page, 'Spring forward')).toBe('scheduled 28.03.2027, 02:00 Europe/London');

    // Opened again later, the editor shows the stored time on the site's clock.
    await page.goto(`/admin/posts/${id}`);
    expect(await page.getByLabel('Publish at (Europe/London time)').inputValue()).toBe('2027-03-28T02:00');
    await context.close();
  });

  it('takes a print cutoff on the site clock: 02:30 in Sydney on the morning the clocks go back is the earlier one', async () => {
    await admin.services.settings.updateSite({ timezone: 'Australia/Sydney' });
    const { context, page } = await openAdmin();
    await page.getByRole('link', { name: 'Print issues' }).click();
    await page.getByRole('button', { name: 'New issue' }).click();
    await page.getByLabel('Name').fill('Autumn 2027');
    await page.getByLabel('On-sale date').fill('2027-04-20');
    // 4 April 2027: at 03:00 AEDT the clocks go back to 02:00 AEST, so 02:30 happens twice.
    await page.getByLabel('Address cutoff (Australia/Sydney time)').fill('2027-04-04T02:30');
    await page.getByRole('button', { name: 'Create issue' }).click();
    await page.waitForURL(/\/admin\/print\/\d+$/);
    await page.getByText('Taking addresses').waitFor();
    expect((await admin.services.print.list())[0]!.addressCutoff).toBe('2027-04-03T15:30:00.000Z');
    expect(await page.getByLabel('Address cutoff (Australia/Sydney time)').inputValue()).toBe('2027-04-04T02:30');
    await page.getByText('The list freezes by itself at the cutoff, 04.04.2027, 02:30 Australia/Sydney.').waitFor();
    await context.close();
  });

  it('shows the digest slot and period, and sends a digest at a time, on the site clock: 01:30 in London on the morning the clocks go back is 01:30 BST', async () => {
    await admin.services.settings.updateSite({ timezone: 'Europe/London' });
    await admin.services.posts.create({ title: 'A week in pictures', authors: [editor.authorSlug], status: 'published', publishedAt: new Date(Date.now() - 3_600_000).toISOString() });
    const london = (iso: string) => `${new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' }).format(new Date(iso))} Europe/London`;
    const { context, page } = await openAdmin();
    await page.goto('/admin/newsletter');
    await page.getByText(`Next digest slot: ${london((await admin.services.newsletter.nextDigestSlot()).toISOString())}.`).waitFor();
    await page.goto('/admin/newsletter/digest');
    await page.getByRole('button', { name: 'Assemble the next digest' }).click();
    await page.waitForURL(/\/newsletter\/digests\/\d+$/);
    const id = Number(/(\d+)$/.exec(page.url())![1]);
    const assembled = await admin.services.newsletter.digest(id);
    await page.getByText(`For ${london(assembled.slot)} · pieces published since ${london(assembled.periodStart)} ·`).waitFor();
    await page
      .getByRole('navigation', { name: 'Recent digests' })
      .getByText(`· ${london(assembled.slot)} ·`)
      .waitFor();
    await page.getByLabel('Send at (Europe/London time)').fill('2027-10-31T01:30');
    await page.getByRole('button', { name: 'Schedule…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Schedule the digest?' });
    await dialog.getByText('31.10.2027, 01:30 Europe/London').waitFor();
    await dialog.getByRole('button', { name: 'Schedule' }).click();
    await expect.poll(async () => (await admin.services.newsletter.digest(id)).scheduledAt).toBe('2027-10-31T00:30:00.000Z');
    await context.close();
  });
});
