import GhostContentAPI from '@tryghost/content-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberCookie, makePlans } from '../members/helpers.js';
import { testApp, type AppContext } from '../support/app.js';
import { filmReview, makeAuthor, makeTag, postFields } from '../support/factories.js';
import { failure, listening } from './support/server.js';

const MEMBERS_SECRET = 'Wolfsbane members-only paragraph';

describe('the Ghost Content API through the official client', () => {
  let t: AppContext;
  let url: string;
  let key: string;
  let api: ReturnType<typeof GhostContentAPI>;
  let reviewId: number;

  const raw = (path: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url: `/ghost/api/content${path}${path.includes('?') ? '&' : '?'}key=${key}`, headers });

  beforeAll(async () => {
    t = await testApp('sqlite');
    url = await listening(t);
    const owner = await t.services.users.create({ email: 'owner@masthead.example', name: 'Owner', role: 'administrator' });
    key = (await t.services.contentKeys.create({ name: 'Front end' }, owner.id)).secret;
    api = GhostContentAPI({ url, key, version: 'v6.0' });

    await makePlans(t.services);
    await t.services.settings.updateSite({ title: 'Halcyon', navigation: [{ label: 'Film', url: '/tag/film/' }] });
    const ada = await makeAuthor(t.services, { name: 'Ada Obi', slug: 'ada-obi', bio: 'Film critic.' });
    const ben = await makeAuthor(t.services, { name: 'Ben Day', slug: 'ben-day' });
    await makeTag(t.services, { name: 'Film', slug: 'film' });
    await makeTag(t.services, { name: 'Books', slug: 'books' });
    const at = (day: number) => `2026-10-${String(day).padStart(2, '0')}T09:00:00.000Z`;
    await t.services.posts.create(postFields([ben.slug], { title: 'An open essay', slug: 'open-essay', format: 'essay', tags: ['books'], status: 'published', publishedAt: at(1) }));
    reviewId = (await t.services.posts.create(filmReview([ada.slug, ben.slug], { slug: 'past-lives-review', tags: ['film', 'books'], status: 'published', featured: true, publishedAt: at(2), contentNotes: ['Grief'] })))
      .id;
    await t.services.posts.create(
      postFields([ben.slug], { title: 'A members piece', slug: 'members-piece', excerpt: 'Members teaser.', body: `${MEMBERS_SECRET}.`, visibility: 'members', status: 'published', publishedAt: at(3) }),
    );
    await t.services.posts.create(postFields([ada.slug], { title: 'A draft', slug: 'a-draft' }));
    await t.services.posts.create(postFields([ada.slug], { type: 'page', title: 'About us', slug: 'about', status: 'published', publishedAt: at(1) }));
  });
  afterAll(async () => t.close());

  describe('posts', () => {
    it('browses published posts newest first with Ghost pagination, never drafts or pages', async () => {
      const posts = await api.posts.browse({ limit: 2 });
      expect(posts.map((p: { slug: string }) => p.slug)).toEqual(['members-piece', 'past-lives-review']);
      expect(posts.meta.pagination).toEqual({ page: 1, limit: 2, pages: 2, total: 3, next: 2, prev: null });
      const second = await api.posts.browse({ limit: 2, page: 2 });
      expect(second.map((p: { slug: string }) => p.slug)).toEqual(['open-essay']);
      expect(second.meta.pagination).toMatchObject({ page: 2, next: null, prev: 1 });
    });

    it('answers posts in Ghost’s shape, with Masthead’s review facts and content notes as extras', async () => {
      const post = await api.posts.read({ slug: 'past-lives-review' });
      expect(post).toMatchObject({
        id: String(reviewId),
        slug: 'past-lives-review',
        title: 'Past Lives review',
        featured: true,
        visibility: 'public',
        published_at: '2026-10-02T09:00:00.000Z',
        url: 'http://localhost:3000/past-lives-review/',
        access: true,
        custom_excerpt: null,
        format: 'review',
        content_notes: ['Grief'],
        review: { rating: { value: 4.5, scale: 5 }, verdict: 'A quiet film about the lives we did not live.' },
      });
      expect(post.uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(post.html).toContain('<p>');
      expect(post.reading_time).toBeGreaterThanOrEqual(1);
      expect(post).not.toHaveProperty('tags');
      expect(post).not.toHaveProperty('plaintext');
      expect((await api.posts.read({ id: String(reviewId) })).slug).toBe('past-lives-review');
    });

    it('includes tags and authors with the primary ones, and plaintext on request', async () => {
      const post = await api.posts.read({ slug: 'past-lives-review' }, { include: 'tags,authors', formats: 'html,plaintext' });
      expect(post.tags.map((tag: { slug: string }) => tag.slug)).toEqual(['film', 'books']);
      expect(post.primary_tag).toMatchObject({ slug: 'film', name: 'Film', url: 'http://localhost:3000/tag/film/', visibility: 'public' });
      expect(post.authors.map((a: { slug: string }) => a.slug)).toEqual(['ada-obi', 'ben-day']);
      expect(post.primary_author).toMatchObject({ slug: 'ada-obi', bio: 'Film critic.', url: 'http://localhost:3000/author/ada-obi/' });
      expect(post.plaintext).toContain('First paragraph');
    });

    it('gives only the fields asked for', async () => {
      const posts = await api.posts.browse({ fields: 'title,url', limit: 1 });
      expect(posts[0]).toEqual({ title: 'A members piece', url: 'http://localhost:3000/members-piece/' });
    });

    it('keeps the body of a members-only post out for readers who may not read it, and gives it to a member', async () => {
      const anonymous = await api.posts.read({ slug: 'members-piece' }, { formats: 'html,plaintext' });
      expect(anonymous).toMatchObject({ html: '', plaintext: '', access: false, visibility: 'members', excerpt: 'Members teaser.' });
      expect(JSON.stringify(await api.posts.browse({ formats: 'html,plaintext' }))).not.toContain(MEMBERS_SECRET);
      const cookie = await memberCookie(t.services, 'reader@example.com');
      const member = await raw('/posts/slug/members-piece/', { cookie });
      expect(member.json().posts[0]).toMatchObject({ access: true });
      expect(member.json().posts[0].html).toContain(MEMBERS_SECRET);
      expect(member.headers['cache-control']).toBe('private, no-cache');
    });

    it('answers drafts, pages and unknown posts as not found in Ghost’s error envelope', async () => {
      for (const attempt of [api.posts.read({ slug: 'a-draft' }), api.posts.read({ slug: 'about' }), api.posts.read({ id: '999999' }), api.posts.read({ id: '5f1a2b3c4d5e6f7a8b9c0d1e' })]) {
        expect(await failure(attempt)).toMatchObject({ type: 'NotFoundError', status: 404 });
      }
      const res = await raw('/posts/slug/a-draft/');
      expect(res.json()).toEqual({
        errors: [{ message: 'Post not found.', context: null, type: 'NotFoundError', details: null, property: null, help: null, code: 'POST_NOT_FOUND', id: expect.any(String), ghostErrorCode: null }],
      });
    });
  });

  describe('pages', () => {
    it('browses and reads published pages', async () => {
      const pages = await api.pages.browse();
      expect(pages.map((p: { slug: string }) => p.slug)).toEqual(['about']);
      expect((await api.pages.read({ slug: 'about' })).title).toBe('About us');
      expect(await failure(api.pages.read({ slug: 'open-essay' }))).toMatchObject({ type: 'NotFoundError' });
    });
  });

  describe('tags and authors', () => {
    it('browses tags with their published post counts on request and reads one by slug or id', async () => {
      const tags = await api.tags.browse({ include: 'count.posts' });
      expect(tags.map((tag: { slug: string; count: { posts: number } }) => [tag.slug, tag.count.posts])).toEqual([
        ['books', 2],
        ['film', 1],
      ]);
      const film = await api.tags.read({ slug: 'film' });
      expect(film).toMatchObject({ name: 'Film', url: 'http://localhost:3000/tag/film/', section: true });
      expect(film).not.toHaveProperty('count');
      expect((await api.tags.read({ id: film.id })).slug).toBe('film');
      expect(await failure(api.tags.read({ slug: 'nothing' }))).toMatchObject({ type: 'NotFoundError', status: 404 });
    });

    it('browses authors and reads one by slug', async () => {
      const authors = await api.authors.browse({ include: 'count.posts' });
      expect(authors.map((a: { slug: string; count: { posts: number } }) => [a.slug, a.count.posts])).toEqual([
        ['ada-obi', 1],
        ['ben-day', 3],
      ]);
      const ada = await api.authors.read({ slug: 'ada-obi' });
      expect(ada).toMatchObject({ name: 'Ada Obi', bio: 'Film critic.', profile_image: null, url: 'http://localhost:3000/author/ada-obi/' });
      expect(await failure(api.authors.read({ slug: 'nobody' }))).toMatchObject({ type: 'NotFoundError' });
    });
  });

  describe('tiers and settings', () => {
    it('lists the plans on sale as tiers with prices in cents', async () => {
      const tiers = await api.tiers.browse();
      expect(tiers.map((tier: { name: string; type: string; monthly_price: number; currency: string }) => [tier.name, tier.type, tier.monthly_price, tier.currency])).toEqual([
        ['Digital', 'paid', 500, 'GBP'],
        ['Print + Digital', 'paid', 900, 'GBP'],
      ]);
    });

    it('answers the public settings in Ghost’s shape', async () => {
      const settings = await api.settings.browse();
      expect(settings).toMatchObject({ title: 'Halcyon', navigation: [{ label: 'Film', url: '/tag/film/' }], url: 'http://localhost:3000/', locale: 'en', timezone: 'UTC' });
    });
  });

  describe('keys, versions, caching and errors', () => {
    it('refuses requests without a key or with an unknown or revoked one', async () => {
      const none = await t.app.inject({ url: '/ghost/api/content/posts/' });
      expect(none.statusCode).toBe(403);
      expect(none.json().errors[0]).toMatchObject({ type: 'NoPermissionError', code: 'CONTENT_KEY_REQUIRED' });
      const unknown = GhostContentAPI({ url, key: '0123456789abcdef0123456789', version: 'v6.0' });
      expect(await failure(unknown.posts.browse())).toMatchObject({ type: 'UnauthorizedError', status: 401, message: 'Unknown Content API Key.' });
      const owner = (await t.services.users.list())[0]!;
      const made = await t.services.contentKeys.create({ name: 'Short-lived' }, owner.id);
      const shortLived = GhostContentAPI({ url, key: made.secret, version: 'v6.0' });
      expect((await shortLived.settings.browse()).title).toBe('Halcyon');
      await t.services.contentKeys.revoke(made.key.id);
      expect(await failure(shortLived.settings.browse())).toMatchObject({ type: 'UnauthorizedError' });
    });

    it('answers Accept-Version with Content-Version, and refuses a malformed one', async () => {
      const res = await raw('/settings/', { 'accept-version': 'v5.0' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-version']).toBe('v6.0');
      expect(res.headers.vary).toContain('Accept-Version');
      const bad = await raw('/settings/', { 'accept-version': 'six' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors[0]).toMatchObject({ type: 'BadRequestError', code: 'ACCEPT_VERSION_INVALID' });
    });

    it('answers an unknown endpoint 404, or 406 when the client asked for another major version', async () => {
      const same = await raw('/newsletters/', { 'accept-version': 'v6.0' });
      expect(same.statusCode).toBe(404);
      expect(same.json().errors[0].type).toBe('NotFoundError');
      const older = await raw('/newsletters/', { 'accept-version': 'v5.0' });
      expect(older.statusCode).toBe(406);
      expect(older.json().errors[0]).toMatchObject({ type: 'RequestNotAcceptableError', code: 'ACCEPT_VERSION_MISMATCH' });
      expect(older.json().errors[0].message).toContain('behind');
    });

    it('serves older clients at their versioned addresses', async () => {
      const v4 = GhostContentAPI({ url, key, version: 'v4' });
      expect((await v4.posts.browse({ limit: 1 }))[0].slug).toBe('members-piece');
    });

    it('marks answers public and cacheable, with an ETag that answers 304 when unchanged', async () => {
      const first = await raw('/posts/?limit=1');
      expect(first.headers['cache-control']).toBe('public, max-age=0, must-revalidate');
      expect(first.headers.etag).toBeTruthy();
      const again = await raw('/posts/?limit=1', { 'if-none-match': first.headers.etag as string });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');
    });

    it('lets browsers on other origins read, sending Accept-Version', async () => {
      const preflight = await t.app.inject({
        method: 'OPTIONS',
        url: '/ghost/api/content/posts/',
        headers: { origin: 'https://front.example', 'access-control-request-method': 'GET', 'access-control-request-headers': 'accept-version' },
      });
      expect(preflight.statusCode).toBe(204);
      expect(preflight.headers['access-control-allow-origin']).toBe('*');
      expect(String(preflight.headers['access-control-allow-headers'])).toContain('accept-version');
    });

    it('refuses bad options as Ghost’s validation errors, naming the option', async () => {
      for (const [options, field] of [
        [{ limit: 'lots' }, 'limit'],
        [{ limit: 0 }, 'limit'],
        [{ page: -1 }, 'page'],
        [{ include: 'comments' }, 'include'],
        [{ formats: 'lexical' }, 'formats'],
        [{ fields: 'title,password' }, 'fields'],
        [{ order: 'secret desc' }, 'order'],
        [{ order: 'title sideways' }, 'order'],
      ] as const) {
        const problem = await failure(api.posts.browse(options));
        expect(problem, JSON.stringify(options)).toMatchObject({ type: 'ValidationError', status: 422 });
        expect(problem.context).toContain(`${field}:`);
      }
    });
  });
});

describe('page sizes of the Ghost Content API', () => {
  let t: AppContext;
  let api: ReturnType<typeof GhostContentAPI>;

  beforeAll(async () => {
    t = await testApp('sqlite');
    const url = await listening(t);
    const owner = await t.services.users.create({ email: 'owner@masthead.example', name: 'Owner', role: 'administrator' });
    api = GhostContentAPI({ url, key: (await t.services.contentKeys.create({ name: 'Front end' }, owner.id)).secret, version: 'v6.0' });
    const author = await makeAuthor(t.services);
    for (let n = 0; n < 102; n += 1) await t.services.posts.create(postFields([author.slug], { status: 'published', publishedAt: new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString() }));
  });
  afterAll(async () => t.close());

  it('gives at most 100 items a page, for limit=all as for larger limits, as Ghost 6 does', async () => {
    for (const limit of ['all', 500]) {
      const posts = await api.posts.browse({ limit });
      expect(posts).toHaveLength(100);
      expect(posts.meta.pagination).toEqual({ page: 1, limit: 100, pages: 2, total: 102, next: 2, prev: null });
    }
    expect(await api.posts.browse({ limit: 'all', page: 2 })).toHaveLength(2);
    expect(await api.posts.browse()).toHaveLength(15);
  });
});
