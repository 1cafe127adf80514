import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoContent } from '../../src/demo/index.js';
import { screenshot, signIn, startAdmin, type AdminHarness } from './admin-harness.js';

/** How many pixels wider than the window the page is, and the innermost elements that stick out. */
function sideways(page: Page, width: number): Promise<{ overflow: number; culprits: string[] }> {
  return page.evaluate((window) => {
    const out = (element: Element) => element.getBoundingClientRect().right > window + 1;
    const culprits = [...document.querySelectorAll('main *')].filter((element) => out(element) && ![...element.children].some(out));
    return {
      overflow: document.documentElement.scrollWidth - window,
      culprits: culprits.slice(0, 5).map((element) => `${element.tagName.toLowerCase()}${element.className ? `.${String(element.className).split(' ').join('.')}` : ''}`),
    };
  }, width);
}

describe('the admin over the demo magazine on a phone', { timeout: 180_000 }, () => {
  let admin: AdminHarness;
  let boss: Awaited<ReturnType<AdminHarness['staff']>>;
  beforeAll(async () => {
    admin = await startAdmin();
    await loadDemoContent(admin.services, { artwork: true });
    boss = await admin.staff('administrator', 'Ada Admin');
  });
  afterAll(() => admin?.close());

  it('fits every screen and the editor in a 390-pixel window, with no console error or failed request', async () => {
    const context = await admin.browser.newContext({ baseURL: admin.baseUrl, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`${page.url()} console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`${page.url()} script: ${error.message}`));
    // The app cancels the reads of a screen it leaves (ERR_ABORTED); any other failure is a fault.
    page.on('requestfailed', (request) => {
      const reason = request.failure()?.errorText ?? '';
      if (reason !== 'net::ERR_ABORTED') problems.push(`${page.url()} failed: ${request.url()} ${reason}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${page.url()} ${response.status()}: ${new URL(response.url()).pathname}`);
    });
    await page.goto('/admin/');
    await signIn(page, boss);
    const screens = await page
      .getByRole('navigation', { name: 'Admin' })
      .getByRole('link')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    expect(screens).toEqual(expect.arrayContaining(['/admin/posts', '/admin/members', '/admin/plans', '/admin/newsletter', '/admin/staff', '/admin/settings']));
    const piece = (await admin.services.posts.list({}, { limit: 1 })).posts[0]!;
    const wide: string[] = [];
    for (const screen of [...screens, `/admin/posts/${piece.id}`]) {
      await page.goto(screen, { waitUntil: 'networkidle' });
      await page.locator('main h1').first().waitFor();
      const { overflow, culprits } = await sideways(page, 390);
      if (overflow > 0) wide.push(`${screen}: ${overflow}px (${culprits.join(', ')})`);
    }
    // The last screen is the editor: a title longer than a line shows whole, not one line of it.
    const title = await page.locator('#post-title').evaluate((el) => ({ shown: el.clientHeight, needed: el.scrollHeight }));
    expect(title.needed, `the title of ${piece.title}`).toBeLessThanOrEqual(title.shown);
    await screenshot(page, 'editor-phone');
    expect(wide, 'screens wider than the phone').toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
