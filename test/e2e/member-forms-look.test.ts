import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePlans, memberCookie } from '../members/helpers.js';
import { testApp, type AppContext } from '../support/app.js';
import { axeViolations, describeViolations, launchBrowser } from '../support/browser.js';
import { startStripeServer, type StripeTestServer } from '../support/stripe-server.js';

/** How a field or button is drawn: its width and its background colour. */
async function look(page: Page, selector: string) {
  return page
    .locator(selector)
    .first()
    .evaluate((el) => ({ width: el.getBoundingClientRect().width, background: getComputedStyle(el).backgroundColor }));
}

describe('the forms of the plans and account pages, as a reader sees them', { timeout: 90_000 }, () => {
  let t: AppContext;
  let stripe: StripeTestServer;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    stripe = await startStripeServer();
    t = await testApp('sqlite', { stripe: stripe.settings });
    await makePlans(t.services);
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await stripe?.close();
  });

  it('draws address fields wide enough to read an address and the main buttons in the accent colour, with no axe violations', async () => {
    const cookie = await memberCookie(t.services, 'reader@example.com');
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    await context.addCookies([{ name: 'masthead_member', value: cookie.split('=')[1]!, url: base }]);
    const page = await context.newPage();
    const accent = await page.goto(`${base}/`).then(() =>
      page
        .locator('.button, .signup-form button')
        .first()
        .evaluate((el) => getComputedStyle(el).backgroundColor),
    );

    for (const [path, save, shot] of [
      ['/members/', '.account .address + p button', 'account'],
      ['/members/print/', '.plan button[type=submit]', 'plans'],
    ] as const) {
      await page.goto(`${base}${path}`);
      const field = await look(page, 'fieldset.address input[name$=_line1]');
      // A street address fits: not the browser's default of about 150 pixels.
      expect(field.width, path).toBeGreaterThanOrEqual(300);
      expect((await look(page, save)).background, path).toBe(accent);
      expect(describeViolations(await axeViolations(page)), path).toBe('');
      await page.screenshot({ path: `test-output/screenshots/member-forms-${shot}.png`, fullPage: true });
    }
    await context.close();
  });
});
