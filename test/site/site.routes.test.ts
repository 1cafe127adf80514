import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type AppContext } from '../support/app.js';
import { filmReview, makeAuthor, makeTag, postFields } from '../support/factories.js';

describe('public pages', () => {
  let t: AppContext;
  let reviewSlug: string;

  beforeAll(async () => {
    t = await testApp();
    await t.services.settings.updateSite({ title: 'Halcyon', copyright: '© 2026 Halcyon' });
    const author = await makeAuthor(t.services, { name: 'Ada Obi' });
    await makeTag(t.services, { name: 'Movie Review', slug: 'movie-review' });
    const review = await t.services.posts.create(filmReview([author.slug], { tags: ['movie-review'], status: 'published' }));
    reviewSlug = review.slug;
    for (let i = 0; i < 14; i += 1) {
      await t.services.posts.create(postFields([author.slug], { title: `Story ${i}`, status: 'published', publishedAt: `2026-10-${10 + i}T08:00:00Z` }));
    }
    await t.services.posts.create(postFields([author.slug], { title: 'Unfinished draft' }));
  });
  afterAll(async () => t.close());

  it('serves a home page listing the newest published pieces, without drafts', async () => {
    const res = await t.app.inject('/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('Halcyon');
    expect(res.body).toContain('Past Lives review');
    expect(res.body).not.toContain('Unfinished draft');
    expect(res.body).toContain('© 2026 Halcyon');
    expect(res.body).toContain('href="/page/2/"');
  });

  it('pages through the archive and answers 404 past the end or for a bad page number', async () => {
    const second = await t.app.inject('/page/2/');
    expect(second.statusCode).toBe(200);
    expect(second.body).toContain('Story 0');
    expect((await t.app.inject('/page/1/')).headers.location).toBe('/');
    for (const bad of ['/page/99/', '/page/0/', '/page/abc/', '/page/-1/', '/page/1e9/']) {
      expect((await t.app.inject(bad)).statusCode, bad).toBe(404);
    }
  });

  it('shows a review with its section, byline and the film facts', async () => {
    const res = await t.app.inject(`/${reviewSlug}/`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Movie Review');
    expect(res.body).toMatch(/By <a href="\/author\/[a-z0-9-]+\/">Ada Obi<\/a>/);
    expect(res.body).toContain('Greta Lee as Nora');
    expect(res.body).toContain('106 minutes');
    expect(res.body).toContain('Rated 4.5 out of 5');
    expect(res.body).toContain('A quiet film about the lives we did not live.');
  });

  it('pages through a section with rel=prev/next links and 404 past the end', async () => {
    const tag = await makeTag(t.services, { name: 'Archive', slug: 'archive' });
    const author = await makeAuthor(t.services);
    for (let i = 0; i < 13; i += 1) {
      await t.services.posts.create(postFields([author.slug], { title: `Archived ${i}`, tags: [tag.slug], status: 'published', publishedAt: `2026-09-${10 + i}T08:00:00Z` }));
    }
    const first = (await t.app.inject('/tag/archive/')).body;
    expect(first).toContain('<link rel="next" href="http://localhost:3000/tag/archive/page/2/">');
    expect(first).not.toContain('rel="prev"');
    const second = await t.app.inject('/tag/archive/page/2/');
    expect(second.statusCode).toBe(200);
    expect(second.body).toContain('<link rel="prev" href="http://localhost:3000/tag/archive/">');
    expect(second.body).not.toContain('<link rel="next"');
    expect(second.body).toContain('Archived 0');
    expect((await t.app.inject('/tag/archive/page/1/')).headers.location).toBe('/tag/archive/');
    for (const bad of ['/tag/archive/page/3/', '/tag/archive/page/0/', '/tag/archive/page/x/', '/tag/archive/page/99999999999/', `/author/${author.slug}/page/3/`, '/reviews/page/2/']) {
      expect((await t.app.inject(bad)).statusCode, bad).toBe(404);
    }
  });

  it('answers unknown sections, authors and formats with a 404 page that has the navigation', async () => {
    await t.services.settings.updateSite({ navigation: [{ label: 'Film', url: '/tag/film/' }] });
    for (const url of ['/tag/nothing/', '/author/nobody/', '/tag/nothing/rss/', '/author/nobody/rss/', '/tag/Bad%20Slug/', '/essays/page/2/']) {
      const res = await t.app.inject(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.body, url).toContain('<nav class="nav" aria-label="Sections">');
      expect(res.body, url).toContain('href="/tag/film/"');
    }
  });

  it('shows gated pieces to anonymous readers as a teaser with a call to join', async () => {
    const author = await makeAuthor(t.services);
    const post = await t.services.posts.create(postFields([author.slug], { title: 'For members', excerpt: 'The teaser.', body: 'Hidden body words.', visibility: 'members', status: 'published' }));
    const res = await t.app.inject(`/${post.slug}/`);
    expect(res.body).toContain('The teaser.');
    expect(res.body).not.toContain('Hidden body words.');
    expect(res.body).toContain('This piece is for members');
    expect(res.body).toContain(`href="/members/signin/?next=%2F${post.slug}%2F">Join for free`);
  });

  it('answers malformed or hostile requests with a 4xx, never a 500', async () => {
    const urls = [
      '/?%',
      '/?q=%E0%A4%A',
      '/?a[b][c][d]=1&a=2',
      `/?${'x='.repeat(5000)}`,
      '/page/%00/',
      '/page/1.5/',
      '/tag/%2e%2e/',
      '/tag/..%2f..%2fetc/',
      '/author/%ff/',
      '/rss/?page=-1',
      '/sitemap-posts-99999.xml',
      '/sitemap-%00.xml',
      '/reviews/page/-1/',
    ];
    for (const url of urls) {
      const res = await t.app.inject(url);
      expect(res.statusCode, url).toBeLessThan(500);
      expect(res.body, url).not.toMatch(/at .*\.ts:\d+|stack/i);
    }
    expect((await t.app.inject('/?%')).statusCode).toBe(200);
  });

  it('refuses oversized request headers with 431', async () => {
    const url = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const res = await fetch(url, { headers: { 'x-big': 'a'.repeat(64 * 1024) } });
    expect(res.status).toBe(431);
  });

  it('gives photos from the media library a srcset and their real size', async () => {
    const editor = await t.services.users.create({ email: 'photo-editor@halcyon.example', name: 'Pic', role: 'editor' });
    const data = await sharp({ create: { width: 800, height: 500, channels: 3, background: '#a03050' } })
      .jpeg()
      .toBuffer();
    const item = await t.services.media.upload({ data, filename: 'premiere.jpg', mimetype: 'image/jpeg' }, { alt: 'The premiere' }, editor);
    const author = await makeAuthor(t.services);
    const post = await t.services.posts.create(postFields([author.slug], { title: 'With a photo', status: 'published', featureImage: { url: item.url, alt: 'The premiere' } }));
    const body = (await t.app.inject(`/${post.slug}/`)).body;
    const image = /<img src="([^"]+)"[^>]*>/.exec(body)![0];
    expect(image).toContain(`src="${item.url}"`);
    expect(image).toContain('width="800" height="500"');
    expect(image).toMatch(/srcset="[^"]+-320\.webp 320w/);
    expect(image).toContain('sizes="(min-width: 64rem) 60rem, 100vw"');
    expect(image).toContain('fetchpriority="high"');
  });

  it('escapes HTML typed into a title', async () => {
    const author = await makeAuthor(t.services);
    const post = await t.services.posts.create(postFields([author.slug], { title: '<script>alert(1)</script>', status: 'published' }));
    const res = await t.app.inject(`/${post.slug}/`);
    expect(res.body).not.toContain('<script>alert(1)</script>');
    expect(res.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('redirects an old slug and a missing trailing slash permanently', async () => {
    const author = await makeAuthor(t.services);
    const post = await t.services.posts.create(postFields([author.slug], { title: 'Old name', status: 'published' }));
    await t.services.posts.update(post.id, { slug: 'new-name' });
    const old = await t.app.inject('/old-name/');
    expect([old.statusCode, old.headers.location]).toEqual([301, '/new-name/']);
    const bare = await t.app.inject('/new-name');
    expect([bare.statusCode, bare.headers.location]).toEqual([301, '/new-name/']);
    const tag = await t.app.inject('/tag/movie-review');
    expect([tag.statusCode, tag.headers.location]).toEqual([301, '/tag/movie-review/']);
    // A browser keeps a permanent redirect without Cache-Control for as long as it likes: a renamed
    // piece's old address may be taken again, so that one is kept briefly; a missing slash for a day.
    expect(old.headers['cache-control']).toBe('public, max-age=600, s-maxage=60');
    expect(bare.headers['cache-control']).toBe('public, max-age=86400');
    expect(tag.headers['cache-control']).toBe('public, max-age=86400');
    const search = await t.app.inject('/search?q=film');
    expect([search.statusCode, search.headers.location, search.headers['cache-control']]).toEqual([301, '/search/?q=film', 'public, max-age=86400']);
  });

  it('answers 410 for an archived piece and 404 pages for unknown or hostile addresses', async () => {
    const author = await makeAuthor(t.services);
    const post = await t.services.posts.create(postFields([author.slug], { title: 'Withdrawn', status: 'published' }));
    await t.services.posts.archive(post.id);
    const gone = await t.app.inject(`/${post.slug}/`);
    expect(gone.statusCode).toBe(410);
    expect(gone.body).toContain('Go to the home page');
    for (const url of ['/no-such-piece/', '/../../etc/passwd', '/%2e%2e%2fetc%2fpasswd/', '/Bad_Slug/', `/${'a'.repeat(600)}/`, '/media/../../etc/passwd', '/%00/', '/%E0%A4%A/']) {
      const res = await t.app.inject(url);
      expect(res.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, url).toBeLessThan(500);
      expect(res.body, url).not.toMatch(/at .*\.ts:\d+|stack/i);
    }
  });

  it('answers JSON errors to JSON clients', async () => {
    const res = await t.app.inject({ url: '/nothing-here/', headers: { accept: 'application/json' } });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'Nothing exists at that address.' } });
  });

  it('reports health with the database kind', async () => {
    const res = await t.app.inject('/healthz');
    expect(res.json()).toEqual({ status: 'ok', database: 'sqlite' });
  });

  it('compresses pages for clients that accept it', async () => {
    const res = await t.app.inject({ url: '/', headers: { 'accept-encoding': 'br, gzip' } });
    expect(res.headers['content-encoding']).toBe('br');
  });
});
