import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { makeAuthor, postFields } from '../support/factories.js';
import { startAdmin, type AdminHarness } from './admin-harness.js';

/** Console errors and failed requests a page causes until the network has been quiet for a moment. */
async function problemsOf(page: Page, url: string): Promise<string[]> {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`script: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${new URL(response.url()).pathname}`);
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  // The tab icon is asked for after the page has loaded.
  await page.waitForTimeout(500);
  return problems;
}

describe('pages in a real browser ask for nothing that is missing', { timeout: 120_000 }, () => {
  let t: AdminHarness;
  let article: string;

  beforeAll(async () => {
    t = await startAdmin();
    const author = await makeAuthor(t.services, { name: 'Ada Obi' });
    article = (await t.services.posts.create(postFields([author.slug], { title: 'A piece read in a browser', status: 'published' }))).slug;
  });
  afterAll(async () => t.close());

  it('the admin app loads without a console error', async () => {
    const context = await t.browser.newContext({ baseURL: t.baseUrl });
    const page = await context.newPage();
    expect(await problemsOf(page, '/admin/')).toEqual([]);
    expect(await page.locator('link[rel="icon"]').getAttribute('href')).toBe('/favicon.ico');
    await context.close();
  });

  it('an article loads without a console error', async () => {
    const context = await t.browser.newContext({ baseURL: t.baseUrl });
    const page = await context.newPage();
    expect(await problemsOf(page, `/${article}/`)).toEqual([]);
    await context.close();
  });
});
