import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/clock.js';
import { CommentService, localSpamCheck } from '../../src/comments/index.js';
import { ContentEvents } from '../../src/content/index.js';
import { makeAuthor, postFields } from '../support/factories.js';
import { dialects, testServices, type TestContext } from '../support/stores.js';

const PER_PAGE = 50;
const TOP_LEVEL = 700;
const REPLIES = 1300;
type Status = 'approved' | 'pending' | 'hidden';

/** Counts the rows every query hands back, as a query log would. */
function rowCounter(): KyselyPlugin & { rows: number } {
  return {
    rows: 0,
    transformQuery: (args) => args.node,
    async transformResult(args) {
      this.rows += args.result.rows.length;
      return args.result;
    },
  };
}

describe.each(dialects)('pages of a piece with thousands of comments (%s)', (dialect) => {
  let t: TestContext;
  let postId: number;

  beforeAll(async () => {
    t = await testServices(dialect);
    const author = await makeAuthor(t.services);
    postId = (await t.services.posts.create(postFields([author.slug], { status: 'published' }))).id;
    const db = t.store.db;
    // Several comments share a second, so ties are broken by id; some threads and replies are not shown.
    const at = (i: number) => new Date(Date.UTC(2026, 0, 1) + Math.floor(i / 3) * 1000).toISOString();
    const topStatus = (i: number): Status => (i % 7 === 0 ? 'hidden' : i % 11 === 0 ? 'pending' : 'approved');
    const row = (i: number, parentId: number | null, status: Status) => ({
      post_id: postId,
      parent_id: parentId,
      member_id: null,
      author_name: `Reader ${i}`,
      body: `Comment ${i}`,
      status,
      created_at: at(i),
      updated_at: at(i),
    });
    const topIds: number[] = [];
    for (let start = 0; start < TOP_LEVEL; start += 500) {
      const chunk = Array.from({ length: Math.min(500, TOP_LEVEL - start) }, (_, k) => row(start + k, null, topStatus(start + k)));
      topIds.push(...(await db.insertInto('comments').values(chunk).returning('id').execute()).map((r) => r.id));
    }
    for (let start = 0; start < REPLIES; start += 500) {
      const chunk = Array.from({ length: Math.min(500, REPLIES - start) }, (_, k) => {
        const i = TOP_LEVEL + start + k;
        return row(i, topIds[(i * 37) % TOP_LEVEL]!, i % 13 === 0 ? 'pending' : 'approved');
      });
      await db.insertInto('comments').values(chunk).execute();
    }
  }, 120_000);
  afterAll(async () => t.close());

  it('pages threads exactly as the whole list of shown comments splits into fifty-thread pages', async () => {
    const everything = await t.services.comments.shown(postId);
    const pages = Math.ceil(everything.threads.length / PER_PAGE);
    expect(pages).toBeGreaterThan(10);
    for (let page = 1; page <= pages; page += 1) {
      const shown = await t.services.comments.shownPage(postId, page);
      expect(shown).toEqual({ count: everything.count, threads: everything.threads.slice((page - 1) * PER_PAGE, page * PER_PAGE), page, pages });
    }
    expect(await t.services.comments.shownPage(postId, pages + 1)).toBeUndefined();
    expect(await t.services.comments.shownPage(postId, 0)).toBeUndefined();
  });

  it('reads only the threads of the page asked for, with their replies', async () => {
    const counter = rowCounter();
    const service = new CommentService({ db: t.store.db.withPlugin(counter), clock: systemClock, events: new ContentEvents(), spam: localSpamCheck, emails: { announce: async () => {} } });
    const shown = await service.shownPage(postId, 3);
    const onPage = shown!.threads.reduce((n, thread) => n + 1 + thread.replies.length, 0);
    expect(shown!.threads).toHaveLength(PER_PAGE);
    // One row of totals, then the page's threads and their replies: nothing of the other pages.
    expect(counter.rows).toBe(1 + onPage);
    expect(onPage).toBeLessThan(shown!.count / 5);
  });
});
