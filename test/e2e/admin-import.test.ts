import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, fixtures } from '../portability/wordpress-support.js';
import { expectAccessible, screenshot, screenshotDir, signIn, startAdmin, type AdminHarness } from './admin-harness.js';

describe('the import screen', () => {
  let admin: AdminHarness;
  beforeAll(async () => {
    admin = await startAdmin();
  });
  afterAll(async () => admin.close());

  it('uploads a WordPress export, shows the dry run, imports it and links to the imported posts', async () => {
    const person = await admin.staff('administrator', 'Ada Mover');
    const { context, page } = await admin.openAdmin();
    await signIn(page, person);
    await page.getByRole('link', { name: 'Import' }).click();
    await page.getByRole('heading', { name: 'Import', exact: true }).waitFor();
    await screenshot(page, 'import-empty');

    await page.getByLabel('Export file').setInputFiles(fixture(fixtures.preview));
    await page.getByRole('button', { name: 'Upload and check' }).click();
    const report = page.getByRole('region', { name: 'Dry-run report' });
    await report.waitFor();
    await page.getByRole('heading', { name: /WordPress export/ }).waitFor();
    const posts = report.getByRole('row', { name: /^Posts/ });
    expect(Number(await posts.getByRole('cell').first().textContent())).toBeGreaterThan(0);
    expect(await admin.store.db.selectFrom('posts').select('id').execute()).toEqual([]);
    await expectAccessible(page, 'import (dry run)');
    await screenshot(page, 'import-dry-run');

    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('Waiting to start').waitFor();
    await screenshot(page, 'import-queued');
    await admin.services.runner.drain();
    await page.getByRole('region', { name: 'Import report' }).waitFor();
    await page.getByText('Imported.', { exact: false }).first().waitFor();
    await expectAccessible(page, 'import (done)');
    await screenshot(page, 'import-done');

    const link = page.locator('.import-posts a[target="_blank"]').first();
    const title = (await link.textContent()) ?? '';
    const href = (await link.getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/[^/]+\/$/);
    const site = await context.newPage();
    await site.goto(href);
    await site.getByRole('heading', { name: title }).first().waitFor();
    await site.screenshot({ path: path.join(screenshotDir, 'admin-import-public-post.png'), fullPage: true });

    await page.reload();
    await page.getByRole('heading', { name: 'Past imports' }).waitFor();
    expect(await page.getByRole('table').last().getByText('imported').count()).toBe(1);
    await context.close();
  });

  it('shows the past import asked for last, even when the one asked for before it answers later', async () => {
    const person = await admin.staff('administrator', 'Ada Chooser');
    const { context, page } = await admin.openAdmin();
    await signIn(page, person);
    await page.getByRole('link', { name: 'Import' }).click();
    const shownHeading = page.getByRole('article').getByRole('heading', { level: 2 });
    for (const name of [fixtures.blocks, fixtures.unitTest, fixtures.preview]) {
      await page.getByLabel('Export file').setInputFiles(fixture(name));
      await page.getByRole('button', { name: 'Upload and check' }).click();
      await shownHeading.filter({ hasText: name }).waitFor();
    }
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let handed!: () => void;
    const done = new Promise<void>((resolve) => (handed = resolve));
    let held = false;
    await page.route(
      (url) => /^\/admin\/api\/imports\/\d+$/.test(url.pathname),
      async (route) => {
        if (held) return route.continue();
        held = true;
        try {
          const response = await route.fetch();
          await released;
          await route.fulfill({ response });
        } catch {
          // The page gave up on the request: its answer can never arrive.
        } finally {
          handed();
        }
      },
    );
    const show = (name: string) => page.getByRole('row').filter({ hasText: name }).getByRole('button', { name: 'Show' }).click();
    await show(fixtures.blocks);
    await show(fixtures.unitTest);
    await shownHeading.filter({ hasText: fixtures.unitTest }).waitFor();
    release();
    await done;
    await page.waitForTimeout(1_500);
    expect(await shownHeading.textContent()).toContain(fixtures.unitTest);
    await context.close();
  });

  it('is not offered to editors', async () => {
    const editor = await admin.staff('editor', 'Ed Itor');
    const { context, page } = await admin.openAdmin();
    await signIn(page, editor);
    expect(await page.getByRole('link', { name: 'Import' }).count()).toBe(0);
    await context.close();
  });
});
