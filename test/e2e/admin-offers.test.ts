import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePlans } from '../members/helpers.js';
import { signedEvent, startStripeServer, type StripeTestServer } from '../support/stripe-server.js';
import { expectAccessible, screenshot, signIn, startAdmin, type AdminHarness } from './admin-harness.js';

describe('offers and tips in the browser', () => {
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
    await page.getByLabel('Promotion code').fill('Winter25');
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
    await page.screenshot({ path: path.resolve('test-output/screenshots/offers/admin-offers.png'), fullPage: true });
    expect([...stripe.promotionCodes.values()].at(-1)).toMatchObject({ code: 'WINTER25', active: true });
    expect(Object.fromEntries(stripe.requests.filter((r) => r.path === '/v1/coupons').at(-1)!.body)).toMatchObject({ percent_off: '25', duration: 'repeating', duration_in_months: '3' });

    const reader = await admin.browser.newContext({ baseURL: admin.baseUrl, viewport: { width: 1000, height: 800 } });
    const landing = await reader.newPage();
    // The reader types the code on the plans page and lands on the offer's page.
    await landing.goto('/members/print/');
    await landing.getByLabel('Have an offer code?').fill('winter2');
    await landing.getByRole('button', { name: 'Apply' }).click();
    await landing.getByText('We do not know that code.').waitFor();
    await expectAccessible(landing, 'plans page with an unknown code');
    await landing.screenshot({ path: path.resolve('test-output/screenshots/offers/unknown-code.png'), fullPage: true });
    await landing.getByLabel('Have an offer code?').fill(' winter25 ');
    await landing.getByRole('button', { name: 'Apply' }).click();
    await landing.waitForURL(/\/members\/offers\/winter\/$/);
    await landing.getByRole('heading', { name: 'Winter readers' }).waitFor();
    await landing.getByText('£3.75 a month for your first 3 months').waitFor();
    await expectAccessible(landing, 'offer page');
    await landing.screenshot({ path: path.resolve('test-output/screenshots/offers/offer-page.png'), fullPage: true });
    await landing.getByLabel('Your email', { exact: true }).fill('winter-reader@example.com');
    // Stripe's hosted page is not reachable here: the browser is sent there, and the request that made the session is checked.
    await landing.route('https://checkout.stripe.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Stripe</title>' }));
    await landing.getByRole('button', { name: 'Claim this offer' }).click();
    await landing.waitForURL(/checkout\.stripe\.com/);
    const offer = (await admin.services.offers.list()).find((o) => o.code === 'winter')!;
    expect(stripe.requests.at(-1)!.body.get('discounts[0][promotion_code]')).toBe(offer.stripePromotionCodeId);

    await row.getByRole('button', { name: /End now/ }).click();
    await expect.poll(async () => row.textContent()).toContain('ended');
    await landing.goto('/members/offers/winter/');
    await landing.getByText('This offer has ended.').waitFor();
    await expect(landing.getByRole('button', { name: 'Claim this offer' }).count()).resolves.toBe(0);
    await expectAccessible(landing, 'ended offer page');
    await landing.screenshot({ path: path.resolve('test-output/screenshots/offers/offer-ended.png'), fullPage: true });

    await page.getByRole('link', { name: 'Winter readers' }).click();
    await page.getByRole('heading', { name: 'Members who came through it' }).waitFor();
    await page.getByText('WINTER25', { exact: true }).waitFor();
    expect([...stripe.promotionCodes.values()].at(-1)!.active).toBe(false);
    await expectAccessible(page, 'offer report');
    await page.screenshot({ path: path.resolve('test-output/screenshots/offers/admin-offer-report.png'), fullPage: true });
    await page.screenshot({ path: path.resolve('test-output/screenshots/offers/admin-offer-report.png'), fullPage: true });
    await reader.close();
    await context.close();
  });

  it('a reader gives a tip from the tip page, and an editor sees it in the chart of tips', async () => {
    const reader = await admin.browser.newContext({ baseURL: admin.baseUrl, viewport: { width: 1000, height: 800 } });
    const tipPage = await reader.newPage();
    await tipPage.goto('/members/tip/');
    await tipPage.getByRole('heading', { name: 'Support us' }).waitFor();
    await expectAccessible(tipPage, 'tip page');
    await tipPage.screenshot({ path: path.resolve('test-output/screenshots/offers/tip-page.png'), fullPage: true });
    await tipPage.getByLabel('Or another amount').fill('0.20');
    await tipPage.getByRole('button', { name: 'Give a tip' }).click();
    await tipPage.getByText('Please give an amount between £1.00 and £500.00.').waitFor();
    await expectAccessible(tipPage, 'tip page with an error');
    await tipPage.route('https://checkout.stripe.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Stripe</title>' }));
    await tipPage.getByLabel('Or another amount').fill('8');
    await tipPage.getByRole('button', { name: 'Give a tip' }).click();
    await tipPage.waitForURL(/checkout\.stripe\.com/);
    expect(stripe.requests.at(-1)!.body.get('line_items[0][price_data][unit_amount]')).toBe('800');
    for (const [id, amount, email] of [
      ['cs_e2e_tip1', 800, 'kind@example.com'],
      ['cs_e2e_tip2', 2000, 'generous@example.com'],
    ] as const) {
      const session = { id, object: 'checkout.session', payment_status: 'paid', amount_total: amount, currency: 'gbp', customer_details: { email }, metadata: { kind: 'tip' } };
      const { payload, signature } = signedEvent('checkout.session.completed', session);
      expect(await admin.services.subscriptions.receiveWebhook(Buffer.from(payload), signature)).toBe('tip recorded');
    }

    const { context, page } = await admin.openAdmin();
    await signIn(page, editor);
    await page.getByRole('link', { name: 'Tips' }).click();
    await page.getByText('£28.00').first().waitFor();
    await page.getByRole('row', { name: /generous@example.com/ }).waitFor();
    await expectAccessible(page, 'tips');
    await screenshot(page, 'tips');
    await page.screenshot({ path: path.resolve('test-output/screenshots/offers/admin-tips.png'), fullPage: true });
    await reader.close();
    await context.close();
  });
});
