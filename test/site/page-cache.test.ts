import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../src/app.js';
import type { Viewer } from '../../src/content/index.js';
import { preparedHeadBytes } from '../../src/site/cached-front.js';
import { isCached, PageCache, prepare } from '../../src/site/page-cache.js';
import { testApp, type AppContext } from '../support/app.js';
import { makeAuthor, makeTag, postFields } from '../support/factories.js';
import { dialects, silentLogger, testServices } from '../support/stores.js';

describe('page cache', () => {
  let t: AppContext;
  let author: string;
  let section: { id: number; slug: string };

  beforeAll(async () => {
    t = await testApp();
    await t.services.settings.updateSite({ title: 'Halcyon' });
    author = (await makeAuthor(t.services)).slug;
    section = await makeTag(t.services, { name: 'Film', slug: 'film' });
  });
  afterAll(async () => t.close());

  const publish = (fields: Record<string, unknown>) => t.services.posts.create(postFields([author], { status: 'published', tags: ['film'], ...fields }));

  it('answers 304 to a reader whose copy is current, by ETag or by date', async () => {
    const post = await publish({ title: 'Cached piece' });
    const first = await t.app.inject(`/${post.slug}/`);
    expect(first.statusCode).toBe(200);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers['cache-control']).toBe('public, max-age=0, s-maxage=60, stale-while-revalidate=600');
    expect(first.headers.vary).toContain('Accept-Encoding');
    const again = await t.app.inject({ url: `/${post.slug}/`, headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const byDate = await t.app.inject({ url: `/${post.slug}/`, headers: { 'if-modified-since': first.headers['last-modified'] as string } });
    expect(byDate.statusCode).toBe(304);
    const stale = await t.app.inject({ url: `/${post.slug}/`, headers: { 'if-none-match': '"something-else"' } });
    expect(stale.statusCode).toBe(200);
  });

  it('serves the same page compressed with brotli or gzip, or plain', async () => {
    const post = await publish({ title: 'Compressed piece' });
    const plain = await t.app.inject({ url: `/${post.slug}/`, headers: { 'accept-encoding': 'identity' } });
    const br = await t.app.inject({ url: `/${post.slug}/`, headers: { 'accept-encoding': 'gzip, br' } });
    const gz = await t.app.inject({ url: `/${post.slug}/`, headers: { 'accept-encoding': 'gzip' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(br.headers['content-encoding']).toBe('br');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(plain.body);
    expect(br.headers.etag).toBe(plain.headers.etag);
  });

  it('refreshes a piece, its section, home and feeds as soon as it changes', async () => {
    const post = await publish({ title: 'Before the edit' });
    for (const url of [`/${post.slug}/`, '/', '/tag/film/', '/rss/', '/tag/film/rss/', '/sitemap.xml']) await t.app.inject(url);
    await t.services.posts.update(post.id, { title: 'After the edit' });
    await vi.waitFor(async () => expect((await t.app.inject(`/${post.slug}/`)).body).toContain('After the edit'));
    for (const url of ['/', '/tag/film/', '/rss/', '/tag/film/rss/']) {
      const body = (await t.app.inject(url)).body;
      expect(body, url).toContain('After the edit');
      expect(body, url).not.toContain('Before the edit');
    }
  });

  it('shows a newly published piece on the listings it belongs to', async () => {
    const other = await makeTag(t.services, { name: 'Books', slug: 'books' });
    await t.app.inject('/tag/books/');
    await t.app.inject('/reviews/');
    const before = await t.app.inject('/tag/books/');
    expect(before.body).not.toContain('Fresh book piece');
    await publish({ title: 'Fresh book piece', tags: [other.slug] });
    await vi.waitFor(async () => expect((await t.app.inject('/tag/books/')).body).toContain('Fresh book piece'));
  });

  it('keeps pages unrelated to a change', async () => {
    // Enough film pieces that "More from" needs nothing from the rest of the site.
    for (let i = 0; i < 4; i += 1) await publish({ title: `Film filler ${i}` });
    const a = await publish({ title: 'Unrelated A' });
    const first = await t.app.inject(`/${a.slug}/`);
    await makeTag(t.services, { name: 'Music', slug: 'music' });
    await publish({ title: 'A music piece', tags: ['music'] });
    const again = await t.app.inject(`/${a.slug}/`);
    expect(again.headers['last-modified']).toBe(first.headers['last-modified']);
    expect(again.headers.etag).toBe(first.headers.etag);
  });

  it('removes a piece from every page once it is unpublished', async () => {
    const post = await publish({ title: 'Soon withdrawn' });
    expect((await t.app.inject('/')).body).toContain('Soon withdrawn');
    await t.services.posts.unpublish(post.id);
    await vi.waitFor(async () => expect((await t.app.inject('/')).body).not.toContain('Soon withdrawn'));
    expect((await t.app.inject(`/${post.slug}/`)).statusCode).toBe(404);
    expect((await t.app.inject('/tag/film/')).body).not.toContain('Soon withdrawn');
  });

  it('redraws every page when the site settings change', async () => {
    await t.app.inject('/');
    await t.services.settings.updateSite({ title: 'Halcyon Weekly' });
    expect((await t.app.inject('/')).body).toContain('Halcyon Weekly');
  });
});

describe('page cache and signed-in readers', () => {
  it('gives signed-in readers pages made for their access level, never stored by the browser, and gated pieces in full for those allowed', async () => {
    const context = await testServices('sqlite');
    const app = await buildApp({ config: { publicUrl: 'http://localhost:3000', themeDir: undefined, dataDir: context.dataDir }, services: context.services, logger: silentLogger });
    app.addHook('onRequest', async (request) => {
      const who = request.headers['x-test-viewer'];
      if (who === 'paid') request.viewer = { kind: 'member', paid: true } satisfies Viewer;
    });
    await app.ready();
    try {
      const author = await makeAuthor(context.services);
      const post = await context.services.posts.create(postFields([author.slug], { title: 'Paid essay', excerpt: 'Only a teaser.', body: 'The paid body text.', visibility: 'paid', status: 'published' }));
      const anonymous = await app.inject(`/${post.slug}/`);
      expect(anonymous.body).toContain('Only a teaser.');
      expect(anonymous.body).not.toContain('The paid body text.');
      expect(anonymous.body).toContain('This piece is for paying subscribers');
      expect(anonymous.headers['cache-control']).toBe('private, no-cache');
      const paid = await app.inject({ url: `/${post.slug}/`, headers: { 'x-test-viewer': 'paid' } });
      expect(paid.body).toContain('The paid body text.');
      expect(paid.headers['cache-control']).toBe('private, no-store');
      expect(paid.headers.etag).toBeUndefined();
      const afterwards = await app.inject(`/${post.slug}/`);
      expect(afterwards.body).not.toContain('The paid body text.');
    } finally {
      await app.close();
      await context.close();
    }
  });
});

describe.each(dialects.filter((d) => d === 'postgres'))('page cache across processes (%s)', () => {
  it('drops a changed page in every process sharing the database', async () => {
    const first = await testApp('postgres');
    const second = await buildApp({
      config: { publicUrl: 'http://localhost:3000', themeDir: undefined, dataDir: first.dataDir },
      services: (await import('../../src/services.js')).createServices((await import('../../src/db/client.js')).openStore(first.config), { logger: silentLogger, mailer: first.services.mailer, dataDir: first.dataDir }),
      logger: silentLogger,
    });
    await second.ready();
    try {
      const author = await makeAuthor(first.services);
      const post = await first.services.posts.create(postFields([author.slug], { title: 'Shared original', status: 'published' }));
      expect((await second.inject(`/${post.slug}/`)).body).toContain('Shared original');
      expect((await second.inject('/')).body).toContain('Shared original');
      await first.services.posts.update(post.id, { title: 'Shared edit' });
      // The other process applies the change within about a second. Each page is awaited on its
      // own: the article may not be in that process's cache at all (a render that overlapped the
      // post's creation is served but not kept), so seeing the edit there says nothing about home.
      await vi.waitFor(async () => expect((await second.inject(`/${post.slug}/`)).body).toContain('Shared edit'), { timeout: 5000, interval: 100 });
      await vi.waitFor(async () => expect((await second.inject('/')).body).toContain('Shared edit'), { timeout: 5000, interval: 100 });
    } finally {
      await second.close();
      await first.close();
    }
  });
});

describe('the page cache’s limit', () => {
  const rendered = (n: number) => ({ kind: 'rendered' as const, body: `<p>Piece ${n}</p>`.padEnd(2000, ' '), contentType: 'text/html; charset=utf-8', keys: new Set([`post-${n}`]), shareable: true });

  it('counts the heads a kept page is answered with, so the pages it keeps never take more than the limit', async () => {
    const cache = new PageCache(40_000, () => 12_000);
    for (const n of [1, 2, 3])
      await cache.fetch(
        `/piece-${n}/`,
        async () => rendered(n),
        () => new Date(),
      );
    expect(cache.get('/piece-1/')).toBeUndefined();
    expect(cache.get('/piece-2/')).toBeDefined();
    expect(cache.get('/piece-3/')).toBeDefined();
  });

  it('keeps nothing of an answer too large to keep, however many different addresses ask for one', async () => {
    v8.setFlagsFromString('--expose-gc');
    const collectGarbage = runInNewContext('gc') as () => void;
    const liveHeap = () => {
      collectGarbage();
      collectGarbage();
      return process.memoryUsage().heapUsed;
    };
    const cache = new PageCache(10_000);
    const huge = (n: number) => ({ ...rendered(n), body: `<p>List ${n}</p>`.padEnd(30_000, 'x') });
    // A long address each time, as a caller varying a query parameter would send.
    const address = (n: number) => `/api/content/posts/?limit=100&filter=${String(n).padStart(8, '0')}${'y'.repeat(1_000)}`;
    await cache.fetch(
      address(0),
      async () => huge(0),
      () => new Date(),
    );
    const before = liveHeap();
    const answers = 5_000;
    for (let n = 1; n <= answers; n += 1) {
      const answer = await cache.fetch(
        address(n),
        async () => huge(n),
        () => new Date(),
      );
      expect(isCached(answer) && answer.body.length).toBe(30_000);
    }
    expect(cache.get(address(answers))).toBeUndefined();
    // Each address with its cache key would stay behind at over a kilobyte apiece.
    expect((liveHeap() - before) / answers).toBeLessThan(200);
    expect(cache.invalidate(['post-1'])).toBe(0);
  });

  it('counts more for a page whose heads name more cache keys', async () => {
    const security = [['content-security-policy', "default-src 'self'"]] as const;
    const few = await prepare(rendered(1), new Date());
    const many = await prepare({ ...rendered(1), keys: new Set(Array.from({ length: 200 }, (_, i) => `post-${i}`)) }, new Date());
    expect(preparedHeadBytes(security, few)).toBeGreaterThan(3 * 2 * 200);
    // Each key is named twice (Surrogate-Key and Cache-Tag) in each of four heads, three of them also kept as bytes.
    expect(preparedHeadBytes(security, many) - preparedHeadBytes(security, few)).toBeGreaterThan(200 * 7 * 2 * 7);
  });
});
