import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTag } from '../support/factories.js';
import { answer } from '../support/answer.js';
import { dialects, testServices, type TestContext } from '../support/stores.js';

const ROUNDS = 12;

// A newsletter subscriber erased (by staff, or on their own request) at the moment they click a
// follow's confirmation link, change their preferences, turn alerts on or leave a newsletter. On
// PostgreSQL every call runs on its own pooled connection. Whatever the order, each is either
// done before the erasure (which then removes it) or refused cleanly after it: never a
// foreign-key error, never a row left naming the erased reader.
describe.each(dialects)('a subscriber erased while they act (%s)', (dialect) => {
  let t: TestContext;
  let tag: { id: number };

  beforeAll(async () => {
    t = await testServices(dialect);
    tag = await makeTag(t.services, { name: 'Rivers' });
  });
  afterAll(async () => t.close());

  /** Rows still naming the subscriber after the erasure. */
  async function leftovers(subscriberId: number) {
    const db = t.store.db;
    const count = async (rows: Promise<unknown[]>) => (await rows).length;
    return {
      subscribers: await count(db.selectFrom('subscribers').select('id').where('id', '=', subscriberId).execute()),
      newsletters: await count(db.selectFrom('subscriber_newsletters').select('newsletter_id').where('subscriber_id', '=', subscriberId).execute()),
      follows: await count(db.selectFrom('follows').select('id').where('reader', '=', `subscriber:${subscriberId}`).execute()),
      alerts: await count(db.selectFrom('follow_alert_readers').select('reader').where('reader', '=', `subscriber:${subscriberId}`).execute()),
    };
  }
  const nothing = { subscribers: 0, newsletters: 0, follows: 0, alerts: 0 };

  it('a follow confirmed or asked for, preferences saved, alerts turned on, a newsletter joined or left, a bounce and a second erasure during the erasure: clean answers, nothing left', async () => {
    await t.services.subscribers.createNewsletter({ slug: `weekly-${dialect}`, name: 'Weekly', isDefault: true });
    for (let round = 0; round < ROUNDS; round += 1) {
      const email = `stream${round}@example.com`;
      await t.services.follows.requestByEmail({ email, kind: 'tag', id: tag.id });
      const subscriber = await t.services.subscribers.find(email);
      const follow = await t.store.db.selectFrom('follows').selectAll().where('subscriber_id', '=', subscriber.id).executeTakeFirstOrThrow();
      const confirmLink = (await t.services.follows.signer()).sign({ followId: follow.id, nonce: follow.confirm_nonce!, expires: Math.floor(Date.now() / 1000) + 3600 });
      const links = await t.services.subscribers.links();
      const preferences = links.sign({ purpose: 'preferences', subscriberId: subscriber.id });
      const unsubscribe = links.sign({ purpose: 'unsubscribe', subscriberId: subscriber.id });
      const calls = [
        () => t.services.subscribers.erase(email),
        () => t.services.follows.confirm(confirmLink),
        () => t.services.subscribers.updatePreferences({ token: preferences, newsletters: [`weekly-${dialect}`] }),
        () => t.services.followAlerts.set({ kind: 'subscriber', id: subscriber.id }, true),
        () => t.services.subscribers.unsubscribe(unsubscribe),
        () => t.services.follows.requestByEmail({ email, kind: 'tag', id: tag.id }),
        () => t.services.subscribers.subscribe({ email, newsletters: [`weekly-${dialect}`] }),
        () => t.services.subscribers.markBounced(subscriber.id),
        () => t.services.subscribers.erase(email),
      ];
      // Each round starts them in another order, so that each comes first in some round.
      const started = calls.map((_, i) => calls[(i + round) % calls.length]!).map((call) => answer(call()));
      const answers = calls.map((_, i) => started[(i - round + calls.length * ROUNDS) % calls.length]!);
      const said = await Promise.all(answers);
      // One erasure runs, the other finds no one or erases the address typed again meanwhile; typed
      // again, the address is erased with the reader or after it is a new pending one.
      expect([said[0], said[8]], `round ${round}`).toContain('ok');
      for (const erased of [said[0], said[8]]) expect(['ok', 'SUBSCRIBER_NOT_FOUND'], `round ${round}`).toContain(erased);
      expect([said[5], said[6]], `round ${round}`).toEqual(['ok', 'ok']);
      expect(await leftovers(subscriber.id), `round ${round}: ${said.join(', ')}`).toEqual(nothing);
      const again = await t.store.db.selectFrom('subscribers').select('status').where('email', '=', email).execute();
      expect(
        again.filter((s) => s.status !== 'pending'),
        `round ${round}`,
      ).toEqual([]);
    }
  });
});
