import zlib from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../src/app.js';
import type { Viewer } from '../../src/content/index.js';
import { openStore } from '../../src/db/client.js';
import { createServices } from '../../src/services.js';
import { staffClient } from '../admin-api/support/admin-client.js';
import { makeAuthor, makeTag, postFields } from '../support/factories.js';
import { dialects, silentLogger, testServices, type TestContext } from '../support/stores.js';

const MEMBERS_BODY = 'Saltmarsh members-only paragraph';

/** Both Content APIs' lists of posts, as their clients usually ask. */
const lists = {
  native: (key: string) => `/api/content/posts/?key=${key}`,
  ghost: (key: string) => `/ghost/api/content/posts/?key=${key}&include=tags,authors`,
};

async function appWithMembers(context: TestContext): Promise<FastifyInstance> {
  const app = await buildApp({ config: { publicUrl: 'http://localhost:3000', themeDir: undefined, dataDir: context.dataDir }, services: context.services, logger: silentLogger });
  // A signed-in member, as the member session hook would make one.
  app.addHook('onRequest', async (request) => {
    if (request.headers['x-test-viewer'] === 'member') request.viewer = { kind: 'member', paid: false } satisfies Viewer;
  });
  await app.ready();
  return app;
}

describe.each(dialects)('kept Content API answers on %s', (dialect) => {
  let t: TestContext;
  let app: FastifyInstance;
  let key: string;
  let keyId: number;
  let author: string;

  const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });
  const titles = async (url: string) => {
    const res = await get(url);
    expect(res.statusCode).toBe(200);
    return (res.json().posts as Array<{ title: string }>).map((p) => p.title);
  };
  const retitleBehindTheApp = (id: number, title: string) => sql`update posts set title = ${title} where id = ${id}`.execute(t.store.db);

  beforeAll(async () => {
    t = await testServices(dialect);
    app = await appWithMembers(t);
    const { client: admin } = await staffClient(app, t.services, 'administrator');
    const created = (await admin.call('POST', '/admin/api/content-keys', { name: 'Front end' })).json();
    key = created.secret;
    keyId = created.contentKey.id;
    author = (await makeAuthor(t.services, { name: 'Ines Roe', slug: 'ines-roe' })).slug;
    await makeTag(t.services, { name: 'Film', slug: 'film' });
    await t.services.posts.create(postFields([author], { title: 'First open piece', tags: ['film'], status: 'published', publishedAt: '2026-10-01T09:00:00.000Z' }));
    await t.services.posts.create(postFields([author], { title: 'Second open piece', status: 'published', publishedAt: '2026-09-01T09:00:00.000Z' }));
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it.each(Object.entries(lists))('%s: answers anonymous callers from the kept copy until content changes', async (_api, list) => {
    const post = await t.services.posts.create(postFields([author], { title: 'Kept title', status: 'published', publishedAt: '2026-10-02T09:00:00.000Z' }));
    expect(await titles(list(key))).toContain('Kept title');
    // A write that bypasses the services announces nothing, so the kept answer still stands.
    await retitleBehindTheApp(post.id, 'Silent title');
    expect(await titles(list(key))).toContain('Kept title');
    await t.services.posts.update(post.id, { excerpt: 'An announced change.' });
    expect(await titles(list(key))).toContain('Silent title');
    await t.services.posts.delete(post.id);
  });

  it.each(Object.entries(lists))('%s: follows publish, edit, unpublish, delete and tag changes at once', async (api, list) => {
    const url = list(key);
    await titles(url);
    const post = await t.services.posts.create(postFields([author], { title: `Fresh ${api} piece`, tags: ['film'], status: 'published', publishedAt: '2026-10-03T09:00:00.000Z' }));
    expect(await titles(url)).toContain(`Fresh ${api} piece`);
    await t.services.posts.update(post.id, { title: `Edited ${api} piece` });
    expect(await titles(url)).toContain(`Edited ${api} piece`);
    await t.services.taxonomy.updateTag('film', { name: `Cinema ${api}`, slug: 'film' });
    const renamed = (await get(url)).json().posts.find((p: { title: string }) => p.title === `Edited ${api} piece`);
    expect(JSON.stringify(renamed.tags)).toContain(`Cinema ${api}`);
    await t.services.taxonomy.updateAuthor(author, { name: `Ines Roe-${api}`, slug: author });
    expect((await get(url)).body).toContain(`Ines Roe-${api}`);
    await t.services.posts.update(post.id, { status: 'draft' });
    expect(await titles(url)).not.toContain(`Edited ${api} piece`);
    await t.services.posts.update(post.id, { status: 'published' });
    expect(await titles(url)).toContain(`Edited ${api} piece`);
    await t.services.posts.delete(post.id);
    expect(await titles(url)).not.toContain(`Edited ${api} piece`);
  });

  it.each(Object.entries(lists))("%s: never hands a member's answer to an anonymous caller, nor the other way round", async (_api, list) => {
    const gated = await t.services.posts.create(
      postFields([author], { title: 'Members essay', excerpt: 'Members teaser.', body: `Opening.\n\n${MEMBERS_BODY}.`, visibility: 'members', status: 'published', publishedAt: '2026-10-04T09:00:00.000Z' }),
    );
    const url = list(key);
    const member = await get(url, { 'x-test-viewer': 'member' });
    expect(member.body).toContain(MEMBERS_BODY);
    expect(member.headers['cache-control']).toBe('private, no-cache');
    const anonymous = await get(url);
    expect(anonymous.body).not.toContain(MEMBERS_BODY);
    expect(anonymous.body).toContain('Members essay');
    expect(anonymous.headers['cache-control']).toBe('public, max-age=0, must-revalidate');
    expect((await get(url)).body).not.toContain(MEMBERS_BODY);
    expect((await get(url, { 'x-test-viewer': 'member' })).body).toContain(MEMBERS_BODY);
    // The same holds for one post read by slug.
    const one = url.replace('/posts/?', `/posts/slug/${gated.slug}/?`);
    expect((await get(one)).body).not.toContain(MEMBERS_BODY);
    expect((await get(one, { 'x-test-viewer': 'member' })).body).toContain(MEMBERS_BODY);
    expect((await get(one)).body).not.toContain(MEMBERS_BODY);
    await t.services.posts.delete(gated.id);
  });

  it.each(Object.entries(lists))('%s: keeps its answers while drafts are saved, and drops them when a draft is published', async (api, list) => {
    const url = list(key);
    const shown = await t.services.posts.create(postFields([author], { title: `Shown ${api}`, status: 'published', publishedAt: '2026-10-05T09:00:00.000Z' }));
    const draft = await t.services.posts.create(postFields([author], { title: `Draft ${api}` }));
    expect(await titles(url)).toContain(`Shown ${api}`);
    await retitleBehindTheApp(shown.id, `Shown ${api}, retitled`);
    await t.services.posts.update(draft.id, { title: `Draft ${api}, saved again` });
    await t.services.posts.delete(draft.id);
    expect(await titles(url)).toContain(`Shown ${api}`);
    const second = await t.services.posts.create(postFields([author], { title: `Draft ${api} to publish` }));
    await t.services.posts.update(second.id, { status: 'published' });
    expect(await titles(url)).toEqual(expect.arrayContaining([`Shown ${api}, retitled`, `Draft ${api} to publish`]));
    await t.services.posts.delete(second.id);
    await t.services.posts.delete(shown.id);
  });

  it('answers 304 from the kept copy and serves it compressed or plain', async () => {
    const url = lists.native(key);
    const plain = await get(url);
    expect(plain.headers.vary).toContain('Accept-Encoding');
    const again = await get(url, { 'if-none-match': String(plain.headers.etag) });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const br = await get(url, { 'accept-encoding': 'br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
    const gz = await get(url, { 'accept-encoding': 'gzip' });
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(plain.body);
  });

  it('keeps one answer for every order of the same parameters, and apart from other parameters', async () => {
    const a = await get(`/ghost/api/content/posts/?limit=1&key=${key}&include=tags`);
    const b = await get(`/ghost/api/content/posts/?include=tags&key=${key}&limit=1`);
    const c = await get(`/ghost/api/content/posts/?include=tags&key=${key}&limit=2`);
    expect(b.headers.etag).toBe(a.headers.etag);
    expect(b.body).toBe(a.body);
    expect(c.json().posts.length).toBeGreaterThan(a.json().posts.length);
  });

  it('answers filters on relative dates afresh, since they change with the clock', async () => {
    const post = await t.services.posts.create(postFields([author], { title: 'Recent piece', status: 'published' }));
    const url = `/ghost/api/content/posts/?key=${key}&filter=${encodeURIComponent('published_at:>now-1d')}`;
    expect(await titles(url)).toContain('Recent piece');
    await retitleBehindTheApp(post.id, 'Recent piece, retitled');
    expect(await titles(url)).toContain('Recent piece, retitled');
    await t.services.posts.delete(post.id);
  });

  it('refuses a revoked key at once, though the answer it read is kept', async () => {
    const made = await t.services.contentKeys.create({ name: 'Short-lived' }, (await t.services.contentKeys.list())[0]!.createdBy);
    for (const list of Object.values(lists)) expect((await get(list(made.secret))).statusCode).toBe(200);
    await t.services.contentKeys.revoke(made.key.id);
    for (const list of Object.values(lists)) {
      const res = await get(list(made.secret));
      expect(res.statusCode).toBe(401);
      expect(res.body).not.toContain('First open piece');
    }
    expect((await get(lists.native(key))).statusCode).toBe(200);
    expect(keyId).not.toBe(made.key.id);
  });
});

describe.each(dialects.filter((d) => d === 'postgres'))('kept Content API answers across processes (%s)', () => {
  it('another process sharing the database drops its kept answers when content changes', async () => {
    const first = await testServices('postgres');
    const firstApp = await appWithMembers(first);
    const second = await buildApp({
      config: { publicUrl: 'http://localhost:3000', themeDir: undefined, dataDir: first.dataDir },
      services: createServices(openStore(first.config), { logger: silentLogger, mailer: first.services.mailer }),
      logger: silentLogger,
    });
    await second.ready();
    try {
      const { client: admin } = await staffClient(firstApp, first.services, 'administrator');
      const key = (await admin.call('POST', '/admin/api/content-keys', { name: 'Shared' })).json().secret as string;
      const author = await makeAuthor(first.services);
      const post = await first.services.posts.create(postFields([author.slug], { title: 'Shared original', status: 'published' }));
      for (const list of Object.values(lists)) expect((await second.inject(list(key))).body).toContain('Shared original');
      await first.services.posts.update(post.id, { title: 'Shared edit' });
      for (const list of Object.values(lists)) {
        await vi.waitFor(async () => expect((await second.inject(list(key))).body).toContain('Shared edit'), { timeout: 5000, interval: 100 });
      }
    } finally {
      await second.close();
      await firstApp.close();
      await first.close();
    }
  });
});
