import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import type { Viewer } from '../../src/content/index.js';
import { makeAuthor, makeTag, postFields } from '../support/factories.js';
import { dialects, silentLogger, testServices, type TestContext } from '../support/stores.js';

describe.each(dialects)('kept search pages on %s', (dialect) => {
  let t: TestContext;
  let app: FastifyInstance;
  let author: string;

  const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });
  const jsonTitles = async (q: string) => ((await get(`/search.json?q=${q}`)).json().results as Array<{ title: string }>).map((r) => r.title);

  beforeAll(async () => {
    t = await testServices(dialect);
    app = await buildApp({ config: { publicUrl: 'http://localhost:3000', themeDir: undefined, dataDir: t.dataDir }, services: t.services, logger: silentLogger });
    // A signed-in member, as the member session hook would make one.
    app.addHook('onRequest', async (request) => {
      if (request.headers['x-test-viewer'] === 'member') request.viewer = { kind: 'member', paid: true } satisfies Viewer;
    });
    await app.ready();
    author = (await makeAuthor(t.services, { name: 'Oda Lund', slug: 'oda-lund' })).slug;
    await makeTag(t.services, { name: 'Film', slug: 'film' });
    await t.services.posts.create(postFields([author], { title: 'Heron at dusk', tags: ['film'], body: 'A heron waits by the weir.', status: 'published' }));
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it('answers anonymous readers from the kept page until content changes', async () => {
    const post = await t.services.posts.create(postFields([author], { title: 'Heron season', body: 'Herons return.', status: 'published' }));
    const page = await get('/search/?q=heron');
    expect(page.body).toContain('Heron season');
    expect(await jsonTitles('heron')).toContain('Heron season');
    // A write that bypasses the services announces nothing, so the kept answers still stand.
    await sql`update posts set title = ${'Heron months'} where id = ${post.id}`.execute(t.store.db);
    expect((await get('/search/?q=heron')).body).toContain('Heron season');
    expect(await jsonTitles('heron')).toContain('Heron season');
    await t.services.posts.update(post.id, { excerpt: 'An announced change.' });
    expect((await get('/search/?q=heron')).body).toContain('Heron months');
    expect(await jsonTitles('heron')).toContain('Heron months');
    await t.services.posts.delete(post.id);
  });

  it('follows publish, edit, unpublish, delete and tag changes at once', async () => {
    await get('/search/?q=heron');
    await jsonTitles('heron');
    const post = await t.services.posts.create(postFields([author], { title: 'Heron colony', tags: ['film'], body: 'Nests.', status: 'published' }));
    expect((await get('/search/?q=heron')).body).toContain('Heron colony');
    expect(await jsonTitles('heron')).toContain('Heron colony');
    await t.services.posts.update(post.id, { title: 'Heron rookery' });
    expect((await get('/search/?q=heron')).body).toContain('Heron rookery');
    expect(await jsonTitles('heron')).toContain('Heron rookery');
    await t.services.taxonomy.updateTag('film', { name: 'Moving pictures', slug: 'film' });
    expect((await get('/search.json?q=heron')).json().results.map((r: { section: { name: string } | null }) => r.section?.name)).toContain('Moving pictures');
    expect((await get('/search/?q=heron')).body).toContain('Moving pictures');
    await t.services.posts.update(post.id, { status: 'draft' });
    expect((await get('/search/?q=heron')).body).not.toContain('Heron rookery');
    expect(await jsonTitles('heron')).not.toContain('Heron rookery');
    await t.services.posts.update(post.id, { status: 'published' });
    expect(await jsonTitles('heron')).toContain('Heron rookery');
    await t.services.posts.delete(post.id);
    expect((await get('/search/?q=heron')).body).not.toContain('Heron rookery');
    expect(await jsonTitles('heron')).not.toContain('Heron rookery');
  });

  it("keeps a signed-in reader's page apart from anonymous readers' pages", async () => {
    const post = await t.services.posts.create(postFields([author], { title: 'Heron for members', excerpt: 'Members teaser.', body: 'Opening.\n\nWading secrets.', visibility: 'paid', status: 'published' }));
    const member = await get('/search/?q=heron', { 'x-test-viewer': 'member' });
    expect(member.statusCode).toBe(200);
    expect(member.headers.etag).toBeUndefined();
    const anonymous = await get('/search/?q=heron');
    expect(anonymous.body).toContain('Heron for members');
    expect(anonymous.body).not.toContain('Wading secrets');
    expect(anonymous.headers.etag).toBeDefined();
    await t.services.posts.delete(post.id);
  });

  it('shows new site settings at once', async () => {
    await get('/search/?q=heron');
    await t.services.settings.updateSite({ title: 'Weir Review' });
    expect((await get('/search/?q=heron')).body).toContain('Weir Review');
  });

  it('answers bad input with a 400 page every time, and never keeps it', async () => {
    for (let i = 0; i < 2; i += 1) {
      const bad = await get('/search/?q=heron&from=yesterday');
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('from');
      expect((await get('/search.json?q=heron&from=yesterday')).statusCode).toBe(400);
    }
    expect((await get('/search/?q=heron')).statusCode).toBe(200);
  });

  it("answers 304 when the reader's copy is current", async () => {
    const first = await get('/search/?q=heron');
    const again = await get('/search/?q=heron', { 'if-none-match': String(first.headers.etag) });
    expect(again.statusCode).toBe(304);
    expect(first.headers['cache-control']).toBe('public, max-age=60');
  });
});
