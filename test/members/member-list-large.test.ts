import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, testServices, type TestContext } from '../support/stores.js';

const MEMBERS = 10_040;

describe.each(dialects)('listing a large membership (%s)', (dialect) => {
  let t: TestContext;

  beforeAll(async () => {
    t = await testServices(dialect);
    const now = '2026-11-25T12:00:00.000Z';
    for (let from = 0; from < MEMBERS; from += 500) {
      const rows = Array.from({ length: Math.min(500, MEMBERS - from) }, (_, k) => ({ email: `member${from + k}@example.com`, name: `Member ${from + k}`, created_at: now, updated_at: now }));
      await t.store.db.insertInto('members').values(rows).execute();
    }
    if (dialect === 'postgres') await sql`analyze members`.execute(t.store.db);
  }, 120_000);
  afterAll(async () => t.close());

  const list = (filter: { q?: string }, page: { limit: number; offset: number; after?: string }) => t.services.members.list(filter, page);

  it('counts up to 10,000 matches exactly and says when a larger total is an estimate', async () => {
    const all = await list({}, { limit: 1, offset: 0 });
    if (dialect === 'postgres') {
      expect(all.totalEstimated).toBe(true);
      expect(all.total).toBeGreaterThan(10_000);
      expect(Math.abs(all.total - MEMBERS)).toBeLessThan(MEMBERS * 0.2);
    } else {
      expect(all).toMatchObject({ total: MEMBERS, totalEstimated: false });
    }
    expect(await list({ q: 'MEMBER9999@' }, { limit: 1, offset: 0 })).toMatchObject({ total: 1, totalEstimated: false });
    expect(await list({ q: 'member1000' }, { limit: 50, offset: 0 })).toMatchObject({ total: 11, totalEstimated: false });
  });

  it('estimates the total of a search matching more than 10,000 members, says so, and pages it newest first', async () => {
    const found = await list({ q: 'member' }, { limit: 2, offset: 0 });
    expect(found.totalEstimated).toBe(true);
    expect(found.total).toBeGreaterThan(10_000);
    if (dialect === 'sqlite') expect(Math.abs(found.total - MEMBERS)).toBeLessThan(MEMBERS * 0.2);
    expect(found.members.map((m) => m.email)).toEqual(['member10039@example.com', 'member10038@example.com']);
    expect((await list({ q: 'member' }, { limit: 2, offset: 10_000 })).members.map((m) => m.email)).toEqual(['member39@example.com', 'member38@example.com']);
  });

  it('answers a deep page with the same members, newest first', async () => {
    const page = await list({}, { limit: 3, offset: 10_000 });
    expect(page.members.map((m) => m.email)).toEqual(['member39@example.com', 'member38@example.com', 'member37@example.com']);
    expect((await list({}, { limit: 50, offset: MEMBERS - 1 })).members.map((m) => m.email)).toEqual(['member0@example.com']);
    expect((await list({}, { limit: 50, offset: MEMBERS })).members).toEqual([]);
  });

  it('reads on from a deep page by its cursor, searched or not, as the offset would', async () => {
    for (const filter of [{}, { q: 'member' }, { q: 'member1' }]) {
      const deep = await list(filter, { limit: 3, offset: 1_000 });
      const after = await list(filter, { limit: 3, offset: 0, after: deep.next! });
      expect(after.members).toHaveLength(3);
      expect(after.members.map((m) => m.email)).toEqual((await list(filter, { limit: 3, offset: 1_003 })).members.map((m) => m.email));
    }
    expect((await list({}, { limit: 2, offset: MEMBERS - 2 })).next).toBeNull();
  });
});
