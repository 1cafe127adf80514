import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { defaultThemeDir } from '../../src/site/theme.js';
import { axeViolations, describeViolations, launchBrowser } from '../support/browser.js';
import { silentLogger, testServices, type TestContext } from '../support/stores.js';

const screenshots = path.resolve('test-output/screenshots');

/** Words a magazine adds for its own language: the default theme ships no Arabic or Hebrew. */
const ownLocales = {
  ar: {
    'layout.skip': 'انتقل إلى المحتوى',
    'home.latest': 'الأحدث',
    'home.all': 'كل المقالات',
    'byline.by': 'بقلم',
    'byline.and': 'و',
    'post.minutes': { zero: 'قراءة في {count} دقيقة', one: 'قراءة في دقيقة واحدة', two: 'قراءة في دقيقتين', few: 'قراءة في {count} دقائق', many: 'قراءة في {count} دقيقة', other: 'قراءة في {count} دقيقة' },
    'post.notes': 'تنبيهات المحتوى',
    'post.share': 'شارك',
    'signup.headline': 'أفضل ما في {site} في بريدك!',
    'signup.text': 'اشترك في نشرتنا الأسبوعية.',
    'signup.email': 'بريدك الإلكتروني',
    'signup.subscribe': 'اشترك',
  },
  he: {
    'layout.skip': 'דילוג לתוכן',
    'home.latest': 'האחרונים',
    'home.all': 'כל הכתבות',
    'byline.by': 'מאת',
    'byline.and': 'ו',
    'post.minutes': { one: 'דקת קריאה אחת', two: 'שתי דקות קריאה', other: '{count} דקות קריאה' },
    'post.notes': 'אזהרות תוכן',
    'post.share': 'שיתוף',
    'signup.headline': 'המיטב של {site} בתיבת הדואר שלך!',
    'signup.text': 'הירשמו לניוזלטר השבועי שלנו.',
    'signup.email': 'כתובת הדוא״ל שלך',
    'signup.subscribe': 'הרשמה',
  },
};

const pieces = {
  ar: {
    site: 'المجلة',
    author: 'ليلى حداد',
    tag: 'ثقافة',
    title: 'مدينة تكتب نفسها',
    body: 'في صباح بارد، تمشي الكاتبة في أزقة المدينة القديمة وتستمع إلى أصوات الباعة.\n\nتقول إن كل حجر هنا يحمل قصة، وإن الكتابة ليست إلا إصغاءً طويلاً.',
    notes: ['ذكر للحرب'],
  },
  he: {
    site: 'כתב העת',
    author: 'נועה לוי',
    tag: 'תרבות',
    title: 'עיר שכותבת את עצמה',
    body: 'בבוקר קר הכותבת הולכת בסמטאות העיר העתיקה ומקשיבה לקולות הרוכלים.\n\nלדבריה, לכל אבן כאן יש סיפור, והכתיבה היא הקשבה ארוכה.',
    notes: ['אזכור של מלחמה'],
  },
};

describe('right-to-left sites in a real browser', { timeout: 180_000 }, () => {
  let t: TestContext;
  let app: FastifyInstance;
  let themeDir: string;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    t = await testServices('sqlite');
    themeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-rtl-theme-'));
    fs.cpSync(defaultThemeDir, themeDir, { recursive: true });
    for (const [locale, messages] of Object.entries(ownLocales)) fs.writeFileSync(path.join(themeDir, 'locales', `${locale}.json`), JSON.stringify(messages));
    app = await buildApp({ config: { publicUrl: 'http://localhost:3000', themeDir, dataDir: t.dataDir }, services: t.services, logger: silentLogger });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
    fs.mkdirSync(screenshots, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await t?.close();
    if (themeDir) fs.rmSync(themeDir, { recursive: true, force: true });
  });

  it.each(['ar', 'he'] as const)('lays out the home page and a piece in %s from right to left, with no accessibility violations', async (locale) => {
    const piece = pieces[locale];
    await t.services.settings.updateSite({ locale, title: piece.site, navigation: [{ label: piece.tag, url: `/tag/${locale}-culture/` }] });
    const author = await t.services.taxonomy.createAuthor({ name: piece.author, slug: `${locale}-writer` });
    await t.services.taxonomy.createTag({ name: piece.tag, slug: `${locale}-culture`, isSection: true });
    const post = await t.services.posts.create({
      title: piece.title,
      body: piece.body,
      excerpt: piece.body.split('\n')[0],
      authors: [author.slug],
      tags: [`${locale}-culture`],
      contentNotes: piece.notes,
      status: 'published',
    });
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(post.publishedAt!));

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    for (const [name, url] of [
      ['home', '/'],
      ['article', `/${post.slug}/`],
    ] as const) {
      await page.goto(base + url);
      expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir, getComputedStyle(document.body).direction])).toEqual([locale, 'rtl', 'rtl']);
      expect(await page.locator('main').innerText()).toContain(date);
      expect(await page.locator('body').innerText()).toContain(ownLocales[locale]['signup.text']);
      // The masthead reads from the right: the title first, on the right, the navigation to its left.
      const brand = (await page.locator('.masthead .brand').boundingBox())!;
      const nav = (await page.locator('.masthead nav').boundingBox())!;
      expect(brand.x).toBeGreaterThan(nav.x);
      expect(describeViolations(await axeViolations(page)), `${name} (${locale})`).toBe('');
      await page.screenshot({ path: path.join(screenshots, `rtl-${locale}-${name}.png`), fullPage: true });
    }
    // The content notes' rule stands at the start of the line, which is its right edge.
    const notes = await page.locator('.notes').evaluate((el) => [getComputedStyle(el).borderRightWidth, getComputedStyle(el).borderLeftWidth]);
    expect(notes).toEqual(['4px', '0px']);
    expect(await page.locator('.byline').innerText()).toContain(`${ownLocales[locale]['byline.by']} ${piece.author}`);
    await context.close();
  });
});
