import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, testServices, type TestContext } from '../support/stores.js';

describe.each(dialects)('the admin post list on a large site (%s)', (dialect) => {
  let t: TestContext;

  beforeAll(async () => {
    t = await testServices(dialect);
  });
  afterAll(async () => t.close());

  /** The plan of the admin list's query shape, with table scans and sorts discouraged where the planner allows it. */
  async function plan(query: string): Promise<string> {
    if (dialect === 'sqlite') return (await sql.raw<{ detail: string }>(`explain query plan ${query}`).execute(t.store.db)).rows.map((r) => r.detail).join('\n');
    return t.store.db.transaction().execute(async (tx) => {
      await sql`set local enable_seqscan = off`.execute(tx);
      await sql`set local enable_sort = off`.execute(tx);
      return (await sql.raw<{ 'QUERY PLAN': string }>(`explain ${query}`).execute(tx)).rows.map((r) => r['QUERY PLAN']).join('\n');
    });
  }

  it('reads a page newest change first from an index instead of sorting every post', async () => {
    const newest = await plan(`select id from posts where type = 'post' order by updated_at desc, id desc limit 20 offset 40000`);
    expect(newest).toContain('posts_admin_list');
    expect(newest).not.toMatch(/TEMP B-TREE|Sort/);
    const drafts = await plan(`select id from posts where type = 'post' and status = 'draft' order by updated_at desc, id desc limit 20`);
    expect(drafts).toContain('posts_admin_status_list');
    expect(drafts).not.toMatch(/TEMP B-TREE|Sort/);
  });

  it(dialect === 'sqlite' ? 'checks a title search in the index without reading the posts' : 'searches titles in list order from the same index', async () => {
    const search = await plan(`select id from posts where type = 'post' and lower(title) like '%orchard%' order by updated_at desc, id desc limit 20`);
    expect(search).toContain(dialect === 'sqlite' ? 'USING COVERING INDEX posts_admin_list' : 'posts_admin_list');
  });
});
