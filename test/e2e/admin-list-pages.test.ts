import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, screenshot, signIn, startAdmin, type AdminHarness } from './admin-harness.js';

interface Walk {
  /** Names the pager, e.g. "Pages of subscribers". */
  pager: string;
  /** The rows of the table, one text each, as shown. */
  rows: () => Promise<string[]>;
  /** Every row of the list in the order the screen shows it (newest first). */
  all: string[];
  size: number;
  /** Adds a row that lists first, while the editor is on the first page, and says its text. */
  addNewest: () => Promise<string>;
}

/** Every list request the page makes, so a test can see how it asked for its pages. */
function listRequests(page: Page, path: string): URL[] {
  const seen: URL[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname === path) seen.push(url);
  });
  return seen;
}

/**
 * Pages forward to the end of a list of three pages and back again. A row added while the editor
 * reads the first page does not push a row of the first page onto the second (as counting an
 * offset would), and the first page, read again, shows the new row.
 */
async function walk(page: Page, w: Walk): Promise<void> {
  const pager = page.getByRole('navigation', { name: w.pager });
  const button = (name: string): Locator => pager.getByRole('button', { name });
  await expect.poll(w.rows).toEqual(w.all.slice(0, w.size));
  expect(await button('Previous').isDisabled()).toBe(true);
  const added = await w.addNewest();
  const total = w.all.length + 1;

  await button('Next').click();
  await expect.poll(w.rows).toEqual(w.all.slice(w.size, 2 * w.size));
  await pager.getByText(`${w.size + 1}–${2 * w.size} of ${total}`).waitFor();
  await button('Next').click();
  await expect.poll(w.rows).toEqual(w.all.slice(2 * w.size));
  await pager.getByText(`${2 * w.size + 1}–${w.all.length} of ${total}`).waitFor();
  expect(await button('Next').isDisabled()).toBe(true);

  await button('Previous').click();
  await expect.poll(w.rows).toEqual(w.all.slice(w.size, 2 * w.size));
  await button('Previous').click();
  await expect.poll(w.rows).toEqual([added, ...w.all.slice(0, w.size - 1)]);
  await pager.getByText(`1–${w.size} of ${total}`).waitFor();
  expect(await button('Previous').isDisabled()).toBe(true);
}

/** No page of the list was asked for by counting rows from the start. */
function expectCursorsOnly(requests: URL[]): void {
  expect(requests.length).toBeGreaterThanOrEqual(4);
  expect(requests.filter((url) => url.searchParams.has('offset') || url.searchParams.has('page'))).toEqual([]);
  expect(requests.filter((url) => url.searchParams.has('after')).length).toBeGreaterThanOrEqual(3);
}

describe('paging through long lists in the admin', () => {
  let admin: AdminHarness;
  let editor: Awaited<ReturnType<AdminHarness['staff']>>;

  beforeAll(async () => {
    admin = await startAdmin();
    editor = await admin.staff('editor', 'Pia Pager');
  });
  afterAll(() => admin.close());

  async function open(...links: string[]) {
    const { context, page } = await admin.openAdmin();
    await signIn(page, editor);
    for (const name of links) await page.getByRole('link', { name, exact: true }).first().click();
    return { page, close: () => context.close() };
  }

  it('pages through subscribers forward and back, by cursor, showing the right rows', async () => {
    const emails = Array.from({ length: 60 }, (_, i) => `reader${String(i).padStart(2, '0')}@example.com`);
    await admin.services.subscribers.importCsv(Buffer.from(`email\n${emails.join('\n')}\n`));
    const { page, close } = await open('Newsletter', 'Subscribers');
    const requests = listRequests(page, '/admin/api/newsletter/subscribers');
    await walk(page, {
      pager: 'Pages of subscribers',
      rows: () =>
        page
          .getByRole('table', { name: /Subscribers/ })
          .locator('tbody tr td:first-child')
          .allTextContents(),
      all: [...emails].reverse(),
      size: 25,
      addNewest: async () => {
        await admin.services.subscribers.importCsv(Buffer.from('email\nlatecomer@example.com\n'));
        return 'latecomer@example.com';
      },
    });
    expectCursorsOnly(requests);
    await expectAccessible(page, 'subscribers, paged');
    await screenshot(page, 'subscribers-paged');
    await close();
  });

  it('pages through posts forward and back, by cursor, showing the right rows', async () => {
    const titles: string[] = [];
    for (let i = 0; i < 45; i += 1) {
      const title = `Dispatch number ${i}`;
      await admin.services.posts.create({ title, authors: [editor.authorSlug] });
      titles.push(title);
    }
    const { page, close } = await open('Posts');
    const requests = listRequests(page, '/admin/api/posts');
    await walk(page, {
      pager: 'Pages of posts',
      rows: () => page.getByRole('table', { name: /Posts/ }).locator('tbody tr td:nth-child(2) a').allTextContents(),
      all: titles.reverse(),
      size: 20,
      addNewest: async () => {
        await admin.services.posts.create({ title: 'A late dispatch', authors: [editor.authorSlug] });
        return 'A late dispatch';
      },
    });
    expectCursorsOnly(requests);
    await close();
  });

  it('pages through members forward and back, by cursor, showing the right rows', async () => {
    const emails: string[] = [];
    for (let i = 0; i < 110; i += 1) {
      const email = `member${String(i).padStart(3, '0')}@example.com`;
      await admin.services.members.add({ email });
      emails.push(email);
    }
    const { page, close } = await open('Members');
    const requests = listRequests(page, '/admin/api/members');
    await walk(page, {
      pager: 'Pages of members',
      rows: () =>
        page
          .getByRole('table', { name: /Members/ })
          .locator('tbody th a')
          .allTextContents(),
      all: emails.reverse(),
      size: 50,
      addNewest: async () => {
        await admin.services.members.add({ email: 'newcomer@example.com' });
        return 'newcomer@example.com';
      },
    });
    expectCursorsOnly(requests);
    await close();
  });
});
