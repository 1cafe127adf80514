import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommentedPiece, Commenter } from '../../src/comments/comment.types.js';
import { makeAuthor, postFields } from '../support/factories.js';
import { dialects, testServices, type TestContext } from '../support/stores.js';

describe.each(dialects)('comments (%s)', (dialect) => {
  let t: TestContext;
  let piece: CommentedPiece;
  let paidPiece: CommentedPiece;
  let authorSlug: string;
  let n = 0;

  /** A new member who may comment (free unless said otherwise). */
  const reader = async (paid = false): Promise<Commenter> => {
    n += 1;
    const member = await t.services.members.add({ email: `reader${n}@example.com`, name: `Reader ${n}` });
    return { memberId: member.id, name: member.name, paid };
  };
  /** A member whose first comment an editor already approved: later ones appear at once. */
  const trusted = async (paid = false): Promise<Commenter> => {
    const who = await reader(paid);
    const first = await t.services.comments.add(piece, who, { body: `Hello from ${who.name}.` });
    if (first.kind !== 'pending') throw new Error('a first comment should wait');
    await t.services.comments.approve(first.comment.id);
    return who;
  };
  const publish = async (overrides: Record<string, unknown> = {}): Promise<CommentedPiece> => {
    const post = await t.services.posts.create(postFields([authorSlug], { status: 'published', ...overrides }));
    return { id: post.id, type: post.type, status: post.status, visibility: post.visibility };
  };

  beforeAll(async () => {
    t = await testServices(dialect);
    authorSlug = (await makeAuthor(t.services)).slug;
    piece = await publish();
    paidPiece = await publish({ visibility: 'paid' });
    await t.services.comments.setSiteAccess('members');
  });
  afterAll(async () => t.close());

  it('holds a first comment and a comment with a link, and shows later plain ones at once', async () => {
    const who = await reader();
    const first = await t.services.comments.add(piece, who, { body: 'First!' });
    expect(first.kind).toBe('pending');
    expect((await t.services.comments.shown(piece.id)).threads.map((c) => c.body)).not.toContain('First!');
    if (first.kind !== 'pending') return;
    await t.services.comments.approve(first.comment.id);
    expect((await t.services.comments.add(piece, who, { body: 'A second thought.' })).kind).toBe('approved');
    expect((await t.services.comments.add(piece, who, { body: 'See https://example.com/page for more.' })).kind).toBe('pending');
    const shown = (await t.services.comments.shown(piece.id)).threads.map((c) => c.body);
    expect(shown).toEqual(expect.arrayContaining(['First!', 'A second thought.']));
    expect(shown).not.toContain('See https://example.com/page for more.');
  });

  it('attaches a reply to a reply to the top-level comment', async () => {
    const who = await trusted();
    const top = await t.services.comments.add(piece, who, { body: 'Top of the thread.' });
    const reply = await t.services.comments.add(piece, who, { body: 'A reply.', parentId: String(top.kind === 'approved' && top.comment.id) });
    if (reply.kind !== 'approved' || top.kind !== 'approved') throw new Error('expected both shown');
    const deeper = await t.services.comments.add(piece, who, { body: 'A reply to the reply.', parentId: reply.comment.id });
    expect(deeper.kind === 'approved' && deeper.comment.parentId).toBe(top.comment.id);
    const thread = (await t.services.comments.shown(piece.id)).threads.find((c) => c.id === top.comment.id);
    expect(thread?.replies.map((r) => r.body)).toEqual(['A reply.', 'A reply to the reply.']);
  });

  it('refuses a reply to a comment of another piece or one not shown', async () => {
    const who = await trusted();
    const elsewhere = await publish();
    const other = await t.services.comments.add(elsewhere, who, { body: 'On another piece.' });
    if (other.kind !== 'approved') throw new Error('expected shown');
    await expect(t.services.comments.add(piece, who, { body: 'Reply', parentId: other.comment.id })).rejects.toMatchObject({ code: 'COMMENT_NOT_FOUND' });
    await t.services.comments.hide(other.comment.id);
    await expect(t.services.comments.add(elsewhere, who, { body: 'Reply', parentId: other.comment.id })).rejects.toMatchObject({ code: 'COMMENT_NOT_FOUND' });
  });

  it('refuses empty, overlong and control-character text with field errors', async () => {
    const who = await reader();
    await expect(t.services.comments.add(piece, who, { body: '   ' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'body', message: 'is required' }] });
    await expect(t.services.comments.add(piece, who, { body: 'x'.repeat(5001) })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'body', message: 'must be at most 5000 characters' }] });
    await expect(t.services.comments.add(piece, who, { body: 'bell\u0007' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((await t.services.comments.add(piece, who, { body: 'x'.repeat(5000) })).kind).toBe('pending');
  });

  it('follows the site setting unless the piece has its own', async () => {
    const who = await trusted();
    const own = await publish();
    await t.services.comments.setSiteAccess('off');
    try {
      await expect(t.services.comments.add(own, who, { body: 'Closed?' })).rejects.toMatchObject({ code: 'COMMENTS_CLOSED' });
      expect(await t.services.comments.setPostAccess(own.id, 'members')).toEqual({ own: 'members', effective: 'members' });
      expect((await t.services.comments.add(own, who, { body: 'Open here.' })).kind).toBe('approved');
    } finally {
      await t.services.comments.setSiteAccess('members');
    }
    expect(await t.services.comments.setPostAccess(own.id, 'off')).toEqual({ own: 'off', effective: 'off' });
    await expect(t.services.comments.add(own, who, { body: 'Closed now.' })).rejects.toMatchObject({ code: 'COMMENTS_CLOSED' });
    expect(await t.services.comments.setPostAccess(own.id, 'inherit')).toEqual({ own: null, effective: 'members' });
    await expect(t.services.comments.setPostAccess(own.id, 'everyone')).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('lets only paying members comment where the piece or the setting asks for them', async () => {
    const free = await trusted();
    const paying = await trusted(true);
    await expect(t.services.comments.add(paidPiece, free, { body: 'Free here.' })).rejects.toMatchObject({ code: 'COMMENTS_PAID_ONLY' });
    expect((await t.services.comments.add(paidPiece, paying, { body: 'Paying here.' })).kind).toBe('approved');
    const paidOnly = await publish();
    await t.services.comments.setPostAccess(paidOnly.id, 'paid');
    await expect(t.services.comments.add(paidOnly, free, { body: 'Free again.' })).rejects.toMatchObject({ code: 'COMMENTS_PAID_ONLY' });
    expect((await t.services.comments.add(paidOnly, paying, { body: 'Paying again.' })).kind).toBe('approved');
  });

  it('refuses comments on unpublished pieces and on static pages', async () => {
    const who = await trusted();
    const draft = await publish({ status: 'draft' });
    await expect(t.services.comments.add(draft, who, { body: 'Early.' })).rejects.toMatchObject({ code: 'COMMENTS_CLOSED' });
    const page = await publish({ type: 'page' });
    await expect(t.services.comments.add(page, who, { body: 'On a page.' })).rejects.toMatchObject({ code: 'COMMENTS_CLOSED' });
  });

  it('stops a member from commenting until allowed again', async () => {
    const who = await trusted();
    await t.services.comments.stop(who.memberId);
    await t.services.comments.stop(who.memberId);
    await expect(t.services.comments.add(piece, who, { body: 'Still here.' })).rejects.toMatchObject({ code: 'COMMENTING_STOPPED' });
    await t.services.comments.allow(who.memberId);
    expect((await t.services.comments.add(piece, who, { body: 'Back again.' })).kind).toBe('approved');
    await expect(t.services.comments.stop(999_999)).rejects.toMatchObject({ code: 'MEMBER_NOT_FOUND' });
  });

  it('keeps nothing when the hidden field is filled in', async () => {
    const who = await trusted();
    expect(await t.services.comments.add(piece, who, { body: 'Buy now', website: 'https://spam.example' })).toEqual({ kind: 'discarded' });
    expect((await t.services.comments.list({ postId: piece.id })).map((c) => c.body)).not.toContain('Buy now');
  });

  it('holds what the spam check flags: repeated text, spam words, shouting, many links', async () => {
    const who = await trusted();
    expect((await t.services.comments.add(piece, who, { body: 'A fine review.' })).kind).toBe('approved');
    expect((await t.services.comments.add(piece, who, { body: 'a  FINE review.' })).kind).toBe('pending');
    expect((await t.services.comments.add(piece, who, { body: 'Cheap casino bonus today' })).kind).toBe('pending');
    expect((await t.services.comments.add(piece, who, { body: 'THIS FILM IS A DISGRACE TO CINEMA' })).kind).toBe('pending');
    expect((await t.services.comments.add(piece, who, { body: 'Lovely, thank you.' })).kind).toBe('approved');
  });

  it('counts shown comments only, and leaves out replies under a hidden comment', async () => {
    const who = await trusted();
    const own = await publish();
    const top = await t.services.comments.add(own, who, { body: 'Top.' });
    if (top.kind !== 'approved') throw new Error('expected shown');
    await t.services.comments.add(own, who, { body: 'Reply.', parentId: top.comment.id });
    await t.services.comments.add(own, who, { body: 'Link https://example.org' });
    expect((await t.services.comments.summaries([own.id, piece.id])).get(own.id)).toEqual({ on: true, count: 2 });
    await t.services.comments.hide(top.comment.id);
    expect((await t.services.comments.summaries([own.id])).get(own.id)).toEqual({ on: true, count: 0 });
    expect((await t.services.comments.shown(own.id)).threads).toEqual([]);
    await t.services.comments.approve(top.comment.id);
    await t.services.comments.remove(top.comment.id);
    expect(await t.services.comments.list({ postId: own.id })).toEqual([expect.objectContaining({ body: 'Link https://example.org', status: 'pending' })]);
    await expect(t.services.comments.remove(top.comment.id)).rejects.toMatchObject({ code: 'COMMENT_NOT_FOUND' });
  });

  it('lists comments for moderation by status and piece, and an author sees their own pieces only', async () => {
    const who = await reader();
    const otherAuthor = await makeAuthor(t.services);
    const theirs = await t.services.posts.create(postFields([otherAuthor.slug], { status: 'published' }));
    await t.services.comments.add({ id: theirs.id, type: theirs.type, status: theirs.status, visibility: theirs.visibility }, who, { body: 'On their piece.' });
    const pending = await t.services.comments.list({ status: 'pending', postId: String(theirs.id) });
    expect(pending).toEqual([expect.objectContaining({ body: 'On their piece.', memberEmail: expect.stringMatching(/@example\.com$/), memberStopped: false, post: expect.objectContaining({ id: theirs.id }) })]);
    const mine = await makeAuthor(t.services);
    expect(await t.services.comments.list({ postId: theirs.id }, { authorId: mine.id })).toEqual([]);
    expect(await t.services.comments.list({ postId: theirs.id }, { authorId: otherAuthor.id })).toHaveLength(1);
    await expect(t.services.comments.list({ status: 'spam' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('sends a change for the piece when what it shows changes, and none while a comment waits', async () => {
    const changes: unknown[] = [];
    const stop = t.services.events.on((change) => changes.push(change));
    try {
      const who = await reader();
      const first = await t.services.comments.add(piece, who, { body: 'Waiting.' });
      expect(changes).toEqual([]);
      if (first.kind !== 'pending') throw new Error('expected waiting');
      await t.services.comments.approve(first.comment.id);
      expect(changes).toEqual([{ kind: 'comments', id: piece.id, slugs: [] }]);
    } finally {
      stop();
    }
  });

  it('takes comments sent at once by one member without losing any', async () => {
    const who = await trusted();
    const sent = await Promise.all(Array.from({ length: 10 }, (_, i) => t.services.comments.add(piece, who, { body: `Parallel ${i}` })));
    expect(sent.map((s) => s.kind)).toEqual(Array(10).fill('approved'));
  });
});
