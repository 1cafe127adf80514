import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filmReview } from '../support/factories.js';
import { expectAccessible, screenshot, signIn, startAdmin, type AdminHarness } from './admin-harness.js';

/** Opens a new post, types a title and body, and waits until the first save gave it an address. */
async function startPost(page: Page, title: string, body: string): Promise<number> {
  await page.getByRole('link', { name: 'Posts' }).click();
  await page.getByRole('button', { name: 'New post' }).click();
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByRole('textbox', { name: 'Body' }).click();
  await page.keyboard.type(body);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.waitForURL(/\/admin\/posts\/\d+$/);
  await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
  return Number(/(\d+)$/.exec(page.url())![1]);
}

describe('the editor in the browser', () => {
  let admin: AdminHarness;
  beforeAll(async () => {
    admin = await startAdmin();
    await admin.services.taxonomy.createTag({ name: 'Film', slug: 'film', isSection: true });
  });
  afterAll(() => admin.close());

  it('writes a film review with its facts, schedules it, publishes it, and readers see it', async () => {
    const editor = await admin.staff('editor', 'Rhea Viewer');
    const { context, page } = await admin.openAdmin();
    await signIn(page, editor);
    const id = await startPost(page, 'Past Lives is a quiet marvel', 'Celine Song makes a film about the lives we did not live.');

    const still = await sharp({ create: { width: 800, height: 450, channels: 3, background: '#1f6f78' } })
      .jpeg()
      .toBuffer();
    await page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Image' }).click();
    const picker = page.getByRole('dialog', { name: 'Choose an image' });
    await picker.getByLabel('Choose a file').setInputFiles({ name: 'past-lives.jpg', mimeType: 'image/jpeg', buffer: still });
    await picker.getByLabel('Alt text').fill('Nora and Hae Sung on a New York street');
    await picker.getByLabel('Caption').fill('Greta Lee and Teo Yoo');
    await picker.getByLabel('Credit').fill('A24');
    await picker.getByRole('button', { name: 'Upload' }).click();
    await page.locator('.figure-view img[alt="Nora and Hae Sung on a New York street"]').waitFor();
    await page.getByRole('button', { name: 'Choose feature image' }).click();
    await page
      .getByRole('dialog', { name: 'Choose an image' })
      .getByRole('button', { name: /Nora and Hae Sung/ })
      .click();
    await page.getByLabel('Image alt text').waitFor();

    await page.getByLabel('Format', { exact: true }).selectOption('review');
    await page.getByLabel('Section').selectOption('film');
    await page.getByLabel('Work title').fill('Past Lives');
    await page.getByLabel('Year').fill('2023');
    await page.getByLabel('Runtime (minutes)').fill('106');
    await page.getByLabel('Studio').fill('A24');
    await page.getByLabel('Release date').fill('2023-06-02');
    await page.getByRole('button', { name: 'Add credit' }).click();
    await page.getByLabel('Person 1').fill('Celine Song');
    await page.getByRole('button', { name: 'Add credit' }).click();
    await page.getByLabel('Person 2').fill('Greta Lee');
    await page.getByLabel('Character 2').fill('Nora');
    await page.getByLabel('Rating').fill('4.5');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^\s*draft\s+Saved$/ })
      .waitFor();
    await expectAccessible(page, 'editor');
    await screenshot(page, 'editor-review');

    const saved = await admin.services.posts.get(id);
    expect(saved.format).toBe('review');
    expect(saved.review?.work).toMatchObject({ title: 'Past Lives', year: 2023, runtimeMinutes: 106, organization: 'A24' });
    expect(saved.review?.rating).toEqual({ value: 4.5, scale: 5 });
    expect(saved.review?.work.credits.map((c) => [c.person.name, c.role, c.character])).toEqual([
      ['Celine Song', 'director', null],
      ['Greta Lee', 'cast', 'Nora'],
    ]);
    expect(saved.primaryTag?.slug).toBe('film');
    expect(saved.html).toMatch(/<figure class="image"><img src="[^"]+" alt="Nora and Hae Sung on a New York street"[^>]*><figcaption>Greta Lee and Teo Yoo <cite>A24<\/cite><\/figcaption><\/figure>/);
    expect(saved.featureImage).toMatchObject({ alt: 'Nora and Hae Sung on a New York street', caption: 'Greta Lee and Teo Yoo', credit: 'A24' });

    const [preview] = await Promise.all([page.waitForEvent('popup'), page.getByRole('link', { name: 'Preview' }).click()]);
    await preview.getByRole('heading', { name: 'Past Lives is a quiet marvel' }).waitFor();
    expect(await preview.textContent('body')).toContain('Greta Lee');
    await preview.close();

    const tomorrow = new Date(Date.now() + 86_400_000);
    const local = new Date(tomorrow.getTime() - tomorrow.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    await page.getByLabel('Publish at').fill(local);
    await page.getByRole('button', { name: 'Schedule' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /scheduled\s+for/ })
      .waitFor();
    expect((await admin.services.posts.get(id)).status).toBe('scheduled');

    await page.getByRole('button', { name: 'Publish' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /published\s+Saved/ })
      .waitFor();
    const published = await admin.services.posts.get(id);
    expect(published.status).toBe('published');

    const reader = await admin.browser.newContext({ baseURL: admin.baseUrl });
    const publicPage = await reader.newPage();
    await publicPage.goto(`/${published.slug}/`);
    await publicPage.getByRole('heading', { name: 'Past Lives is a quiet marvel' }).waitFor();
    expect(await publicPage.textContent('body')).toContain('Greta Lee');
    const graphs = await publicPage.$$eval('script[type="application/ld+json"]', (scripts) => scripts.map((s) => JSON.parse(s.textContent ?? '{}')));
    const things = graphs.flatMap((g: { '@graph'?: unknown[] }) => g['@graph'] ?? [g]) as Array<Record<string, unknown>>;
    const review = things.find((t) => t['@type'] === 'Review');
    expect(review).toMatchObject({
      itemReviewed: { '@type': 'Movie', name: 'Past Lives' },
      reviewRating: { ratingValue: 4.5, bestRating: 5 },
    });
    await reader.close();
    await context.close();
  });

  it('formats with the toolbar and keyboard shortcuts and embeds a video by its address', async () => {
    const editor = await admin.staff('editor', 'Form Atter');
    const { context, page } = await admin.openAdmin();
    await signIn(page, editor);
    const id = await startPost(page, 'Everything the editor does', 'Opening paragraph.');
    const body = page.getByRole('textbox', { name: 'Body' });
    const toolbar = page.getByRole('toolbar', { name: 'Formatting' });
    await body.getByText('Opening paragraph.').click();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+Alt+2');
    await page.keyboard.type('A heading by shortcut');
    await page.keyboard.press('Enter');
    await page.keyboard.type('A line worth pulling out');
    await toolbar.getByRole('button', { name: 'Pull quote' }).click();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('- first item');
    await page.keyboard.press('Enter');
    await page.keyboard.type('second item');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Read the festival site');
    await body.getByText('Read the festival site').click({ clickCount: 3 });
    await page.keyboard.press('Control+k');
    const linkDialog = page.getByRole('dialog', { name: 'Add link' });
    await linkDialog.getByLabel('Link address').fill('https://festival.example/');
    await linkDialog.getByLabel('Link address').press('Enter');
    await linkDialog.waitFor({ state: 'detached' });
    // The editor takes the focus back on the next frame: End must reach it, or the divider would replace the selected line.
    await page.waitForFunction(() => document.activeElement?.closest('[contenteditable="true"]') != null);
    await page.keyboard.press('End');
    await toolbar.getByRole('button', { name: 'Divider' }).click();
    page.once('dialog', (dialog) => void dialog.accept('https://www.youtube.com/watch?v=dQw4w9WgXcQ'));
    await toolbar.getByRole('button', { name: 'Video' }).click();
    await page.getByText('Video: https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ').waitFor();
    await page.getByText(/^\d+ words · 1 min read$/).waitFor();
    await page.keyboard.press('Control+s');
    await page
      .getByRole('status')
      .filter({ hasText: /draft\s+Saved/ })
      .waitFor();

    // The status may still show an earlier save's "Saved": wait for the one that holds the last change.
    await expect.poll(async () => (await admin.services.posts.get(id)).html, { timeout: 10_000 }).toContain('youtube-nocookie.com/embed/dQw4w9WgXcQ');
    const html = (await admin.services.posts.get(id)).html;
    expect(html).toContain('<h2>A heading by shortcut</h2>');
    expect(html).toContain('<aside class="pull-quote"><p>A line worth pulling out</p></aside>');
    expect(html).toMatch(/<ul><li><p>first item<\/p><\/li><li><p>second item<\/p><\/li><\/ul>/);
    expect(html).toMatch(/<a href="https:\/\/festival\.example\/"[^>]*>Read the festival site<\/a>/);
    expect(html).not.toContain('target=');
    expect(html).toContain('<hr />');
    expect(html).toMatch(/<figure class="embed"><iframe src="https:\/\/www\.youtube-nocookie\.com\/embed\/dQw4w9WgXcQ"/);
    await context.close();
  });

  it('adds, checks, edits and removes links in a dialog instead of a browser prompt', async () => {
    const editor = await admin.staff('editor', 'Link Keeper');
    const { context, page } = await admin.openAdmin();
    await signIn(page, editor);
    const prompts: string[] = [];
    page.on('dialog', (dialog) => {
      prompts.push(dialog.message());
      void dialog.dismiss();
    });
    const id = await startPost(page, 'Links worth following', 'See the programme notes.');
    const body = page.getByRole('textbox', { name: 'Body' });
    await body.getByText('See the programme notes.').click({ clickCount: 3 });
    await page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Link' }).click();
    const add = page.getByRole('dialog', { name: 'Add link' });
    const address = add.getByLabel('Link address');
    await expect.poll(() => address.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await add.getByRole('button', { name: 'Remove link' }).count()).toBe(0);

    await address.fill('javascript:alert(1)');
    await add.getByRole('button', { name: 'Add link' }).click();
    await add.getByText('Only web (https://), mailto: and tel: addresses can be linked.').waitFor();
    expect(await address.getAttribute('aria-invalid')).toBe('true');
    await address.fill('not an address');
    await add.getByRole('button', { name: 'Add link' }).click();
    await add.getByText(/Enter a web address such as https:\/\/example\.com/).waitFor();
    await expectAccessible(page, 'link dialog with an error');
    await screenshot(page, 'editor-link-dialog');

    await address.fill('festival.example/programme');
    await add.getByLabel('Open in a new tab').check();
    await add.getByRole('button', { name: 'Add link' }).click();
    await add.waitFor({ state: 'detached' });
    await page.keyboard.press('Control+s');
    await page
      .getByRole('status')
      .filter({ hasText: /draft\s+Saved/ })
      .waitFor();
    await expect.poll(async () => (await admin.services.posts.get(id)).html, { timeout: 10_000 }).toContain('</a>');
    const linked = /<a ([^>]*)>See the programme notes\.<\/a>/.exec((await admin.services.posts.get(id)).html)?.[1] ?? '';
    expect(linked.split(' ').sort()).toEqual(['href="https://festival.example/programme"', 'rel="noopener noreferrer"', 'target="_blank"'].flatMap((a) => a.split(' ')).sort());

    await body.getByRole('link', { name: 'See the programme notes.' }).click();
    await page.keyboard.press('Control+k');
    const edit = page.getByRole('dialog', { name: 'Edit link' });
    expect(await edit.getByLabel('Link address').inputValue()).toBe('https://festival.example/programme');
    expect(await edit.getByLabel('Open in a new tab').isChecked()).toBe(true);
    await edit.getByLabel('Open in a new tab').uncheck();
    await edit.getByLabel('Link address').fill('/programme/');
    await edit.getByRole('button', { name: 'Update link' }).click();
    await page.keyboard.press('Control+s');
    await page
      .getByRole('status')
      .filter({ hasText: /draft\s+Saved/ })
      .waitFor();
    await expect.poll(async () => (await admin.services.posts.get(id)).html, { timeout: 10_000 }).toMatch(/<a href="\/programme\/">See the programme notes\.<\/a>/);

    await body.getByRole('link', { name: 'See the programme notes.' }).click();
    await page.keyboard.press('Control+k');
    await page.getByRole('dialog', { name: 'Edit link' }).getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    // The editor takes the focus back on the next frame; then the link is picked again to remove it.
    await page.waitForFunction(() => document.activeElement?.closest('[contenteditable="true"]') != null);
    await body.getByRole('link', { name: 'See the programme notes.' }).click();
    await page.keyboard.press('Control+k');
    await page.getByRole('dialog', { name: 'Edit link' }).getByRole('button', { name: 'Remove link' }).click();
    await page.keyboard.press('Control+s');
    await page
      .getByRole('status')
      .filter({ hasText: /draft\s+Saved/ })
      .waitFor();
    await expect.poll(async () => (await admin.services.posts.get(id)).html, { timeout: 10_000 }).not.toContain('<a ');
    expect((await admin.services.posts.get(id)).html).toContain('See the programme notes.');
    expect(prompts).toEqual([]);
    await context.close();
  });

  it('picks tags as chips from suggestions and creates a new one on the spot', async () => {
    await admin.services.taxonomy.createTag({ name: 'Slow cinema', slug: 'slow-cinema' });
    await admin.services.taxonomy.createTag({ name: 'Slow reading', slug: 'slow-reading' });
    const editor = await admin.staff('editor', 'Tag Picker');
    const { context, page } = await admin.openAdmin();
    await signIn(page, editor);
    const id = await startPost(page, 'A tagged piece', 'Words.');
    const tags = page.getByRole('combobox', { name: 'Tags' });
    await tags.fill('slow');
    const suggestions = page.getByRole('listbox', { name: 'Tag suggestions' });
    await suggestions.getByRole('option', { name: 'Slow cinema' }).waitFor();
    expect(await suggestions.getByRole('option').allTextContents()).toEqual(['Slow cinema', 'Slow reading', 'Create tag “slow”']);
    expect(await tags.getAttribute('aria-expanded')).toBe('true');
    await expectAccessible(page, 'tag suggestions');
    await screenshot(page, 'editor-tags');
    await tags.press('ArrowDown');
    expect(await suggestions.getByRole('option', { name: 'Slow reading' }).getAttribute('aria-selected')).toBe('true');
    await tags.press('Enter');
    const chosen = page.getByRole('list', { name: 'Chosen tags' });
    await chosen.getByText('Slow reading').waitFor();
    expect(await tags.inputValue()).toBe('');

    await tags.fill('cinema');
    await suggestions.getByRole('option', { name: 'Slow cinema' }).click();
    await tags.fill('Festival diaries');
    await suggestions.getByRole('option', { name: 'Create tag “Festival diaries”' }).waitFor();
    await tags.press('Enter');
    await chosen.getByText('Festival diaries').waitFor();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /draft\s+Saved/ })
      .waitFor();
    expect((await admin.services.posts.get(id)).tags.map((t) => t.name)).toEqual(['Slow reading', 'Slow cinema', 'Festival diaries']);
    expect((await admin.services.taxonomy.getTag('festival-diaries')).isSection).toBe(false);

    await chosen.getByRole('button', { name: 'Remove tag Slow cinema' }).click();
    await tags.fill('');
    await tags.press('Backspace');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /draft\s+Saved/ })
      .waitFor();
    expect((await admin.services.posts.get(id)).tags.map((t) => t.name)).toEqual(['Slow reading']);
    await context.close();

    const contributor = await admin.staff('contributor', 'Tag Less');
    const other = await admin.openAdmin();
    await signIn(other.page, contributor);
    await startPost(other.page, 'A contributor tags', 'Words.');
    const field = other.page.getByRole('combobox', { name: 'Tags' });
    await field.fill('Brand new tag');
    await field.press('Enter');
    await other.page.getByText('No tag is called “Brand new tag”; only editors can create tags.').waitFor();
    expect(await other.page.getByRole('option', { name: /Create tag/ }).count()).toBe(0);
    await other.context.close();
  });

  it('credits a new person by typing the name, says so, and creates them with the post', async () => {
    const editor = await admin.staff('editor', 'Credit Where Due');
    await admin.services.posts.create(
      filmReview([editor.authorSlug], {
        title: 'An earlier Hong review',
        review: { work: { type: 'movie', title: 'Right Now, Wrong Then', year: 2015, credits: [{ name: 'Hong Sang-soo', role: 'director' }] } },
      }),
    );
    const { context, page } = await admin.openAdmin();
    await signIn(page, editor);
    const id = await startPost(page, 'The Novelist’s Film', 'Another Hong.');
    await page.getByLabel('Format', { exact: true }).selectOption('review');
    await page.getByLabel('Work title').fill('The Novelist’s Film');
    await page.getByRole('button', { name: 'Add credit' }).click();
    await page.getByLabel('Person 1').fill('Hong Sang-soo');
    const row1 = page.locator('.credit-row').nth(0);
    await row1.getByText('In the library').waitFor();
    await page.getByRole('button', { name: 'Add credit' }).click();
    await page.getByLabel('Person 2').fill('Kim Min-hee');
    await page.getByLabel('Character 2').fill('Kilsoo');
    const row2 = page.locator('.credit-row').nth(1);
    await row2.getByText('New person: added to the library when you save').waitFor();
    expect(await page.getByLabel('Person 2').getAttribute('aria-describedby')).toBeTruthy();
    await page.getByRole('button', { name: 'Add credit' }).click();
    await page.getByLabel('Person 3').fill('Hong Sang-soo');
    const row3 = page.locator('.credit-row').nth(2);
    await row3.getByRole('button', { name: 'A different Hong Sang-soo' }).click();
    await row3.getByText('New person: added to the library when you save').waitFor();
    await page.getByLabel('Role 3').selectOption('composer');
    await expectAccessible(page, 'review credits');
    await screenshot(page, 'editor-credits');

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /draft\s+Saved/ })
      .waitFor();
    const credits = (await admin.services.posts.get(id)).review!.work.credits;
    expect(credits.map((c) => [c.person.name, c.role, c.character])).toEqual([
      ['Hong Sang-soo', 'director', null],
      ['Kim Min-hee', 'cast', 'Kilsoo'],
      ['Hong Sang-soo', 'composer', null],
    ]);
    expect(credits[0]!.person.slug).toBe('hong-sang-soo');
    expect(credits[2]!.person.slug).not.toBe('hong-sang-soo');
    expect(credits[2]!.person.slug).toMatch(/^hong-sang-soo-[a-z0-9]+$/);
    await row2.getByText('In the library').waitFor();
    await row3.getByText('In the library').waitFor();

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /draft\s+Saved/ })
      .waitFor();
    const people = await admin.store.db.selectFrom('people').select('slug').where('name', 'in', ['Hong Sang-soo', 'Kim Min-hee']).execute();
    expect(people).toHaveLength(3);
    await context.close();
  });

  it('offers a work already in the library as the title is typed, and links it', async () => {
    const editor = await admin.staff('editor', 'Second Opinion');
    const first = await admin.services.posts.create(filmReview([editor.authorSlug], { title: 'An earlier review' }));
    const { context, page } = await admin.openAdmin();
    await signIn(page, editor);
    const id = await startPost(page, 'Past Lives, a year on', 'Still thinking about it.');
    await page.getByLabel('Format', { exact: true }).selectOption('review');
    await page.getByLabel('Work title').fill('Past Lives');
    await page.getByText('Linked to the existing work in the library').waitFor();
    await expect.poll(() => page.getByLabel('Year').inputValue()).toBe('2023');
    await expect.poll(() => page.getByLabel('Person 3').inputValue()).toBe('Greta Lee');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /draft\s+Saved/ })
      .waitFor();
    expect((await admin.services.posts.get(id)).review?.work.id).toBe(first.review?.work.id);
    await context.close();
  });

  it('keeps facts typed before a library work is linked, and fills in only the empty ones', async () => {
    const editor = await admin.staff('editor', 'Third Opinion');
    await admin.services.posts.create(filmReview([editor.authorSlug], { title: 'The review before' }));
    const { context, page } = await admin.openAdmin();
    await signIn(page, editor);
    const id = await startPost(page, 'Past Lives, revisited', 'Again.');
    await page.getByLabel('Format', { exact: true }).selectOption('review');
    await page.getByLabel('Work title').fill('Past Live');
    await page.getByLabel('Studio').fill('Distributor Two');
    await page.getByLabel('Runtime (minutes)').fill('105');
    await page.getByLabel('Rating').fill('4');
    await page.getByLabel('Work title').fill('Past Lives');
    await page.getByText('Linked to the existing work in the library').waitFor();
    await expect.poll(() => page.getByLabel('Year').inputValue()).toBe('2023');
    expect(await page.getByLabel('Studio').inputValue()).toBe('Distributor Two');
    expect(await page.getByLabel('Runtime (minutes)').inputValue()).toBe('105');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /draft\s+Saved/ })
      .waitFor();
    const saved = await admin.services.posts.get(id);
    expect(saved.review?.work).toMatchObject({ title: 'Past Lives', year: 2023, organization: 'Distributor Two', runtimeMinutes: 105 });
    expect(saved.review?.rating).toEqual({ value: 4, scale: 5 });
    await context.close();
  });

  it('deletes a post with a moment to undo it', async () => {
    const editor = await admin.staff('editor', 'Second Thoughts');
    const { context, page } = await admin.openAdmin();
    await signIn(page, editor);
    const id = await startPost(page, 'Not so sure about this one', 'Hmm.');
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.waitForURL(/\/admin\/posts$/);
    await page.getByText('Deleted “Not so sure about this one”.').waitFor();
    expect(await page.getByRole('link', { name: 'Not so sure about this one' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.waitForURL(new RegExp(`/admin/posts/${id}$`));
    await expect.poll(() => page.getByLabel('Title', { exact: true }).inputValue()).toBe('Not so sure about this one');
    await page.getByRole('link', { name: 'Posts' }).first().click();
    await page.getByRole('link', { name: 'Not so sure about this one' }).waitFor();
    await context.close();
  });

  it('lets a contributor write but not publish', async () => {
    const contributor = await admin.staff('contributor', 'Connie Tributor');
    const { context, page } = await admin.openAdmin();
    await signIn(page, contributor);
    const id = await startPost(page, 'Notes from the festival', 'A first draft.');
    expect(await page.getByRole('button', { name: 'Publish' }).count()).toBe(0);
    await page.getByText('an editor publishes them').waitFor();

    const refused = await page.evaluate(async (postId) => {
      const session = await (await fetch('/admin/api/session')).json();
      const response = await fetch(`/admin/api/posts/${postId}/publish`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: '{}',
      });
      return { status: response.status, body: await response.json() };
    }, id);
    expect(refused.status).toBe(403);
    expect((await admin.services.posts.get(id)).status).toBe('draft');
    await context.close();
  });

  it('stops a second editor from silently overwriting the first, and offers both versions', async () => {
    const first = await admin.staff('editor', 'First Editor');
    const second = await admin.staff('editor', 'Second Editor');
    const a = await admin.openAdmin();
    await signIn(a.page, first);
    const id = await startPost(a.page, 'Shared piece', 'The opening line.');

    const b = await admin.openAdmin();
    await signIn(b.page, second);
    await b.page.goto(`/admin/posts/${id}`);
    await b.page.getByLabel('Title', { exact: true }).fill('Shared piece, second take');
    await b.page.getByRole('button', { name: 'Save', exact: true }).click();
    await b.page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();

    await a.page.getByLabel('Title', { exact: true }).fill('Shared piece, first take');
    await a.page.getByRole('button', { name: 'Save', exact: true }).click();
    const banner = a.page.getByRole('alert').filter({ hasText: 'Someone else saved this post' });
    await banner.waitFor();
    expect((await admin.services.posts.get(id)).title).toBe('Shared piece, second take');
    await banner.getByRole('button', { name: 'See their version' }).click();
    await a.page.getByRole('article', { name: 'Their version' }).getByText('Shared piece, second take').waitFor();
    await expectAccessible(a.page, 'editor conflict');
    await screenshot(a.page, 'editor-conflict');

    await banner.getByRole('button', { name: 'Replace theirs with mine' }).click();
    await a.page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    expect((await admin.services.posts.get(id)).title).toBe('Shared piece, first take');
    await a.context.close();
    await b.context.close();
  });

  it('saves typing done while publishing goes out after the publishing, so it never conflicts with it', async () => {
    const editor = await admin.staff('editor', 'Quick Publisher');
    const { context, page } = await admin.openAdmin();
    await signIn(page, editor);
    const id = await startPost(page, 'Going out now', 'The first line.');
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let published = false;
    await page.route(
      (url) => url.pathname === `/admin/api/posts/${id}/publish`,
      async (route) => {
        const response = await route.fetch();
        published = true;
        await released;
        await route.fulfill({ response });
      },
    );
    const saves: number[] = [];
    page.on('response', (response) => {
      if (response.request().method() === 'PATCH' && new URL(response.url()).pathname === `/admin/api/posts/${id}`) saves.push(response.status());
    });
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect.poll(() => published).toBe(true);
    await page.getByLabel('Title', { exact: true }).fill('Going out now, with a better title');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.waitForTimeout(1_000);
    release();
    await page
      .getByRole('status')
      .filter({ hasText: /published\s+Saved$/ })
      .waitFor();
    await expect.poll(() => saves).toEqual([200]);
    expect(await page.getByRole('alert').filter({ hasText: 'Someone else saved this post' }).count()).toBe(0);
    const stored = await admin.services.posts.get(id);
    expect(stored).toMatchObject({ status: 'published', title: 'Going out now, with a better title' });
    await context.close();
  });

  it('restores an earlier revision from the history', async () => {
    const writer = await admin.staff('editor', 'First Draughtsman');
    const reviser = await admin.staff('editor', 'History Buff');
    const a = await admin.openAdmin();
    await signIn(a.page, writer);
    const id = await startPost(a.page, 'The original headline', 'Words.');
    await a.context.close();

    const { context, page } = await admin.openAdmin();
    await signIn(page, reviser);
    await page.goto(`/admin/posts/${id}`);
    await page.getByLabel('Title', { exact: true }).fill('A worse headline');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    expect((await admin.services.posts.get(id)).title).toBe('A worse headline');

    await page.getByRole('button', { name: 'History', exact: true }).click();
    const history = page.getByRole('complementary', { name: 'History' });
    const older = history.getByRole('listitem').filter({ hasNotText: 'current' });
    await older.getByRole('button', { name: /^Restore/ }).waitFor();
    await expectAccessible(page, 'revision history');
    await screenshot(page, 'editor-history');
    await older.getByRole('button', { name: /^Restore/ }).click();
    await expect.poll(() => page.getByLabel('Title', { exact: true }).inputValue()).toBe('The original headline');
    expect((await admin.services.posts.get(id)).title).toBe('The original headline');
    await context.close();
  });

  it('lists, filters and bulk-publishes posts with a result for each', async () => {
    const editor = await admin.staff('editor', 'Bulk Person');
    const ids = [];
    for (const title of ['Bulk one', 'Bulk two']) {
      ids.push((await admin.services.posts.create({ title, authors: [editor.authorSlug], tags: ['film'] })).id);
    }
    const { context, page } = await admin.openAdmin();
    await signIn(page, editor);
    await page.getByRole('link', { name: 'Posts' }).click();
    await page.getByLabel('Search').fill('Bulk');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('link', { name: 'Bulk two' }).waitFor();
    await page.getByLabel('Status').selectOption('draft');
    await page.getByLabel('Select Bulk one').check();
    await page.getByLabel('Select Bulk two').check();
    await page.getByRole('button', { name: 'Apply' }).click();
    const results = page.getByRole('region', { name: 'Bulk action results' });
    await results.getByText('Bulk one: done').waitFor();
    await results.getByText('Bulk two: done').waitFor();
    await expectAccessible(page, 'posts');
    await screenshot(page, 'posts');
    for (const id of ids) expect((await admin.services.posts.get(id)).status).toBe('published');
    await context.close();
  });
});

describe('an editing session that expires', () => {
  let admin: AdminHarness;
  beforeAll(async () => {
    admin = await startAdmin();
  });
  afterAll(() => admin.close());

  it('asks to sign in again over the editor and then saves what was typed', async () => {
    const editor = await admin.staff('editor', 'Late Night');
    const { context, page } = await admin.openAdmin();
    await signIn(page, editor);
    const id = await startPost(page, 'Written past midnight', 'The first paragraph.');
    // Everything the editor loads for a saved piece has loaded (its comment rule is the last to
    // come), so the session ends while the writer types, not while the screen is still loading.
    await page.getByLabel('Who may comment on this piece').waitFor();

    await admin.services.staffAuth.signOutEverywhere(editor.id);
    await page.getByRole('textbox', { name: 'Body' }).press('End');
    // In one input: were autosave to meet the ended session halfway through typing, the dialog it
    // opens would take the rest of the keystrokes.
    await page.keyboard.insertText(' A sentence typed after the session ended.');
    const dialog = page.getByRole('dialog', { name: 'Your session has ended' });
    // On a slow machine autosave may already have met the ended session and opened the dialog,
    // which hides the toolbar; saving by shortcut works either way.
    if (!(await dialog.isVisible())) await page.keyboard.press('Control+s');
    await dialog.waitFor();
    await expectAccessible(page, 'sign in again');
    await screenshot(page, 'session-expired');
    await dialog.getByLabel('Password').fill(editor.password);
    await dialog.getByRole('button', { name: 'Sign in and continue' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /draft\s+Saved/ })
      .waitFor();
    expect((await admin.services.posts.get(id)).html).toContain('A sentence typed after the session ended.');
    await context.close();
  });
});
