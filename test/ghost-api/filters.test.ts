import GhostContentAPI from '@tryghost/content-api';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePlans } from '../members/helpers.js';
import { testApp, type AppContext } from '../support/app.js';
import { filmReview, makeAuthor, makeTag, postFields } from '../support/factories.js';
import { dialects } from '../support/stores.js';
import { failure, listening } from './support/server.js';

/** `tag:a,(tag:b+(tag:a,(…)))`: and/or groups nested `levels` deep. */
function nested(levels: number): string {
  let filter = 'tag:a';
  for (let level = 1; level <= levels; level += 1) filter = `tag:${level % 2 ? 'b' : 'a'}${level % 2 ? '+' : ','}(${filter})`;
  return filter;
}

describe.each(dialects)('Ghost filters (NQL) through the official client on %s', (dialect) => {
  let t: AppContext;
  let api: ReturnType<typeof GhostContentAPI>;
  let essayId: number;
  let key: string;

  const slugs = async (resource: 'posts' | 'pages' | 'tags' | 'authors' | 'tiers', filter: string, options: object = {}) =>
    (await api[resource].browse({ filter, limit: 'all', ...options })).map((item: { slug: string }) => item.slug);

  beforeAll(async () => {
    t = await testApp(dialect);
    const url = await listening(t);
    const owner = await t.services.users.create({ email: 'owner@masthead.example', name: 'Owner', role: 'administrator' });
    key = (await t.services.contentKeys.create({ name: 'Front end' }, owner.id)).secret;
    api = GhostContentAPI({ url, key, version: 'v6.0' });
    await makePlans(t.services);
    await t.services.plans.create({ name: 'Free', tier: 'free' });

    const ada = await makeAuthor(t.services, { name: 'Ada Obi', slug: 'ada' });
    const ben = await makeAuthor(t.services, { name: 'Ben Day', slug: 'ben' });
    const cy = await makeAuthor(t.services, { name: 'Cy Ng', slug: 'cy' });
    for (const slug of ['film', 'books', 'a', 'b']) await makeTag(t.services, { name: slug.toUpperCase(), slug, isSection: slug.length > 1 });
    const at = (day: number) => `2026-10-0${day}T09:00:00.000Z`;
    essayId = (await t.services.posts.create(postFields([ben.slug], { title: 'Open essay', slug: 'open-essay', format: 'essay', tags: ['books'], status: 'published', publishedAt: at(1) }))).id;
    await t.services.posts.create(filmReview([ada.slug, ben.slug], { slug: 'past-lives', tags: ['film', 'books'], status: 'published', featured: true, publishedAt: at(2) }));
    await t.services.posts.create(postFields([ben.slug], { title: 'Members piece', slug: 'members-piece', format: 'news', tags: ['film', 'a'], visibility: 'members', status: 'published', publishedAt: at(3) }));
    await t.services.posts.create(
      postFields([cy.slug], { title: 'Letters 100% true', slug: 'letters', tags: ['a', 'b'], visibility: 'paid', featureImage: { url: '/media/x.jpg', alt: 'A letter' }, status: 'published', publishedAt: at(4) }),
    );
    await t.services.posts.create(postFields([ada.slug], { title: 'Untagged note', slug: 'untagged', status: 'published', publishedAt: at(5) }));
    await t.services.posts.create(postFields([ada.slug], { title: 'Draft about film', slug: 'draft', tags: ['film'] }));
    await t.services.posts.create(postFields([ada.slug], { type: 'page', title: 'About', slug: 'about', status: 'published', publishedAt: at(1) }));
  });
  afterAll(async () => t.close());

  it('matches a field, a relation by its shorthand or its full name, and negations', async () => {
    expect(await slugs('posts', 'tag:film')).toEqual(['members-piece', 'past-lives']);
    expect(await slugs('posts', 'tags.slug:film')).toEqual(['members-piece', 'past-lives']);
    expect(await slugs('posts', 'tags:film')).toEqual(['members-piece', 'past-lives']);
    expect(await slugs('posts', 'tag:-film')).toEqual(['untagged', 'letters', 'open-essay']);
    expect(await slugs('posts', 'slug:open-essay')).toEqual(['open-essay']);
    expect(await slugs('posts', `id:${essayId}`)).toEqual(['open-essay']);
    expect(await slugs('posts', 'featured:true')).toEqual(['past-lives']);
    expect(await slugs('posts', 'featured:false')).toEqual(['untagged', 'letters', 'members-piece', 'open-essay']);
    expect(await slugs('posts', 'format:review')).toEqual(['past-lives']);
    expect(await slugs('pages', 'slug:about')).toEqual(['about']);
  });

  it('reads lists, including one-letter values, all-of lists and negated lists', async () => {
    expect(await slugs('posts', 'tag:[a,b]')).toEqual(['letters', 'members-piece']);
    expect(await slugs('posts', 'tag:[a+b]')).toEqual(['letters']);
    expect(await slugs('posts', 'tag:-[film,books]')).toEqual(['untagged', 'letters']);
    expect(await slugs('posts', 'visibility:[members,paid]')).toEqual(['letters', 'members-piece']);
    expect(await slugs('posts', 'slug:[open-essay,letters]')).toEqual(['letters', 'open-essay']);
    expect(await slugs('posts', 'authors.slug:[ada,cy]')).toEqual(['untagged', 'letters', 'past-lives']);
  });

  it('combines with + (and), , (or) and parentheses', async () => {
    expect(await slugs('posts', 'tag:film+featured:true')).toEqual(['past-lives']);
    expect(await slugs('posts', 'tag:books,author:cy')).toEqual(['letters', 'past-lives', 'open-essay']);
    expect(await slugs('posts', '(tag:film,tag:books)+visibility:public')).toEqual(['past-lives', 'open-essay']);
    expect(await slugs('posts', '(tag:a,tag:b)+author:-cy')).toEqual(['members-piece']);
    expect(await slugs('posts', 'tag:film+(author:ada,visibility:members)')).toEqual(['members-piece', 'past-lives']);
  });

  it('compares dates and numbers with > < >= <=, and relative dates', async () => {
    expect(await slugs('posts', "published_at:>'2026-10-03'")).toEqual(['untagged', 'letters', 'members-piece']);
    expect(await slugs('posts', 'published_at:>=2026-10-04')).toEqual(['untagged', 'letters']);
    expect(await slugs('posts', 'published_at:<2026-10-02')).toEqual(['open-essay']);
    expect(await slugs('posts', "published_at:<='2026-10-02 09:00:00'")).toEqual(['past-lives', 'open-essay']);
    expect(await slugs('posts', 'published_at:>now-100y+published_at:<now+100y')).toHaveLength(5);
    expect(await slugs('posts', 'published_at:>now+100y')).toEqual([]);
    expect(await slugs('posts', 'rating:>=4')).toEqual(['past-lives']);
    expect(await slugs('posts', 'rating:4.5')).toEqual(['past-lives']);
    expect(await slugs('posts', 'rating:>4.5')).toEqual([]);
    expect(await slugs('tags', 'count.posts:>1')).toEqual(['a', 'books', 'film']);
    expect(await slugs('authors', 'count.posts:>=2')).toEqual(['ada', 'ben']);
    expect(await slugs('tiers', 'monthly_price:<600')).toEqual(['digital']);
  });

  it('searches text with ~ (contains), ~^ (starts) and ~$ (ends), case-insensitively and literally', async () => {
    expect(await slugs('posts', "title:~'LIVES'")).toEqual(['past-lives']);
    expect(await slugs('posts', "title:~^'open'")).toEqual(['open-essay']);
    expect(await slugs('posts', "title:~$'piece'")).toEqual(['members-piece']);
    expect(await slugs('posts', "title:-~'e'")).toEqual([]);
    expect(await slugs('posts', "title:~'100%'")).toEqual(['letters']);
    expect(await slugs('posts', "title:~'%'")).toEqual(['letters']);
    expect(await slugs('posts', "title:~'_'")).toEqual([]);
    expect(await slugs('posts', "tag:~'oo'")).toEqual(['past-lives', 'open-essay']);
  });

  it('follows primary tags and authors, and empty relations and fields', async () => {
    expect(await slugs('posts', 'primary_tag:film')).toEqual(['members-piece', 'past-lives']);
    expect(await slugs('posts', 'primary_tag.slug:books')).toEqual(['open-essay']);
    expect(await slugs('posts', 'primary_author:ben')).toEqual(['members-piece', 'open-essay']);
    expect(await slugs('posts', 'author:ben')).toEqual(['members-piece', 'past-lives', 'open-essay']);
    expect(await slugs('posts', 'tag:null')).toEqual(['untagged']);
    expect(await slugs('posts', 'primary_tag:-null+tag:-film')).toEqual(['letters', 'open-essay']);
    expect(await slugs('posts', 'feature_image:-null')).toEqual(['letters']);
    expect(await slugs('posts', "feature_image:-'/media/x.jpg'")).toEqual(['untagged', 'members-piece', 'past-lives', 'open-essay']);
    expect(await slugs('tags', 'visibility:public+section:false')).toEqual(['a', 'b']);
    expect(await slugs('tiers', 'type:paid')).toEqual(['digital', 'print-digital']);
    expect(await slugs('tiers', 'type:free')).toEqual(['free']);
  });

  it('orders by the fields asked for, with a filter and pagination', async () => {
    expect(await slugs('posts', 'tag:-null', { order: 'title asc' })).toEqual(['letters', 'members-piece', 'open-essay', 'past-lives']);
    expect(await slugs('posts', 'tag:-null', { order: 'published_at asc', limit: 2, page: 2 })).toEqual(['members-piece', 'letters']);
    expect(await slugs('tags', 'slug:-a', { order: 'count.posts desc, name asc' })).toEqual(['books', 'film', 'b']);
  });

  it('treats values as data, never as SQL', async () => {
    expect(await slugs('posts', "slug:'x; drop table posts'")).toEqual([]);
    expect(await slugs('posts', "title:'x\\' or 1=1 --'")).toEqual([]);
    expect(await slugs('posts', 'tag:-null')).toHaveLength(4);
  });

  it('reads redundant parentheses and nesting up to ten and/or levels', async () => {
    expect(await slugs('posts', '(((((((((((((tag:b)))))))))))))')).toEqual(['letters']);
    expect(await slugs('posts', nested(10))).toEqual(['letters', 'members-piece']);
  });

  it('refuses unknown fields, impossible values and unreadable filters with Ghost’s 400, saying what is wrong', async () => {
    const cases: Array<[string, string]> = [
      ['password:secret', 'posts cannot be filtered by "password"'],
      ["html:~'secret'", 'posts cannot be filtered by "html"'],
      ['status:draft', 'posts cannot be filtered by "status"'],
      ['featured:maybe', 'featured must be true or false'],
      ["published_at:>'yesterday'", 'published_at must be a date'],
      ['published_at:>2026-13-45', 'published_at must be a real date'],
      ['id:abc', 'id must be a whole number'],
      ['visibility:tiers', 'visibility must be one of public, members, paid'],
      ['rating:~4', 'unexpected'],
      ["word_count:~'4'", 'word_count is not text'],
      ['featured:>true', 'featured can only be compared with : or :-'],
      ['tag:film)', 'unexpected ")" at character 9'],
      ['tag:', 'the filter ends'],
      ['title:x y', 'unexpected "y" at character 9'],
      [nested(11), 'and/or groups nest deeper than 10 levels'],
      [Array.from({ length: 101 }, (_, i) => `tag:t${i}`).join(','), 'more than 100 conditions'],
      [`title:'${'x'.repeat(4001)}'`, 'longer than 4000 characters'],
    ];
    for (const [filter, message] of cases) {
      const problem = await failure(api.posts.browse({ filter }));
      expect(problem, filter).toMatchObject({ type: 'BadRequestError', status: 400, code: 'FILTER_INVALID' });
      expect(problem.message, filter).toContain(message);
    }
  });

  it('refuses a slug longer than any slug as bad input, not as a failure', async () => {
    for (const path of [`/content/posts/slug/${'a'.repeat(300)}/?key=${key}`, `/content/tags/slug/${'a'.repeat(300)}/?key=${key}`]) {
      const res = await t.app.inject({ url: `/ghost/api${path}` });
      expect(res.statusCode).toBe(422);
      expect(res.json().errors[0]).toMatchObject({ type: 'ValidationError', property: 'slug' });
    }
  });

  it('refuses control characters in any parameter before they reach the database', async () => {
    for (const path of [
      `/content/posts/?key=${key}&filter=${encodeURIComponent("title:'a\u0000b'")}`,
      `/content/posts/slug/a%00b/?key=${key}`,
      `/content/tags/slug/a%00b/?key=${key}`,
      `/content/posts/?key=${key}&order=title%00`,
      '/admin/posts/slug/a%00b/',
    ]) {
      const res = await t.app.inject({ url: `/ghost/api${path}` });
      expect(res.statusCode, path).toBe(422);
      expect(res.json().errors[0].context, path).toMatch(/: contains control characters/);
    }
  });

  it('answers any filter built from real fields with the posts it matches or a 400, never a server error', async () => {
    const fields = fc.constantFrom('tag', 'tags.slug', 'primary_author.name', 'id', 'title', 'featured', 'published_at', 'rating', 'visibility', 'feature_image', 'count.posts');
    const values = fc.constantFrom('film', 'a', '1', '4.5', 'null', 'true', "'2026-10-02'", 'now-1d', "'x%_\\'y'", "'é'", '[a,b]', '[a+b]', "~'o'", "~^'p'", '>3', '<=2026-10-04', '-null', '-[film]');
    const condition = fc.tuple(fields, values).map(([f, v]) => `${f}:${v}`);
    await fc.assert(
      fc.asyncProperty(fc.array(condition, { minLength: 1, maxLength: 4 }), fc.constantFrom('+', ','), async (conditions, joiner) => {
        const res = await t.app.inject({ url: `/ghost/api/content/posts/?key=${key}&filter=${encodeURIComponent(conditions.join(joiner))}` });
        expect([200, 400], res.body).toContain(res.statusCode);
      }),
      { numRuns: 150 },
    );
  });
});
