import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Commenter } from '../../src/comments/comment.types.js';
import type { Post } from '../../src/content/index.js';
import { testApp, type AppContext } from '../support/app.js';
import { makeAuthor, postFields } from '../support/factories.js';
import { dialects } from '../support/stores.js';

describe.each(dialects)('comment counts on cards and in the content APIs (%s)', (dialect) => {
  let t: AppContext;
  let key: string;
  let talked: Post;
  let quiet: Post;
  let closed: Post;
  let who: Commenter;

  const piece = (p: Post) => ({ id: p.id, type: p.type, status: p.status, visibility: p.visibility });
  /** A comment shown at once (the member has had one approved before). */
  const shownComment = async (p: Post, body: string) => {
    const outcome = await t.services.comments.add(piece(p), who, { body });
    if (outcome.kind === 'pending') await t.services.comments.approve(outcome.comment.id);
  };
  const api = async (url: string) => (await t.app.inject(`${url}${url.includes('?') ? '&' : '?'}key=${key}`)).json();

  beforeAll(async () => {
    t = await testApp(dialect);
    const owner = await t.services.users.create({ email: 'owner@masthead.example', name: 'Owner', role: 'administrator' });
    key = (await t.services.contentKeys.create({ name: 'Front end' }, owner.id)).secret;
    const author = await makeAuthor(t.services);
    const make = (title: string) => t.services.posts.create(postFields([author.slug], { title, status: 'published' }));
    talked = await make('Much discussed');
    quiet = await make('Nobody spoke');
    closed = await make('Closed for comments');
    await t.services.comments.setSiteAccess('members');
    const member = await t.services.members.add({ email: 'counter@example.com', name: 'Counter' });
    who = { memberId: member.id, name: member.name, paid: false };
    await shownComment(talked, 'First.');
    await shownComment(talked, 'Second.');
    await shownComment(closed, 'Before closing.');
    await t.services.comments.setPostAccess(closed.id, 'off');
  });
  afterAll(async () => t.close());

  it('shows "N comments" on cards where comments are on and there are some, and keeps the count exact', async () => {
    const home = await t.app.inject('/');
    expect(home.body).toContain(`<a href="/${talked.slug}/#comments">2 comments</a>`);
    expect(home.body).not.toContain(`href="/${quiet.slug}/#comments"`);
    expect(home.body).not.toContain(`href="/${closed.slug}/#comments"`);
    await shownComment(talked, 'Third.');
    expect((await t.app.inject('/')).body).toContain(`<a href="/${talked.slug}/#comments">3 comments</a>`);
  });

  it('gives posts commentCount in the native Content API, and count.comments in Ghost’s', async () => {
    const native = (await api('/api/content/posts/')).posts as Array<{ slug: string; commentCount: number }>;
    expect(Object.fromEntries(native.map((p) => [p.slug, p.commentCount]))).toEqual({ [talked.slug]: 3, [quiet.slug]: 0, [closed.slug]: 0 });
    expect((await api(`/api/content/posts/slug/${talked.slug}/`)).posts[0].commentCount).toBe(3);

    const ghost = (await api('/ghost/api/content/posts/?include=count.comments')).posts as Array<{ slug: string; comments: boolean; count: { comments: number } }>;
    const bySlug = Object.fromEntries(ghost.map((p) => [p.slug, p]));
    expect(bySlug[talked.slug]).toMatchObject({ comments: true, count: { comments: 3 } });
    expect(bySlug[quiet.slug]).toMatchObject({ comments: true, count: { comments: 0 } });
    expect(bySlug[closed.slug]).toMatchObject({ comments: false, count: { comments: 0 } });
    const plain = (await api(`/ghost/api/content/posts/slug/${talked.slug}/`)).posts[0];
    expect(plain.count).toBeUndefined();
    expect((await api(`/ghost/api/content/posts/slug/${talked.slug}/?include=count.comments`)).posts[0].count).toEqual({ comments: 3 });
  });

  it('answers the APIs afresh after a comment is shown (their kept answers are dropped)', async () => {
    expect((await api(`/api/content/posts/slug/${quiet.slug}/`)).posts[0].commentCount).toBe(0);
    await shownComment(quiet, 'Finally.');
    expect((await api(`/api/content/posts/slug/${quiet.slug}/`)).posts[0].commentCount).toBe(1);
    expect((await api(`/ghost/api/content/posts/slug/${quiet.slug}/?include=count.comments`)).posts[0].count).toEqual({ comments: 1 });
  });
});
