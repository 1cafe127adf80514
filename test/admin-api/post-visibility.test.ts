import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffUser } from '../../src/staff/index.js';
import { testApp, type AppContext } from '../support/app.js';
import { makeAuthor, postFields } from '../support/factories.js';
import { dialects, manualClock } from '../support/stores.js';
import { staffClient } from './support/admin-client.js';

type Caller = (url: string) => Promise<{ statusCode: number; body: string; json(): any }>;

/**
 * What each role sees of other people's work: contributors only their own pieces; authors their
 * own and whatever is published; editors and administrators everything. Checked on every list
 * (filters, search, counts, the bin, pages) and on the dashboard, for sessions and API keys.
 */
describe.each(dialects)('which posts each role sees on %s', (dialect) => {
  let t: AppContext;
  const clock = manualClock('2026-11-25T12:00:00.000Z');
  const callers = new Map<string, Caller>();
  let editor: StaffUser;

  beforeAll(async () => {
    t = await testApp(dialect, { clock: clock.clock });
    const bylines: Record<string, string> = {};
    for (const [role, name] of [
      ['contributor', 'Cora'],
      ['author', 'Arno'],
      ['editor', 'Edda'],
      ['administrator', 'Dora'],
    ] as const) {
      const { user, client } = await staffClient(t.app, t.services, role, { name });
      const byline = await makeAuthor(t.services, { name, slug: name.toLowerCase() });
      const linked = await t.services.users.linkAuthor(user.id, byline.id);
      if (role === 'editor') editor = linked;
      bylines[role] = byline.slug;
      callers.set(role, (url) => client.call('GET', url));
      if (role === 'administrator') {
        // An integration's key with the contributor role acts under its maker's byline.
        const { secret } = await t.services.apiKeys.create({ name: 'Drafting tool', role: 'contributor' }, linked);
        callers.set('contributor key', (url) => t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${secret}` } }));
      }
    }
    await makeAuthor(t.services, { name: 'Olga', slug: 'olga' });

    const make = (byline: string, title: string, fields: Record<string, unknown> = {}) => t.services.posts.create(postFields([byline], { title, ...fields }));
    const cora = bylines.contributor!;
    await make(cora, 'Cora draft');
    const coraLive = await make(cora, 'Cora published', { status: 'published' });
    await make(bylines.author!, 'Arno draft');
    await make(bylines.administrator!, 'Dora draft');
    await make('olga', 'Olga draft', { body: 'Olga unpublished body text.' });
    await make('olga', 'Olga scheduled', { status: 'scheduled', publishedAt: '2026-12-24T08:00:00Z' });
    const olgaLive = await make('olga', 'Olga published', { status: 'published' });
    await make('olga', 'Olga paid', { status: 'published', visibility: 'paid' });
    await make('olga', 'Olga archived', { status: 'archived' });
    const withdrawn = await make('olga', 'Olga withdrawn', { status: 'published' });
    await make('olga', 'Olga page', { type: 'page', status: 'published' });
    await make('olga', 'Olga draft page', { type: 'page' });
    const olgaBinned = await make('olga', 'Olga binned', { status: 'published' });
    const coraBinned = await make(cora, 'Cora binned');

    await t.store.db
      .insertInto('post_views')
      .values([
        { post_id: withdrawn.id, day: '2026-11-24', views: 90 },
        { post_id: olgaLive.id, day: '2026-11-24', views: 40 },
        { post_id: coraLive.id, day: '2026-11-24', views: 10 },
      ])
      .execute();
    await t.services.editorial.unpublish(withdrawn.id, editor);
    await t.services.editorial.trash(olgaBinned.id, editor);
    const contributor = (await t.services.users.list()).find((u) => u.role === 'contributor')!;
    await t.services.editorial.trash(coraBinned.id, contributor);
  });
  afterAll(async () => t.close());

  const everyPost = ['Cora draft', 'Cora published', 'Arno draft', 'Dora draft', 'Olga draft', 'Olga scheduled', 'Olga published', 'Olga paid', 'Olga archived', 'Olga withdrawn'];
  const seen: Record<string, { posts: string[]; pages: string[]; bin: string[]; top: string[] }> = {
    contributor: { posts: ['Cora draft', 'Cora published'], pages: [], bin: ['Cora binned'], top: ['Cora published'] },
    'contributor key': { posts: ['Dora draft'], pages: [], bin: [], top: [] },
    author: { posts: ['Arno draft', 'Cora published', 'Olga published', 'Olga paid'], pages: ['Olga page'], bin: [], top: ['Olga published', 'Cora published'] },
    editor: { posts: everyPost, pages: ['Olga page', 'Olga draft page'], bin: ['Olga binned', 'Cora binned'], top: ['Olga withdrawn', 'Olga published', 'Cora published'] },
    administrator: { posts: everyPost, pages: ['Olga page', 'Olga draft page'], bin: ['Olga binned', 'Cora binned'], top: ['Olga withdrawn', 'Olga published', 'Cora published'] },
  };
  const titles = (body: { posts: Array<{ title: string }> }) => body.posts.map((p) => p.title).sort();

  it.each(Object.keys(seen))('%s: lists, counts, the bin and pages hold only what the role may see', async (who) => {
    const get = callers.get(who)!;
    const expected = seen[who]!;
    const list = async (query: Record<string, string> = {}) => {
      const res = await get(`/admin/api/posts?${new URLSearchParams({ limit: '100', ...query })}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const posts = await list();
    expect(titles(posts)).toEqual([...expected.posts].sort());
    expect(posts.page.total).toBe(expected.posts.length);
    expect(titles(await list({ type: 'page' }))).toEqual([...expected.pages].sort());
    expect(titles(await list({ trashed: 'true' }))).toEqual([...expected.bin].sort());

    // Filters, search and their counts only ever narrow what the role sees.
    const olga = await list({ q: 'olga' });
    expect(titles(olga)).toEqual(expected.posts.filter((title) => title.startsWith('Olga')).sort());
    expect(olga.page.total).toBe(olga.posts.length);
    expect((await list({ author: 'olga', limit: '1' })).page.total).toBe(olga.posts.length);
    expect((await list({ status: 'scheduled' })).page.total).toBe(expected.posts.includes('Olga scheduled') ? 1 : 0);
    const drafts = await list({ status: 'draft' });
    expect(titles(drafts)).toEqual(expected.posts.filter((title) => / draft$| withdrawn$/.test(title)).sort());
    if (!expected.posts.includes('Olga draft')) expect(JSON.stringify([posts, olga, drafts])).not.toContain('Olga unpublished body text');
  });

  it.each(Object.keys(seen))('%s: the dashboard names only pieces the role may see', async (who) => {
    const res = await callers.get(who)!('/admin/api/dashboard?days=7');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().topPosts.map((p: { title: string }) => p.title)).toEqual(seen[who]!.top);
  });
});
