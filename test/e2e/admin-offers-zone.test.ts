import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePlans } from '../members/helpers.js';
import { startStripeServer, type StripeTestServer } from '../support/stripe-server.js';
import { expectAccessible, signIn, startAdmin, type AdminHarness } from './admin-harness.js';

/**
 * An offer's dates on the site's clock. The browser runs in Los Angeles and writes dates the German
 * way, the site in Sydney: what is stored and shown can only come from the site's zone.
 */
describe("offers' dates on the site's clock", () => {
  let admin: AdminHarness;
  let stripe: StripeTestServer;
  let editor: Awaited<ReturnType<AdminHarness['staff']>>;

  beforeAll(async () => {
    stripe = await startStripeServer();
    admin = await startAdmin({ stripe: stripe.settings });
    editor = await admin.staff('editor', 'Odile Offer');
    await makePlans(admin.services);
    await admin.services.settings.updateSite({ timezone: 'Australia/Sydney' });
  });
  afterAll(async () => {
    await admin.close();
    await stripe.close();
  });

  it('takes the start and end typed as Sydney time, stores the instants and shows them on the Sydney clock', async () => {
    const context = await admin.browser.newContext({ baseURL: admin.baseUrl, timezoneId: 'America/Los_Angeles', locale: 'de-DE', viewport: { width: 1360, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto('/admin/');
    await signIn(page, editor);
    await page.getByRole('link', { name: 'Offers' }).click();
    await page.getByRole('button', { name: 'New offer' }).click();
    await page.getByLabel('Name').fill('Winter in June');
    await page.getByLabel('Code', { exact: true }).fill('june');
    await page.getByLabel('Plan').selectOption({ label: 'Digital' });
    await page.getByLabel('Percent off').fill('20');
    await page.getByLabel('Starts (Australia/Sydney time)').fill('2027-06-01T00:00');
    await page.getByLabel('Ends (Australia/Sydney time)').fill('2027-06-15T09:30');
    await page.getByRole('button', { name: 'Create offer' }).click();
    const row = page.getByRole('row', { name: /Winter in June/ });
    await row.waitFor();

    const stored = (await admin.services.offers.list()).find((o) => o.code === 'june')!;
    expect(stored.startsAt).toBe('2027-05-31T14:00:00.000Z');
    expect(stored.endsAt).toBe('2027-06-14T23:30:00.000Z');
    await expect.poll(async () => row.getByRole('cell').nth(2).textContent()).toBe('15.06.2027, 09:30 Australia/Sydney');
    await expectAccessible(page, 'offers list on the site clock');

    await row.getByRole('link', { name: 'Winter in June' }).click();
    const runs = page.locator('dt', { hasText: 'Runs' }).locator('xpath=following-sibling::dd[1]');
    await expect.poll(async () => runs.textContent()).toBe('01.06.2027, 00:00 Australia/Sydney – 15.06.2027, 09:30 Australia/Sydney');
    await page.screenshot({ path: path.resolve('test-output/screenshots/offers/offer-report-zone.png'), fullPage: true });
    await context.close();
  });
});
