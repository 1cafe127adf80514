import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Post } from '../../src/content/index.js';
import { workTypes } from '../../src/reviews/index.js';
import { paths } from '../../src/site/urls.js';
import type { AppContext } from '../support/app.js';
import { demoApp } from '../support/demo-site.js';
import { htmlErrors } from '../support/html.js';
import { jsonLdOf, jsonLdProblems, thingsOfType } from '../support/schema-org.js';

describe('public pages of the demo magazine', () => {
  let t: AppContext;
  let posts: Post[];
  const get = (url: string) => t.app.inject(url);
  const reviewOf = (type: string) => posts.find((p) => p.review?.work.type === type)!;

  beforeAll(async () => {
    t = await demoApp();
    posts = (await t.services.posts.list({}, { limit: 500 })).posts;
  });
  afterAll(async () => t.close());

  it('serves every page type as valid HTML with valid structured data', async () => {
    const review = reviewOf('movie');
    const urls = [
      '/',
      '/page/2/',
      `/${review.slug}/`,
      `/${posts.find((p) => p.format === 'interview')!.slug}/`,
      '/tag/film/',
      `/author/${review.authors[0]!.slug}/`,
      '/reviews/',
      '/interviews/',
      '/about/',
      paths.person(review.review!.work.credits[0]!.person.slug),
      paths.work(review.review!.work.slug),
    ];
    for (const url of urls) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(await htmlErrors(res.body), url).toEqual([]);
      const documents = jsonLdOf(res.body);
      expect(documents.length, url).toBeGreaterThan(0);
      for (const document of documents) expect(jsonLdProblems(document), url).toEqual([]);
    }
    const missing = await get('/no-such-piece/');
    expect(missing.statusCode).toBe(404);
    expect(await htmlErrors(missing.body)).toEqual([]);
  });

  it('leads the home page with the newest featured story, then the latest pieces and a row per section', async () => {
    const lead = posts.find((p) => p.featured)!;
    const body = (await get('/')).body;
    const leadBlock = body.slice(body.indexOf('<article class="lead">'), body.indexOf('</article>', body.indexOf('<article class="lead">')));
    expect(leadBlock).toContain(lead.title.replace(/'/g, '&#39;').replace(/"/g, '&quot;'));
    expect(leadBlock).toContain('fetchpriority="high"');
    expect(body).toContain('>Latest</h2>');
    for (const section of ['Film', 'Television', 'Books', 'Music']) expect(body).toContain(`>${section}</a></h2>`);
    expect(body).toContain('The best of Halcyon in your inbox!');
    expect(body).toMatch(/<form class="signup-form" method="post" action="\/newsletter\/subscribe">/);
    expect(body).toContain('name="company"');
    expect(body).toContain('Get the print magazine');
    expect(body).toContain('href="/members/print/"');
    expect(body).toContain('© 2026 Halcyon Media Collective');
    expect(body).toContain('href="/about/">About us</a>');
    const [site] = thingsOfType(body, 'WebSite');
    expect((site!.potentialAction as { target: { urlTemplate: string } }).target.urlTemplate).toBe('http://localhost:3000/search/?q={search_term_string}');
    expect(thingsOfType(body, 'Organization')).toHaveLength(1);
  });

  it('shows a film review with its facts box, byline, date in the site time zone and reading time', async () => {
    const review = reviewOf('movie');
    const body = (await get(`/${review.slug}/`)).body;
    const work = review.review!.work;
    expect(body).toContain(`${work.title} (${work.year})`);
    const cast = work.credits.find((c) => c.role === 'cast' && c.character)!;
    expect(body).toContain(`${cast.person.name} as ${cast.character}`);
    expect(body).toContain(`${work.runtimeMinutes} minutes`);
    expect(body).toContain('Where to watch');
    expect(body).toContain(`Rated ${review.review!.rating!.value} out of ${review.review!.rating!.scale}`);
    expect(body).toContain(`href="/author/${review.authors[0]!.slug}/">${review.authors[0]!.name}</a>`);
    const date = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Europe/London' }).format(new Date(review.publishedAt!));
    expect(body).toContain(`<time datetime="${review.publishedAt}">${date}</time>`);
    expect(body).toContain(`${review.readingMinutes} min read`);
    const images = [...body.matchAll(/<img [^>]+>/g)].map((m) => m[0]);
    expect(images[0]).toContain('fetchpriority="high"');
    expect(images[0]).toContain('width="1200" height="675"');
    for (const image of images.slice(1)) expect(image).toContain('loading="lazy"');
    expect(body).toContain('<meta property="og:type" content="article">');
    expect(body).toContain('<meta name="twitter:card" content="summary_large_image">');
    expect(body).toContain(`<link rel="canonical" href="http://localhost:3000/${review.slug}/">`);
    const [schema] = thingsOfType(body, 'Review');
    expect(schema!.itemReviewed).toMatchObject({ '@type': 'Movie', name: work.title });
    expect((schema!.itemReviewed as { director: unknown[] }).director.length).toBeGreaterThan(0);
    expect((schema!.itemReviewed as { actor: unknown[] }).actor.length).toBeGreaterThan(0);
    expect(schema!.reviewRating).toMatchObject({ ratingValue: review.review!.rating!.value, bestRating: review.review!.rating!.scale });
    expect(thingsOfType(body, 'BreadcrumbList')).toHaveLength(1);
  });

  it('types each reviewed work as its schema.org kind', async () => {
    for (const type of ['tv_series', 'book', 'music_album', 'concert', 'theatre'] as const) {
      const review = reviewOf(type);
      const body = (await get(`/${review.slug}/`)).body;
      const [schema] = thingsOfType(body, 'Review');
      expect((schema!.itemReviewed as { '@type': string })['@type'], type).toBe(workTypes[type].schemaType);
      for (const document of jsonLdOf(body)) expect(jsonLdProblems(document), type).toEqual([]);
    }
  });

  it('fills "More from" with the same section first, then the whole site, never the piece itself', async () => {
    const review = reviewOf('movie');
    const body = (await get(`/${review.slug}/`)).body;
    const more = body.slice(body.indexOf('id="more-title"'), body.indexOf('id="related-title"'));
    const links = [...more.matchAll(/<h3><a href="\/([a-z0-9-]+)\/">/g)].map((m) => m[1]);
    expect(links).toHaveLength(4);
    expect(links).not.toContain(review.slug);
    const film = (await t.services.posts.list({ tagId: review.primaryTag!.id }, { limit: 5 })).posts.filter((p) => p.id !== review.id);
    expect(links).toEqual(film.slice(0, 4).map((p) => p.slug));
  });

  it('shows "You may also like" from the stored recommendations', async () => {
    const review = reviewOf('movie');
    await t.services.recommendations.rebuild();
    const related = await t.services.recommendations.related(review.id, 4);
    expect(related.length).toBeGreaterThan(0);
    const body = (await get(`/${review.slug}/`)).body;
    const block = body.slice(body.indexOf('id="related-title"'));
    expect(block).toContain('You may also like');
    const links = [...block.matchAll(/<h3><a href="\/([a-z0-9-]+)\/">/g)].map((m) => m[1]);
    expect(links).toEqual(related.map((p) => p.slug));
    expect(links).not.toContain(review.slug);
  });

  it('lists a section with its description and its newest pieces first', async () => {
    const film = await t.services.taxonomy.getTag('film');
    const body = (await get('/tag/film/')).body;
    expect(body).toContain('<h1>Film');
    expect(body).toContain(film.description.replace(/’/g, '’'));
    const newest = (await t.services.posts.list({ tagId: film.id }, { limit: 2 })).posts;
    expect(body.indexOf(`href="/${newest[0]!.slug}/"`)).toBeLessThan(body.indexOf(`href="/${newest[1]!.slug}/"`));
    expect(body).toContain('<link rel="alternate" type="application/rss+xml" title="Film – Halcyon" href="http://localhost:3000/tag/film/rss/">');
  });

  it('shows an author page with bio, links and their pieces, described as a Person', async () => {
    const author = posts[0]!.authors[0]!;
    const body = (await get(`/author/${author.slug}/`)).body;
    expect(body).toContain(`<h1>${author.name}</h1>`);
    expect(body).toContain('<meta property="og:type" content="profile">');
    const [person] = thingsOfType(body, 'Person');
    expect(person).toMatchObject({ name: author.name, url: `http://localhost:3000/author/${author.slug}/` });
    const theirs = (await t.services.posts.list({ authorId: author.id }, { limit: 12 })).posts;
    for (const post of theirs) expect(body).toContain(`href="/${post.slug}/"`);
  });

  it('archives each format of writing', async () => {
    const body = (await get('/reviews/')).body;
    expect(body).toContain('<h1>Reviews');
    const reviews = posts.filter((p) => p.format === 'review').slice(0, 12);
    for (const post of reviews) expect(body).toContain(`href="/${post.slug}/"`);
    expect(body).not.toContain(`href="/${posts.find((p) => p.format === 'interview')!.slug}/"`);
  });

  it('serves static pages without a byline', async () => {
    const body = (await get('/about/')).body;
    expect(body).toContain('<h1>About us</h1>');
    expect(body).not.toContain('min read');
  });
});
