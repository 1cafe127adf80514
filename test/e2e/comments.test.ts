import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberCookie } from '../members/helpers.js';
import { makeAuthor, postFields } from '../support/factories.js';
import { htmlErrors } from '../support/html.js';
import { expectAccessible, screenshot, signIn, startAdmin, type AdminHarness } from './admin-harness.js';

/** Pictures of the reader's and the editor's screens, kept for people to look at. */
const shots = path.resolve('test-output/screenshots/comments');

describe('a member comments and an editor approves it', () => {
  let admin: AdminHarness;
  beforeAll(async () => {
    admin = await startAdmin();
    fs.mkdirSync(shots, { recursive: true });
  });
  afterAll(async () => admin.close());

  it('goes from the piece to the moderation queue and back to the piece, readable and valid throughout', async () => {
    const { services } = admin;
    await services.comments.setSiteAccess('members');
    const author = await makeAuthor(services, { name: 'June Critic', slug: 'june-critic' });
    const post = await services.posts.create(postFields([author.slug], { title: 'The quiet film of the year', excerpt: 'A review.', status: 'published' }));
    await services.members.add({ email: 'mira@example.com', name: 'Mira Okafor' });
    const [name, value] = (await memberCookie(services, 'mira@example.com')).split('=') as [string, string];

    const reader = await admin.browser.newContext({ baseURL: admin.baseUrl, viewport: { width: 1000, height: 900 } });
    await reader.addCookies([{ name, value, url: admin.baseUrl }]);
    const page = await reader.newPage();
    await page.goto(`/${post.slug}/`);
    await page.getByRole('link', { name: 'Write a comment' }).click();
    await page.getByLabel('Your comment').fill('A lovely review.\nIt made me watch the film again.');
    await page.getByRole('button', { name: 'Post comment' }).click();
    await page.getByText('Thank you. Your comment is waiting for approval.').waitFor();
    await expectAccessible(page, 'comment form');
    await page.screenshot({ path: path.join(shots, 'comment-waiting.png'), fullPage: true });

    const editor = await admin.staff('editor', 'Eda Moderator');
    const { context, page: adminPage } = await admin.openAdmin();
    await signIn(adminPage, editor);
    await adminPage.getByRole('link', { name: 'Comments' }).click();
    await adminPage.getByRole('heading', { name: 'Comments' }).waitFor();
    const row = adminPage.getByRole('row').filter({ hasText: 'A lovely review.' });
    await row.waitFor();
    await expectAccessible(adminPage, 'comments');
    await screenshot(adminPage, 'comments');
    await adminPage.screenshot({ path: path.join(shots, 'admin-comments.png'), fullPage: true });
    await row.getByRole('button', { name: 'Approve' }).click();
    await adminPage.getByText('Comment by Mira Okafor approved.').waitFor();
    await expect.poll(() => adminPage.getByRole('row').filter({ hasText: 'A lovely review.' }).count()).toBe(0);

    // Shown comments of the piece, and the piece's own rule for who may comment.
    await adminPage.getByLabel('Show').selectOption('approved');
    await adminPage.getByRole('button', { name: 'Only comments on “The quiet film of the year”' }).click();
    const rule = adminPage.getByLabel('Who may comment on this piece');
    await rule.selectOption('paid');
    await adminPage.getByText('Comment setting of the piece saved.').waitFor();
    expect(await services.comments.postAccess(post.id)).toEqual({ own: 'paid', effective: 'paid' });
    await expectAccessible(adminPage, 'comments of one piece');
    await rule.selectOption('inherit');
    await expect.poll(async () => (await services.comments.postAccess(post.id)).own).toBeNull();
    await context.close();

    await page.goto(`/${post.slug}/`);
    const comments = page.getByRole('region', { name: '1 comment' });
    await comments.getByText('It made me watch the film again.').waitFor();
    await expectAccessible(page, 'piece with comments');
    expect(await htmlErrors(await page.content())).toEqual([]);
    await comments.screenshot({ path: path.join(shots, 'piece-comments.png') });
    await page.screenshot({ path: path.join(shots, 'piece.png'), fullPage: true });
    await reader.close();
  });
});
