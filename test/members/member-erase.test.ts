import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffClient, type AdminClient } from '../admin-api/support/admin-client.js';
import { testApp, type AppContext } from '../support/app.js';
import { makeAuthor, makeTag, postFields } from '../support/factories.js';
import { dialects } from '../support/stores.js';
import { startStripeServer, type StripeTestServer } from '../support/stripe-server.js';
import { gbAddress, giveGift, keptComment, makePlans, memberCookie, subscribe } from './helpers.js';

describe.each(dialects)("a member's data: export and erasure (%s)", (dialect) => {
  let t: AppContext;
  let stripe: StripeTestServer;
  let editor: AdminClient;
  let piece: { id: number; slug: string; type: 'post'; status: 'published'; visibility: 'public' };

  beforeAll(async () => {
    stripe = await startStripeServer();
    t = await testApp(dialect, { stripe: stripe.settings });
    await makePlans(t.services);
    const post = await t.services.posts.create(postFields([(await makeAuthor(t.services)).slug], { status: 'published', title: 'Tides' }));
    piece = { id: post.id, slug: post.slug, type: 'post', status: 'published', visibility: 'public' };
    await t.services.comments.setSiteAccess('members');
    editor = (await staffClient(t.app, t.services, 'editor')).client;
  });
  afterAll(async () => {
    await t.close();
    await stripe.close();
  });

  /** A member with a shown comment, a pending one, a follow, a session and comment settings. */
  async function memberWithHistory(email: string, name = 'Mara Quist') {
    const member = await t.services.members.add({ email, name });
    const who = { memberId: member.id, name: member.name, paid: false };
    const shown = keptComment(await t.services.comments.add(piece, who, { body: 'The tide tables are wrong.' }));
    await t.services.comments.approve(shown.id);
    const waiting = keptComment(await t.services.comments.add(piece, who, { body: 'Waiting: see https://example.com/x' }));
    const tag = await makeTag(t.services, { name: `Coasts ${member.id}` });
    await t.services.follows.followAsMember(member.id, { kind: 'tag', id: tag.id });
    await t.services.comments.stop(member.id);
    await memberCookie(t.services, email);
    return { member, commentId: shown.id, waitingId: waiting.id, tag };
  }

  it('exports what is held about a member to editors, and refuses contributors and authors', async () => {
    const { member, tag } = await memberWithHistory('export@example.com');
    const res = await editor.call('GET', `/admin/api/members/${member.id}/export`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="member-${member.id}.json"`);
    const data = res.json();
    expect(data.member).toMatchObject({ id: member.id, email: 'export@example.com', name: 'Mara Quist' });
    expect(data.comments.map((c: { body: string; status: string }) => [c.body, c.status])).toEqual([
      ['Waiting: see https://example.com/x', 'pending'],
      ['The tide tables are wrong.', 'approved'],
    ]);
    expect(data.comments[0].piece).toEqual({ slug: piece.slug, title: 'Tides' });
    expect(data.follows).toEqual([expect.objectContaining({ kind: 'tag', slug: tag.slug, confirmed: true })]);
    expect(data).toMatchObject({ commentBan: true, commentEmails: true, followAlerts: false, subscriptions: [], checkouts: [], tips: [] });

    for (const role of ['contributor', 'author'] as const) {
      const { client } = await staffClient(t.app, t.services, role);
      for (const [method, url] of [
        ['GET', `/admin/api/members/${member.id}/export`],
        ['POST', `/admin/api/members/${member.id}/erase`],
      ] as const) {
        const refused = await client.call(method, url);
        expect([refused.statusCode, refused.json().error.code], `${role} ${method}`).toEqual([403, 'FORBIDDEN']);
      }
    }
    expect((await t.services.members.detail(member.id)).member.email).toBe('export@example.com');
  });

  it('exports the address, subscription and checkout of a paying member', async () => {
    await subscribe(t.services, stripe, { plan: 'print-digital', billing: 'year', email: 'payer@example.com', address: gbAddress });
    const member = await t.services.members.get({ email: 'payer@example.com' });
    const data = (await editor.call('GET', `/admin/api/members/${member.id}/export`)).json();
    expect(data.member.address).toMatchObject({ line1: '1 High Street', country: 'GB' });
    expect(data.subscriptions).toEqual([expect.objectContaining({ status: 'active', billing: 'year' })]);
    expect(data.checkouts).toEqual([expect.objectContaining({ status: 'completed', details: expect.objectContaining({ address: expect.objectContaining({ line1: '1 High Street' }) }) })]);
  });

  it('refuses to erase a member Stripe still bills, and changes nothing', async () => {
    await subscribe(t.services, stripe, { plan: 'digital', billing: 'month', email: 'billed@example.com' });
    const member = await t.services.members.get({ email: 'billed@example.com' });
    const before = (await editor.call('GET', `/admin/api/members/${member.id}/export`)).json();
    const refused = await editor.call('POST', `/admin/api/members/${member.id}/erase`);
    expect([refused.statusCode, refused.json().error.code]).toEqual([409, 'MEMBER_STILL_SUBSCRIBED']);
    expect((await editor.call('GET', `/admin/api/members/${member.id}/export`)).json()).toEqual(before);
  });

  it("closes a member's unpaid checkouts at Stripe before erasing them, so no one can pay for an account that is gone", async () => {
    const member = await t.services.members.add({ email: 'browsing@example.com' });
    const url = await t.services.subscriptions.startCheckout(member, { plan: 'digital', billing: 'month' });
    const sessionId = url.split('/').pop()!;
    expect(stripe.checkoutSessions.get(sessionId)).toMatchObject({ status: 'open' });

    expect((await editor.call('POST', `/admin/api/members/${member.id}/erase`)).statusCode).toBe(204);
    expect(stripe.checkoutSessions.get(sessionId)).toMatchObject({ status: 'expired' });
    expect(stripe.requests.filter((r) => r.path === `/v1/checkout/sessions/${sessionId}/expire`)).toHaveLength(1);
    expect((await editor.call('GET', `/admin/api/members/${member.id}/export`)).statusCode).toBe(404);
  });

  it('refuses to erase a member whose checkout was paid before its payment is recorded, or while Stripe does not answer, and changes nothing', async () => {
    const member = await t.services.members.add({ email: 'paying-now@example.com' });
    const url = await t.services.subscriptions.startCheckout(member, { plan: 'digital', billing: 'month' });
    const before = (await editor.call('GET', `/admin/api/members/${member.id}/export`)).json();

    stripe.failing = true;
    const unanswered = await editor.call('POST', `/admin/api/members/${member.id}/erase`).finally(() => (stripe.failing = false));
    expect([unanswered.statusCode, unanswered.json().error.code]).toEqual([502, 'PAYMENT_PROVIDER_FAILED']);

    // The reader paid on Stripe's page; the event saying so has not arrived.
    stripe.checkoutSessions.get(url.split('/').pop()!)!.status = 'complete';
    const refused = await editor.call('POST', `/admin/api/members/${member.id}/erase`);
    expect([refused.statusCode, refused.json().error.code]).toEqual([409, 'MEMBER_CHECKOUT_PAID']);
    expect((await editor.call('GET', `/admin/api/members/${member.id}/export`)).json()).toEqual(before);
  });

  it('erases the recipient of a gift, which Stripe does not bill again', async () => {
    await giveGift(t.services, stripe, { plan: 'print-digital', buyer: 'giver@example.com', recipient: { email: 'given@example.com', name: 'Gift Reader', address: gbAddress } });
    const member = await t.services.members.get({ email: 'given@example.com' });
    expect((await t.services.members.detail(member.id)).subscriptions).toEqual([expect.objectContaining({ status: 'active' })]);
    expect((await editor.call('POST', `/admin/api/members/${member.id}/erase`)).statusCode).toBe(204);
    const giver = await t.services.members.get({ email: 'giver@example.com' });
    expect((await t.services.members.detail(giver.id)).giftsGiven).toEqual([]);
  });

  it('exports the print fulfilment rows of a member, and erasure keeps the copies per country but not their name or address', async () => {
    await giveGift(t.services, stripe, { plan: 'print-digital', buyer: 'print-giver@example.com', recipient: { email: 'print-reader@example.com', name: 'Print Reader', address: gbAddress } });
    const member = await t.services.members.get({ email: 'print-reader@example.com' });
    const issue = await t.services.print.create({ name: 'Winter 2026', onSaleDate: '2099-12-10', addressCutoff: '2099-12-01T00:00:00Z' });
    await t.services.print.freezeNow(issue.id);

    const data = (await editor.call('GET', `/admin/api/members/${member.id}/export`)).json();
    expect(data.printFulfilment).toEqual([
      { issue: { slug: issue.slug, name: 'Winter 2026', onSaleDate: '2099-12-10' }, quantity: 1, address: expect.objectContaining({ name: 'Ada Obi', line1: '1 High Street', postcode: 'SW1A 1AA', country: 'GB' }) },
    ]);

    expect((await editor.call('POST', `/admin/api/members/${member.id}/erase`)).statusCode).toBe(204);
    const list = await editor.call('GET', `/admin/api/members/print-issues/${issue.id}/fulfilment`);
    expect(list.statusCode).toBe(200);
    const line = list.json().items.find((item: { memberId: number }) => item.memberId === member.id);
    expect(line).toMatchObject({ name: '', line1: '', line2: '', city: '', region: '', postcode: '', country: 'GB', quantity: 1 });
    const rows = await t.store.db.selectFrom('fulfilment_items').selectAll().where('member_id', '=', member.id).execute();
    expect(rows).toEqual([{ issue_id: issue.id, member_id: member.id, name: '', line1: '', line2: '', city: '', region: '', postcode: '', country: 'GB', quantity: 1 }]);
    const countries = await editor.call('GET', `/admin/api/members/print-issues/${issue.id}/countries`);
    expect(countries.body).toContain('GB');
  });

  it('erases a member: their shown comment stays as "A former member" with its reply, the rest goes; a second erase is 404', async () => {
    const { member, commentId, waitingId } = await memberWithHistory('erase@example.com', 'Tove Lind');
    const other = await t.services.members.add({ email: 'replier@example.com', name: 'Ola Berg' });
    const replier = { memberId: other.id, name: other.name, paid: false };
    const reply = keptComment(await t.services.comments.add(piece, replier, { body: 'They were fixed in May.', parentId: commentId }));
    await t.services.comments.approve(reply.id);
    await t.app.inject(`/${piece.slug}/`);

    const erased = await editor.call('POST', `/admin/api/members/${member.id}/erase`);
    expect(erased.statusCode).toBe(204);

    const page = await t.app.inject(`/${piece.slug}/`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('A former member');
    expect(page.body).toContain('The tide tables are wrong.');
    expect(page.body).toContain('They were fixed in May.');
    expect(page.body).not.toContain('Tove Lind');
    const db = t.store.db;
    expect(await db.selectFrom('comments').select(['member_id', 'author_name', 'body']).where('id', '=', commentId).execute()).toEqual([
      { member_id: null, author_name: 'A former member', body: 'The tide tables are wrong.' },
    ]);
    expect(await db.selectFrom('comments').select('id').where('id', '=', waitingId).execute()).toEqual([]);
    expect(await db.selectFrom('follows').select('id').where('member_id', '=', member.id).execute()).toEqual([]);
    expect(await db.selectFrom('comment_bans').select('member_id').where('member_id', '=', member.id).execute()).toEqual([]);
    expect(await db.selectFrom('member_sessions').select('member_id').where('member_id', '=', member.id).execute()).toEqual([]);
    expect(await db.selectFrom('member_tokens').select('email').where('email', '=', 'erase@example.com').execute()).toEqual([]);

    const again = await editor.call('POST', `/admin/api/members/${member.id}/erase`);
    expect([again.statusCode, again.json().error.code]).toEqual([404, 'MEMBER_NOT_FOUND']);
    expect((await editor.call('GET', `/admin/api/members/${member.id}/export`)).statusCode).toBe(404);
    expect((await editor.call('POST', '/admin/api/members/abc/erase')).statusCode).toBe(404);
    expect((await editor.call('POST', '/admin/api/members/99999999999/erase')).statusCode).toBe(404);
    const odd = await editor.call('POST', `/admin/api/members/${other.id}/erase`, 'x'.repeat(3 * 1024 * 1024), { 'content-type': 'application/json' });
    expect([400, 413]).toContain(odd.statusCode);
    expect((await t.services.members.detail(other.id)).member.email).toBe('replier@example.com');
  });

  it('erases in the site language, and two erasures at once erase once', async () => {
    const { member, commentId } = await memberWithHistory('parallel@example.com', 'Ivo Rank');
    await t.services.settings.updateSite({ locale: 'de' });
    const answers = await Promise.all([1, 2, 3].map(() => editor.call('POST', `/admin/api/members/${member.id}/erase`)));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([204, 404, 404]);
    expect(await t.store.db.selectFrom('comments').select('author_name').where('id', '=', commentId).execute()).toEqual([{ author_name: 'Ein ehemaliges Mitglied' }]);
    await t.services.settings.updateSite({ locale: 'en' });
  });

  it('keeps comments, and replies to them, when a member row is deleted directly', async () => {
    const { member, commentId } = await memberWithHistory('direct@example.com', 'Bo Dahl');
    const other = await t.services.members.add({ email: 'second@example.com', name: 'Lea Sund' });
    const reply = keptComment(await t.services.comments.add(piece, { memberId: other.id, name: other.name, paid: false }, { body: 'Noted.', parentId: commentId }));
    await t.store.db.deleteFrom('members').where('id', '=', member.id).execute();
    const rows = await t.store.db.selectFrom('comments').select(['id', 'member_id']).where('id', 'in', [commentId, reply.id]).orderBy('id').execute();
    expect(rows).toEqual([
      { id: commentId, member_id: null },
      { id: reply.id, member_id: other.id },
    ]);
  });
});
