import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postFields } from '../support/factories.js';
import { signIn, startAdmin, type AdminHarness } from './admin-harness.js';

/** The text with each lone surrogate replaced by U+FFFD, as String.prototype.toWellFormed does. */
const wellFormed = (text: string) => text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

/** Text no URI encoding takes as it is: lone surrogates, and a percent sequence cut short. */
const oddTexts = ['\uD800', 'ab\uDFFFcd', '\uDC00\uD800', '%E0%A4%A', '%'];

/**
 * Types the text into the screen's search box as a person pasting it would (set in the page, so
 * the lone surrogate is not repaired on its way into the browser), and submits the search.
 */
async function search(page: Page, text: string): Promise<void> {
  const box = page.getByRole('searchbox', { name: 'Search' });
  await box.evaluate(
    (input, codes) => {
      const value = String.fromCharCode(...codes);
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    },
    [...text].flatMap((c) => [...Array(c.length).keys()].map((i) => c.charCodeAt(i))),
  );
  await box.press('Enter');
}

describe('admin search boxes and addresses holding text no URI encoding takes', () => {
  let admin: AdminHarness;
  let editor: Awaited<ReturnType<AdminHarness['staff']>>;

  beforeAll(async () => {
    admin = await startAdmin();
    editor = await admin.staff('editor', 'Odette Odd');
    await admin.services.posts.create(postFields([editor.authorSlug], { title: 'Findable piece' }));
    await admin.services.subscribers.importCsv(Buffer.from('email\nfindable-reader@example.com\n'));
    await admin.services.members.add({ email: 'findable-member@example.com', name: 'Findable Member' });
  });
  afterAll(() => admin.close());

  const screens = [
    { link: 'Posts', heading: 'Posts', api: '/admin/api/posts', item: '/admin/posts/', unknown: 'Not found', findable: 'Findable piece', query: 'Findable' },
    {
      link: 'Newsletter',
      sub: 'Subscribers',
      heading: 'Subscribers',
      api: '/admin/api/newsletter/subscribers',
      item: '/admin/newsletter/digests/',
      unknown: 'Newsletter',
      findable: 'findable-reader@example.com',
      query: 'findable-reader',
    },
    { link: 'Members', heading: 'Members', api: '/admin/api/members', item: '/admin/members/', unknown: 'Not found', findable: 'findable-member@example.com', query: 'findable-member' },
  ];

  async function open(screen: (typeof screens)[number]) {
    const { context, page } = await admin.openAdmin();
    const failures: string[] = [];
    page.on('pageerror', (error) => failures.push(error.message));
    const searched: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname === screen.api && url.searchParams.has('q')) searched.push(url.searchParams.get('q')!);
    });
    await signIn(page, editor);
    await page.getByRole('link', { name: screen.link, exact: true }).first().click();
    if (screen.sub) await page.getByRole('link', { name: screen.sub, exact: true }).first().click();
    await page.getByRole('heading', { name: screen.heading, level: 1 }).waitFor();
    return { context, page, failures, searched };
  }

  it.each(screens)('the $heading screen searches for each odd text and keeps working', async (screen) => {
    const { context, page, failures, searched } = await open(screen);
    for (const text of oddTexts) {
      await search(page, text);
      // Asked as typed; a lone surrogate, which no URI can carry, goes as the replacement character.
      await expect.poll(() => searched.at(-1)).toBe(wellFormed(text));
      await page.getByRole('heading', { name: screen.heading, level: 1 }).waitFor();
      expect(await page.getByRole('alert').count(), `an error shown after searching ${JSON.stringify(text)}`).toBe(0);
    }
    await search(page, screen.query);
    await page.getByText(screen.findable).first().waitFor();
    expect(failures).toEqual([]);
    await context.close();
  });

  it.each(screens)('from the $heading screen, an address inside the app with a broken or lone escape shows the screen for an unknown address, and the app goes on', async (screen) => {
    const { context, page, failures } = await open(screen);
    for (const broken of [`${screen.item}%E0%A4%A`, `${screen.item}%ED%A0%80`, `${screen.item}%`]) {
      // The server refuses such addresses outright; inside the app they arrive by history (back, forward, a link's push).
      await page.evaluate((to) => {
        window.history.pushState(null, '', to);
        window.dispatchEvent(new PopStateEvent('popstate'));
      }, broken);
      await page.getByRole('heading', { name: screen.unknown, exact: true, level: 1 }).waitFor();
      await page.goBack();
      await page.getByRole('heading', { name: screen.heading, level: 1 }).waitFor();
    }
    await search(page, screen.query);
    await page.getByText(screen.findable).first().waitFor();
    expect(failures).toEqual([]);
    await context.close();
  });

  it('opens the posts screen from an address whose query holds a broken escape', async () => {
    const { context, page } = await admin.openAdmin();
    const failures: string[] = [];
    page.on('pageerror', (error) => failures.push(error.message));
    await signIn(page, editor);
    await page.goto('/admin/posts?q=%E0%A4%A&status=%ED%A0%80');
    await page.getByRole('heading', { name: 'Posts', level: 1 }).waitFor();
    await page.getByText('Findable piece').first().waitFor();
    expect(failures).toEqual([]);
    await context.close();
  });
});
