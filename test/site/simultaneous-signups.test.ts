import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type AppContext } from '../support/app.js';
import { makeTag } from '../support/factories.js';
import { dialects } from '../support/stores.js';

const TRIES = 9;

describe.each(dialects)('the same new address sent by many requests at once (%s)', (dialect) => {
  let t: AppContext;

  beforeAll(async () => {
    t = await testApp(dialect);
  });
  afterAll(async () => t.close());

  /** Fires the same request TRIES times at once, each from its own address so no limit is reached. */
  const all = (url: string, payload: object | string) =>
    Promise.all(
      Array.from({ length: TRIES }, (_, i) =>
        t.app.inject({
          method: 'POST',
          url,
          remoteAddress: `198.51.100.${i + 1}`,
          headers: typeof payload === 'string' ? { 'content-type': 'application/x-www-form-urlencoded' } : { 'content-type': 'application/json', accept: 'application/json' },
          payload,
        }),
      ),
    );

  const jobsFor = async (name: string) => (await t.store.db.selectFrom('jobs').select('payload').where('name', '=', name).execute()).map((j) => JSON.parse(j.payload) as Record<string, unknown>);

  it('answers every newsletter signup as one is answered, adds the address once and mails it once', async () => {
    const answers = await all('/newsletter/subscribe', { email: 'crowd@example.com' });
    expect(answers.map((a) => a.statusCode)).toEqual(Array(TRIES).fill(202));
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    expect(answers[0]!.json()).toMatchObject({ status: 'check-your-inbox' });
    const rows = await t.store.db.selectFrom('subscribers').select(['id', 'status']).where('email', '=', 'crowd@example.com').execute();
    expect(rows).toEqual([{ id: expect.any(Number), status: 'pending' }]);
    expect((await jobsFor('subscribers.email')).filter((p) => p.subscriberId === rows[0]!.id)).toEqual([{ subscriberId: rows[0]!.id, kind: 'confirm' }]);
  });

  it('mails an address already on the list once, however many signups for it arrive at once', async () => {
    await t.services.subscribers.importCsv(Buffer.from('email\nknown@example.com\n'));
    const answers = await all('/newsletter/subscribe', { email: 'known@example.com' });
    expect(answers.map((a) => a.statusCode)).toEqual(Array(TRIES).fill(202));
    const { id } = await t.services.subscribers.find('known@example.com');
    expect((await jobsFor('subscribers.email')).filter((p) => p.subscriberId === id)).toEqual([{ subscriberId: id, kind: 'already-subscribed' }]);
  });

  it('answers every follow by email as one is answered and keeps one subscriber and one follow', async () => {
    const tag = await makeTag(t.services);
    const answers = await all('/follows/', new URLSearchParams({ email: 'follower@example.com', kind: 'tag', id: String(tag.id) }).toString());
    expect(answers.map((a) => a.statusCode)).toEqual(Array(TRIES).fill(200));
    const rows = await t.store.db.selectFrom('subscribers').select('id').where('email', '=', 'follower@example.com').execute();
    expect(rows).toHaveLength(1);
    expect(await t.store.db.selectFrom('follows').select('id').where('reader', '=', `subscriber:${rows[0]!.id}`).execute()).toHaveLength(1);
  });
});
