import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberCookie } from '../members/helpers.js';
import { makeAuthor, postFields } from '../support/factories.js';
import { expectAccessible, signIn, startAdmin, type AdminHarness } from './admin-harness.js';

const shots = path.resolve('test-output/screenshots/comment-rule');

describe('the comment rule of a piece in the post editor', () => {
  let admin: AdminHarness;
  beforeAll(async () => {
    admin = await startAdmin();
    fs.mkdirSync(shots, { recursive: true });
  });
  afterAll(async () => admin.close());

  it('lets an editor keep comments to paying members, which a free member then sees on the piece', async () => {
    const { services } = admin;
    await services.comments.setSiteAccess('members');
    const author = await makeAuthor(services, { name: 'Ines Writer', slug: 'ines-writer' });
    const post = await services.posts.create(postFields([author.slug], { title: 'Talk of the town', status: 'published' }));
    await services.members.add({ email: 'free@example.com', name: 'Free Reader' });
    const [name, value] = (await memberCookie(services, 'free@example.com')).split('=') as [string, string];

    const editor = await admin.staff('editor', 'Edith Settings');
    const { context, page } = await admin.openAdmin();
    await signIn(page, editor);
    await page.goto(`/admin/posts/${post.id}`);
    const settings = page.getByRole('complementary', { name: 'Post settings' });
    const rule = settings.getByLabel('Who may comment on this piece');
    await expect.poll(() => rule.inputValue()).toBe('inherit');
    await rule.selectOption('paid');
    await page.getByText('Comment setting of the piece saved.').waitFor();
    expect(await services.comments.postAccess(post.id)).toEqual({ own: 'paid', effective: 'paid' });
    await expectAccessible(page, 'editor with the comment rule');
    await page.screenshot({ path: path.join(shots, 'editor-comment-rule.png'), fullPage: true });
    await context.close();

    const reader = await admin.browser.newContext({ baseURL: admin.baseUrl });
    await reader.addCookies([{ name, value, url: admin.baseUrl }]);
    const piece = await reader.newPage();
    await piece.goto(`/${post.slug}/`);
    const comments = piece.getByRole('region', { name: 'Comments' });
    await comments.getByText('Comments on this piece are for paying subscribers.').waitFor();
    expect(await comments.getByRole('link', { name: 'Write a comment' }).count()).toBe(0);
    await reader.close();
  });

  it('shows no comment rule to authors, who may not set it', async () => {
    const writer = await admin.staff('author', 'Otto Byline');
    const post = await admin.services.posts.create(postFields([writer.authorSlug], { title: 'An author’s draft' }));
    const { context, page } = await admin.openAdmin();
    await signIn(page, writer);
    await page.goto(`/admin/posts/${post.id}`);
    await page.getByRole('complementary', { name: 'Post settings' }).getByLabel('Visibility').waitFor();
    expect(await page.getByLabel('Who may comment on this piece').count()).toBe(0);
    await context.close();
  });
});
