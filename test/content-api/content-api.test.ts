import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type AppContext } from '../support/app.js';
import { filmReview, makeAuthor, makeTag, postFields } from '../support/factories.js';
import { dialects } from '../support/stores.js';
import { startStripeServer, type StripeTestServer } from '../support/stripe-server.js';
import { freeAndPayingReaders, makePlans } from '../members/helpers.js';
import { staffClient, type AdminClient } from '../admin-api/support/admin-client.js';

const MEMBERS_SECRET = 'Marram members-only paragraph';
const PAID_SECRET = 'Quetzal paid-only paragraph';

describe.each(dialects)('the public Content API on %s', (dialect) => {
  let t: AppContext;
  let stripe: StripeTestServer;
  let admin: AdminClient;
  let key: string;
  let freeCookie: string;
  let paidCookie: string;
  let draftId: number;
  let openId: number;

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
  const api = (path: string, headers: Record<string, string> = {}) => get(`/api/content${path}${path.includes('?') ? '&' : '?'}key=${key}`, headers);

  beforeAll(async () => {
    stripe = await startStripeServer();
    t = await testApp(dialect, { stripe: stripe.settings });
    await makePlans(t.services);
    ({ client: admin } = await staffClient(t.app, t.services, 'administrator'));
    const created = await admin.call('POST', '/admin/api/content-keys', { name: 'Front end' });
    key = created.json().secret;

    const ada = await makeAuthor(t.services, { name: 'Ada Obi', slug: 'ada-obi' });
    const ben = await makeAuthor(t.services, { name: 'Ben Day', slug: 'ben-day' });
    await makeTag(t.services, { name: 'Film', slug: 'film' });
    await makeTag(t.services, { name: 'Books', slug: 'books' });
    await makeTag(t.services, { name: 'Slow cinema', slug: 'slow-cinema', isSection: false });
    const at = (day: number) => `2026-10-${String(day).padStart(2, '0')}T09:00:00.000Z`;
    openId = (await t.services.posts.create(postFields([ada.slug], { title: 'An open essay', slug: 'open-essay', format: 'essay', tags: ['books'], status: 'published', publishedAt: at(1) }))).id;
    await t.services.posts.create(filmReview([ada.slug], { slug: 'past-lives-review', tags: ['film', 'slow-cinema'], status: 'published', featured: true, publishedAt: at(2) }));
    await t.services.posts.create(postFields([ben.slug], { title: 'Film news', slug: 'film-news', format: 'news', tags: ['film'], status: 'published', publishedAt: at(3) }));
    await t.services.posts.create(
      postFields([ben.slug], {
        title: 'A members piece',
        slug: 'members-piece',
        excerpt: 'Members teaser.',
        body: `${MEMBERS_SECRET}.\n\nMore.`,
        visibility: 'members',
        tags: ['film'],
        status: 'published',
        publishedAt: at(4),
      }),
    );
    await t.services.posts.create(
      postFields([ben.slug], { title: 'A paid piece', slug: 'paid-piece', excerpt: 'Paid teaser.', body: `${PAID_SECRET}.\n\nMore.`, visibility: 'paid', tags: ['books'], status: 'published', publishedAt: at(5) }),
    );
    const draft = await t.services.posts.create(
      filmReview([ada.slug], {
        title: 'Unreleased draft review',
        slug: 'draft-review',
        review: { work: { type: 'movie', title: 'Secret Film', year: 2027, credits: [{ name: 'Hidden Director', role: 'director' }] } },
      }),
    );
    draftId = draft.id;
    await t.services.posts.create(postFields([ada.slug], { type: 'page', title: 'About us', slug: 'about', status: 'published', publishedAt: at(1) }));

    ({ freeCookie, paidCookie } = await freeAndPayingReaders(t.services, stripe));
  });
  afterAll(async () => {
    await t.close();
    await stripe.close();
  });

  describe('keys', () => {
    it('refuses requests without a key or with an unknown one, with a clear code', async () => {
      const none = await get('/api/content/posts/');
      expect(none.statusCode).toBe(401);
      expect(none.json().error.code).toBe('CONTENT_KEY_REQUIRED');
      const unknown = await get('/api/content/posts/?key=mhc_00000000_nope');
      expect(unknown.statusCode).toBe(401);
      expect(unknown.json().error.code).toBe('CONTENT_KEY_INVALID');
    });

    it('accepts the key in the x-content-key header as well as in the query', async () => {
      const res = await get('/api/content/settings/', { 'x-content-key': key });
      expect(res.statusCode).toBe(200);
      expect(res.json().settings.title).toBeTruthy();
    });

    it('administrators list keys without secrets; editors cannot manage keys; an Admin API key is not a Content API key', async () => {
      const list = await admin.call('GET', '/admin/api/content-keys');
      expect(list.statusCode).toBe(200);
      expect(list.json().contentKeys[0]).toMatchObject({ name: 'Front end', revokedAt: null });
      expect(list.body).not.toContain(key);
      expect(key.startsWith(list.json().contentKeys[0].prefix)).toBe(true);
      const { client: editor } = await staffClient(t.app, t.services, 'editor');
      expect((await editor.call('POST', '/admin/api/content-keys', { name: 'Mine' })).statusCode).toBe(403);
      expect((await editor.call('GET', '/admin/api/content-keys')).statusCode).toBe(403);
      const bad = await admin.call('POST', '/admin/api/content-keys', { name: '' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.fields[0].field).toBe('name');
      const adminKey = (await admin.call('POST', '/admin/api/api-keys', { name: 'Sync', role: 'editor' })).json().secret;
      expect((await get(`/api/content/posts/?key=${adminKey}`)).statusCode).toBe(401);
    });

    it('a revoked key stops working on the very next request', async () => {
      const made = (await admin.call('POST', '/admin/api/content-keys', { name: 'Short-lived' })).json();
      const url = `/api/content/posts/?key=${made.secret}`;
      expect((await get(url)).statusCode).toBe(200);
      const revoked = await admin.call('DELETE', `/admin/api/content-keys/${made.contentKey.id}`);
      expect(revoked.statusCode).toBe(200);
      expect(revoked.json().contentKey.revokedAt).toBeTruthy();
      const after = await get(url);
      expect(after.statusCode).toBe(401);
      expect(after.json().error.code).toBe('CONTENT_KEY_INVALID');
      expect((await admin.call('DELETE', '/admin/api/content-keys/999999')).json().error.code).toBe('CONTENT_KEY_NOT_FOUND');
    });

    it('the key endpoints are in the Admin API OpenAPI document', async () => {
      const doc = (await admin.call('GET', '/admin/api/openapi.json')).json();
      expect(Object.keys(doc.paths['/admin/api/content-keys'])).toEqual(expect.arrayContaining(['get', 'post']));
      expect(doc.paths['/admin/api/content-keys/{id}'].delete).toBeTruthy();
    });
  });

  describe('posts', () => {
    it('lists published posts newest first with pagination, never drafts or pages', async () => {
      const first = await api('/posts/?limit=2');
      expect(first.statusCode).toBe(200);
      const body = first.json();
      expect(body.posts.map((p: { slug: string }) => p.slug)).toEqual(['paid-piece', 'members-piece']);
      expect(body.meta.pagination).toEqual({ page: 1, limit: 2, pages: 3, total: 5, next: 2, prev: null });
      const last = (await api('/posts/?limit=2&page=3')).json();
      expect(last.posts.map((p: { slug: string }) => p.slug)).toEqual(['open-essay']);
      expect(last.meta.pagination).toMatchObject({ next: null, prev: 2 });
      const all = (await api('/posts')).json().posts.map((p: { slug: string }) => p.slug);
      expect(all).not.toContain('draft-review');
      expect(all).not.toContain('about');
    });

    it('filters by tag, author, format and featured, alone and combined', async () => {
      const slugs = async (query: string) => (await api(`/posts/?${query}`)).json().posts.map((p: { slug: string }) => p.slug);
      expect(await slugs('tag=film')).toEqual(['members-piece', 'film-news', 'past-lives-review']);
      expect(await slugs('tag=slow-cinema')).toEqual(['past-lives-review']);
      expect(await slugs('author=ada-obi')).toEqual(['past-lives-review', 'open-essay']);
      expect(await slugs('format=review')).toEqual(['past-lives-review']);
      expect(await slugs('featured=true')).toEqual(['past-lives-review']);
      expect(await slugs('tag=film&format=news')).toEqual(['film-news']);
      expect(await slugs('tag=film&author=ben-day')).toEqual(['members-piece', 'film-news']);
      expect((await api('/posts/?tag=film&author=ada-obi&format=news')).json()).toMatchObject({ posts: [], meta: { pagination: { total: 0, pages: 1 } } });
    });

    it('answers bad filters with 400 and every field at fault', async () => {
      const res = await api('/posts/?format=podcast&limit=0&page=x&colour=red');
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      const fields = res.json().error.fields.map((f: { field: string }) => f.field);
      expect(fields).toEqual(expect.arrayContaining(['format', 'limit', 'page', '(input)']));
      const slugs = await api('/posts/?tag=nope&author=nobody');
      expect(slugs.statusCode).toBe(400);
      expect(slugs.json().error.fields).toEqual([
        { field: 'tag', message: 'no tag has the slug "nope"' },
        { field: 'author', message: 'no author has the slug "nobody"' },
      ]);
      expect((await api('/posts/?featured=yes')).json().error.fields).toEqual([{ field: 'featured', message: 'must be true or false' }]);
    });

    it('reads one published post by slug or id, with its review facts; drafts and unknown ones are 404', async () => {
      const bySlug = await api('/posts/slug/past-lives-review/');
      expect(bySlug.statusCode).toBe(200);
      const post = bySlug.json().posts[0];
      expect(post).toMatchObject({
        slug: 'past-lives-review',
        format: 'review',
        visibility: 'public',
        gated: false,
        url: 'http://localhost:3000/past-lives-review/',
        primaryTag: { slug: 'film' },
        authors: [{ slug: 'ada-obi', name: 'Ada Obi' }],
        review: { work: { title: 'Past Lives', year: 2023 }, rating: { value: 4.5, scale: 5 } },
      });
      expect(post.html).toContain('<p>');
      expect(post.review.work.credits).toContainEqual({ person: expect.objectContaining({ name: 'Greta Lee' }), role: 'cast', character: 'Nora' });
      const byId = await api(`/posts/${openId}/`);
      expect(byId.json().posts[0].slug).toBe('open-essay');
      for (const path of ['/posts/slug/draft-review/', `/posts/${draftId}/`, '/posts/slug/no-such-post/', '/posts/slug/about/']) {
        const res = await api(path);
        expect(res.statusCode, path).toBe(404);
        expect(res.json().error.code, path).toBe('POST_NOT_FOUND');
      }
      const badId = await api('/posts/abc/');
      expect(badId.statusCode).toBe(400);
      expect(badId.json().error.fields[0].field).toBe('id');
    });

    it('lists and reads pages separately from posts', async () => {
      const pages = (await api('/pages/')).json();
      expect(pages.pages.map((p: { slug: string }) => p.slug)).toEqual(['about']);
      expect(pages.meta.pagination.total).toBe(1);
      expect((await api('/pages/slug/about/')).json().pages[0]).toMatchObject({ type: 'page', title: 'About us' });
      expect((await api('/pages/slug/open-essay/')).statusCode).toBe(404);
    });
  });

  describe('gated content', () => {
    it('anonymous callers get the excerpt and visibility of members-only and paid posts, never their text', async () => {
      for (const path of ['/posts/', '/posts/?limit=100', '/posts/slug/members-piece/', '/posts/slug/paid-piece/', '/posts/?tag=books']) {
        const res = await api(path);
        expect(res.statusCode, path).toBe(200);
        expect(res.body, path).not.toContain(MEMBERS_SECRET);
        expect(res.body, path).not.toContain(PAID_SECRET);
      }
      const paid = (await api('/posts/slug/paid-piece/')).json().posts[0];
      expect(paid).toMatchObject({ visibility: 'paid', gated: true, html: null, excerpt: 'Paid teaser.' });
      const members = (await api('/posts/slug/members-piece/')).json().posts[0];
      expect(members).toMatchObject({ visibility: 'members', gated: true, html: null, excerpt: 'Members teaser.' });
    });

    it('a signed-in free member reads members-only posts but not paid ones; a paying member reads both', async () => {
      const asFree = (path: string) => api(path, { cookie: freeCookie });
      expect((await asFree('/posts/slug/members-piece/')).json().posts[0]).toMatchObject({ gated: false, html: expect.stringContaining(MEMBERS_SECRET) });
      const paidForFree = await asFree('/posts/slug/paid-piece/');
      expect(paidForFree.body).not.toContain(PAID_SECRET);
      expect(paidForFree.json().posts[0]).toMatchObject({ gated: true, html: null });
      const list = await api('/posts/', { cookie: paidCookie });
      expect(list.body).toContain(PAID_SECRET);
      expect(list.body).toContain(MEMBERS_SECRET);
      expect(list.headers['cache-control']).toBe('private, no-cache');
      const forged = await api('/posts/slug/paid-piece/', { cookie: 'masthead_member=forged' });
      expect(forged.body).not.toContain(PAID_SECRET);
      expect(forged.headers['cache-control']).toContain('public');
    });
  });

  describe('tags, authors, works, people and settings', () => {
    it('lists tags (sections only on request) and reads one by slug', async () => {
      const all = (await api('/tags/')).json().tags.map((tag: { slug: string }) => tag.slug);
      expect(all).toEqual(expect.arrayContaining(['film', 'books', 'slow-cinema']));
      const sections = (await api('/tags/?section=true')).json().tags.map((tag: { slug: string }) => tag.slug);
      expect(sections).toContain('film');
      expect(sections).not.toContain('slow-cinema');
      expect((await api('/tags/slug/film/')).json().tags[0]).toMatchObject({ name: 'Film', isSection: true, url: 'http://localhost:3000/tag/film/' });
      const missing = await api('/tags/slug/nope/');
      expect(missing.statusCode).toBe(404);
      expect(missing.json().error.code).toBe('TAG_NOT_FOUND');
      expect((await api('/tags/?section=maybe')).statusCode).toBe(400);
    });

    it('lists authors and reads one by slug', async () => {
      const authors = (await api('/authors/')).json().authors.map((a: { slug: string }) => a.slug);
      expect(authors).toEqual(expect.arrayContaining(['ada-obi', 'ben-day']));
      expect((await api('/authors/slug/ada-obi/')).json().authors[0]).toMatchObject({ name: 'Ada Obi', url: 'http://localhost:3000/author/ada-obi/' });
      expect((await api('/authors/slug/nobody/')).json().error.code).toBe('AUTHOR_NOT_FOUND');
    });

    it('lists reviewed works with their credits and reviews; a draft review does not reveal its work', async () => {
      const res = (await api('/works/')).json();
      expect(res.works.map((w: { title: string }) => w.title)).toEqual(['Past Lives']);
      expect(res.meta.pagination.total).toBe(1);
      expect(res.works[0].reviews).toEqual([expect.objectContaining({ slug: 'past-lives-review' })]);
      expect((await api('/works/?type=book')).json().works).toEqual([]);
      expect((await api('/works/?type=podcast')).json().error.fields[0].field).toBe('type');
      const work = (await api('/works/slug/past-lives-2023/')).json().works[0];
      expect(work).toMatchObject({ type: 'movie', organization: 'A24', runtimeMinutes: 106 });
      expect((await api('/works/slug/secret-film-2027/')).json().error.code).toBe('WORK_NOT_FOUND');
      expect(JSON.stringify(res)).not.toContain('Secret Film');
    });

    it('lists credited people and reads one with their credits; people only in draft reviews stay hidden', async () => {
      const people = (await api('/people/?limit=100')).json();
      const names = people.people.map((p: { name: string }) => p.name);
      expect(names).toEqual(['Celine Song', 'Greta Lee', 'John Magaro', 'Teo Yoo']);
      expect(people.meta.pagination.total).toBe(4);
      const greta = (await api('/people/slug/greta-lee/')).json().people[0];
      expect(greta.credits).toEqual([{ work: expect.objectContaining({ title: 'Past Lives', slug: 'past-lives-2023' }), role: 'cast', character: 'Nora' }]);
      const celine = (await api('/people/slug/celine-song/')).json().people[0];
      expect(celine.credits.map((c: { role: string }) => c.role)).toEqual(['director', 'screenwriter']);
      expect((await api('/people/slug/hidden-director/')).json().error.code).toBe('PERSON_NOT_FOUND');
    });

    it('gives the public settings only', async () => {
      const settings = (await api('/settings/')).json().settings;
      expect(settings).toMatchObject({ url: 'http://localhost:3000/', timezone: expect.any(String), locale: expect.any(String) });
      expect(Object.keys(settings).sort()).toEqual(['accentColor', 'copyright', 'description', 'footerNavigation', 'locale', 'logoUrl', 'navigation', 'timezone', 'title', 'url']);
    });
  });

  describe('HTTP behaviour', () => {
    it('answers with an ETag and 304 when the copy is current, and a new ETag after a change', async () => {
      const first = await api('/posts/slug/open-essay/');
      const etag = first.headers.etag as string;
      expect(etag).toMatch(/^"/);
      expect(first.headers['cache-control']).toBe('public, max-age=0, must-revalidate');
      const again = await api('/posts/slug/open-essay/', { 'if-none-match': etag });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');
      const post = await t.services.posts.get(openId);
      await t.services.posts.update(openId, { title: 'An open essay, revised' }, { expectedRevision: post.revision });
      const changed = await api('/posts/slug/open-essay/', { 'if-none-match': etag });
      expect(changed.statusCode).toBe(200);
      expect(changed.headers.etag).not.toBe(etag);
    });

    it('allows cross-origin GETs and answers preflights, without credentials', async () => {
      const res = await api('/posts/', { origin: 'https://front.example' });
      expect(res.headers['access-control-allow-origin']).toBe('*');
      expect(res.headers['access-control-allow-credentials']).toBeUndefined();
      const preflight = await t.app.inject({
        method: 'OPTIONS',
        url: '/api/content/posts/',
        headers: { origin: 'https://front.example', 'access-control-request-method': 'GET', 'access-control-request-headers': 'x-content-key' },
      });
      expect(preflight.statusCode).toBe(204);
      expect(preflight.headers['access-control-allow-methods']).toBe('GET, HEAD');
      expect(preflight.headers['access-control-allow-headers']).toBe('x-content-key');
    });

    it('answers unknown addresses under the API with a JSON 404', async () => {
      const res = await api('/nothing-here/');
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    });

    it('rate-limits one client address', async () => {
      const once = () => t.app.inject({ method: 'GET', url: `/api/content/settings/?key=${key}`, remoteAddress: '10.9.9.9' });
      let last = await once();
      for (let i = 1; i <= 600; i += 1) last = await once();
      expect(last.statusCode).toBe(429);
      expect(last.json().error.code).toBe('RATE_LIMITED');
      expect((await api('/settings/')).statusCode).toBe(200);
    });
  });
});
