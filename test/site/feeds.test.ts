import { XMLParser, XMLValidator } from 'fast-xml-parser';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Post } from '../../src/content/index.js';
import { LISTED_KINDS, sitemapFile, sitemapIndex } from '../../src/site/sitemaps.js';
import type { AppContext } from '../support/app.js';
import { demoApp } from '../support/demo-site.js';
import { makeAuthor } from '../support/factories.js';

type Item = Parser.Item & { 'content:encoded'?: string; 'media:content'?: { $: { url: string } }; enclosure?: { url: string; type?: string } };
const rss = new Parser<Record<string, never>, Item>({ customFields: { item: ['media:content', 'content:encoded'] } });
const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['url', 'sitemap'].includes(name) });

describe('feeds and sitemaps', () => {
  let t: AppContext;
  let posts: Post[];
  let gated: Post;

  beforeAll(async () => {
    t = await demoApp();
    const author = await makeAuthor(t.services, { name: 'Gated Writer' });
    gated = await t.services.posts.create({
      title: 'Members only essay',
      body: 'Opening of the essay.\n\nThe secret second paragraph only members may read.',
      excerpt: 'A teaser for members.',
      authors: [author.slug],
      tags: ['film'],
      visibility: 'members',
      status: 'published',
    });
    posts = (await t.services.posts.list({}, { limit: 500 })).posts;
  });
  afterAll(async () => t.close());

  const feed = async (url: string) => {
    const res = await t.app.inject(url);
    expect(res.statusCode, url).toBe(200);
    expect(res.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    return rss.parseString(res.body);
  };

  it('publishes the site feed with full text, authors, sections and feature images', async () => {
    const parsed = await feed('/rss/');
    expect(parsed.title).toBe('Halcyon');
    expect(parsed.link).toBe('http://localhost:3000/');
    expect(parsed.items).toHaveLength(20);
    const item = parsed.items.find((i) => i.title === posts.find((p) => p.featureImage && p.visibility === 'public')!.title)!;
    const post = posts.find((p) => p.title === item.title)!;
    expect(item.link).toBe(`http://localhost:3000/${post.slug}/`);
    expect(item.creator).toBe(post.authors[0]!.name);
    expect(item.categories).toContain(post.primaryTag!.name);
    expect(item['content:encoded']).toContain(post.html.slice(0, 40));
    expect(item['media:content']!.$.url).toBe(`http://localhost:3000${post.featureImage!.url}`);
    expect(item.enclosure).toMatchObject({ url: `http://localhost:3000${post.featureImage!.url}`, type: 'image/svg+xml' });
    expect(new Date(item.pubDate!).toISOString()).toBe(new Date(post.publishedAt!).toISOString().replace(/\.\d+Z$/, '.000Z'));
  });

  it('gives gated pieces only their excerpt', async () => {
    const parsed = await feed('/rss/');
    const item = parsed.items.find((i) => i.title === gated.title)!;
    expect(item.contentSnippet).toBe('A teaser for members.');
    expect(item['content:encoded']).toBeUndefined();
    expect(JSON.stringify(parsed)).not.toContain('secret second paragraph');
  });

  it('publishes a feed for every section, tag and author', async () => {
    for (const tag of await t.services.taxonomy.listTags()) {
      const parsed = await feed(`/tag/${tag.slug}/rss/`);
      expect(parsed.title).toBe(`${tag.name} – Halcyon`);
      const listed = (await t.services.posts.list({ tagId: tag.id }, { limit: 20 })).posts;
      expect(parsed.items.map((i) => i.title)).toEqual(listed.map((p) => p.title));
    }
    for (const author of await t.services.taxonomy.listAuthors()) {
      const parsed = await feed(`/author/${author.slug}/rss/`);
      const listed = (await t.services.posts.list({ authorId: author.id }, { limit: 20 })).posts;
      expect(parsed.items.map((i) => i.title)).toEqual(listed.map((p) => p.title));
    }
    expect((await t.app.inject('/tag/no-such-tag/rss/')).statusCode).toBe(404);
  });

  it('lists every published address in a sitemap index with lastmod', async () => {
    const index = await t.app.inject('/sitemap.xml');
    expect(index.statusCode).toBe(200);
    expect(XMLValidator.validate(index.body)).toBe(true);
    const children = xml.parse(index.body).sitemapindex.sitemap as Array<{ loc: string; lastmod?: string }>;
    expect(children.map((c) => c.loc)).toEqual([
      'http://localhost:3000/sitemap-posts-1.xml',
      'http://localhost:3000/sitemap-pages.xml',
      'http://localhost:3000/sitemap-tags.xml',
      'http://localhost:3000/sitemap-authors.xml',
      'http://localhost:3000/sitemap-works.xml',
      'http://localhost:3000/sitemap-people.xml',
    ]);
    for (const child of children) expect(child.lastmod).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const locs: string[] = [];
    for (const child of children) {
      const res = await t.app.inject(child.loc.replace('http://localhost:3000', ''));
      expect(res.statusCode, child.loc).toBe(200);
      expect(XMLValidator.validate(res.body)).toBe(true);
      const urls = xml.parse(res.body).urlset.url as Array<{ loc: string }>;
      locs.push(...urls.map((u) => u.loc));
    }
    for (const post of posts) expect(locs).toContain(`http://localhost:3000/${post.slug}/`);
    expect(locs).toContain('http://localhost:3000/about/');
    expect(locs).toContain('http://localhost:3000/tag/film/');
    expect(locs).toContain(`http://localhost:3000/author/${posts[0]!.authors[0]!.slug}/`);
    const review = posts.find((p) => p.review)!;
    expect(locs).toContain(`http://localhost:3000/works/${review.review!.work.slug}/`);
    expect(locs).toContain(`http://localhost:3000/people/${review.review!.work.credits[0]!.person.slug}/`);
    expect((await t.app.inject('/sitemap-posts-2.xml')).statusCode).toBe(404);
    expect((await t.app.inject('/sitemap-posts-0.xml')).statusCode).toBe(404);
    expect((await t.app.inject('/sitemap-../../etc/passwd')).statusCode).toBe(404);
  });

  it('splits post sitemaps into files of a fixed size', async () => {
    const perFile = 10;
    const index = xml.parse(await sitemapIndex(t.store.db, 'http://x', perFile)).sitemapindex.sitemap as Array<{ loc: string }>;
    const files = index.filter((s) => s.loc.includes('sitemap-posts-'));
    expect(files).toHaveLength(Math.ceil(posts.length / perFile));
    const seen = new Set<string>();
    for (let n = 1; n <= files.length; n += 1) {
      const urls = xml.parse((await sitemapFile(t.store.db, 'http://x', { posts: n }, perFile))!).urlset.url as Array<{ loc: string }>;
      expect(urls.length).toBeLessThanOrEqual(perFile);
      for (const u of urls) seen.add(u.loc);
    }
    expect(seen.size).toBe(posts.length);
  });

  it('splits the sitemaps of pages, tags, authors, works and people the same way, the first part at its usual address', async () => {
    const perFile = 2;
    const whole = xml.parse(await sitemapIndex(t.store.db, 'http://x')).sitemapindex.sitemap as Array<{ loc: string }>;
    const split = xml.parse(await sitemapIndex(t.store.db, 'http://x', perFile)).sitemapindex.sitemap as Array<{ loc: string; lastmod?: string }>;
    for (const kind of LISTED_KINDS) {
      const all = xml.parse((await sitemapFile(t.store.db, 'http://x', { listed: kind, part: 1 }))!).urlset.url as Array<{ loc: string }>;
      const parts = split.filter((s) => new RegExp(`/sitemap-${kind}(-\\d+)?\\.xml$`).test(s.loc));
      expect(whole.filter((s) => s.loc.includes(`/sitemap-${kind}`)).map((s) => s.loc)).toEqual([`http://x/sitemap-${kind}.xml`]);
      expect(parts.map((s) => s.loc)).toEqual(parts.map((_, i) => `http://x/sitemap-${kind}${i === 0 ? '' : `-${i + 1}`}.xml`));
      const seen: string[] = [];
      for (let part = 1; part <= parts.length; part += 1) {
        const urls = xml.parse((await sitemapFile(t.store.db, 'http://x', { listed: kind, part }, perFile))!).urlset.url as Array<{ loc: string }>;
        // The pages' first part also lists the home page.
        expect(urls.length).toBeLessThanOrEqual(kind === 'pages' && part === 1 ? perFile + 1 : perFile);
        seen.push(...urls.map((u) => u.loc));
      }
      expect(seen).toEqual(all.map((u) => u.loc));
      expect(await sitemapFile(t.store.db, 'http://x', { listed: kind, part: parts.length + 1 }, perFile)).toBeNull();
    }
    expect(split.filter((s) => s.loc.includes('/sitemap-tags')).length).toBeGreaterThan(1);
    expect(split.filter((s) => s.loc.includes('/sitemap-people')).length).toBeGreaterThan(1);

    // Only the parts that exist are served, each under one address.
    expect((await t.app.inject('/sitemap-people.xml')).statusCode).toBe(200);
    for (const missing of ['/sitemap-people-2.xml', '/sitemap-people-1.xml', '/sitemap-people-02.xml', '/sitemap-people-0.xml', '/sitemap-tags-999999.xml', '/sitemap-posts.xml']) {
      expect((await t.app.inject(missing)).statusCode, missing).toBe(404);
    }
  });

  it('serves robots.txt pointing at the sitemap', async () => {
    const res = await t.app.inject('/robots.txt');
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.body).toContain('Sitemap: http://localhost:3000/sitemap.xml');
    expect(res.body).toContain('Disallow: /admin/');
  });

  it("describes a section's or author's feed in the site's language when the editors wrote no description", async () => {
    const author = await makeAuthor(t.services, { name: 'Lena Vogt' });
    const tag = await t.services.taxonomy.createTag({ name: 'Kino', slug: 'kino', isSection: true });
    await t.services.posts.create({ title: 'Ein Abend im Kino', body: 'Text.', authors: [author.slug], tags: [tag.slug], status: 'published' });
    expect((await feed(`/author/${author.slug}/rss/`)).description).toBe('Pieces by Lena Vogt on Halcyon');
    await t.services.settings.updateSite({ locale: 'de' });
    expect((await feed(`/author/${author.slug}/rss/`)).description).toBe('Beiträge von Lena Vogt auf Halcyon');
    expect((await feed('/tag/kino/rss/')).description).toBe('Kino auf Halcyon');
  });
});
