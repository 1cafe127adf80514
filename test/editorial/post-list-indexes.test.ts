import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAdminPostIds } from '../../src/editorial/post-list.repository.js';
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

  it(dialect === 'sqlite' ? 'checks a title search in the index without reading the posts' : 'finds the titles a search names in a trigram index of titles', async () => {
    const query = `select id from posts where type = 'post' and lower(title) like '%piece 1234 %' order by updated_at desc, id desc limit 20`;
    if (dialect === 'sqlite') {
      expect(await plan(query)).toContain('USING COVERING INDEX posts_admin_list');
      return;
    }
    await sql`insert into posts (type, slug, title, body_format, body_source, html, plaintext, word_count, format, status, created_at, updated_at)
      select 'post', 'piece-' || i, 'Piece ' || i || ' about plums', 'markdown', '', '', '', 0, 'article', 'draft', '2026-01-01', to_char(timestamp '2026-01-01' + i * interval '1 minute', 'YYYY-MM-DD"T"HH24:MI:SS')
      from generate_series(1, 20000) as i`.execute(t.store.db);
    try {
      await sql`analyze posts`.execute(t.store.db);
      const search = (await sql.raw<{ 'QUERY PLAN': string }>(`explain ${query}`).execute(t.store.db)).rows.map((r) => r['QUERY PLAN']).join('\n');
      expect(search).toContain('Bitmap Index Scan on posts_title_trigrams');
    } finally {
      await sql`delete from posts where slug like 'piece-%'`.execute(t.store.db);
    }
  });

  it('answers a title search with the matching posts, most recently changed first, taking % and _ literally', async () => {
    const now = '2026-12-05T07:00:00.000Z';
    const titles = ['An orchard in winter', 'Orchards of Kent', 'The 100% orchard', 'Notes on pears'];
    const ids = await t.store.db
      .insertInto('posts')
      .values(
        titles.map((title, i) => ({
          type: 'post',
          slug: `orchard-${i}`,
          title,
          body_format: 'markdown',
          body_source: '',
          html: '',
          plaintext: '',
          word_count: 0,
          format: 'article',
          status: 'draft',
          created_at: now,
          updated_at: `2026-12-0${i + 1}T00:00:00.000Z`,
        })),
      )
      .returning('id')
      .execute();
    const search = (q: string) => listAdminPostIds(t.store.db, { type: 'post', q }, { all: true }, { limit: 20, offset: 0 });
    expect(await search('ORCHARD')).toEqual({ ids: [ids[2]!.id, ids[1]!.id, ids[0]!.id], total: 3, next: null });
    expect(await search('100% orchard')).toEqual({ ids: [ids[2]!.id], total: 1, next: null });
    expect(await search('0%')).toEqual({ ids: [ids[2]!.id], total: 1, next: null });
    expect(await search('o_chard')).toEqual({ ids: [], total: 0, next: null });
  });
});
