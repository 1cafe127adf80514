import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Post } from '../../src/content/index.js';
import type { AppContext } from '../support/app.js';
import { axeViolations, describeViolations, launchBrowser } from '../support/browser.js';
import { demoApp } from '../support/demo-site.js';

const screenshots = path.resolve('test-output/screenshots');

/** Scrolls through the page so lazy images load before a full-page screenshot. */
async function loadEverything(page: Page): Promise<void> {
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += 600) {
      window.scrollTo(0, y);
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    window.scrollTo(0, 0);
    await Promise.all([...document.images].map((img) => (img.complete ? null : new Promise((resolve) => img.addEventListener('load', resolve, { once: true })))));
  });
}

describe('the public site in a real browser', { timeout: 180_000 }, () => {
  let t: AppContext;
  let browser: Browser;
  let base: string;
  let pages: Record<string, string>;

  beforeAll(async () => {
    t = await demoApp();
    await t.services.posts.create({
      title: 'A members-only letter',
      body: 'Members read this.',
      excerpt: 'A letter for our members.',
      authors: [(await t.services.taxonomy.listAuthors())[0]!.slug],
      tags: ['life'],
      visibility: 'members',
      status: 'published',
    });
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
    const posts: Post[] = (await t.services.posts.list({}, { limit: 500 })).posts;
    const review = posts.find((p) => p.review?.work.type === 'movie')!;
    pages = {
      home: '/',
      article: `/${posts.find((p) => p.format === 'article' && p.featureImage && p.visibility === 'public')!.slug}/`,
      review: `/${review.slug}/`,
      gated: '/a-members-only-letter/',
      section: '/tag/film/',
      author: `/author/${review.authors[0]!.slug}/`,
      format: '/reviews/',
      archive: '/page/2/',
      page: '/about/',
      'not-found': '/no-such-page/',
      search: '/search/?q=film',
      person: `/people/${review.review!.work.credits[0]!.person.slug}/`,
      work: `/works/${review.review!.work.slug}/`,
      // An interview naming its subjects, and the page of one of them whom a reviewed work credits too.
      interview: '/hester-vane-ruth-amadi-night-shift-interview/',
      interviewee: '/people/hester-vane/',
    };
    fs.mkdirSync(screenshots, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('has no accessibility violations on any page type, in light and dark mode', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme });
      const page = await context.newPage();
      for (const [name, url] of Object.entries(pages)) {
        await page.goto(base + url);
        await loadEverything(page);
        expect(describeViolations(await axeViolations(page)), `${name} (${colorScheme})`).toBe('');
        if (colorScheme === 'light' && ['home', 'article', 'review', 'section', 'author', 'person', 'work', 'interview', 'interviewee'].includes(name)) {
          await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });
        }
      }
      await context.close();
    }
  });

  it('lays out pages without shifting as images arrive, on a phone too', async () => {
    for (const viewport of [
      { width: 390, height: 844 },
      { width: 1280, height: 900 },
    ]) {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      await page.addInitScript(() => {
        (window as unknown as { shift: number }).shift = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>) {
            if (!entry.hadRecentInput) (window as unknown as { shift: number }).shift += entry.value;
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      for (const name of ['home', 'review', 'person', 'work', 'interview', 'interviewee']) {
        await page.goto(base + pages[name]);
        await loadEverything(page);
        expect(await page.evaluate(() => (window as unknown as { shift: number }).shift), `${name} at ${viewport.width}px`).toBeLessThan(0.01);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${name} at ${viewport.width}px scrolls sideways`).toBeLessThanOrEqual(0);
        if (viewport.width < 500) await page.screenshot({ path: path.join(screenshots, `${name}-phone.png`), fullPage: true });
      }
      await context.close();
    }
  });

  it('reads without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(base + pages.review);
    expect(await page.locator('h1').textContent()).toBeTruthy();
    expect(await page.locator('.prose p').count()).toBeGreaterThan(2);
    expect(await page.locator('script:not([type="application/ld+json"])').count()).toBe(0);
    await context.close();
  });
});
