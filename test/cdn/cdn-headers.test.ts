import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerKeys, MAX_HEADER_BYTES, OVERFLOW_KEY } from '../../src/cdn/cdn-keys.js';
import { testApp, type AppContext } from '../support/app.js';
import { staffClient } from '../admin-api/support/admin-client.js';
import { filmReview, makeAuthor, makeTag, postFields } from '../support/factories.js';
import { memberCookie } from '../members/helpers.js';

const keysOf = (headers: Record<string, unknown>) =>
  String(headers['surrogate-key'] ?? '')
    .split(' ')
    .filter(Boolean);

describe('CDN keys on answers', () => {
  let t: AppContext;
  let post: { id: number; slug: string };
  let section: { id: number };
  let author: { id: number; slug: string };

  beforeAll(async () => {
    t = await testApp('sqlite');
    author = await makeAuthor(t.services);
    section = await makeTag(t.services, { name: 'Film', slug: 'film' });
    post = await t.services.posts.create(postFields([author.slug], { status: 'published', tags: ['film'], title: 'Keyed piece' }));
  });
  afterAll(async () => t.close());

  it('names a piece, its section and its author on its page, for Fastly and Cloudflare alike', async () => {
    const res = await t.app.inject(`/${post.slug}/`);
    expect(res.statusCode).toBe(200);
    const keys = keysOf(res.headers);
    expect(keys).toEqual(expect.arrayContaining(['site', `post-${post.id}`, `section-${section.id}`, `author-${author.id}`]));
    expect(res.headers['cache-tag']).toBe(keys.join(','));
    // A revalidation answers with the same names.
    const again = await t.app.inject({ url: `/${post.slug}/`, headers: { 'if-none-match': res.headers.etag as string } });
    expect(again.statusCode).toBe(304);
    expect(keysOf(again.headers)).toEqual(keys);
  });

  it('names the listings on home, section pages, feeds and sitemaps', async () => {
    expect(keysOf((await t.app.inject('/')).headers)).toEqual(expect.arrayContaining(['home', `post-${post.id}`]));
    expect(keysOf((await t.app.inject('/tag/film/')).headers)).toEqual(expect.arrayContaining([`section-${section.id}-list`, `post-${post.id}`]));
    expect(keysOf((await t.app.inject('/rss/')).headers)).toEqual(expect.arrayContaining(['home', `post-${post.id}`]));
    expect(keysOf((await t.app.inject(`/author/${author.slug}/rss/`)).headers)).toContain(`author-${author.id}-list`);
    expect(keysOf((await t.app.inject('/sitemap.xml')).headers)).toEqual(['site', 'sitemaps']);
  });

  it('names the work and the people of a review on its page and on their pages, so a change of credits purges them all', async () => {
    const review = await t.services.posts.create(filmReview([author.slug], { status: 'published' }));
    const work = review.review!.work;
    const director = work.credits.find((c) => c.role === 'director')!.person;
    expect(keysOf((await t.app.inject(`/${review.slug}/`)).headers)).toContain(`work-${work.id}-list`);
    expect(keysOf((await t.app.inject(`/works/${work.slug}/`)).headers)).toEqual(expect.arrayContaining([`work-${work.id}-list`, `post-${review.id}`]));
    expect(keysOf((await t.app.inject(`/people/${director.slug}/`)).headers)).toEqual(expect.arrayContaining([`person-${director.id}-list`, `work-${work.id}-list`, `post-${review.id}`]));
  });

  it("names public Content API answers but not a member's", async () => {
    const { client } = await staffClient(t.app, t.services, 'administrator');
    const key = (await client.call('POST', '/admin/api/content-keys', { name: 'Front end' })).json().secret as string;
    const anonymous = await t.app.inject(`/api/content/posts/?key=${key}`);
    expect(anonymous.statusCode).toBe(200);
    expect(keysOf(anonymous.headers)).toEqual(['site', 'content-api']);
    const cookie = await memberCookie(t.services, 'reader@example.com');
    const member = await t.app.inject({ url: `/api/content/posts/?key=${key}`, headers: { cookie } });
    expect(member.statusCode).toBe(200);
    expect(member.headers['surrogate-key']).toBeUndefined();
    expect(member.headers['cache-tag']).toBeUndefined();
  });

  it('never names a page made for a signed-in reader, nor a teaser of a gated piece', async () => {
    const cookie = await memberCookie(t.services, 'signed-in@example.com');
    for (const url of [`/${post.slug}/`, '/', '/rss/']) {
      const res = await t.app.inject({ url, headers: { cookie } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('private, no-store');
      expect(res.headers['surrogate-key']).toBeUndefined();
      expect(res.headers['cache-tag']).toBeUndefined();
    }
    const gated = await t.services.posts.create(postFields([author.slug], { status: 'published', visibility: 'members', title: 'For members' }));
    const teaser = await t.app.inject(`/${gated.slug}/`);
    expect(teaser.headers['cache-control']).toBe('private, no-cache');
    expect(teaser.headers['surrogate-key']).toBeUndefined();
  });

  it('names media files', async () => {
    const res = await t.app.inject('/media/2026/11/missing.jpg');
    expect(keysOf(res.headers)).toEqual(['site', 'media']);
  });
});

describe('CDN key header size', () => {
  it('keeps an answer with thousands of keys within the limit, listings first, with the overflow key', () => {
    const cacheKeys = ['list:all', 'list:tag:7', ...Array.from({ length: 5000 }, (_, i) => `post:${i + 1}`)];
    const keys = answerKeys(cacheKeys);
    expect(keys.join(' ').length).toBeLessThanOrEqual(MAX_HEADER_BYTES);
    expect(keys.slice(0, 3)).toEqual(['site', 'home', 'section-7-list']);
    expect(keys.at(-1)).toBe(OVERFLOW_KEY);
    expect(keys.length).toBeGreaterThan(100);
  });

  it('leaves keys that fit untouched, and makes odd characters safe', () => {
    expect(answerKeys(['post:1', 'list:format:film review', 'list:author:2'])).toEqual(['site', 'format-film_review', 'author-2-list', 'post-1']);
  });
});
