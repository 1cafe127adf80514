import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { personHeader } from '../../src/site/pages/person.page.js';
import { workHeader } from '../../src/site/pages/work.page.js';
import { defaultThemeDir, loadTheme } from '../../src/site/theme.js';
import { testApp, type AppContext } from '../support/app.js';
import { filmReview, makeAuthor, postFields } from '../support/factories.js';
import { htmlErrors } from '../support/html.js';
import { jsonLdOf, jsonLdProblems, thingsOfType } from '../support/schema-org.js';
import { dialects, silentLogger } from '../support/stores.js';

const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['url', 'sitemap'].includes(name) });

/** A film with a director and one cast member, described in full as a review gives it. */
function film(title: string, year: number, director: string, cast: string, character: string) {
  return {
    type: 'movie',
    title,
    year,
    organization: 'Studio North',
    runtimeMinutes: 95,
    credits: [
      { name: director, role: 'director' },
      { name: cast, role: 'cast', character },
    ],
  };
}

describe.each(dialects)('pages for people and works on %s', (dialect) => {
  let t: AppContext;
  let author: string;
  const get = (url: string) => t.app.inject(url);
  const publish = (fields: Record<string, unknown>) => t.services.posts.create(postFields([author], { status: 'published', ...fields }));

  beforeAll(async () => {
    t = await testApp(dialect);
    await t.services.settings.updateSite({ title: 'Halcyon' });
    author = (await makeAuthor(t.services, { name: 'Ada Obi' })).slug;
    await t.services.posts.create(filmReview([author], { status: 'published', publishedAt: '2026-10-01T08:00:00.000Z' }));
    await publish({
      title: 'Past Lives, revisited',
      format: 'review',
      publishedAt: '2026-10-03T08:00:00.000Z',
      review: { work: { slug: 'past-lives-2023' } },
    });
    await publish({
      title: 'Materialists review',
      format: 'review',
      visibility: 'paid',
      excerpt: 'A teaser for everyone.',
      body: 'The paid body of the review.',
      publishedAt: '2026-10-05T08:00:00.000Z',
      review: { work: film('Materialists', 2025, 'Celine Song', 'Dakota Johnson', 'Lucy'), rating: { value: 3, scale: 5 } },
    });
    await t.services.posts.create(postFields([author], { title: 'Draft about an unreleased film', format: 'review', review: { work: film('Unreleased Film', 2027, 'Celine Song', 'Nobody Yet', 'Someone') } }));
  });
  afterAll(async () => t.close());

  it('lists every published piece naming a person, newest first, with their roles in each work, and never a gated body', async () => {
    const res = await get('/people/celine-song/');
    expect(res.statusCode).toBe(200);
    const body = res.body;
    expect(body).toContain('<h1>Celine Song</h1>');
    expect(body).toContain('Credited in 2 reviewed works');
    expect(body).toContain('<a href="/works/materialists-2025/">Director — Materialists (2025)</a>');
    expect(body).toContain('<a href="/works/past-lives-2023/">Director, Screenwriter — Past Lives (2023)</a>');
    const order = ['Materialists review', 'Past Lives, revisited', 'Past Lives review'].map((title) => body.indexOf(`">${title}</a>`));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(body).toContain('A teaser for everyone.');
    expect(body).not.toContain('The paid body of the review.');
    expect(body).not.toContain('Draft about an unreleased film');
    expect(body).not.toContain('Unreleased Film');
    expect((await get('/people/greta-lee/')).body).toContain('Cast as Nora — Past Lives (2023)');
    const gatedWork = (await get('/works/materialists-2025/')).body;
    expect(gatedWork).toContain('A teaser for everyone.');
    expect(gatedWork).toContain('Rated 3 out of 5');
    expect(gatedWork).not.toContain('The paid body of the review.');
    expect(await htmlErrors(body)).toEqual([]);
    for (const document of jsonLdOf(body)) expect(jsonLdProblems(document)).toEqual([]);
    expect(thingsOfType(body, 'Person')[0]).toMatchObject({ name: 'Celine Song', url: 'http://localhost:3000/people/celine-song/' });
    expect(thingsOfType(body, 'Movie').map((m) => m.name)).toEqual(['Materialists', 'Past Lives']);
  });

  it("shows a work's facts with links to its people, and every published piece about it with its rating", async () => {
    const res = await get('/works/past-lives-2023/');
    expect(res.statusCode).toBe(200);
    const body = res.body;
    expect(body).toContain('<h1>Past Lives (2023)</h1>');
    expect(body).toContain('<dd><a href="/people/celine-song/">Celine Song</a></dd>');
    expect(body).toContain('<a href="/people/greta-lee/">Greta Lee as Nora</a>');
    expect(body).toContain('<dd>A24</dd>');
    expect(body).toContain('106 minutes');
    expect(body).toContain('Past Lives, revisited');
    expect(body).toContain('Rated 4.5 out of 5');
    expect(await htmlErrors(body)).toEqual([]);
    for (const document of jsonLdOf(body)) expect(jsonLdProblems(document)).toEqual([]);
    const [movie] = thingsOfType(body, 'Movie');
    expect(movie).toMatchObject({ name: 'Past Lives', url: 'http://localhost:3000/works/past-lives-2023/' });
    // One rated review is no aggregate.
    expect(movie!.aggregateRating).toBeUndefined();
    expect((movie!.review as unknown[]).length).toBe(2);
  });

  it('sums up the ratings of a work with two or more rated reviews, across scales', async () => {
    const work = film('Aftersun', 2022, 'Charlotte Wells', 'Paul Mescal', 'Calum');
    await publish({ title: 'Aftersun review', format: 'review', review: { work, rating: { value: 5, scale: 5 } } });
    await publish({ title: 'Aftersun, again', format: 'review', review: { work: { slug: 'aftersun-2022' }, rating: { value: 8, scale: 10 } } });
    await publish({ title: 'Aftersun, unrated', format: 'review', review: { work: { slug: 'aftersun-2022' } } });
    const body = (await get('/works/aftersun-2022/')).body;
    const [movie] = thingsOfType(body, 'Movie');
    expect(movie!.aggregateRating).toEqual({ '@type': 'AggregateRating', ratingValue: 4.5, bestRating: 5, worstRating: 0, ratingCount: 2 });
    expect((movie!.review as Array<{ name: string }>).map((r) => r.name).sort()).toEqual(['Aftersun review', 'Aftersun, again', 'Aftersun, unrated']);
    expect(body).toContain('Average rating 4.5 out of 5 from 2 reviews');
    expect(body).toContain('Rated 8 out of 10');
    for (const document of jsonLdOf(body)) expect(jsonLdProblems(document)).toEqual([]);
  });

  it("links the work and its people from a review's facts box", async () => {
    const body = (await get('/past-lives-review/')).body;
    expect(body).toContain('<h2 id="facts-title"><a href="/works/past-lives-2023/">Past Lives (2023)</a></h2>');
    expect(body).toContain('<a href="/people/celine-song/">Celine Song</a>');
    expect(body).toContain('<a href="/people/john-magaro/">John Magaro as Arthur</a>');
    expect(thingsOfType(body, 'Review')[0]!.itemReviewed).toMatchObject({ url: 'http://localhost:3000/works/past-lives-2023/' });
  });

  it('answers 404 for people and works with no published piece, past the last page and for odd addresses', async () => {
    for (const url of [
      '/people/nobody-yet/',
      '/works/unreleased-film-2027/',
      '/people/no-such-person/',
      '/works/no-such-work/',
      '/people/celine-song/page/2/',
      '/people/celine-song/page/abc/',
      '/people/celine-song/page/0/',
      '/people/Celine-Song/',
      '/people/celine%00song/',
      `/works/${'a'.repeat(300)}/`,
      '/people/constructor/',
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
    }
    expect((await get('/people/celine-song')).headers.location).toBe('/people/celine-song/');
    expect((await get('/works/past-lives-2023')).headers.location).toBe('/works/past-lives-2023/');
    expect((await get('/people/celine-song/page/1/')).headers.location).toBe('/people/celine-song/');
  });

  it('pages through a person credited in many works like other archives', async () => {
    for (let i = 0; i < 13; i += 1) {
      await publish({
        title: `Short film ${i} review`,
        format: 'review',
        publishedAt: `2026-09-${String(10 + i)}T08:00:00.000Z`,
        review: { work: film(`Short film ${i}`, 2020, 'Prolific Editor', `Actor ${i}`, 'Lead') },
      });
    }
    const first = (await get('/people/prolific-editor/')).body;
    expect(first).toContain('<link rel="next" href="http://localhost:3000/people/prolific-editor/page/2/">');
    expect(first).toContain('Short film 12 review');
    const second = await get('/people/prolific-editor/page/2/');
    expect(second.statusCode).toBe(200);
    expect(second.body).toContain('<link rel="prev" href="http://localhost:3000/people/prolific-editor/">');
    expect(second.body).toContain('Short film 0 review');
    expect(second.body).toContain('<title>Prolific Editor – Page 2');
    expect(thingsOfType(second.body, 'ListItem').map((item) => item.name)).toEqual(['Halcyon', 'Prolific Editor', 'Page 2']);
    expect(second.body).not.toContain('Short film 1 review');
    expect(await htmlErrors(second.body)).toEqual([]);
    expect((await get('/people/prolific-editor/page/3/')).statusCode).toBe(404);
  });

  it('renders the head of a person or work page with extra HTML placed inside it', async () => {
    const theme = loadTheme();
    const site = await t.services.settings.site();
    const button = '<form class="follow" method="post" action="/follow"><button>Follow</button></form>';
    const person = await t.services.catalogue.personWithWorks('celine-song');
    const head = personHeader({ theme }, site, person, 1, button);
    expect(head).toMatch(/^\s*<header class="archive-head">\s*<h1>Celine Song<\/h1>[\s\S]*<form class="follow"[\s\S]*<\/form>\s*<\/header>\s*$/);
    expect(personHeader({ theme }, site, person, 1)).not.toContain('follow');
    const work = await t.services.catalogue.work('past-lives-2023');
    const workHead = workHeader({ theme }, site, { work, ratings: await t.services.catalogue.ratings(work.id) }, 1, button);
    expect(workHead).toMatch(/<h1>Past Lives \(2023\)<\/h1>[\s\S]*<\/dl>[\s\S]*<form class="follow"[\s\S]*<\/header>\s*$/);
  });

  it('lists reviewed works and credited people in their own sitemaps, with lastmod', async () => {
    const index = xml.parse((await get('/sitemap.xml')).body).sitemapindex.sitemap as Array<{ loc: string; lastmod?: string }>;
    for (const file of ['works', 'people']) {
      const child = index.find((c) => c.loc === `http://localhost:3000/sitemap-${file}.xml`);
      expect(child?.lastmod, file).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    }
    const works = (xml.parse((await get('/sitemap-works.xml')).body).urlset.url as Array<{ loc: string; lastmod: string }>).map((u) => u.loc);
    expect(works).toContain('http://localhost:3000/works/past-lives-2023/');
    expect(works).toContain('http://localhost:3000/works/materialists-2025/');
    expect(works).not.toContain('http://localhost:3000/works/unreleased-film-2027/');
    const people = xml.parse((await get('/sitemap-people.xml')).body).urlset.url as Array<{ loc: string; lastmod: string }>;
    expect(people.map((u) => u.loc)).toContain('http://localhost:3000/people/celine-song/');
    expect(people.map((u) => u.loc)).not.toContain('http://localhost:3000/people/nobody-yet/');
    for (const entry of people) expect(entry.lastmod).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });
});

describe('pages for people and works with a custom theme copied before they existed', () => {
  it("draws them with the default theme's templates the custom theme lacks, and its own for the rest", async () => {
    const themeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-older-theme-'));
    fs.cpSync(defaultThemeDir, themeDir, { recursive: true });
    for (const file of ['person.eta', 'work.eta', 'partials/facts.eta', 'partials/person-head.eta', 'partials/work-head.eta']) fs.rmSync(path.join(themeDir, file));
    fs.appendFileSync(path.join(themeDir, 'partials/card.eta'), '<p class="own-card">Drawn by the magazine</p>');
    const t = await testApp('sqlite');
    const app = await buildApp({ config: { publicUrl: 'http://localhost:3000', themeDir, dataDir: t.dataDir }, services: t.services, logger: silentLogger });
    try {
      const author = await makeAuthor(t.services);
      await t.services.posts.create(filmReview([author.slug], { status: 'published' }));
      for (const url of ['/people/celine-song/', '/works/past-lives-2023/']) {
        const res = await app.inject(url);
        expect(res.statusCode, url).toBe(200);
        expect(res.body, url).toContain('Past Lives review');
        expect(res.body, url).toContain('Drawn by the magazine');
      }
      const review = await app.inject('/past-lives-review/');
      expect(review.statusCode).toBe(200);
      expect(review.body).toContain('Greta Lee as Nora');
    } finally {
      await app.close();
      await t.close();
      fs.rmSync(themeDir, { recursive: true, force: true });
    }
  });
});
