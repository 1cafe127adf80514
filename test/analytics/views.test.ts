import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type AppContext } from '../support/app.js';
import { makeAuthor, makeTag, postFields } from '../support/factories.js';
import { dialects, manualClock, testServices } from '../support/stores.js';
import { staffClient } from '../admin-api/support/admin-client.js';
import { MAX_WAITING_VIEWS, ViewCounter } from '../../src/analytics/index.js';
import { createLogger } from '../../src/logger.js';

const browser = 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0';

v8.setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** Bytes the heap holds once the work of finished requests has settled and garbage is collected. */
async function liveHeap(): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 500));
  collectGarbage();
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

/** A User-Agent header as long as a server lets through (16 KB), different for each reader. */
const hugeAgent = (n: number) => `Mozilla/5.0 ${String(n).padStart(8, '0')} ${'x'.repeat(16_000)}`;

describe.each(dialects)('cookieless view counts and the dashboard on %s', (dialect) => {
  let t: AppContext;
  const clock = manualClock('2026-11-25T12:00:00.000Z');

  beforeAll(async () => {
    t = await testApp(dialect, { clock: clock.clock });
  });
  afterAll(async () => t.close());

  it('counts each reader once a day per piece, ignores bots, and stores nothing about readers', async () => {
    const author = await makeAuthor(t.services);
    await makeTag(t.services, { name: 'Film', slug: 'film' });
    const popular = await t.services.posts.create(postFields([author.slug], { title: 'Popular', status: 'published', tags: ['film'], publishedAt: '2026-11-24T09:00:00Z' }));
    const quiet = await t.services.posts.create(postFields([author.slug], { title: 'Quiet', status: 'published', publishedAt: '2026-11-10T09:00:00Z' }));
    const read = async (slug: string, address: string, agent = browser) => {
      const res = await t.app.inject({ url: `/${slug}/`, remoteAddress: address, headers: { 'user-agent': agent } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['set-cookie']).toBeUndefined();
    };
    for (const address of ['10.1.0.1', '10.1.0.2', '10.1.0.3']) await read(popular.slug, address);
    await read(popular.slug, '10.1.0.1');
    await read(popular.slug, '10.1.0.9', 'Googlebot/2.1');
    await read(quiet.slug, '10.1.0.1');
    await t.app.inject({ url: '/no-such-piece/', remoteAddress: '10.1.0.1', headers: { 'user-agent': browser } });
    clock.advance(24 * 60 * 60 * 1000);
    await read(popular.slug, '10.1.0.1');
    await t.services.views.flush();

    const rows = await t.store.db.selectFrom('post_views').selectAll().orderBy('day').orderBy('post_id').execute();
    expect(rows).toEqual([
      { post_id: popular.id, day: '2026-11-25', views: 3 },
      { post_id: quiet.id, day: '2026-11-25', views: 1 },
      { post_id: popular.id, day: '2026-11-26', views: 1 },
    ]);
    expect(JSON.stringify(rows)).not.toContain('10.1.0');

    const { client } = await staffClient(t.app, t.services, 'author');
    const dashboard = (await client.call('GET', '/admin/api/dashboard?weeks=3&days=7')).json();
    expect(dashboard.topPosts).toEqual([
      { id: popular.id, title: 'Popular', slug: popular.slug, views: 4 },
      { id: quiet.id, title: 'Quiet', slug: quiet.slug, views: 1 },
    ]);
    expect(dashboard.publishedPerWeek).toEqual([
      { weekStart: '2026-11-09', total: 1, bySection: { '(none)': 1 } },
      { weekStart: '2026-11-16', total: 0, bySection: {} },
      { weekStart: '2026-11-23', total: 1, bySection: { film: 1 } },
    ]);
    const bad = await client.call('GET', '/admin/api/dashboard?weeks=0&days=x');
    expect(
      bad
        .json()
        .error.fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(['days', 'weeks']);
  });

  it('keeps a small fixed-size entry per waiting reader however long their User-Agent, and counts right', async () => {
    const author = await makeAuthor(t.services);
    const piece = await t.services.posts.create(postFields([author.slug], { title: 'Much read', status: 'published', publishedAt: '2026-11-20T09:00:00Z' }));
    const day = clock.clock().toISOString().slice(0, 10);
    const counter = new ViewCounter({ db: t.store.db, clock: clock.clock, logger: createLogger({ logLevel: 'silent' }) });
    const readers = 4_000;
    const before = await liveHeap();
    for (let i = 0; i < readers; i += 1) {
      const view = { slug: piece.slug, address: `10.3.${i >> 8}.${i & 255}`, userAgent: hugeAgent(i) };
      counter.record(view);
      counter.record({ ...view, userAgent: hugeAgent(i) });
      counter.record({ ...view, userAgent: `${hugeAgent(i)} Googlebot/2.1` });
    }
    const retained = (await liveHeap()) - before;
    // 16 KB or more a reader if the header were kept; a digest and the slug take a few hundred bytes.
    expect(retained / readers).toBeLessThan(2048);
    expect(counter.waiting).toBe(readers);
    await counter.flush();
    expect(counter.waiting).toBe(0);
    const row = await t.store.db.selectFrom('post_views').select('views').where('post_id', '=', piece.id).where('day', '=', day).executeTakeFirst();
    expect(row?.views).toBe(readers);

    // Through the site: long agents and long query strings (which a slug read from the address could hold on to).
    const requests = 500;
    await t.app.inject({ url: `/${piece.slug}/`, remoteAddress: '10.4.0.0', headers: { 'user-agent': browser } });
    await t.services.views.flush();
    const beforeRequests = await liveHeap();
    for (let i = 1; i <= requests; i += 1) {
      const url = `/${piece.slug}/?ref=${String(i).padStart(6, '0')}${'q'.repeat(16_000)}`;
      const res = await t.app.inject({ url, remoteAddress: `10.4.${i >> 8}.${i & 255}`, headers: { 'user-agent': i % 2 ? hugeAgent(i) : `${browser} ${i}` } });
      expect(res.statusCode).toBe(200);
    }
    expect(((await liveHeap()) - beforeRequests) / requests).toBeLessThan(2048);
    expect(t.services.views.waiting).toBe(requests);
    await t.services.views.flush();
    const after = await t.store.db.selectFrom('post_views').select('views').where('post_id', '=', piece.id).where('day', '=', day).executeTakeFirst();
    expect(after?.views).toBe(readers + 1 + requests);
  });

  it('counts a view on the UTC day it happens, to the millisecond either side of midnight and when the clock steps back', async () => {
    // A database of its own: the days it counts on are not the other tests' days.
    const own = await testServices(dialect);
    const author = await makeAuthor(own.services);
    const piece = await own.services.posts.create(postFields([author.slug], { title: 'Read at midnight', status: 'published', publishedAt: '2026-11-20T09:00:00Z' }));
    const midnight = manualClock('2026-11-27T23:59:59.999Z');
    const counter = new ViewCounter({ db: own.store.db, clock: midnight.clock, logger: createLogger({ logLevel: 'silent' }) });
    const view = { slug: piece.slug, address: '10.9.0.1', userAgent: browser };
    counter.record(view);
    midnight.advance(1);
    counter.record(view);
    counter.record({ ...view, address: '10.9.0.2' });
    // A clock set back (NTP) counts on the day it then shows.
    midnight.set('2026-11-27T08:00:00.000Z');
    counter.record({ ...view, address: '10.9.0.3' });
    await counter.flush();
    const rows = await own.store.db.selectFrom('post_views').select(['day', 'views']).where('post_id', '=', piece.id).orderBy('day').execute();
    await own.close();
    expect(rows).toEqual([
      { day: '2026-11-27', views: 2 },
      { day: '2026-11-28', views: 2 },
    ]);
  });

  it('holds at most a fixed number of views while the database cannot take them', async () => {
    const down = await testServices(dialect);
    const counter = new ViewCounter({ db: down.store.db, clock: clock.clock, logger: createLogger({ logLevel: 'silent' }) });
    await down.close();
    for (let i = 0; i < MAX_WAITING_VIEWS + 5_000; i += 1) {
      counter.record({ slug: 'a-piece', address: `10.5.${i >> 16}.${(i >> 8) & 255}.${i & 255}`, userAgent: browser });
    }
    await expect(counter.flush()).rejects.toThrow();
    expect(counter.waiting).toBeLessThanOrEqual(MAX_WAITING_VIEWS);
    for (let i = 0; i < 1_000; i += 1) counter.record({ slug: 'another-piece', address: `10.6.0.${i}`, userAgent: browser });
    expect(counter.waiting).toBeLessThanOrEqual(MAX_WAITING_VIEWS);
  });

  it('counts a reader once a day across processes and restarts, and forgets the day’s hashes after it', async () => {
    const author = await makeAuthor(t.services);
    const piece = await t.services.posts.create(postFields([author.slug], { title: 'Shared', status: 'published', publishedAt: '2026-11-20T09:00:00Z' }));
    const day = clock.clock().toISOString().slice(0, 10);
    const views = async () => (await t.store.db.selectFrom('post_views').select('views').where('post_id', '=', piece.id).where('day', '=', day).executeTakeFirst())?.views ?? 0;
    const logger = createLogger({ logLevel: 'silent' });
    const process = () => new ViewCounter({ db: t.store.db, clock: clock.clock, logger });
    const [first, second] = [process(), process()];
    const reader = { slug: piece.slug, address: '10.2.0.1', userAgent: browser };
    first.record(reader);
    second.record(reader);
    second.record({ ...reader, address: '10.2.0.2' });
    await Promise.all([first.flush(), second.flush()]);
    expect(await views()).toBe(2);

    const restarted = process();
    restarted.record(reader);
    restarted.record({ ...reader, address: '10.2.0.3' });
    await restarted.flush();
    expect(await views()).toBe(3);
    expect(await t.store.db.selectFrom('view_salts').select('day').execute()).toEqual([{ day }]);

    clock.advance(24 * 60 * 60 * 1000);
    const tomorrow = clock.clock().toISOString().slice(0, 10);
    restarted.record(reader);
    await restarted.flush();
    expect(await t.store.db.selectFrom('view_salts').select('day').execute()).toEqual([{ day: tomorrow }]);
    const hashes = await t.store.db.selectFrom('view_readers').selectAll().execute();
    expect(hashes.map((h) => h.day)).toEqual([tomorrow]);
    expect(JSON.stringify(hashes)).not.toContain('10.2.0');
  });
});
