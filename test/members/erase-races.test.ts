import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type AppContext } from '../support/app.js';
import { makeAuthor, makeTag, postFields } from '../support/factories.js';
import { answer } from '../support/answer.js';
import { dialects } from '../support/stores.js';
import { startStripeServer, type StripeTestServer } from '../support/stripe-server.js';
import { deliver, makePlans } from './helpers.js';

const ROUNDS = 8;

// Everything a member does that writes a row naming them, committing at the same moment as their
// erasure: each is either done before the erasure (which then removes it) or refused cleanly
// after it, never a foreign-key error and never a row left behind.
describe.each(dialects)('a member erased while they act (%s)', (dialect) => {
  let t: AppContext;
  let stripe: StripeTestServer;
  let piece: { id: number; slug: string; type: 'post'; status: 'published'; visibility: 'public' };
  let tag: { id: number };

  beforeAll(async () => {
    stripe = await startStripeServer();
    t = await testApp(dialect, { stripe: stripe.settings });
    await makePlans(t.services);
    const post = await t.services.posts.create(postFields([(await makeAuthor(t.services)).slug], { status: 'published', title: 'Dunes' }));
    piece = { id: post.id, slug: post.slug, type: 'post', status: 'published', visibility: 'public' };
    await t.services.comments.setSiteAccess('members');
    tag = await makeTag(t.services, { name: 'Deserts' });
  });
  afterAll(async () => {
    await t.close();
    await stripe.close();
  });

  /** Rows still naming the member (or their address) after the erasure. */
  async function leftovers(memberId: number, email: string) {
    const db = t.store.db;
    const count = async (rows: Promise<unknown[]>) => (await rows).length;
    return {
      members: await count(db.selectFrom('members').select('id').where('email', '=', email).execute()),
      comments: await count(db.selectFrom('comments').select('id').where('member_id', '=', memberId).execute()),
      follows: await count(db.selectFrom('follows').select('id').where('member_id', '=', memberId).execute()),
      alerts: await count(db.selectFrom('follow_alert_readers').select('reader').where('member_id', '=', memberId).execute()),
      sessions: await count(db.selectFrom('member_sessions').select('member_id').where('member_id', '=', memberId).execute()),
      tokens: await count(db.selectFrom('member_tokens').select('email').where('email', '=', email).execute()),
      subscriptions: await count(db.selectFrom('subscriptions').select('id').where('member_id', '=', memberId).execute()),
      checkouts: await count(db.selectFrom('checkouts').select('id').where('member_id', '=', memberId).execute()),
    };
  }
  const nothing = { members: 0, comments: 0, follows: 0, alerts: 0, sessions: 0, tokens: 0, subscriptions: 0, checkouts: 0 };

  it('a comment, a follow, the alerts setting, a sign-in and a checkout racing the erasure: clean answers, nothing left', async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const email = `racer${round}@example.com`;
      const member = await t.services.members.add({ email, name: 'Racer' });
      let link = '';
      await t.services.members.requestSignIn(email, (value) => (link = value));
      const who = { memberId: member.id, name: 'Racer', paid: false };
      const answers = await Promise.all([
        answer(t.services.memberData.erase(member.id)),
        answer(t.services.comments.add(piece, who, { body: `Sand moves, round ${round}.` })),
        answer(t.services.follows.followAsMember(member.id, { kind: 'tag', id: tag.id })),
        answer(t.services.followAlerts.set({ kind: 'member', id: member.id }, true)),
        answer(t.services.members.completeSignIn(link)),
        answer(t.services.subscriptions.startCheckout(member, { plan: 'digital', billing: 'month' })),
      ]);
      expect(answers[0], `round ${round}`).toBe('ok');
      expect(await leftovers(member.id, email), `round ${round}: ${answers.join(', ')}`).toEqual(nothing);
      // Whichever came first, no checkout is left that the erased reader could still pay.
      expect(
        [...stripe.checkoutSessions.values()].filter((s) => s.customer_email === email && s.status === 'open'),
        `round ${round}: ${answers.join(', ')}`,
      ).toEqual([]);
    }
  });

  it('a Stripe checkout completing as the member is erased: either the erasure is refused or the event is ignored', async () => {
    for (let round = 0; round < 3 * ROUNDS; round += 1) {
      const email = `buyer${round}@example.com`;
      await t.services.subscriptions.startCheckout(null, { plan: 'digital', billing: 'month', email });
      const checkoutId = stripe.requests.at(-1)!.body.get('client_reference_id')!;
      const member = await t.services.members.get({ email });
      const session = {
        id: `cs_race${dialect}${round}`,
        object: 'checkout.session',
        mode: 'subscription',
        client_reference_id: checkoutId,
        customer: `cus_race${dialect}${round}`,
        subscription: `sub_race${dialect}${round}`,
        payment_status: 'paid',
      };
      const [erased, webhook] = await Promise.all([answer(t.services.memberData.erase(member.id)), answer(deliver(t.services, 'checkout.session.completed', session).outcome)]);
      expect(webhook, `round ${round}`).toBe('ok');
      if (erased === 'ok') {
        expect(await leftovers(member.id, email), `round ${round}`).toEqual(nothing);
      } else {
        expect(erased).toBe('MEMBER_STILL_SUBSCRIBED');
        expect((await t.services.members.detail(member.id)).subscriptions).toEqual([expect.objectContaining({ status: 'active' })]);
      }
    }
  });
});
