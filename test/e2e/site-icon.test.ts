import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { makeAuthor, postFields } from '../support/factories.js';
import { signIn, startAdmin, type AdminHarness } from './admin-harness.js';

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
    const author = await makeAuthor(t.services, { name: 'Ada Obi', slug: 'ada-obi' });
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

  it('an administrator picks the tab icon from the media library in the settings, and clears it again', async () => {
    const boss = await t.staff('administrator', 'Ada Admin');
    const icon = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#c0392b' } })
      .png()
      .toBuffer();
    const uploader = (await t.services.users.list()).find((u) => u.email === boss.email)!;
    const media = await t.services.media.upload({ data: icon, filename: 'red-square.png', mimetype: 'image/png' }, { alt: 'A red square' }, uploader);

    const { context, page } = await t.openAdmin();
    await signIn(page, boss);
    await page.getByRole('link', { name: 'Settings' }).click();
    const fieldset = page.getByRole('group', { name: 'Site icon' });
    await fieldset.getByRole('button', { name: 'Choose icon' }).click();
    await page.getByRole('dialog', { name: 'Choose an image' }).getByRole('button', { name: 'A red square' }).click();
    expect(await fieldset.getByRole('img', { name: 'Current site icon' }).getAttribute('src')).toBe(media.url);
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved.').waitFor();

    expect((await t.services.settings.site()).iconUrl).toBe(media.url);
    const redirect = await fetch(`${t.baseUrl}/favicon.ico`, { redirect: 'manual' });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe(media.url);
    const reader = await t.browser.newContext({ baseURL: t.baseUrl });
    const site = await reader.newPage();
    expect(await problemsOf(site, `/${article}/`)).toEqual([]);
    expect(await site.locator('link[rel="icon"]').getAttribute('href')).toBe(media.url);
    await reader.close();

    await fieldset.getByRole('button', { name: 'Remove icon' }).click();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(async () => (await t.services.settings.site()).iconUrl).toBeNull();
    expect((await fetch(`${t.baseUrl}/favicon.ico`, { redirect: 'manual' })).status).toBe(200);
    await context.close();
  });
});
