import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffRole } from '../../src/staff/index.js';
import { testApp, type AppContext } from '../support/app.js';
import { makeAuthor, postFields } from '../support/factories.js';
import { dialects } from '../support/stores.js';
import { type AdminClient, staffClient } from './support/admin-client.js';

describe.each(dialects)('comment moderation in the admin API (%s)', (dialect) => {
  let t: AppContext;
  const clients = new Map<StaffRole, AdminClient>();
  let ownPost: { id: number; slug: string };
  let otherPost: { id: number; slug: string };
  let memberId: number;
  let n = 0;

  /** A comment by the member on the post, waiting for an editor. */
  const pending = async (post: { id: number }, body = `Comment ${(n += 1)}`) => {
    const outcome = await t.services.comments.add({ ...post, type: 'post', status: 'published', visibility: 'public' }, { memberId, name: 'Reader One', paid: false }, { body: `${body} https://example.com` });
    if (outcome.kind !== 'pending') throw new Error('expected a waiting comment');
    return outcome.comment;
  };

  beforeAll(async () => {
    t = await testApp(dialect);
    const byline = await makeAuthor(t.services, { name: 'Author Byline' });
    const other = await makeAuthor(t.services, { name: 'Other Byline' });
    for (const role of ['contributor', 'author', 'editor', 'administrator'] as const) {
      const { user, client } = await staffClient(t.app, t.services, role);
      if (role === 'author') await t.services.users.linkAuthor(user.id, byline.id);
      clients.set(role, client);
    }
    ownPost = await t.services.posts.create(postFields([byline.slug], { status: 'published', title: 'The author’s own piece' }));
    otherPost = await t.services.posts.create(postFields([other.slug], { status: 'published', title: 'Someone else’s piece' }));
    memberId = (await t.services.members.add({ email: 'reader-one@example.com', name: 'Reader One' })).id;
    await t.services.comments.setSiteAccess('members');
  });
  afterAll(async () => t.close());

  it('refuses contributors everything, and lets authors see only comments on their own pieces', async () => {
    const mine = await pending(ownPost);
    const theirs = await pending(otherPost);
    const contributor = clients.get('contributor')!;
    for (const [method, url] of [
      ['GET', '/admin/api/comments'],
      ['GET', '/admin/api/comments/settings'],
      ['POST', `/admin/api/comments/${mine.id}/approve`],
      ['DELETE', `/admin/api/comments/${mine.id}`],
    ] as const) {
      const res = await contributor.call(method, url);
      expect(res.statusCode, url).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
    const author = clients.get('author')!;
    const listed = await author.call('GET', '/admin/api/comments?status=pending');
    expect(listed.statusCode).toBe(200);
    const ids = listed.json().comments.map((c: { id: number }) => c.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(theirs.id);
    for (const [method, url] of [
      ['POST', `/admin/api/comments/${mine.id}/approve`],
      ['POST', `/admin/api/comments/${mine.id}/hide`],
      ['DELETE', `/admin/api/comments/${mine.id}`],
      ['PUT', `/admin/api/comments/stopped-members/${memberId}`],
    ] as const) {
      expect((await author.call(method, url)).statusCode, url).toBe(403);
    }
    expect((await t.services.comments.get(mine.id)).status).toBe('pending');
  });

  it('lets editors approve, hide and delete, and readers see the piece change at once', async () => {
    const editor = clients.get('editor')!;
    const comment = await pending(otherPost, 'Persimmon remark');
    const before = await t.app.inject(`/${otherPost.slug}/`);
    expect(before.body).not.toContain('Persimmon remark');
    const approved = await editor.call('POST', `/admin/api/comments/${comment.id}/approve`);
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ id: comment.id, status: 'approved', postId: otherPost.id });
    expect((await t.app.inject(`/${otherPost.slug}/`)).body).toContain('Persimmon remark');
    expect((await editor.call('POST', `/admin/api/comments/${comment.id}/hide`)).json().status).toBe('hidden');
    expect((await t.app.inject(`/${otherPost.slug}/`)).body).not.toContain('Persimmon remark');
    expect((await editor.call('DELETE', `/admin/api/comments/${comment.id}`)).statusCode).toBe(204);
    expect((await editor.call('DELETE', `/admin/api/comments/${comment.id}`)).json().error.code).toBe('COMMENT_NOT_FOUND');
    expect((await editor.call('POST', '/admin/api/comments/abc/approve')).statusCode).toBe(404);
  });

  it('filters the queue by status and post, and refuses unknown filters with a field error', async () => {
    const editor = clients.get('editor')!;
    const comment = await pending(ownPost);
    const res = await editor.call('GET', `/admin/api/comments?status=pending&postId=${ownPost.id}`);
    const listed = res.json().comments as Array<{ id: number; status: string; post: { id: number }; memberEmail: string }>;
    expect(listed.map((c) => c.id)).toContain(comment.id);
    expect(listed.every((c) => c.status === 'pending' && c.post.id === ownPost.id)).toBe(true);
    expect(listed[0]!.memberEmail).toBe('reader-one@example.com');
    const bad = await editor.call('GET', '/admin/api/comments?status=spam');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    expect((await editor.call('GET', '/admin/api/comments?postId=-1')).statusCode).toBe(400);
  });

  it('stops a member from commenting and allows them again', async () => {
    const editor = clients.get('editor')!;
    expect((await editor.call('PUT', `/admin/api/comments/stopped-members/${memberId}`)).statusCode).toBe(204);
    expect((await editor.call('GET', '/admin/api/comments')).json().comments[0].memberStopped).toBe(true);
    await expect(pending(ownPost)).rejects.toMatchObject({ code: 'COMMENTING_STOPPED' });
    expect((await editor.call('DELETE', `/admin/api/comments/stopped-members/${memberId}`)).statusCode).toBe(204);
    expect((await pending(ownPost)).status).toBe('pending');
    expect((await editor.call('PUT', '/admin/api/comments/stopped-members/999999')).json().error.code).toBe('MEMBER_NOT_FOUND');
  });

  it('sets who may comment: the site setting by administrators, a piece’s own by editors', async () => {
    const editor = clients.get('editor')!;
    const admin = clients.get('administrator')!;
    expect((await editor.call('PUT', '/admin/api/comments/settings', { access: 'paid' })).statusCode).toBe(403);
    expect((await admin.call('PUT', '/admin/api/comments/settings', { access: 'everyone' })).json().error.code).toBe('VALIDATION_FAILED');
    expect((await admin.call('PUT', '/admin/api/comments/settings', { access: 'paid' })).json()).toEqual({ access: 'paid' });
    expect((await editor.call('GET', `/admin/api/comments/posts/${ownPost.id}/access`)).json()).toEqual({ own: null, effective: 'paid' });
    expect((await editor.call('PUT', `/admin/api/comments/posts/${ownPost.id}/access`, { access: 'off' })).json()).toEqual({ own: 'off', effective: 'off' });
    expect((await editor.call('PUT', `/admin/api/comments/posts/${ownPost.id}/access`, { access: 'inherit' })).json()).toEqual({ own: null, effective: 'paid' });
    expect((await editor.call('PUT', '/admin/api/comments/posts/999999/access', { access: 'off' })).json().error.code).toBe('POST_NOT_FOUND');
    expect((await clients.get('author')!.call('PUT', `/admin/api/comments/posts/${ownPost.id}/access`, { access: 'off' })).statusCode).toBe(403);
    await admin.call('PUT', '/admin/api/comments/settings', { access: 'members' });
  });

  it('lets every staff user turn their own comment emails off and on', async () => {
    const author = clients.get('author')!;
    expect((await author.call('GET', '/admin/api/comments/my-emails')).json()).toEqual({ on: true });
    expect((await author.call('PUT', '/admin/api/comments/my-emails', { on: false })).json()).toEqual({ on: false });
    expect((await author.call('GET', '/admin/api/comments/my-emails')).json()).toEqual({ on: false });
    expect((await clients.get('editor')!.call('GET', '/admin/api/comments/my-emails')).json()).toEqual({ on: true });
    expect((await author.call('PUT', '/admin/api/comments/my-emails', { on: 'no' })).statusCode).toBe(400);
    await author.call('PUT', '/admin/api/comments/my-emails', { on: true });
  });
});
