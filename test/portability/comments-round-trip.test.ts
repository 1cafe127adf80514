import { afterEach, describe, expect, it } from 'vitest';
import type { CommentedPiece, Commenter } from '../../src/comments/comment.types.js';
import { testApp, type AppContext } from '../support/app.js';
import { makeAuthor, postFields } from '../support/factories.js';
import { dialects } from '../support/stores.js';
import { exportDocument, importDocument } from './site-document-support.js';

/** What a reader sees of a piece's comments on its page: each comment's name and text, in order. */
async function pageComments(t: AppContext, slug: string): Promise<string[]> {
  const page = await t.app.inject({ url: `/${slug}/` });
  expect(page.statusCode).toBe(200);
  return [...page.body.matchAll(/<strong>([^<]*)<\/strong>[\s\S]*?<p class="comment-body">([\s\S]*?)<\/p>/g)].map((m) => `${m[1]}: ${m[2]}`);
}

describe.each(dialects)('comments in export and import on %s', (dialect) => {
  const open: AppContext[] = [];
  afterEach(async () => {
    for (const t of open.splice(0)) await t.close();
  });
  const site = async () => {
    const t = await testApp(dialect);
    open.push(t);
    return t;
  };

  it('carries comments, replies, statuses, piece rules, stops and opt-outs, and the piece shows the same', async () => {
    const source = await site();
    const { services } = source;
    const author = await makeAuthor(services, { slug: 'ada-host' });
    const made = await services.posts.create(postFields([author.slug], { slug: 'talked-about', status: 'published' }));
    const quiet = await services.posts.create(postFields([author.slug], { slug: 'quiet-piece', status: 'published' }));
    const piece: CommentedPiece = { id: made.id, type: made.type, status: made.status, visibility: made.visibility };
    await services.comments.setSiteAccess('members');
    await services.comments.setPostAccess(quiet.id, 'off');
    const reader = async (email: string, name: string): Promise<Commenter> => ({ memberId: (await services.members.add({ email, name })).id, name, paid: false });
    const ann = await reader('ann@example.com', 'Ann');
    const bob = await reader('bob@example.com', 'Bob');
    const first = await services.comments.add(piece, ann, { body: 'A first thought.' });
    await services.comments.approve(first.kind === 'pending' ? first.comment.id : 0);
    const reply = await services.comments.add(piece, bob, { body: 'Bob answers.', parentId: first.kind === 'pending' ? first.comment.id : 0 });
    await services.comments.approve(reply.kind === 'pending' ? reply.comment.id : 0);
    const hidden = await services.comments.add(piece, ann, { body: 'Something rude.' });
    await services.comments.hide(hidden.kind === 'approved' ? hidden.comment.id : 0);
    await services.comments.add(piece, ann, { body: 'Waits for https://example.com/link' });
    await services.comments.stop(bob.memberId);
    await services.commentEmails.setEmails({ kind: 'member', id: ann.memberId }, false);
    const shownBefore = await services.comments.shown(piece.id);
    const pageBefore = await pageComments(source, 'talked-about');

    const document = await exportDocument(services);
    expect(document.comments.map((c) => [c.member, c.status, c.body, c.replyTo === null ? null : 'reply'])).toEqual([
      ['ann@example.com', 'approved', 'A first thought.', null],
      ['bob@example.com', 'approved', 'Bob answers.', 'reply'],
      ['ann@example.com', 'hidden', 'Something rude.', null],
      ['ann@example.com', 'pending', 'Waits for https://example.com/link', null],
    ]);
    expect(document.commentAccess).toEqual([{ post: 'quiet-piece', access: 'off' }]);
    expect(document.commentBans).toEqual([{ member: 'bob@example.com', createdAt: expect.any(String) }]);
    expect(document.commentOptOuts).toEqual([{ reader: { member: 'ann@example.com' }, createdAt: expect.any(String) }]);

    const target = await site();
    // Ids in the target differ from the source's: a comment made first takes the low ids.
    await importDocument(target.services, document);
    const imported = await target.services.posts.getBySlug('talked-about');
    const shownAfter = await target.services.comments.shown(imported.id);
    expect(shownAfter.count).toBe(2);
    expect(shownAfter.threads.map((c) => [c.authorName, c.body, c.replies.map((r) => [r.authorName, r.body])])).toEqual(
      shownBefore.threads.map((c) => [c.authorName, c.body, c.replies.map((r) => [r.authorName, r.body])]),
    );
    expect(await pageComments(target, 'talked-about')).toEqual(pageBefore);
    expect(pageBefore).toEqual(['Ann: A first thought.', 'Bob: Bob answers.']);
    expect((await target.services.comments.summaries([imported.id])).get(imported.id)).toEqual({ on: true, count: 2 });
    const quietThere = await target.services.posts.getBySlug('quiet-piece');
    expect((await target.services.comments.postAccess(quietThere.id)).own).toBe('off');
    const bobThere = await target.services.members.get({ email: 'bob@example.com' });
    await expect(target.services.comments.add({ ...piece, id: imported.id }, { memberId: bobThere.id, name: 'Bob', paid: false }, { body: 'Again.' })).rejects.toMatchObject({
      code: 'COMMENTING_STOPPED',
    });
    const annThere = await target.services.members.get({ email: 'ann@example.com' });
    expect(await target.services.commentEmails.emailsOn({ kind: 'member', id: annThere.id })).toBe(false);
    // Exported again, the target's document is the source's, but for the ids the target gave.
    const again = await exportDocument(target.services);
    const withoutIds = (d: typeof document) => d.comments.map(({ id, replyTo, ...rest }) => ({ ...rest, reply: replyTo !== null }));
    expect(withoutIds(again)).toEqual(withoutIds(document));
    expect([again.commentAccess, again.commentBans, again.commentOptOuts]).toEqual([document.commentAccess, document.commentBans, document.commentOptOuts]);
  });

  it.each([
    ['a reply to a comment the document lacks', { replyTo: 99 }, 'comments.0.replyTo'],
    ['a comment on a piece the document lacks', { post: 'missing-piece' }, 'comments.0.post'],
    ['a comment by a member the document lacks', { member: 'nobody@example.com' }, 'comments.0.member'],
    ['a comment with an unknown status', { status: 'deleted' }, 'comments.0.status'],
    ['a comment without text', { body: '  ' }, 'comments.0.body'],
    ['a comment with a made-up date', { createdAt: '2026-02-30T10:00:00Z' }, 'comments.0.createdAt'],
    ['a comment whose author name holds a control character', { authorName: 'A\u0007' }, 'comments.0.authorName'],
    ['a reply to a reply', { replyTo: 2, id: 3 }, 'comments.2.replyTo'],
  ])('refuses %s, naming the field and importing nothing', async (_, change, field) => {
    const target = await site();
    const document = await exportDocument(target.services);
    const author = { name: 'Host', slug: 'host', bio: '', links: [] };
    document.authors.push(author);
    document.posts.push({ post: postFields(['host'], { slug: 'here', status: 'published' }) as (typeof document.posts)[number]['post'], redirectsFrom: [] });
    document.memberships.members.push({ email: 'a@example.com', name: 'A', stripeCustomerId: null, address: null });
    const comment = {
      id: 1,
      replyTo: null,
      post: 'here',
      member: 'a@example.com',
      authorName: 'A',
      body: 'Hello.',
      status: 'approved',
      createdAt: '2026-11-30T10:00:00.000Z',
      updatedAt: '2026-11-30T10:00:00.000Z',
      notifiedAt: null,
    };
    const reply = { ...comment, id: 2, replyTo: 1 };
    const comments = 'id' in change ? [comment, { ...reply, ...change }] : [{ ...comment, ...change }];
    // The reply to a reply names the first reply, which the document lists before it.
    if ('id' in change) comments.splice(1, 0, reply);
    await expect(importDocument(target.services, { ...document, comments })).rejects.toMatchObject({
      code: 'IMPORT_INVALID',
      fields: [expect.objectContaining({ field })],
    });
    expect(await target.store.db.selectFrom('posts').select('id').execute()).toEqual([]);
    expect(await target.store.db.selectFrom('comments').select('id').execute()).toEqual([]);
  });
});
