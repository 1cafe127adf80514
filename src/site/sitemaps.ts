import type { Db } from '../db/client.js';
import * as repo from './sitemap.repository.js';
import type { SitemapEntry } from './sitemap.repository.js';
import { paths } from './urls.js';
import { xmlDocument } from './xml-document.js';

/** URLs per post sitemap file; the protocol allows 50,000, smaller files are quicker to build and fetch. */
export const POSTS_PER_SITEMAP = 10_000;

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

/** The sitemap index: one file each for pages, tags, authors, reviewed works and the people credited in them, and as many for posts as needed. */
export async function sitemapIndex(db: Db, publicUrl: string, perFile = POSTS_PER_SITEMAP): Promise<string> {
  const count = await repo.countPublishedPosts(db);
  const files = Math.ceil(count / perFile);
  const children: Array<{ path: string; lastmod: string | null }> = [];
  for (let n = 1; n <= files; n += 1) {
    children.push({ path: `/sitemap-posts-${n}.xml`, lastmod: await repo.lastPostChange(db, (n - 1) * perFile, perFile) });
  }
  const [pages, tags, authors, works, people] = await Promise.all([repo.publishedPageEntries(db), repo.listedTagEntries(db), repo.listedAuthorEntries(db), repo.reviewedWorkEntries(db), repo.creditedPersonEntries(db)]);
  children.push(
    { path: '/sitemap-pages.xml', lastmod: newest(pages) },
    { path: '/sitemap-tags.xml', lastmod: newest(tags) },
    { path: '/sitemap-authors.xml', lastmod: newest(authors) },
    ...(works.length ? [{ path: '/sitemap-works.xml', lastmod: newest(works) }] : []),
    ...(people.length ? [{ path: '/sitemap-people.xml', lastmod: newest(people) }] : []),
  );
  const index = (await xmlDocument()).ele('sitemapindex', { xmlns: SITEMAP_NS });
  for (const child of children) {
    const sitemap = index.ele('sitemap');
    sitemap.ele('loc').txt(`${publicUrl}${child.path}`);
    if (child.lastmod) sitemap.ele('lastmod').txt(child.lastmod);
  }
  return index.end({ prettyPrint: false });
}

export type SitemapKind = 'pages' | 'tags' | 'authors' | 'works' | 'people' | { posts: number };

/** One child sitemap; null when the file does not exist (a post file past the end). */
export async function sitemapFile(db: Db, publicUrl: string, kind: SitemapKind, perFile = POSTS_PER_SITEMAP): Promise<string | null> {
  let entries: Array<{ path: string; lastmod: string }>;
  if (kind === 'pages') {
    entries = [{ path: '/', lastmod: '' }, ...(await repo.publishedPageEntries(db)).map((e) => ({ path: paths.post(e.slug), lastmod: e.lastmod }))];
  } else if (kind === 'tags') {
    entries = (await repo.listedTagEntries(db)).map((e) => ({ path: paths.tag(e.slug), lastmod: e.lastmod }));
  } else if (kind === 'authors') {
    entries = (await repo.listedAuthorEntries(db)).map((e) => ({ path: paths.author(e.slug), lastmod: e.lastmod }));
  } else if (kind === 'works') {
    entries = (await repo.reviewedWorkEntries(db)).map((e) => ({ path: paths.work(e.slug), lastmod: e.lastmod }));
  } else if (kind === 'people') {
    entries = (await repo.creditedPersonEntries(db)).map((e) => ({ path: paths.person(e.slug), lastmod: e.lastmod }));
  } else {
    const posts = await repo.publishedPostEntries(db, (kind.posts - 1) * perFile, perFile);
    if (posts.length === 0) return null;
    entries = posts.map((e) => ({ path: paths.post(e.slug), lastmod: e.lastmod }));
  }
  const set = (await xmlDocument()).ele('urlset', { xmlns: SITEMAP_NS });
  for (const entry of entries) {
    const url = set.ele('url');
    url.ele('loc').txt(`${publicUrl}${entry.path}`);
    if (entry.lastmod) url.ele('lastmod').txt(entry.lastmod);
  }
  return set.end({ prettyPrint: false });
}

function newest(entries: SitemapEntry[]): string | null {
  return entries.reduce<string | null>((max, e) => (max === null || e.lastmod > max ? e.lastmod : max), null);
}

export function robotsTxt(publicUrl: string): string {
  return ['User-agent: *', 'Allow: /', 'Disallow: /admin/', 'Disallow: /members/', 'Disallow: /newsletter/', '', `Sitemap: ${publicUrl}/sitemap.xml`, ''].join('\n');
}
