import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberCookie } from '../members/helpers.js';
import type { AppContext } from '../support/app.js';
import { launchBrowser } from '../support/browser.js';
import { demoApp } from '../support/demo-site.js';

/** Pixels of space between the bottom of one element and the top of the next below it. */
function gapBetween(page: Page, above: string, below: string): Promise<number> {
  return page.evaluate(([a, b]) => document.querySelector(b!)!.getBoundingClientRect().top - document.querySelector(a!)!.getBoundingClientRect().bottom, [above, below]);
}

describe('the demo magazine’s reader pages as a reader sees them', { timeout: 90_000 }, () => {
  let t: AppContext;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    t = await demoApp();
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('sets the tip link apart from the print button, and signing out apart from the alerts form, on a desktop and a phone', async () => {
    const cookie = await memberCookie(t.services, 'reader@example.com');
    for (const viewport of [
      { width: 1280, height: 900 },
      { width: 390, height: 844 },
    ]) {
      const context = await browser.newContext({ viewport });
      await context.addCookies([{ name: 'masthead_member', value: cookie.split('=')[1]!, url: base }]);
      const page = await context.newPage();
      await page.goto(`${base}/`);
      expect(await gapBetween(page, '.promo.print a.button', '.promo.print a[href="/members/tip/"]'), `print box at ${viewport.width}px`).toBeGreaterThanOrEqual(8);
      await page.goto(`${base}/members/`);
      expect(await gapBetween(page, 'form.follow-alerts button', 'form[action="/members/signout"] button'), `account at ${viewport.width}px`).toBeGreaterThanOrEqual(16);
      await context.close();
    }
  });

  it('draws the sign-in and search forms in the theme’s look, fields wide enough to type in, and search results apart', async () => {
    for (const viewport of [
      { width: 1280, height: 900 },
      { width: 390, height: 844 },
    ]) {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      await page.goto(`${base}/`);
      const accent = await page
        .locator('.signup-form button')
        .first()
        .evaluate((el) => getComputedStyle(el).backgroundColor);
      await page.goto(`${base}/members/signin/`);
      const email = await page.locator('#email').evaluate((el) => el.getBoundingClientRect().width);
      expect(email, `sign-in field at ${viewport.width}px`).toBeGreaterThanOrEqual(Math.min(300, viewport.width * 0.6));
      expect(await page.getByRole('button', { name: 'Email me a link' }).evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(accent);
      await page.goto(`${base}/search/?q=film`);
      const field = await page.locator('#search-q').evaluate((el) => el.getBoundingClientRect().width);
      expect(field, `query field at ${viewport.width}px`).toBeGreaterThanOrEqual(Math.min(300, viewport.width * 0.6));
      expect(await page.locator('.search-form button').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(accent);
      expect(await gapBetween(page, '.search-results .card:nth-child(1)', '.search-results .card:nth-child(2)'), `results at ${viewport.width}px`).toBeGreaterThanOrEqual(16);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), `search at ${viewport.width}px scrolls sideways`).toBeLessThanOrEqual(0);
      await context.close();
    }
  });
});
