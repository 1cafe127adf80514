import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type AppContext } from '../support/app.js';
import { axeViolations, describeViolations, launchBrowser } from '../support/browser.js';
import { makeAuthor, makeTag, postFields } from '../support/factories.js';
import { outboxSignInLink } from '../support/outbox.js';

const screenshots = path.resolve('test-output/screenshots');

describe('a member follows a section in a real browser', { timeout: 90_000 }, () => {
  let t: AppContext;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    t = await testApp('sqlite');
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
    const author = await makeAuthor(t.services, { name: 'Pia Lund' });
    await makeTag(t.services, { name: 'Field Notes', slug: 'field-notes', description: 'Dispatches from the places we write about.' });
    await t.services.posts.create(postFields([author.slug], { status: 'published', title: 'Walking the salt marsh', tags: ['field-notes'] }));
    await t.services.members.add({ email: 'follower@example.com', name: 'Ada Follower' });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** The sign-in link last emailed to an address, pointed at the listening app. */
  const emailedLink = (to: string) => outboxSignInLink(t.dataDir, base, to);

  it('follows from the section page with one click and finds the section on the account page', async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();

    // Not signed in: the section page offers the email form, and passes axe.
    await page.goto(`${base}/tag/field-notes/`);
    await page.getByRole('heading', { name: 'Follow Field Notes' }).waitFor();
    expect(await page.locator('.follow input[type=email]').count()).toBe(1);
    expect(describeViolations(await axeViolations(page))).toBe('');

    await page.goto(`${base}/members/signin/?next=/tag/field-notes/`);
    await page.locator('main form[action="/members/signin"] input[name=email]').fill('follower@example.com');
    await page.getByRole('button', { name: 'Email me a link' }).click();
    await page.getByText('Check your inbox').waitFor();
    await page.goto(await emailedLink('follower@example.com'));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${base}/tag/field-notes/`);

    expect(await page.locator('.follow input[type=email]').count()).toBe(0);
    await page.getByRole('button', { name: 'Follow Field Notes' }).click();
    await page.getByText('Following ✓').waitFor();
    expect(new URL(page.url()).pathname).toBe('/tag/field-notes/');
    expect(describeViolations(await axeViolations(page))).toBe('');
    fs.mkdirSync(screenshots, { recursive: true });
    await page.screenshot({ path: path.join(screenshots, 'follow-section-following.png'), fullPage: true });

    await page.goto(`${base}/members/`);
    const listed = page.locator('#follows ~ .follow-list li');
    await listed.first().waitFor();
    expect(await listed.count()).toBe(1);
    expect(await listed.first().getByRole('link').textContent()).toBe('Field Notes');
    expect(describeViolations(await axeViolations(page))).toBe('');
    await page.screenshot({ path: path.join(screenshots, 'follow-account.png'), fullPage: true });

    // Removing it there takes it away on the section page too.
    await listed.first().getByRole('button', { name: 'Remove Field Notes' }).click();
    await page.getByText('You do not follow anything yet.').waitFor();
    await page.goto(`${base}/tag/field-notes/`);
    await page.getByRole('button', { name: 'Follow Field Notes' }).waitFor();
    await context.close();
  });
});
