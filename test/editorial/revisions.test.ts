import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEPT_REVISIONS } from '../../src/editorial/index.js';
import type { StaffUser } from '../../src/staff/index.js';
import { makeAuthor, postFields } from '../support/factories.js';
import { dialects, manualClock, testServices, type TestContext } from '../support/stores.js';

describe.each(dialects)('revision history on %s', (dialect) => {
  let t: TestContext;
  let editor: StaffUser;
  const clock = manualClock('2026-11-25T00:00:00.000Z');

  beforeAll(async () => {
    t = await testServices(dialect, { clock: clock.clock });
    editor = await t.services.users.create({ email: 'ed@example.com', name: 'Ed', role: 'editor' });
  });
  afterAll(async () => t.close());

  it('keeps the newest revisions in full and thins older ones to one an hour', async () => {
    const author = await makeAuthor(t.services);
    let post = await t.services.editorial.create(postFields([author.slug], { title: 'Version 0' }), editor);
    const saves = KEPT_REVISIONS + 11;
    for (let i = 1; i <= saves; i += 1) {
      clock.advance(20 * 60 * 1000);
      post = await t.services.editorial.save(post.id, { title: `Version ${i}` }, { revision: post.revision, user: editor });
    }
    const history = await t.services.editorial.revisions(post.id, editor);
    const newest = history.slice(0, KEPT_REVISIONS);
    expect(newest.map((r) => r.revision)).toEqual(Array.from({ length: KEPT_REVISIONS }, (_, i) => post.revision - i));
    const older = history.slice(KEPT_REVISIONS);
    const hours = older.map((r) => r.updatedAt.slice(0, 13));
    expect(new Set(hours).size).toBe(hours.length);
    expect(older.length).toBeGreaterThan(0);
    expect(history.length).toBeLessThan(saves + 1);
  });
});
