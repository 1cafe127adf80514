import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePlans } from '../members/helpers.js';
import { startStripeServer, type StripeTestServer } from '../support/stripe-server.js';
import { expectAccessible, screenshot, signIn, startAdmin, type AdminHarness } from './admin-harness.js';

describe('offers in the browser', () => {
  let admin: AdminHarness;
  let stripe: StripeTestServer;
  let editor: Awaited<ReturnType<AdminHarness['staff']>>;

  beforeAll(async () => {
    stripe = await startStripeServer();
    admin = await startAdmin({ stripe: stripe.settings });
    editor = await admin.staff('editor', 'Eddie Editor');
    await makePlans(admin.services);
  });
  afterAll(async () => {
    await admin.close();
    await stripe.close();
  });

  it('an editor creates an offer, a reader opens its page and goes to checkout, and after the editor ends it the page says so', async () => {
    const { context, page } = await admin.openAdmin();
    await signIn(page, editor);
    await page.getByRole('link', { name: 'Offers' }).click();
    await page.getByText('No offers yet.').waitFor();
    await page.getByRole('button', { name: 'New offer' }).click();
    await page.getByLabel('Name').fill('Winter readers');
    await page.getByLabel('Code', { exact: true }).fill('winter');
    await page.getByLabel('Plan').selectOption({ label: 'Digital' });
    await page.getByLabel('Percent off').fill('150');
    await page.getByLabel('Lasts').selectOption('repeating');
    await page.getByLabel('Months').fill('3');
    await page.getByRole('button', { name: 'Create offer' }).click();
    await page.getByRole('form', { name: 'New offer' }).getByText('Too big: expected number to be <=100').first().waitFor();
    await page.getByLabel('Percent off').fill('25');
    await page.getByRole('button', { name: 'Create offer' }).click();
    const row = page.getByRole('row', { name: /Winter readers/ });
    await row.waitFor();
    await expect.poll(async () => row.textContent()).toContain('25% off for 3 months');
    await expectAccessible(page, 'offers list');
    await screenshot(page, 'offers');
    await page.screenshot({ path: '/tmp/shots/offers/admin-offers.png', fullPage: true });
    expect(Object.fromEntries(stripe.requests.filter((r) => r.path === '/v1/coupons').at(-1)!.body)).toMatchObject({ percent_off: '25', duration: 'repeating', duration_in_months: '3' });

    const reader = await admin.browser.newContext({ baseURL: admin.baseUrl, viewport: { width: 1000, height: 800 } });
    const landing = await reader.newPage();
    await landing.goto('/members/offers/winter/');
    await landing.getByRole('heading', { name: 'Winter readers' }).waitFor();
    await landing.getByText('£3.75 a month for your first 3 months').waitFor();
    await expectAccessible(landing, 'offer page');
    await landing.screenshot({ path: '/tmp/shots/offers/offer-page.png', fullPage: true });
    await landing.getByLabel('Your email', { exact: true }).fill('winter-reader@example.com');
    // Stripe's hosted page is not reachable here: the browser is sent there, and the request that made the session is checked.
    await landing.route('https://checkout.stripe.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Stripe</title>' }));
    await landing.getByRole('button', { name: 'Claim this offer' }).click();
    await landing.waitForURL(/checkout\.stripe\.com/);
    const offer = (await admin.services.offers.list()).find((o) => o.code === 'winter')!;
    expect(stripe.requests.at(-1)!.body.get('discounts[0][coupon]')).toBe(offer.stripeCouponId);

    await row.getByRole('button', { name: /End now/ }).click();
    await expect.poll(async () => row.textContent()).toContain('ended');
    await landing.goto('/members/offers/winter/');
    await landing.getByText('This offer has ended.').waitFor();
    await expect(landing.getByRole('button', { name: 'Claim this offer' }).count()).resolves.toBe(0);
    await expectAccessible(landing, 'ended offer page');
    await landing.screenshot({ path: '/tmp/shots/offers/offer-ended.png', fullPage: true });

    await page.getByRole('link', { name: 'Winter readers' }).click();
    await page.getByRole('heading', { name: 'Members who came through it' }).waitFor();
    await expectAccessible(page, 'offer report');
    await page.screenshot({ path: '/tmp/shots/offers/admin-offer-report.png', fullPage: true });
    await reader.close();
    await context.close();
  });
});
