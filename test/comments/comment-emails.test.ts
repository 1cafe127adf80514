import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpMailer } from '../../src/email/index.js';
import type { CommentedPiece, Commenter } from '../../src/comments/comment.types.js';
import { testApp, type AppContext } from '../support/app.js';
import { makeAuthor, postFields } from '../support/factories.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';
import { dialects } from '../support/stores.js';

/** The raw List-Unsubscribe headers of a parsed message (mailparser folds them into `list`). */
const headerLine = (mail: { headerLines: ReadonlyArray<{ key: string; line: string }> }, key: string) => mail.headerLines.find((h) => h.key === key)?.line.replace(/^[^:]+:\s*/, '') ?? '';

describe.each(dialects)('emails about comments (%s)', (dialect) => {
  let t: AppContext;
  let smtp: TestSmtp;
  let piece: CommentedPiece;
  let staffId: number;
  let n = 0;

  const reader = async (name: string): Promise<Commenter & { email: string }> => {
    n += 1;
    const email = `talker${n}@example.com`;
    const member = await t.services.members.add({ email, name });
    return { memberId: member.id, name, paid: false, email };
  };
  /** Everything sent so far, as parsed messages. */
  const delivered = async () => {
    await t.services.runner.drain();
    return Promise.all(smtp.received.map((_, i) => smtp.parsed(i)));
  };

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await testApp(dialect, { mailer: smtpMailer({ smtpUrl: smtp.url, mailFrom: 'Magazine <mag@magazine.example>', dkim: undefined }) });
    const author = await makeAuthor(t.services, { name: 'Staff Writer' });
    const user = await t.services.users.create({ email: 'writer@magazine.example', name: 'Staff Writer', role: 'author', password: 'correct horse battery' });
    staffId = user.id;
    await t.services.users.linkAuthor(user.id, author.id);
    const post = await t.services.posts.create(postFields([author.slug], { title: 'Notes on a film', status: 'published' }));
    piece = { id: post.id, type: 'post', status: 'published', visibility: 'public' };
    await t.services.comments.setSiteAccess('members');
  });
  afterAll(async () => {
    await t.services.mailer.close();
    await t.close();
    await smtp.close();
  });

  it('tells the piece’s author once a comment is approved, and the member replied to, each with one-click unsubscribe', async () => {
    const ann = await reader('Ann Talker');
    const bo = await reader('Bo Answer');
    const first = await t.services.comments.add(piece, ann, { body: 'What a film.' });
    expect(await delivered()).toEqual([]);
    if (first.kind !== 'pending') throw new Error('expected waiting');
    await t.services.comments.approve(first.comment.id);
    const [toAuthor] = await delivered();
    expect(toAuthor!.to).toMatchObject({ text: 'writer@magazine.example' });
    expect(toAuthor!.subject).toBe('New comment on “Notes on a film”');
    expect(toAuthor!.text).toContain('Ann Talker commented on “Notes on a film”:');
    expect(toAuthor!.text).toContain('What a film.');
    expect(toAuthor!.text).toContain(`/notes-on-a-film/#comment-${first.comment.id}`.replace('notes-on-a-film', (await t.services.posts.load([piece.id]))[0]!.slug));
    const stop = /^<(http:\/\/localhost:3000\/comments\/emails\/stop\/\?token=[^>]+)>$/.exec(headerLine(toAuthor!, 'list-unsubscribe'))?.[1];
    expect(stop).toBeDefined();
    expect(headerLine(toAuthor!, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');

    // Hiding and approving again sends nothing more.
    await t.services.comments.hide(first.comment.id);
    await t.services.comments.approve(first.comment.id);
    expect(await delivered()).toHaveLength(1);

    const boFirst = await t.services.comments.add(piece, bo, { body: 'I disagree.', parentId: first.comment.id });
    if (boFirst.kind !== 'pending') throw new Error('expected waiting');
    await t.services.comments.approve(boFirst.comment.id);
    const mails = await delivered();
    expect(mails).toHaveLength(3);
    const toAnn = mails.find((m) => m.subject === 'Bo Answer replied to your comment')!;
    expect(toAnn.to).toMatchObject({ text: ann.email });
    expect(toAnn.text).toContain('I disagree.');
    expect(headerLine(toAnn, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');

    // The one-click POST a mail client sends stops Ann's reply emails; the author's still come.
    const annStop = /<([^>]+)>/.exec(headerLine(toAnn, 'list-unsubscribe'))![1]!;
    const opened = await t.app.inject({ url: new URL(annStop).pathname + new URL(annStop).search });
    expect(opened.statusCode).toBe(200);
    expect(opened.body).toContain('Stop getting emails about comments from this site?');
    expect(await t.services.commentEmails.emailsOn({ kind: 'member', id: ann.memberId })).toBe(true);
    const oneClick = await t.app.inject({
      method: 'POST',
      url: new URL(annStop).pathname + new URL(annStop).search,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.statusCode).toBe(200);
    expect(await t.services.commentEmails.emailsOn({ kind: 'member', id: ann.memberId })).toBe(false);
    const again = await t.services.comments.add(piece, bo, { body: 'One more thing.', parentId: first.comment.id });
    expect(again.kind).toBe('approved');
    const after = await delivered();
    expect(after).toHaveLength(4);
    expect(after[3]!.to).toMatchObject({ text: 'writer@magazine.example' });
  });

  it('sends nothing to staff who stopped comment emails, nor for a member’s reply to themselves', async () => {
    await t.services.commentEmails.setEmails({ kind: 'staff', id: staffId }, false);
    const before = (await delivered()).length;
    const cy = await reader('Cy Self');
    const top = await t.services.comments.add(piece, cy, { body: 'My own thread.' });
    if (top.kind !== 'pending') throw new Error('expected waiting');
    await t.services.comments.approve(top.comment.id);
    expect((await t.services.comments.add(piece, cy, { body: 'And my own reply.', parentId: top.comment.id })).kind).toBe('approved');
    expect(await delivered()).toHaveLength(before);
    await t.services.commentEmails.setEmails({ kind: 'staff', id: staffId }, true);
  });

  it('refuses forged and altered stop links', async () => {
    const dee = await reader('Dee Target');
    for (const token of [`m${dee.memberId}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`, 'x', `m${dee.memberId}`, '%00', 'm'.repeat(5000)]) {
      const res = await t.app.inject({ method: 'POST', url: `/comments/emails/stop/?token=${token}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
      expect(res.statusCode, token).toBe(400);
    }
    expect(await t.services.commentEmails.emailsOn({ kind: 'member', id: dee.memberId })).toBe(true);
  });
});
