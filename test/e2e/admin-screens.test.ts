import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, screenshot, signIn, startAdmin, type AdminHarness } from './admin-harness.js';

describe('the other admin screens in the browser', () => {
  let admin: AdminHarness;
  let boss: Awaited<ReturnType<AdminHarness['staff']>>;
  beforeAll(async () => {
    admin = await startAdmin();
    boss = await admin.staff('administrator', 'Ada Admin');
    await admin.services.taxonomy.createTag({ name: 'Film', slug: 'film', isSection: true });
    await admin.services.taxonomy.createTag({ name: 'Music', slug: 'music', isSection: true });
    await admin.services.posts.create({ title: 'A draft in waiting', authors: [boss.authorSlug], tags: ['film'] });
    for (let week = 0; week < 6; week += 1) {
      for (const section of week % 2 ? ['film', 'music'] : ['film']) {
        const post = await admin.services.posts.create({
          title: `Published ${section} ${week}`,
          authors: [boss.authorSlug],
          tags: [section],
          status: 'published',
          publishedAt: new Date(Date.now() - week * 7 * 86_400_000 - 3_600_000).toISOString(),
        });
        for (let reader = 0; reader < 6 - week; reader += 1) {
          admin.services.views.record({ slug: post.slug, address: `192.0.2.${reader}`, userAgent: 'Mozilla/5.0 (X11; Linux x86_64)' });
        }
      }
    }
    await admin.services.views.flush();
  });
  afterAll(() => admin.close());

  it('shows the dashboard with drafts waiting and pieces published per week by section', async () => {
    const { context, page } = await admin.openAdmin();
    await signIn(page, boss);
    await page.getByRole('link', { name: 'A draft in waiting' }).waitFor();
    const chart = page.getByRole('figure', { name: 'Pieces published per week, by section' });
    await chart.getByRole('img', { name: /: 9 in 12 weeks/ }).waitFor();
    await chart.getByRole('listitem').filter({ hasText: 'Music' }).waitFor();
    const top = page.getByRole('figure', { name: /^Most read pieces since / });
    await expect.poll(() => top.getByRole('listitem').first().textContent()).toBe('Published film 06 views');
    await expectAccessible(page, 'dashboard');
    await screenshot(page, 'dashboard');
    await context.close();
  });

  it('adds a section and turns it back into a tag', async () => {
    const { context, page } = await admin.openAdmin();
    await signIn(page, boss);
    await page.getByRole('link', { name: 'Sections & tags' }).click();
    await page.getByLabel('Name').fill('Books');
    await page.getByLabel('Section').check();
    await page.getByRole('button', { name: 'Add' }).click();
    await page.getByText('Added Books.').waitFor();
    expect((await admin.services.taxonomy.getTag('books')).isSection).toBe(true);
    await expectAccessible(page, 'sections and tags');
    await screenshot(page, 'tags');
    await page.getByRole('row', { name: /Books/ }).getByRole('button', { name: 'Make a tag' }).click();
    await expect.poll(async () => (await admin.services.taxonomy.getTag('books')).isSection).toBe(false);
    await context.close();
  });

  it('lists internal tags apart, marked, and turns a tag internal and public again', async () => {
    const { context, page } = await admin.openAdmin();
    await signIn(page, boss);
    await page.getByRole('link', { name: 'Sections & tags' }).click();
    await page.getByLabel('Name').fill('#Cover slot');
    await page.getByRole('button', { name: 'Add' }).click();
    await page.getByText('Added #Cover slot.').waitFor();
    const internal = page.getByRole('table').filter({ has: page.getByRole('cell', { name: /#Cover slot/ }) });
    await internal.getByText('Internal', { exact: true }).waitFor();
    expect(await internal.getByRole('cell', { name: 'hash-cover-slot' }).count()).toBe(1);
    expect((await admin.services.taxonomy.getTag('hash-cover-slot', 'all')).visibility).toBe('internal');

    await page.getByLabel('Name').fill('Letters');
    await page.getByRole('button', { name: 'Add' }).click();
    await page.getByText('Added Letters.').waitFor();
    await page
      .getByRole('row', { name: /Letters/ })
      .getByRole('button', { name: 'Make internal' })
      .click();
    await page.getByText('Letters is now internal, hidden from readers.').waitFor();
    expect((await admin.services.taxonomy.getTag('letters', 'all')).visibility).toBe('internal');
    await expectAccessible(page, 'internal tags');
    await page
      .getByRole('row', { name: /Letters/ })
      .getByRole('button', { name: 'Make public' })
      .click();
    await expect.poll(async () => (await admin.services.taxonomy.getTag('letters', 'all')).visibility).toBe('public');
    await context.close();
  });

  it('saves site settings and names the field that is wrong', async () => {
    const { context, page } = await admin.openAdmin();
    await signIn(page, boss);
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Title').fill('Hysteria Magazine');
    await page.getByLabel('Footer line').fill('© 2026 Hysteria');
    await page.getByLabel('Time zone').selectOption('Europe/London');
    await page.getByLabel('Site language').fill('fr');
    await page.getByRole('button', { name: 'Add link' }).first().click();
    await page.getByLabel('Navigation label 1').fill('Film');
    await page.getByLabel('Navigation address 1').fill('/tag/film/');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved.').waitFor();
    const saved = await admin.services.settings.site();
    expect(saved).toMatchObject({ title: 'Hysteria Magazine', copyright: '© 2026 Hysteria', timezone: 'Europe/London', locale: 'fr', navigation: [{ label: 'Film', url: '/tag/film/' }] });
    await expectAccessible(page, 'settings');
    await screenshot(page, 'settings');

    await page.getByLabel('Title').fill('');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('alert').filter({ hasText: 'title' }).waitFor();
    expect((await admin.services.settings.site()).title).toBe('Hysteria Magazine');
    await context.close();
  });

  it('lists pages apart from posts and writes a new one', async () => {
    const { context, page } = await admin.openAdmin();
    await signIn(page, boss);
    await page.getByRole('link', { name: 'Pages' }).click();
    await page.getByRole('heading', { name: 'Pages' }).waitFor();
    await page.getByText('No pages match these filters.').waitFor();
    await expectAccessible(page, 'pages');
    await page.getByRole('button', { name: 'New page' }).click();
    await page.getByLabel('Title', { exact: true }).fill('About us');
    await page.getByRole('textbox', { name: 'Body' }).click();
    await page.keyboard.type('We are a magazine.');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.waitForURL(/\/admin\/pages\/\d+$/);
    const id = Number(/(\d+)$/.exec(page.url())![1]);
    const saved = await admin.services.posts.get(id);
    expect(saved).toMatchObject({ type: 'page', title: 'About us' });
    expect(saved.html).toContain('We are a magazine.');
    await context.close();
  });
});
