import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, testServices, type TestContext } from '../support/stores.js';

const SUBSCRIBERS = 10_050;

describe.each(dialects)('listing a large subscriber list (%s)', (dialect) => {
  let t: TestContext;

  beforeAll(async () => {
    t = await testServices(dialect);
    const now = '2026-11-25T12:00:00.000Z';
    const weekly = await t.store.db.selectFrom('newsletters').select('id').where('slug', '=', 'weekly').executeTakeFirstOrThrow();
    for (let from = 0; from < SUBSCRIBERS; from += 500) {
      const rows = Array.from({ length: Math.min(500, SUBSCRIBERS - from) }, (_, k) => {
        const i = from + k;
        return { email: `reader${i}@example.com`, name: `Reader ${i}`, status: i % 201 === 0 ? 'pending' : 'confirmed', source: 'import', created_at: now, updated_at: now };
      });
      const ids = await t.store.db.insertInto('subscribers').values(rows).returning('id').execute();
      await t.store.db
        .insertInto('subscriber_newsletters')
        .values(ids.map(({ id }) => ({ subscriber_id: id, newsletter_id: weekly.id, created_at: now, unsubscribed_at: null })))
        .execute();
    }
    if (dialect === 'postgres') await sql`analyze`.execute(t.store.db);
  }, 120_000);
  afterAll(async () => t.close());

  it('counts up to 10,000 matches exactly and says when a larger total is an estimate', async () => {
    const all = await t.services.subscribers.list({ limit: 1 });
    if (dialect === 'postgres') {
      expect(all.totalEstimated).toBe(true);
      expect(all.total).toBeGreaterThan(10_000);
      expect(Math.abs(all.total - SUBSCRIBERS)).toBeLessThan(SUBSCRIBERS * 0.2);
    } else {
      expect(all).toMatchObject({ total: SUBSCRIBERS, totalEstimated: false });
    }
    expect(await t.services.subscribers.list({ status: 'pending', limit: 1 })).toMatchObject({ total: 50, totalEstimated: false });
    expect(await t.services.subscribers.list({ q: 'reader1000', limit: 1 })).toMatchObject({ total: 11, totalEstimated: false });
  });

  it('estimates the total of a search or a newsletter matching more than 10,000, and says so', async () => {
    for (const filter of [{ q: 'reader' }, { newsletter: 'weekly' }]) {
      const found = await t.services.subscribers.list({ ...filter, limit: 1 });
      expect(found.totalEstimated).toBe(true);
      expect(found.total).toBeGreaterThan(10_000);
      if (dialect === 'sqlite') expect(Math.abs(found.total - SUBSCRIBERS)).toBeLessThan(SUBSCRIBERS * 0.2);
      expect(found.subscribers.map((s) => s.email)).toEqual([`reader${SUBSCRIBERS - 1}@example.com`]);
      expect((await t.services.subscribers.list({ ...filter, limit: 1, offset: 10_000 })).subscribers.map((s) => s.email)).toEqual(['reader49@example.com']);
    }
    expect(await t.services.subscribers.list({ q: 'reader1000', newsletter: 'weekly', limit: 1 })).toMatchObject({ total: 11, totalEstimated: false });
  });

  it('answers a deep page with the same rows, newest first', async () => {
    const page = await t.services.subscribers.list({ limit: 3, offset: 10_000 });
    expect(page.subscribers.map((s) => s.email)).toEqual(['reader49@example.com', 'reader48@example.com', 'reader47@example.com']);
    const last = await t.services.subscribers.list({ limit: 50, offset: SUBSCRIBERS - 2 });
    expect(last.subscribers.map((s) => s.email)).toEqual(['reader1@example.com', 'reader0@example.com']);
    expect((await t.services.subscribers.list({ limit: 50, offset: SUBSCRIBERS })).subscribers).toEqual([]);
  });

  it('reads on from a deep page by its cursor, searched or not, as the offset would', async () => {
    for (const filter of [{}, { q: 'reader' }, { newsletter: 'weekly' }, { q: 'reader1' }]) {
      const deep = await t.services.subscribers.list({ ...filter, limit: 3, offset: 1_000 });
      expect(deep.next).not.toBeNull();
      const after = await t.services.subscribers.list({ ...filter, limit: 3, after: deep.next });
      const byOffset = await t.services.subscribers.list({ ...filter, limit: 3, offset: 1_003 });
      expect(after.subscribers.map((s) => s.email)).toEqual(byOffset.subscribers.map((s) => s.email));
      expect(after.subscribers).toHaveLength(3);
      expect(after.total).toBe(deep.total);
    }
    const last = await t.services.subscribers.list({ limit: 2, offset: SUBSCRIBERS - 2 });
    expect(last.next).toBeNull();
  });
});
