import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommentedPiece } from '../../src/comments/comment.types.js';
import { smtpMailer } from '../../src/email/index.js';
import { testApp, type AppContext } from '../support/app.js';
import { makeAuthor, postFields } from '../support/factories.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';
import { dialects } from '../support/stores.js';

// An email about a reply reaches a member who is later erased; the one-click link in it still
// answers cleanly: there is nothing left to stop.
describe.each(dialects)("an erased member's link to stop comment emails (%s)", (dialect) => {
  let t: AppContext;
  let smtp: TestSmtp;
  let piece: CommentedPiece;

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await testApp(dialect, { mailer: smtpMailer({ smtpUrl: smtp.url, mailFrom: 'Magazine <mag@magazine.example>', dkim: undefined }) });
    const post = await t.services.posts.create(postFields([(await makeAuthor(t.services)).slug], { title: 'Rivers', status: 'published' }));
    piece = { id: post.id, type: 'post', status: 'published', visibility: 'public' };
    await t.services.comments.setSiteAccess('members');
  });
  afterAll(async () => {
    await t.services.mailer.close();
    await t.close();
    await smtp.close();
  });

  it('answers the one-click stop and the stop button with success after the erasure, and stores nothing', async () => {
    const ann = await t.services.members.add({ email: 'ann-river@example.com', name: 'Ann River' });
    const bo = await t.services.members.add({ email: 'bo-river@example.com', name: 'Bo River' });
    const first = await t.services.comments.add(piece, { memberId: ann.id, name: 'Ann River', paid: false }, { body: 'Rivers carve.' });
    if (first.kind === 'discarded') throw new Error('discarded');
    await t.services.comments.approve(first.comment.id);
    const reply = await t.services.comments.add(piece, { memberId: bo.id, name: 'Bo River', paid: false }, { body: 'And deposit.', parentId: first.comment.id });
    if (reply.kind === 'discarded') throw new Error('discarded');
    await t.services.comments.approve(reply.comment.id);
    await t.services.runner.drain();
    await smtp.waitFor(1);
    const toAnn = smtp.received.findIndex((r) => r.to === 'ann-river@example.com');
    expect(toAnn).toBeGreaterThanOrEqual(0);
    const mail = await smtp.parsed(toAnn);
    const header = mail.headerLines.find((h) => h.key === 'list-unsubscribe')!.line;
    const url = /<http:\/\/localhost:3000(\/comments\/emails\/stop\/\?token=[^>]+)>/.exec(header)![1]!;

    await t.services.memberData.erase(ann.id);
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const oneClick = await t.app.inject({ method: 'POST', url, headers: form, payload: 'List-Unsubscribe=One-Click' });
    expect([oneClick.statusCode, oneClick.json()]).toEqual([200, { status: 'unsubscribed' }]);
    const button = await t.app.inject({ method: 'POST', url, headers: form, payload: '' });
    expect(button.statusCode).toBe(200);
    expect(await t.store.db.selectFrom('member_comment_email_optouts').select('member_id').where('member_id', '=', ann.id).execute()).toEqual([]);
  });
});
