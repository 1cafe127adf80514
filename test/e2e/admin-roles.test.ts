import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filmReview, postFields } from '../support/factories.js';
import { signIn, startAdmin, type AdminHarness } from './admin-harness.js';

async function startReview(page: Page, title: string): Promise<number> {
  await page.getByRole('link', { name: 'Posts' }).click();
  await page.getByRole('button', { name: 'New post' }).click();
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByRole('textbox', { name: 'Body' }).click();
  await page.keyboard.type('A second opinion.');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.waitForURL(/\/admin\/posts\/\d+$/);
  await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
  await page.getByLabel('Format', { exact: true }).selectOption('review');
  return Number(/(\d+)$/.exec(page.url())![1]);
}

describe('lower roles in the admin app', () => {
  let admin: AdminHarness;
  let desk: string;
  beforeAll(async () => {
    admin = await startAdmin();
    desk = (await admin.staff('editor', 'Desk Editor')).authorSlug;
    await admin.services.posts.create(filmReview([desk], { title: 'The desk on Past Lives', status: 'published' }));
  });
  afterAll(() => admin.close());

  it('lets a contributor link a work in the library as it is, and says why changing its facts is refused', async () => {
    const contributor = await admin.staff('contributor', 'Cleo Linker');
    const work = async () => admin.store.db.selectFrom('works').selectAll().where('slug', '=', 'past-lives-2023').executeTakeFirstOrThrow();
    const before = await work();
    const { context, page } = await admin.openAdmin();
    await signIn(page, contributor);
    const id = await startReview(page, 'Past Lives, from the back row');
    await page.getByLabel('Work title').fill('Past Lives');
    await page.getByText('Linked to the existing work in the library').waitFor();
    await expect.poll(() => page.getByLabel('Person 3').inputValue()).toBe('Greta Lee');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /draft\s+Saved/ })
      .waitFor();
    expect((await admin.services.posts.get(id)).review?.work.slug).toBe('past-lives-2023');

    await page.getByLabel('Studio').fill('Watch free at phish.example');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: '“Past Lives” is already in the library' }).waitFor();
    expect(await work()).toEqual(before);
    await context.close();
  });

  it("shows a contributor only their own pieces in the posts list, and nobody else's drafts", async () => {
    const contributor = await admin.staff('contributor', 'Cleo Lister');
    await admin.services.posts.create(postFields([contributor.authorSlug], { title: 'My own notes' }));
    await admin.services.posts.create(postFields([desk], { title: 'The desk’s secret draft' }));
    await admin.services.posts.create(postFields([desk], { title: 'The desk’s published piece', status: 'published' }));
    const { context, page } = await admin.openAdmin();
    await signIn(page, contributor);
    await page.getByRole('link', { name: 'Posts' }).click();
    await page.getByRole('link', { name: 'My own notes' }).waitFor();
    expect(await page.getByRole('link', { name: /The desk/ }).count()).toBe(0);
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.getByRole('searchbox', { name: 'Search' }).fill('desk');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByText('No posts match these filters.').waitFor();
    await context.close();
  });
});
