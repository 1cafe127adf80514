import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importWordpress } from '../../src/portability/wordpress/wordpress.importer.js';
import { testApp, type AppContext } from '../support/app.js';
import { launchBrowser } from '../support/browser.js';
import { oldSiteServer, photo, smallMagazine, tempDir, writeFile } from './wordpress-support.js';

describe('an imported WordPress site in a real browser', { timeout: 180_000 }, () => {
  let t: AppContext;
  let browser: Browser;
  let base: string;
  let oldSite: Awaited<ReturnType<typeof oldSiteServer>>;
  const files = tempDir();

  beforeAll(async () => {
    oldSite = await oldSiteServer({ '/wp-content/uploads/2024/01/harbour.jpg': await photo(1400, 900) });
    t = await testApp('sqlite');
    await importWordpress(t.services, writeFile(files.dir, 'site.xml', smallMagazine(oldSite.origin)));
    // The old site is gone once the magazine has moved: nothing may still load from it.
    await oldSite.close();
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t.close();
    files.remove();
  });

  it('follows an old permalink to the post, whose images all load from the new site', async () => {
    const page = await browser.newPage();
    const failed: string[] = [];
    page.on('requestfailed', (request) => failed.push(request.url()));
    const response = await page.goto(`${base}/2024/01/15/harbour-notes/`);
    expect(response?.status()).toBe(200);
    expect(page.url()).toBe(`${base}/harbour-notes/`);
    await page.evaluate(async () => {
      window.scrollTo(0, document.body.scrollHeight);
      await Promise.all([...document.images].map((img) => (img.complete ? null : new Promise((resolve) => img.addEventListener('load', resolve, { once: true })))));
    });
    const images = await page.$$eval('main img, article img', (all) => (all as HTMLImageElement[]).map((img) => ({ src: img.currentSrc || img.src, width: img.naturalWidth })));
    expect(images.length).toBeGreaterThanOrEqual(2);
    for (const image of images) {
      expect(image.src.startsWith(`${base}/media/`), image.src).toBe(true);
      expect(image.width, image.src).toBeGreaterThan(0);
    }
    expect(await page.locator('figcaption', { hasText: 'Dawn, from the pier' }).count()).toBe(1);
    expect(failed.filter((url) => !url.includes('youtube'))).toEqual([]);
    await page.close();
  });
});
