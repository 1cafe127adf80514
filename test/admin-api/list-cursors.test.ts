import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type AppContext } from '../support/app.js';
import { makeAuthor, postFields } from '../support/factories.js';
import { dialects, manualClock } from '../support/stores.js';
import { AdminClient, staffClient } from './support/admin-client.js';

const POSTS = 7;
const PEOPLE = 9;

describe.each(dialects)('reading the admin lists on from a page’s end (%s)', (dialect) => {
  let t: AppContext;
  let editor: AdminClient;
  // Every post is written at the same moment, so the cursor must tell them apart by id.
  const clock = manualClock('2026-12-05T07:00:00.000Z');

  beforeAll(async () => {
    t = await testApp(dialect, { clock: clock.clock });
    ({ client: editor } = await staffClient(t.app, t.services, 'editor'));
    const writer = (await makeAuthor(t.services, { name: 'Ada Obi' })).slug;
    for (let i = 0; i < POSTS; i += 1) expect((await editor.call('POST', '/admin/api/posts', postFields([writer], { title: `Column ${i}` }))).statusCode).toBe(201);
    const now = '2026-12-05T07:00:00.000Z';
    const people = Array.from({ length: PEOPLE }, (_, i) => ({ email: `reader${i}@example.com`, name: i % 3 === 0 ? `Rare Reader ${i}` : `Reader ${i}`, created_at: now, updated_at: now }));
    await t.store.db
      .insertInto('subscribers')
      .values(people.map((p) => ({ ...p, status: 'confirmed', source: 'import' })))
      .execute();
    await t.store.db.insertInto('members').values(people).execute();
  });
  afterAll(async () => t.close());

  /** Every page of a list, read by handing back each page's `next`; and the same list read in one page. */
  async function walk(url: string, items: string, next: (body: any) => string | null, limit: number) {
    const seen: number[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const res = await editor.call('GET', `${url}${url.includes('?') ? '&' : '?'}limit=${limit}${after ? `&after=${after}` : ''}`);
      const body = res.json();
      expect(res.statusCode, JSON.stringify(body)).toBe(200);
      seen.push(...body[items].map((row: { id: number }) => row.id));
      after = next(body);
      pages += 1;
    } while (after !== null && pages < 20);
    const whole = (await editor.call('GET', `${url}${url.includes('?') ? '&' : '?'}limit=100`)).json();
    return { seen, pages, whole: whole[items].map((row: { id: number }) => row.id) as number[] };
  }

  it('pages through posts by cursor in list order, each post once, even when they changed at the same moment', async () => {
    const { seen, pages, whole } = await walk('/admin/api/posts', 'posts', (body) => body.page.next, 3);
    expect(whole).toHaveLength(POSTS);
    expect(seen).toEqual(whole);
    expect(pages).toBe(3);
    const second = (await editor.call('GET', '/admin/api/posts?limit=3&offset=3')).json();
    const first = (await editor.call('GET', '/admin/api/posts?limit=3')).json();
    expect(first.page).toMatchObject({ total: POSTS, limit: 3, offset: 0 });
    const byCursor = (await editor.call('GET', `/admin/api/posts?limit=3&after=${first.page.next}`)).json();
    expect(byCursor.posts.map((p: { id: number }) => p.id)).toEqual(second.posts.map((p: { id: number }) => p.id));
    expect((await editor.call('GET', '/admin/api/posts?limit=100')).json().page.next).toBeNull();
  });

  it('pages through subscribers and members by cursor, with and without a search', async () => {
    for (const [url, items] of [
      ['/admin/api/newsletter/subscribers', 'subscribers'],
      ['/admin/api/members', 'members'],
    ] as const) {
      const all = await walk(url, items, (body) => body.next, 4);
      expect(all.whole).toHaveLength(PEOPLE);
      expect(all).toEqual({ seen: all.whole, pages: 3, whole: all.whole });
      const rare = await walk(`${url}?q=rare+reader`, items, (body) => body.next, 2);
      expect(rare.whole).toHaveLength(3);
      expect(rare).toEqual({ seen: rare.whole, pages: 2, whole: rare.whole });
    }
  });

  it('refuses an `after` that is not a cursor from that list, field by field', async () => {
    const postCursor = (await editor.call('GET', '/admin/api/posts?limit=1')).json().page.next;
    const memberCursor = (await editor.call('GET', '/admin/api/members?limit=1')).json().next;
    const bad = [
      ['/admin/api/posts', 'nonsense!'],
      ['/admin/api/posts', memberCursor],
      ['/admin/api/members', postCursor],
      ['/admin/api/newsletter/subscribers', Buffer.from('99999999999').toString('base64url')],
      ['/admin/api/newsletter/subscribers', Buffer.from('-1').toString('base64url')],
      ['/admin/api/members', 'A'.repeat(100_000)],
    ];
    for (const [url, after] of bad) {
      const res = await editor.call('GET', `${url}?after=${encodeURIComponent(after!)}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields).toEqual([{ field: 'after', message: 'must be a next cursor from this list' }]);
    }
    const twice = await editor.call('GET', `/admin/api/members?after=${memberCursor}&after=${memberCursor}`);
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['after']);
  });

  it('shows a contributor following a cursor only the posts their role sees', async () => {
    const { client: contributor } = await staffClient(t.app, t.services, 'contributor', { email: 'new.writer@example.com' });
    const editorsCursor = (await editor.call('GET', '/admin/api/posts?limit=1')).json().page.next;
    const res = await contributor.call('GET', `/admin/api/posts?limit=5&after=${editorsCursor}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ posts: [], page: { total: 0, next: null } });
  });
});
