import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type AppContext } from '../support/app.js';
import { launchBrowser } from '../support/browser.js';
import { outboxSignInLink } from '../support/outbox.js';

describe('reader sign-in by emailed link in a real browser', { timeout: 90_000 }, () => {
  let t: AppContext;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    t = await testApp('sqlite');
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** The sign-in link last emailed to an address, pointed at the listening app. */
  const emailedLink = (to: string) => outboxSignInLink(t.dataDir, base, to);

  async function askForLink(context: BrowserContext, email: string): Promise<void> {
    const page = await context.newPage();
    await page.goto(`${base}/members/signin/`);
    await page.locator('main form[action="/members/signin"] input[name=email]').fill(email);
    await page.getByRole('button', { name: 'Email me a link' }).click();
    await page.getByText('Check your inbox').waitFor();
    await page.close();
  }

  const hasSession = async (context: BrowserContext) => (await context.cookies()).some((c) => c.name === 'masthead_member');

  it('the link opens a page that names the account; its button signs the reader in', async () => {
    const context = await browser.newContext();
    await askForLink(context, 'reader@example.com');
    const link = await emailedLink('reader@example.com');

    // A mail scanner fetches the link first: it gets the page, and the link still works afterwards.
    const scanned = await browser.newContext();
    expect((await scanned.request.get(link)).status()).toBe(200);
    expect(await hasSession(scanned)).toBe(false);
    await scanned.close();

    const page = await context.newPage();
    await page.goto(link);
    await page.getByText('Sign in as reader@example.com?').waitFor();
    expect(await hasSession(context)).toBe(false);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Signed in as reader@example.com.').waitFor();
    expect(new URL(page.url()).pathname).toBe('/members/');
    expect(await hasSession(context)).toBe(true);
    await context.close();
  });

  it('a form on another site cannot sign a visitor into someone else’s account with that person’s link', async () => {
    const plotter = await browser.newContext();
    await askForLink(plotter, 'plotter@example.com');
    const link = new URL(await emailedLink('plotter@example.com'));
    await plotter.close();

    const victim = await browser.newContext();
    const page = await victim.newPage();
    await page.goto(`${base}/members/signin/`);
    // The plotter's page is not the site's: it carries none of the site's cookies' trust or its policy.
    await page.goto('about:blank');
    const answered = page.waitForResponse((res) => res.url() === `${base}/members/signin/verify` && res.request().method() === 'POST');
    await page.setContent(`<form method="post" action="${base}/members/signin/verify"><input name="token" value="${link.searchParams.get('token')}"></form><script>document.forms[0].submit()</script>`);
    expect((await answered).status()).toBe(403);
    expect(await hasSession(victim)).toBe(false);
    await victim.close();
  });
});
