import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminClient, staffClient } from '../admin-api/support/admin-client.js';
import { testApp, type AppContext } from '../support/app.js';
import { makeAuthor, makeTag, postFields } from '../support/factories.js';
import { dialects } from '../support/stores.js';
import { token } from '../ghost-api/support/server.js';

describe.each(dialects)('internal tags on %s', (dialect) => {
  let t: AppContext;
  let admin: AdminClient;
  let contentKey: string;
  let adminKey: string;

  const get = (url: string) => t.app.inject({ method: 'GET', url });
  const native = (path: string) => get(`/api/content${path}${path.includes('?') ? '&' : '?'}key=${contentKey}`);
  const ghost = (path: string) => get(`/ghost/api/content${path}${path.includes('?') ? '&' : '?'}key=${contentKey}`);

  beforeAll(async () => {
    t = await testApp(dialect);
    ({ client: admin } = await staffClient(t.app, t.services, 'administrator'));
    const owner = await t.services.users.create({ email: 'owner@masthead.example', name: 'Owner', role: 'administrator' });
    contentKey = (await t.services.contentKeys.create({ name: 'Front end' }, owner.id)).secret;
    adminKey = (await t.services.apiKeys.create({ name: 'Migration', role: 'administrator' }, owner)).secret;
    const writer = await makeAuthor(t.services, { name: 'Ada Obi', slug: 'ada-obi' });
    await makeTag(t.services, { name: 'Film', slug: 'film' });
    const created = await admin.call('POST', '/admin/api/tags', { name: '#Cover slot' });
    expect(created.statusCode).toBe(201);
    await t.services.posts.create(
      postFields([writer.slug], {
        title: 'Lanterns on the river',
        slug: 'lanterns',
        body: 'Paper lanterns drift past the harbour.',
        tags: ['hash-cover-slot', 'film'],
        status: 'published',
        publishedAt: '2026-10-01T09:00:00.000Z',
      }),
    );
  });
  afterAll(async () => t.close());

  it('makes a tag named #something internal with a hash- slug, and lists it for staff marked so', async () => {
    const tags = (await admin.call('GET', '/admin/api/tags')).json().tags;
    expect(tags).toContainEqual(expect.objectContaining({ name: '#Cover slot', slug: 'hash-cover-slot', visibility: 'internal', isSection: false }));
    expect(tags).toContainEqual(expect.objectContaining({ slug: 'film', visibility: 'public' }));
    const post = (await admin.call('GET', `/admin/api/posts/${(await t.services.posts.getBySlug('lanterns')).id}`)).json().post;
    expect(post.tags.map((tag: { slug: string }) => tag.slug)).toEqual(['film']);
    expect(post.internalTags.map((tag: { slug: string }) => tag.slug)).toEqual(['hash-cover-slot']);
    expect(post.primaryTag.slug).toBe('film');
  });

  it('refuses an internal section, naming the field', async () => {
    const res = await admin.call('POST', '/admin/api/tags', { name: '#Lead', isSection: true });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([{ field: 'isSection', message: 'an internal tag is never shown to readers, so it cannot be a section' }]);
  });

  it('never shows it on the site: post page, JSON-LD keywords, archive, feeds and sitemap', async () => {
    const page = await get('/lanterns/');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Film');
    expect(page.body).not.toMatch(/Cover slot|hash-cover-slot/);
    expect((await get('/tag/hash-cover-slot/')).statusCode).toBe(404);
    expect((await get('/tag/hash-cover-slot/rss/')).statusCode).toBe(404);
    const rss = await get('/rss/');
    expect(rss.body).toContain('<category>Film</category>');
    expect(rss.body).not.toContain('Cover slot');
    expect((await get('/tag/film/')).body).not.toContain('Cover slot');
    expect((await get('/sitemap-tags.xml')).body).not.toContain('hash-cover-slot');
  });

  it('does not let search narrow by it', async () => {
    expect((await get('/search.json?q=lanterns&section=film')).json().results).toHaveLength(1);
    expect((await get('/search.json?q=lanterns&section=hash-cover-slot')).json().results ?? []).toEqual([]);
  });

  it('keeps it out of the native Content API', async () => {
    const tags = (await native('/tags')).json().tags;
    expect(tags.map((tag: { slug: string }) => tag.slug)).toEqual(['film']);
    expect((await native('/tags/hash-cover-slot')).statusCode).toBe(404);
    const byTag = await native('/posts?tag=hash-cover-slot');
    expect(byTag.statusCode).toBe(400);
    expect(byTag.json().error.fields).toEqual([{ field: 'tag', message: 'no tag has the slug "hash-cover-slot"' }]);
    const [post] = (await native('/posts/slug/lanterns')).json().posts;
    expect(post.tags.map((tag: { slug: string }) => tag.slug)).toEqual(['film']);
    expect(JSON.stringify(post)).not.toContain('hash-cover-slot');
  });

  it('answers in Ghost’s Content API as Ghost does: never listed or read as a tag, carried on posts marked internal', async () => {
    const listed = (await ghost('/tags/')).json().tags.map((tag: { slug: string }) => tag.slug);
    expect(listed).toEqual(['film']);
    expect((await ghost('/tags/?filter=visibility:internal')).json().tags).toEqual([]);
    expect((await ghost('/tags/slug/hash-cover-slot/')).statusCode).toBe(404);
    const post = (await ghost('/posts/slug/lanterns/?include=tags')).json().posts[0];
    expect(post.primary_tag).toMatchObject({ slug: 'film', visibility: 'public' });
    expect(post.tags).toEqual([expect.objectContaining({ slug: 'film', visibility: 'public' }), expect.objectContaining({ slug: 'hash-cover-slot', visibility: 'internal', url: 'http://localhost:3000/404/' })]);
    expect((await ghost('/posts/?filter=tag:hash-cover-slot')).json().posts.map((p: { slug: string }) => p.slug)).toEqual(['lanterns']);
  });

  it('carries visibility in Ghost’s Admin API, which lists internal tags and makes one from a #name', async () => {
    const call = async (method: 'GET' | 'POST', url: string, payload?: unknown) =>
      t.app.inject({ method, url: `/ghost/api/admin${url}`, headers: { authorization: `Ghost ${await token(adminKey)}` }, ...(payload ? { payload } : {}) });
    const listed = (await call('GET', '/tags/?filter=visibility:internal')).json().tags;
    expect(listed.map((tag: { slug: string; visibility: string }) => [tag.slug, tag.visibility])).toEqual([['hash-cover-slot', 'internal']]);
    const made = await call('POST', '/tags/', { tags: [{ name: '#Newsletter only' }] });
    expect(made.statusCode).toBe(201);
    expect(made.json().tags[0]).toMatchObject({ name: '#Newsletter only', slug: 'hash-newsletter-only', visibility: 'internal' });
    const refused = await call('POST', '/tags/', { tags: [{ name: 'Odd', visibility: 'secret' }] });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors[0].property).toBe('tags.0.visibility');
  });

  it('hides the tag at once when it turns internal, and shows it again when public', async () => {
    await makeTag(t.services, { name: 'Rivers', slug: 'rivers', isSection: false });
    const post = await t.services.posts.getBySlug('lanterns');
    await t.services.posts.update(post.id, { tags: ['film', 'rivers', 'hash-cover-slot'] });
    expect((await get('/lanterns/')).body).toContain('Rivers');
    expect((await get('/tag/rivers/')).statusCode).toBe(200);
    expect((await get('/')).body).toContain('Lanterns on the river');

    await admin.call('PUT', '/admin/api/tags/rivers', { name: 'Rivers', slug: 'rivers', visibility: 'internal' });
    expect((await get('/lanterns/')).body).not.toContain('Rivers');
    expect((await get('/tag/rivers/')).statusCode).toBe(404);
    expect((await get('/sitemap-tags.xml')).body).not.toContain('/tag/rivers/');

    await admin.call('PUT', '/admin/api/tags/rivers', { name: 'Rivers', slug: 'rivers', visibility: 'public' });
    expect((await get('/lanterns/')).body).toContain('Rivers');
    expect((await get('/tag/rivers/')).statusCode).toBe(200);
  });

  it('keeps internal tags through an edit that does not name them', async () => {
    const post = await t.services.posts.getBySlug('lanterns');
    const edited = await t.services.posts.update(post.id, { title: 'Lanterns on the river, again' });
    expect(edited.internalTags.map((tag) => tag.slug)).toContain('hash-cover-slot');
  });
});
