import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startAdmin, type AdminHarness } from './admin-harness.js';

/** Answers the first `failures` GETs of `path` with a 503 in the API's error envelope; later ones go through. */
async function failFirstRead(page: Page, path: string, failures = 1): Promise<() => number> {
  let reads = 0;
  await page.route(
    (url) => url.pathname === path,
    async (route) => {
      if (route.request().method() !== 'GET') return route.continue();
      reads += 1;
      if (reads > failures) return route.continue();
      return route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'SERVICE_UNAVAILABLE', message: 'The server is busy.' } }),
      });
    },
  );
  return () => reads;
}

describe('admin screens when a read fails for a moment', () => {
  let admin: AdminHarness;
  let boss: Awaited<ReturnType<AdminHarness['staff']>>;
  beforeAll(async () => {
    admin = await startAdmin();
    boss = await admin.staff('administrator', 'Ada Admin');
  });
  afterAll(() => admin.close());

  const screens: Array<{ screen: string; address: string; reads: string; shows: (page: Page) => Promise<unknown> }> = [
    { screen: 'site settings', address: '/admin/settings', reads: '/admin/api/settings', shows: (page) => page.getByRole('button', { name: 'Save settings' }).waitFor() },
    { screen: 'webhooks', address: '/admin/webhooks', reads: '/admin/api/webhooks', shows: (page) => page.getByText('No webhooks yet.').waitFor() },
    { screen: 'plans', address: '/admin/plans', reads: '/admin/api/members/plans', shows: (page) => page.getByText('No plans yet.').waitFor() },
    { screen: 'import', address: '/admin/import', reads: '/admin/api/imports', shows: (page) => page.getByText('No imports yet.').waitFor() },
    { screen: 'newsletter overview', address: '/admin/newsletter', reads: '/admin/api/newsletter/status', shows: (page) => page.getByText(/Next digest slot/).waitFor() },
    { screen: 'newsletter settings', address: '/admin/newsletter', reads: '/admin/api/newsletter/settings', shows: (page) => page.getByRole('button', { name: 'Save newsletter settings' }).waitFor() },
    { screen: 'digest', address: '/admin/newsletter/digest', reads: '/admin/api/newsletter/digests', shows: (page) => page.getByRole('button', { name: 'Assemble the next digest' }).waitFor() },
  ];

  for (const { screen, address, reads, shows } of screens) {
    it(`tries the ${screen} read again after a server error and shows what it read, not the error`, async () => {
      const { context, page } = await admin.openAdmin();
      await signIn(page, boss);
      const count = await failFirstRead(page, reads);
      await page.goto(address);
      await shows(page);
      expect(count()).toBe(2);
      expect(await page.getByRole('alert').filter({ hasText: 'The server is busy.' }).count()).toBe(0);
      await context.close();
    });
  }

  it('tries the session read again after server errors and offers to sign in, not the error', async () => {
    // A page of its own, so that the first read of the session is the one that fails.
    const context = await admin.browser.newContext({ baseURL: admin.baseUrl });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    // Two failures: the app opening may ask twice at once (React's strict mode), and both must fail.
    const count = await failFirstRead(page, '/admin/api/session', 2);
    await page.goto('/admin/');
    await page.getByLabel('Email').waitFor();
    expect(count()).toBe(3);
    expect(await page.getByRole('alert').filter({ hasText: 'The server is busy.' }).count()).toBe(0);
    await signIn(page, boss);
    await context.close();
  });
});
