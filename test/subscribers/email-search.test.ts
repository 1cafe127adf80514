import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, testServices, type TestContext } from '../support/stores.js';

describe.each(dialects)('searching the subscriber and member lists for a whole email address (%s)', (dialect) => {
  let t: TestContext;
  const now = '2026-12-05T07:00:00.000Z';
  const people = [
    { email: 'ann@example.com', name: 'Ann' },
    { email: 'joann@example.com', name: 'Jo Ann' },
    { email: 'ann@example.com.au', name: 'Ann in Sydney' },
    { email: 'ed@example.org', name: 'Ed, ann@example.com on the old list' },
  ];

  beforeAll(async () => {
    t = await testServices(dialect);
    await t.store.db
      .insertInto('subscribers')
      .values(people.map((p) => ({ ...p, status: 'confirmed', source: 'import', created_at: now, updated_at: now })))
      .execute();
    // A member from a site document keeps the case the address was written in.
    await t.store.db
      .insertInto('members')
      .values([...people, { email: 'Mixed.Case@Example.com', name: '' }].map((p) => ({ ...p, created_at: now, updated_at: now })))
      .execute();
  });
  afterAll(async () => t.close());

  it('finds only the subscriber with that address, whatever its case and surrounding spaces', async () => {
    for (const q of ['ann@example.com', ' ANN@Example.COM ']) {
      const found = await t.services.subscribers.list({ q });
      expect(found.subscribers.map((s) => s.email)).toEqual(['ann@example.com']);
      expect(found).toMatchObject({ total: 1, totalEstimated: false });
    }
    expect(await t.services.subscribers.list({ q: 'nobody@example.com' })).toMatchObject({ subscribers: [], total: 0 });
    expect((await t.services.subscribers.list({ q: 'ann@example.com', status: 'pending' })).subscribers).toEqual([]);
  });

  it('finds only the member with that address', async () => {
    const found = await t.services.members.list({ q: 'Ann@example.com' }, { limit: 50, offset: 0 });
    expect(found.members.map((m) => m.email)).toEqual(['ann@example.com']);
    expect(found.total).toBe(1);
    const mixed = await t.services.members.list({ q: 'mixed.case@example.com' }, { limit: 50, offset: 0 });
    expect(mixed.members.map((m) => m.email)).toEqual(['Mixed.Case@Example.com']);
  });

  it('still matches any part of an address or name when the text is not a whole address', async () => {
    const subscribers = await t.services.subscribers.list({ q: 'ann@' });
    expect(subscribers.subscribers.map((s) => s.email).sort()).toEqual(['ann@example.com', 'ann@example.com.au', 'ed@example.org', 'joann@example.com']);
    const members = await t.services.members.list({ q: 'example.com' }, { limit: 50, offset: 0 });
    expect(members.total).toBe(5);
  });
});
