import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startAdmin, type AdminHarness } from './admin-harness.js';

/**
 * Holds back the answer to the first request for `path` whose query has `q=held` until `release`
 * is called; every other request goes straight through. Returns when the held answer was handed
 * to the page (or the page had already given up on it).
 */
async function holdFirstSearch(page: Page, path: string, held: string) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let delivered!: () => void;
  const done = new Promise<void>((resolve) => (delivered = resolve));
  let seen = false;
  await page.route(
    (url) => url.pathname === path,
    async (route: Route) => {
      if (seen || new URL(route.request().url()).searchParams.get('q') !== held) return route.continue();
      seen = true;
      try {
        const response = await route.fetch();
        await released;
        await route.fulfill({ response });
      } catch {
        // The page aborted the request: the stale answer can never arrive.
      } finally {
        delivered();
      }
    },
  );
  return {
    release: async () => {
      release();
      await done;
      // Give the page ample time to handle the late answer, were it still listening.
      await page.waitForTimeout(1_500);
    },
  };
}

async function search(page: Page, form: string, text: string) {
  const filters = page.getByRole('search', { name: form });
  await filters.getByLabel('Search').fill(text);
  await filters.getByRole('button', { name: 'Search' }).click();
}

describe('admin lists in the browser when answers arrive out of order', () => {
  let admin: AdminHarness;
  let boss: Awaited<ReturnType<AdminHarness['staff']>>;
  beforeAll(async () => {
    admin = await startAdmin();
    boss = await admin.staff('administrator', 'Ada Admin');
    await admin.services.posts.create({ title: 'Alpha dispatch', authors: [boss.authorSlug] });
    await admin.services.posts.create({ title: 'Bravo dispatch', authors: [boss.authorSlug] });
    await admin.services.members.add({ email: 'alpha.reader@example.com' });
    await admin.services.members.add({ email: 'bravo.reader@example.com' });
    await admin.services.subscribers.importCsv(Buffer.from('email\nalpha.list@example.com\nbravo.list@example.com\n'));
  });
  afterAll(() => admin.close());

  it('shows the answer to the newest post search even when an older one comes back later', async () => {
    const { context, page } = await admin.openAdmin();
    await signIn(page, boss);
    await page.getByRole('link', { name: 'Posts', exact: true }).click();
    await page.getByRole('link', { name: 'Alpha dispatch' }).waitFor();
    const held = await holdFirstSearch(page, '/admin/api/posts', 'Alpha');
    await search(page, 'Filter posts', 'Alpha');
    await search(page, 'Filter posts', 'Bravo');
    const rows = page.getByRole('table').getByRole('link');
    await expect.poll(() => rows.allTextContents()).toEqual(['Bravo dispatch']);
    await held.release();
    expect(await rows.allTextContents()).toEqual(['Bravo dispatch']);
    await context.close();
  });

  it('shows the answer to the newest member search even when an older one comes back later', async () => {
    const { context, page } = await admin.openAdmin();
    await signIn(page, boss);
    await page.getByRole('link', { name: 'Members', exact: true }).click();
    await page.getByRole('link', { name: 'alpha.reader@example.com' }).waitFor();
    const held = await holdFirstSearch(page, '/admin/api/members', 'alpha');
    await search(page, 'Filter members', 'alpha');
    await search(page, 'Filter members', 'bravo');
    const rows = page.getByRole('table').getByRole('link');
    await expect.poll(() => rows.allTextContents()).toEqual(['bravo.reader@example.com']);
    await held.release();
    expect(await rows.allTextContents()).toEqual(['bravo.reader@example.com']);
    await context.close();
  });

  it('shows the answer to the newest subscriber search even when an older one comes back later', async () => {
    const { context, page } = await admin.openAdmin();
    await signIn(page, boss);
    await page.getByRole('link', { name: 'Newsletter', exact: true }).click();
    await page.getByRole('navigation', { name: 'Newsletter' }).getByRole('link', { name: 'Subscribers' }).click();
    const addresses = page.getByRole('table', { name: /Subscribers/ }).locator('tbody tr td:first-child');
    await expect.poll(() => addresses.allTextContents()).toContain('alpha.list@example.com');
    const held = await holdFirstSearch(page, '/admin/api/newsletter/subscribers', 'alpha');
    await search(page, 'Filter subscribers', 'alpha');
    await search(page, 'Filter subscribers', 'bravo');
    await expect.poll(() => addresses.allTextContents()).toEqual(['bravo.list@example.com']);
    await held.release();
    expect(await addresses.allTextContents()).toEqual(['bravo.list@example.com']);
    await context.close();
  });
});
