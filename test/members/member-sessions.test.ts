import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/db/client.js';
import { dialects, manualClock, testServices, type TestContext } from '../support/stores.js';
import { subscriptionState, type StripeTestServer } from '../support/stripe-server.js';
import { deliver, stripeServices, subscribe } from './helpers.js';

describe.each(dialects)('member sessions (%s)', (dialect) => {
  let t: TestContext;
  let stripe: StripeTestServer;
  let close: () => Promise<unknown>;
  const time = manualClock('2026-11-25T12:00:00.000Z');

  const signIn = async (email: string) => {
    let token = '';
    await t.services.members.requestSignIn(email, (value) => (token = value));
    return (await t.services.members.completeSignIn(token)).session;
  };

  beforeAll(async () => {
    ({ t, stripe, close } = await stripeServices(dialect, { clock: time.clock }));
  });
  afterAll(async () => close());

  it('ends paid access and the session itself as soon as they change', async () => {
    const { stripeId } = await subscribe(t.services, stripe, { plan: 'digital', billing: 'month', email: 'changing@example.com' });
    const session = await signIn('changing@example.com');
    expect((await t.services.members.session(session))?.viewer).toEqual({ kind: 'member', paid: true });
    expect((await t.services.members.session(session))?.viewer).toEqual({ kind: 'member', paid: true });
    await deliver(t.services, 'customer.subscription.deleted', subscriptionState(stripeId, { status: 'canceled' })).outcome;
    expect((await t.services.members.session(session))?.viewer).toEqual({ kind: 'member', paid: false });
    await t.services.members.signOut(session);
    expect(await t.services.members.session(session)).toBeUndefined();
  });

  it('sees a session ended by another process on the same database at once', async () => {
    const session = await signIn('elsewhere@example.com');
    expect(await t.services.members.session(session)).toBeDefined();
    const other = openStore(t.config);
    try {
      await other.db.deleteFrom('member_sessions').execute();
    } finally {
      await other.close();
    }
    expect(await t.services.members.session(session)).toBeUndefined();
  });

  it('ends a kept session when its time is up', async () => {
    const session = await signIn('expiring@example.com');
    expect(await t.services.members.session(session)).toBeDefined();
    time.advance(91 * 86_400_000);
    try {
      expect(await t.services.members.session(session)).toBeUndefined();
    } finally {
      time.set('2026-11-25T12:00:00.000Z');
    }
  });

  it('refuses made-up and oversized tokens', async () => {
    expect(await t.services.members.session('made-up-token')).toBeUndefined();
    expect(await t.services.members.session('x'.repeat(10_000))).toBeUndefined();
    expect(await t.services.members.session('')).toBeUndefined();
  });
});

describe('member sessions on SQLite', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await testServices('sqlite');
  });
  afterAll(async () => t.close());

  it('answers a repeated lookup without reading the session again while nothing is written', async () => {
    let token = '';
    await t.services.members.requestSignIn('repeat@example.com', (value) => (token = value));
    const { session } = await t.services.members.completeSignIn(token);
    const first = await t.services.members.session(session);
    const second = await t.services.members.session(session);
    expect(second?.member).toBe(first?.member);
    await t.services.members.rename(first!.member.id, 'Renamed Reader');
    expect((await t.services.members.session(session))?.member.name).toBe('Renamed Reader');
  });
});
