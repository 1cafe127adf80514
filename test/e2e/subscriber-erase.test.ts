import path from 'node:path';
import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/index.js';
import { testApp, type AppContext } from '../support/app.js';
import { axeViolations, describeViolations, launchBrowser } from '../support/browser.js';
import { htmlErrors } from '../support/html.js';
import { catalogs } from '../support/locales.js';

const shots = path.resolve('test-output/screenshots/subscriber-erase');
const en = translator(catalogs, 'en');

describe('a subscriber erasing their data in the browser', { timeout: 90_000 }, () => {
  let t: AppContext;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    t = await testApp('sqlite');
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
    fs.mkdirSync(shots, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it.each([
    ['phone', { width: 390, height: 844 }, 'phone.reader@example.com'],
    ['desktop', { width: 1280, height: 900 }, 'desktop.reader@example.com'],
  ])('asks first, erases with the button and says it is done, valid and without axe violations (%s)', async (width, viewport, email) => {
    await t.services.subscribers.importCsv(Buffer.from(`email\n${email}\n`));
    // The desktop reader also has an account, which the pages say stays.
    if (width === 'desktop') await t.services.members.add({ email, name: 'Dana' });
    const { id } = await t.services.subscribers.find(email);
    const token = (await t.services.subscribers.links()).sign({ purpose: 'preferences', subscriberId: id });
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();

    await page.goto(`${base}/newsletter/preferences/?token=${token}`);
    await page.getByRole('link', { name: en('erase.link') }).click();
    await page.waitForURL(/\/newsletter\/erase\//);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(en('erase.title'));
    expect(await htmlErrors(await page.content())).toEqual([]);
    expect(describeViolations(await axeViolations(page))).toBe('');
    // The button is wide enough to hit and stays inside a phone's screen.
    const button = (await page.getByRole('button', { name: en('erase.button') }).boundingBox())!;
    expect(button.height).toBeGreaterThanOrEqual(40);
    expect(button.x + button.width).toBeLessThanOrEqual(viewport.width);
    await page.screenshot({ path: `${shots}/erase-${width}.png`, fullPage: true });

    await page.getByRole('button', { name: en('erase.button') }).click();
    await page.getByRole('heading', { name: en('erased.title') }).waitFor();
    expect(await htmlErrors(await page.content())).toEqual([]);
    expect(describeViolations(await axeViolations(page))).toBe('');
    expect(await page.getByText(en('erased.member')).count()).toBe(width === 'desktop' ? 1 : 0);
    await page.screenshot({ path: `${shots}/erased-${width}.png`, fullPage: true });
    await expect(t.services.subscribers.find(email)).rejects.toMatchObject({ code: 'SUBSCRIBER_NOT_FOUND' });

    // Going back asks for the page anew (it is never kept), and the link now says it is no longer valid.
    await page.goBack();
    await page.getByText(en('error.code.LINK_INVALID')).waitFor();
    expect(await page.getByRole('button', { name: en('erase.button') }).count()).toBe(0);
    await context.close();
  });

  it('shows the erasure apart from the newsletter choices on the preferences page', async () => {
    await t.services.subscribers.importCsv(Buffer.from('email\nlooking@example.com\n'));
    const { id } = await t.services.subscribers.find('looking@example.com');
    const token = (await t.services.subscribers.links()).sign({ purpose: 'preferences', subscriberId: id });
    for (const [width, viewport] of [
      ['phone', { width: 390, height: 844 }],
      ['desktop', { width: 1280, height: 900 }],
    ] as const) {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      await page.goto(`${base}/newsletter/preferences/?token=${token}`);
      expect(describeViolations(await axeViolations(page))).toBe('');
      expect(await page.getByRole('heading', { level: 2, name: en('erase.heading') }).count()).toBe(1);
      await page.screenshot({ path: `${shots}/preferences-${width}.png`, fullPage: true });
      await context.close();
    }
  });
});
