import path from 'node:path';
import fs from 'node:fs';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/index.js';
import { testApp, type AppContext } from '../support/app.js';
import { axeViolations, describeViolations, launchBrowser } from '../support/browser.js';
import { htmlErrors } from '../support/html.js';
import { catalogs } from '../support/locales.js';
import { manualClock } from '../support/stores.js';
import { startStripeServer, type StripeTestServer } from '../support/stripe-server.js';
import { makePlans, memberCookie, subscribe } from '../members/helpers.js';

const shots = path.resolve('test-output/screenshots/member-self-erase');
const en = translator(catalogs, 'en');

describe('a member erasing their own account in the browser', { timeout: 90_000 }, () => {
  let t: AppContext;
  let browser: Browser;
  let base: string;
  let stripe: StripeTestServer;
  const time = manualClock('2026-12-01T09:00:00.000Z');

  beforeAll(async () => {
    stripe = await startStripeServer();
    t = await testApp('sqlite', { clock: time.clock, stripe: stripe.settings });
    await makePlans(t.services);
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
    fs.mkdirSync(shots, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await stripe?.close();
  });

  /** A browser window signed in as the member. */
  async function signedIn(email: string, viewport: { width: number; height: number }): Promise<BrowserContext> {
    const cookie = await memberCookie(t.services, email);
    const context = await browser.newContext({ viewport });
    await context.addCookies([{ name: 'masthead_member', value: cookie.split('=')[1]!, url: base }]);
    return context;
  }

  async function checked(page: import('playwright-core').Page, name: string) {
    expect(await htmlErrors(await page.content()), name).toEqual([]);
    expect(describeViolations(await axeViolations(page)), name).toBe('');
    await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
  }

  it.each([
    ['phone', { width: 390, height: 844 }],
    ['desktop', { width: 1280, height: 900 }],
  ])('goes from the account page to the question, erases with the button and says it is done (%s)', async (width, viewport) => {
    const email = `${width}.member@example.com`;
    time.advance(61_000);
    const context = await signedIn(email, viewport);
    const page = await context.newPage();
    await page.goto(`${base}/members/`);
    await checked(page, `account-${width}`);
    await page.getByRole('link', { name: en('account.erase') }).click();
    await page.waitForURL(/\/members\/erase\/$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(en('accountErase.title'));
    // The button is tall enough to hit and stays inside a phone's screen.
    const button = (await page.getByRole('button', { name: en('accountErase.button') }).boundingBox())!;
    expect(button.height).toBeGreaterThanOrEqual(40);
    expect(button.x + button.width).toBeLessThanOrEqual(viewport.width);
    await checked(page, `erase-${width}`);

    await page.getByRole('button', { name: en('accountErase.button') }).click();
    await page.getByRole('heading', { name: en('accountErased.title') }).waitFor();
    await checked(page, `erased-${width}`);
    expect((await context.cookies()).some((c) => c.name === 'masthead_member')).toBe(false);
    await expect(t.services.members.get({ email })).rejects.toMatchObject({ code: 'MEMBER_NOT_FOUND' });
    await context.close();
  });

  it.each([
    ['phone', { width: 390, height: 844 }],
    ['desktop', { width: 1280, height: 900 }],
  ])('offers a fresh sign-in link instead of the button when the sign-in is old (%s)', async (width, viewport) => {
    const email = `${width}.stale@example.com`;
    const context = await signedIn(email, viewport);
    time.advance(20 * 60_000);
    const page = await context.newPage();
    await page.goto(`${base}/members/erase/`);
    expect(await page.getByRole('button', { name: en('accountErase.button') }).count()).toBe(0);
    expect(await page.getByRole('button', { name: en('accountErase.sendLink') }).count()).toBe(1);
    await checked(page, `erase-stale-${width}`);
    await context.close();
  });

  it.each([
    ['phone', { width: 390, height: 844 }],
    ['desktop', { width: 1280, height: 900 }],
  ])('asks a member Stripe still bills to cancel first, with no erase button (%s)', async (width, viewport) => {
    const email = `${width}.payer@example.com`;
    time.advance(61_000);
    await subscribe(t.services, stripe, { plan: 'digital', billing: 'month', email });
    const context = await signedIn(email, viewport);
    const page = await context.newPage();
    await page.goto(`${base}/members/erase/`);
    expect(await page.getByText(en('accountErase.subscribed')).count()).toBe(1);
    expect(await page.getByRole('button').count()).toBe(0);
    await checked(page, `erase-subscribed-${width}`);
    await context.close();
  });
});
