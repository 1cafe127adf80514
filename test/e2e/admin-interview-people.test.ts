import path from 'node:path';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, describeViolations } from '../support/browser.js';
import { filmReview } from '../support/factories.js';
import { htmlErrors } from '../support/html.js';
import { expectAccessible, screenshot, signIn, startAdmin, type AdminHarness } from './admin-harness.js';

const shots = path.resolve('test-output/screenshots/interview-people');

describe('naming the people of an interview in the editor', () => {
  let admin: AdminHarness;
  beforeAll(async () => {
    admin = await startAdmin();
    // Celine Song is already in the library: a published review credits her.
    const critic = await admin.staff('editor', 'Ada Critic');
    await admin.services.posts.create(filmReview([critic.authorSlug], { status: 'published' }));
    fs.mkdirSync(shots, { recursive: true });
  });
  afterAll(() => admin.close());

  it("an editor names a new person and one from the library on an interview; each person's page lists it with the role", async () => {
    const editor = await admin.staff('editor', 'Rhea Asks');
    const { context, page } = await admin.openAdmin();
    await signIn(page, editor);
    await page.getByRole('link', { name: 'Posts' }).click();
    await page.getByRole('button', { name: 'New post' }).click();
    await page.getByLabel('Title', { exact: true }).fill('Two directors talk endings');
    await page.getByRole('textbox', { name: 'Body' }).click();
    await page.keyboard.type('We sat down with them in Busan.');
    await page.getByLabel('Format', { exact: true }).selectOption('interview');

    await page.getByRole('button', { name: 'Add person' }).click();
    await page.getByLabel('Person in the piece 1', { exact: true }).fill('Mira Okafor');
    await page.getByText('New person: added to the library when you save').waitFor();
    await page.getByRole('button', { name: 'Add person' }).click();
    await page.getByLabel('Person in the piece 2', { exact: true }).fill('Celine Song');
    await page.getByText('In the library').waitFor();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.waitForURL(/\/admin\/posts\/\d+$/);
    await page
      .getByRole('status')
      .filter({ hasText: /^\s*draft\s+Saved$/ })
      .waitFor();
    await expectAccessible(page, 'interview editor');
    await screenshot(page, 'editor-interview-people');
    await page.screenshot({ path: `${shots}/editor-interview-people.png`, fullPage: true });

    const id = Number(/(\d+)$/.exec(page.url())![1]);
    const saved = await admin.services.posts.get(id);
    expect(saved.people.map((p) => [p.person.name, p.person.slug, p.role])).toEqual([
      ['Mira Okafor', 'mira-okafor', 'interviewee'],
      ['Celine Song', 'celine-song', 'interviewee'],
    ]);
    const celines = await admin.store.db.selectFrom('people').select('id').where('name', '=', 'Celine Song').execute();
    expect(celines).toHaveLength(1);

    await page.getByRole('button', { name: 'Publish' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /published\s+Saved/ })
      .waitFor();

    const reader = await admin.browser.newContext({ baseURL: admin.baseUrl });
    const personPage = await reader.newPage();
    for (const [slug, name] of [
      ['mira-okafor', 'Mira Okafor'],
      ['celine-song', 'Celine Song'],
    ]) {
      const answer = await personPage.goto(`/people/${slug}/`);
      expect(answer?.status()).toBe(200);
      await personPage.getByRole('heading', { name, level: 1 }).waitFor();
      const entry = personPage.getByRole('listitem').filter({ hasText: 'Two directors talk endings' });
      await expect(entry.getByText('Interviewee', { exact: true }).count()).resolves.toBe(1);
      expect(describeViolations(await axeViolations(personPage))).toBe('');
      expect(await htmlErrors(await personPage.content())).toEqual([]);
      await personPage.screenshot({ path: `${shots}/person-${slug}.png`, fullPage: true });
    }
    expect(await personPage.textContent('body')).toContain('Past Lives review');
    await reader.close();
    await context.close();
  });
});
