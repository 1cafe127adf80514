import fs from 'node:fs';
import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_HEADER } from '../../src/print/index.js';
import { giveGift, makePlans, subscribe } from '../members/helpers.js';
import { startStripeServer, type StripeTestServer } from '../support/stripe-server.js';
import { expectAccessible, screenshot, signIn, startAdmin, type AdminHarness } from './admin-harness.js';

const readers = [
  { email: 'ada@example.com', address: { name: 'Ada Obi', line1: '1 High Street', city: 'London', postcode: 'sw1a1aa', country: 'GB' } },
  { email: 'bea@example.com', address: { name: 'Bea Hart', line1: '9 Mill Lane', city: 'Leeds', postcode: 'LS1 4AP', country: 'GB' } },
  { email: 'sam@example.com', address: { name: 'Sam Lee', line1: '5 Main St', city: 'Springfield', region: 'IL', postcode: '62701', country: 'US' } },
  { email: 'jonas@example.com', address: { name: 'Jonas Weber', line1: 'Torstraße 1', city: 'Berlin', postcode: '10115', country: 'DE' } },
];

/** What the admin API answers this page's session for a request it makes itself (with the CSRF token). */
function callFromPage(page: Page, method: string, url: string, body?: unknown) {
  return page.evaluate(
    async ({ method, url, body }) => {
      const { csrfToken } = (await (await fetch('/admin/api/session')).json()) as { csrfToken: string };
      const res = await fetch(url, { method, headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken }, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: res.status, body: (await res.json()) as { error?: { code: string } } };
    },
    { method, url, body },
  );
}

describe('memberships and print issues in the browser', () => {
  let admin: AdminHarness;
  let stripe: StripeTestServer;
  let boss: Awaited<ReturnType<AdminHarness['staff']>>;
  let editor: Awaited<ReturnType<AdminHarness['staff']>>;

  beforeAll(async () => {
    stripe = await startStripeServer();
    admin = await startAdmin({ stripe: stripe.settings });
    boss = await admin.staff('administrator', 'Ada Admin');
    editor = await admin.staff('editor', 'Eddie Editor');
    await makePlans(admin.services);
    for (const reader of readers) await subscribe(admin.services, stripe, { plan: 'print-digital', billing: 'year', email: reader.email, address: reader.address });
    await subscribe(admin.services, stripe, { plan: 'digital', billing: 'month', email: 'screen@example.com' });
    await giveGift(admin.services, stripe, {
      plan: 'print-digital',
      buyer: 'giver@example.com',
      recipient: { email: 'lucky@example.com', name: 'Lucky Reader', address: { name: 'Lucky Reader', line1: '3 Rue de Rivoli', city: 'Paris', postcode: '75001', country: 'FR' } },
    });
    const photo = await sharp({ create: { width: 600, height: 800, channels: 3, background: '#1f6f78' } })
      .jpeg()
      .toBuffer();
    const staffUser = (await admin.services.users.list()).find((u) => u.email === editor.email)!;
    await admin.services.media.upload({ data: photo, filename: 'winter-cover.jpg', mimetype: 'image/jpeg' }, { alt: 'Winter cover: a frozen lake' }, staffUser);
  });
  afterAll(async () => {
    await admin.close();
    await stripe.close();
  });

  it('creates a plan with monthly, yearly and gift prices, naming the field that is wrong, then archives and edits it', async () => {
    const { context, page } = await admin.openAdmin();
    await signIn(page, boss);
    await page.getByRole('link', { name: 'Plans' }).click();
    await page.getByRole('row', { name: /Print \+ Digital/ }).waitFor();
    await page.getByRole('button', { name: 'New plan' }).click();
    await page.getByLabel('Name').fill('Patron');
    await page.getByLabel('Tier').selectOption('print');
    await page.getByLabel('Issues a year').fill('0');
    await page.getByRole('button', { name: 'Create plan' }).click();
    const form = page.getByRole('form', { name: 'New plan' });
    await form.getByText('a paid plan needs at least one price').first().waitFor();
    await form.getByText('a print plan delivers at least one issue a year').first().waitFor();
    await expect.poll(async () => await page.getByLabel('Yearly price').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'plan form with errors');
    await screenshot(page, 'plan-form');

    await page.getByLabel('Issues a year').fill('4');
    await page.getByLabel('Monthly price').fill('12.50');
    await page.getByLabel('Yearly price').fill('120');
    await page.getByLabel('Gift price (one year)').fill('135');
    await page.getByRole('button', { name: 'Create plan' }).click();
    await page.getByText('Plan Patron created.').waitFor();
    const patron = (await admin.services.plans.list()).find((p) => p.name === 'Patron');
    expect(patron).toMatchObject({ slug: 'patron', tier: 'print', monthlyCents: 1250, yearlyCents: 12000, giftCents: 13500, issuesPerYear: 4, active: true });
    await page
      .getByRole('row', { name: /Patron/ })
      .getByText('£120.00')
      .waitFor();
    await expectAccessible(page, 'plans');
    await screenshot(page, 'plans');

    await page.getByRole('button', { name: 'Archive Patron' }).click();
    await page
      .getByRole('row', { name: /Patron/ })
      .getByText('archived')
      .waitFor();
    expect((await admin.services.plans.get({ slug: 'patron' })).active).toBe(false);

    await page.getByRole('button', { name: 'Edit Patron' }).click();
    await page.getByLabel('Yearly price').fill('99.99');
    await page.getByLabel('Monthly price').fill('');
    await page.getByRole('button', { name: 'Save plan' }).click();
    await page.getByText('Plan Patron saved.').waitFor();
    expect(await admin.services.plans.get({ slug: 'patron' })).toMatchObject({ monthlyCents: null, yearlyCents: 9999, giftCents: 13500, active: false });

    // A yen price is whole yen: "5000" is ¥5,000 (not ¥500,000), and a decimal is refused by name.
    await page.getByRole('button', { name: 'New plan' }).click();
    await page.getByLabel('Name').fill('Tokyo');
    await page.getByLabel('Currency').fill('jpy');
    await page.getByLabel('Yearly price').fill('5000.5');
    await page.getByRole('button', { name: 'Create plan' }).click();
    await page.getByRole('form', { name: 'New plan' }).getByText('JPY has no decimals').first().waitFor();
    await page.getByLabel('Yearly price').fill('5000');
    await page.getByRole('button', { name: 'Create plan' }).click();
    await page.getByText('Plan Tokyo created.').waitFor();
    expect(await admin.services.plans.get({ slug: 'tokyo' })).toMatchObject({ currency: 'jpy', yearlyCents: 5000 });
    await page
      .getByRole('row', { name: /Tokyo/ })
      .getByText(/[¥￥]5,000$/)
      .waitFor();
    await page.getByRole('button', { name: 'Edit Tokyo' }).click();
    expect(await page.getByLabel('Yearly price').inputValue()).toBe('5000');
    await context.close();
  });

  it('finds members by search, plan and status and shows one with their gift', async () => {
    const { context, page } = await admin.openAdmin();
    await signIn(page, editor);
    await page.getByRole('link', { name: 'Members' }).click();
    await page.getByText('7 members').waitFor();
    await page.getByLabel('Plan').selectOption({ label: 'Digital' });
    await page.getByText('1 member', { exact: true }).waitFor();
    await page.getByRole('link', { name: 'screen@example.com' }).waitFor();
    await page.getByLabel('Plan').selectOption({ label: 'Any' });
    await page.getByLabel('Search').fill('lucky');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByText('1 member', { exact: true }).waitFor();
    await expectAccessible(page, 'members');
    await screenshot(page, 'members');

    await page.getByRole('link', { name: 'lucky@example.com' }).click();
    await page.getByRole('heading', { name: 'Lucky Reader' }).waitFor();
    const row = page.getByRole('row', { name: /Print \+ Digital/ });
    await row.getByText('Active').waitFor();
    await row.getByRole('link', { name: 'giver@example.com' }).waitFor();
    await expect.poll(() => row.getByRole('cell').nth(2).textContent()).toBe('4');
    await page.getByText('3 Rue de Rivoli').waitFor();
    await expectAccessible(page, 'member detail');
    await screenshot(page, 'member-detail');

    await row.getByRole('link', { name: 'giver@example.com' }).click();
    await page.getByRole('heading', { name: 'Gifts given' }).waitFor();
    await page
      .getByRole('row', { name: /Lucky Reader <lucky@example.com>/ })
      .getByText('Paid')
      .waitFor();
    await context.close();
  });

  it('creates a print issue with a cover, freezes it after asking, counts copies by country and downloads the CSV', async () => {
    const { context, page } = await admin.openAdmin();
    await signIn(page, editor);
    await page.getByRole('link', { name: 'Print issues' }).click();
    await page.getByText('No print issues yet.').waitFor();
    await page.getByRole('button', { name: 'New issue' }).click();
    await page.getByLabel('Name').fill('Winter 2026');
    await page.getByRole('button', { name: 'Choose cover' }).click();
    await page.getByRole('dialog', { name: 'Choose an image' }).getByRole('button', { name: 'Winter cover: a frozen lake' }).click();
    await page.getByRole('img', { name: 'The cover of this issue' }).waitFor();
    await page.getByLabel('On-sale date').fill('2099-12-01');
    await page.getByLabel('Address cutoff').fill('2099-11-15T12:00');
    await page.getByRole('button', { name: 'Create issue' }).click();
    await page.waitForURL(/\/admin\/print\/\d+$/);
    await page.getByText('Taking addresses').waitFor();
    const issue = (await admin.services.print.list())[0]!;
    expect(issue).toMatchObject({ name: 'Winter 2026', slug: 'winter-2026', onSaleDate: '2099-12-01', frozenAt: null });
    expect(issue.coverImageUrl).toMatch(/^\/media\/.+\.(jpg|webp|avif)$/);
    await expectAccessible(page, 'print issue');
    await screenshot(page, 'print-issue');

    await page.getByRole('button', { name: 'Freeze now…' }).click();
    const confirm = page.getByRole('alertdialog');
    await confirm.getByText('cannot be undone').waitFor();
    await expectAccessible(page, 'freeze confirmation');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect((await admin.services.print.get(issue.id)).frozenAt).toBeNull();
    await page.getByRole('button', { name: 'Freeze now…' }).click();
    await page.getByRole('button', { name: 'Freeze the list' }).click();
    await page.getByText('List frozen: 5 copies to 5 subscribers.').waitFor();

    const chart = page.getByRole('figure', { name: 'Copies by country' });
    await chart.waitFor();
    const bars = await chart.getByRole('listitem').allTextContents();
    expect(bars).toEqual([expect.stringMatching(/\(DE\)1 copy$/), expect.stringMatching(/\(FR\)1 copy$/), expect.stringMatching(/\(GB\)2 copies$/), expect.stringMatching(/\(US\)1 copy$/)]);
    await page.getByText('5 copies to 5 subscribers in 4 countries.').waitFor();
    await expect.poll(() => page.getByLabel('Address cutoff').isDisabled()).toBe(true);
    await expectAccessible(page, 'frozen print issue');
    await screenshot(page, 'print-issue-frozen');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('fulfilment-winter-2026.csv');
    const lines = fs
      .readFileSync((await download.path())!, 'utf8')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(CSV_HEADER.join(','));
    expect(
      lines
        .slice(1)
        .map((l) => l.split(',')[6])
        .sort(),
    ).toEqual(['DE', 'FR', 'GB', 'GB', 'US']);
    expect(lines).toContain(`Ada Obi,1 High Street,,London,,SW1A 1AA,GB,1,${(await admin.services.members.get({ email: 'ada@example.com' })).id},Winter 2026`);

    await page.getByRole('link', { name: '← Print issues' }).click();
    await page
      .getByRole('row', { name: /Winter 2026/ })
      .getByText('List frozen')
      .waitFor();
    await expectAccessible(page, 'print issues');
    await screenshot(page, 'print-issues');
    await context.close();
  });

  it('shows an issue whose cutoff has passed with its list frozen, without asking', async () => {
    const autumn = await admin.services.print.create({ name: 'Autumn 2026', onSaleDate: '2026-10-01', addressCutoff: '2026-09-15T00:00:00Z' });
    const { context, page } = await admin.openAdmin();
    await signIn(page, editor);
    await page.getByRole('link', { name: 'Print issues' }).click();
    await page
      .getByRole('row', { name: /Autumn 2026/ })
      .getByText('Cutoff passed')
      .waitFor();
    await page.getByRole('link', { name: 'Autumn 2026' }).click();
    await page.getByRole('figure', { name: 'Copies by country' }).waitFor();
    await page.getByText('List frozen', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Freeze now…' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Delete issue' }).count()).toBe(0);
    expect((await admin.services.print.get(autumn.id)).frozenAt).not.toBeNull();
    await context.close();
  });

  it('lets editors read plans but not change them, and keeps authors out of memberships altogether', async () => {
    const { context, page } = await admin.openAdmin();
    await signIn(page, editor);
    await page.getByRole('link', { name: 'Plans' }).click();
    await page.getByRole('row', { name: /Print \+ Digital/ }).waitFor();
    await page.getByText('Only administrators change plans and prices.').waitFor();
    expect(await page.getByRole('button', { name: 'New plan' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^(Edit|Archive|Delete) / }).count()).toBe(0);
    const refused = await callFromPage(page, 'POST', '/admin/api/members/plans', { name: 'Sneaky', tier: 'free' });
    expect([refused.status, refused.body.error?.code]).toEqual([403, 'FORBIDDEN']);
    await context.close();

    const author = await admin.staff('author', 'Arthur Author');
    const second = await admin.openAdmin();
    await signIn(second.page, author);
    const nav = second.page.getByRole('navigation', { name: 'Admin' });
    await nav.getByRole('link', { name: 'Posts' }).waitFor();
    for (const name of ['Members', 'Plans', 'Print issues']) expect(await nav.getByRole('link', { name }).count()).toBe(0);
    await second.page.goto('/admin/plans');
    await second.page.getByRole('alert').filter({ hasText: 'Only editors and administrators' }).waitFor();
    expect((await callFromPage(second.page, 'GET', '/admin/api/members')).status).toBe(403);
    expect((await callFromPage(second.page, 'POST', '/admin/api/members/print-issues', { name: 'X', onSaleDate: '2099-01-01', addressCutoff: '2099-01-01T00:00:00Z' })).status).toBe(403);
    await second.context.close();
  });
});
