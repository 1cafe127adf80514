import type { Db } from '../db/client.js';
import * as repo from './sitemap.repository.js';
import type { SitemapEntry } from './sitemap.repository.js';
import { paths } from './urls.js';
import { xmlDocument } from './xml-document.js';

/** URLs per post sitemap file; the protocol allows 50,000, smaller files are quicker to build and fetch. */
export const POSTS_PER_SITEMAP = 10_000;

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

/** Sitemaps other than the posts': each is one file until it outgrows `perFile`, then `-2`, `-3` … follow. */
export const LISTED_KINDS = ['pages', 'tags', 'authors', 'works', 'people'] as const;
export type ListedKind = (typeof LISTED_KINDS)[number];

/** The sitemap index: as many files as needed for posts, pages, tags, authors, reviewed works and the people they credit. */
export async function sitemapIndex(db: Db, publicUrl: string, perFile = POSTS_PER_SITEMAP): Promise<string> {
  const count = await repo.countPublishedPosts(db);
  const files = Math.ceil(count / perFile);
  const children: Array<{ path: string; lastmod: string | null }> = [];
  for (let n = 1; n <= files; n += 1) {
    children.push({ path: `/sitemap-posts-${n}.xml`, lastmod: await repo.lastPostChange(db, (n - 1) * perFile, perFile) });
  }
  const lists = await Promise.all(LISTED_KINDS.map((kind) => listedEntries(db, kind)));
  LISTED_KINDS.forEach((kind, i) => {
    const entries = lists[i]!;
    // The pages' file always lists the home page; the others exist only when they list something.
    const parts = Math.max(kind === 'pages' ? 1 : 0, Math.ceil(entries.length / perFile));
    for (let part = 1; part <= parts; part += 1) {
      children.push({ path: listedPath(kind, part), lastmod: newest(entries.slice((part - 1) * perFile, part * perFile)) });
    }
  });
  const index = (await xmlDocument()).ele('sitemapindex', { xmlns: SITEMAP_NS });
  for (const child of children) {
    const sitemap = index.ele('sitemap');
    sitemap.ele('loc').txt(`${publicUrl}${child.path}`);
    if (child.lastmod) sitemap.ele('lastmod').txt(child.lastmod);
  }
  return index.end({ prettyPrint: false });
}

/** `/sitemap-people.xml` for the first part (the address sites have always had), `/sitemap-people-2.xml` after it. */
function listedPath(kind: ListedKind, part: number): string {
  return part === 1 ? `/sitemap-${kind}.xml` : `/sitemap-${kind}-${part}.xml`;
}

async function listedEntries(db: Db, kind: ListedKind): Promise<Array<{ path: string; lastmod: string }>> {
  const at = (path: (slug: string) => string) => (entries: SitemapEntry[]) => entries.map((e) => ({ path: path(e.slug), lastmod: e.lastmod }));
  switch (kind) {
    case 'pages':
      return at(paths.post)(await repo.publishedPageEntries(db));
    case 'tags':
      return at(paths.tag)(await repo.listedTagEntries(db));
    case 'authors':
      return at(paths.author)(await repo.listedAuthorEntries(db));
    case 'works':
      return at(paths.work)(await repo.reviewedWorkEntries(db));
    case 'people':
      return at(paths.person)(await repo.creditedPersonEntries(db));
  }
}

export type SitemapKind = { listed: ListedKind; part: number } | { posts: number };

/** One child sitemap; null when the file does not exist (a part past the end). */
export async function sitemapFile(db: Db, publicUrl: string, kind: SitemapKind, perFile = POSTS_PER_SITEMAP): Promise<string | null> {
  let entries: Array<{ path: string; lastmod: string }>;
  if ('listed' in kind) {
    const all = await listedEntries(db, kind.listed);
    entries = all.slice((kind.part - 1) * perFile, kind.part * perFile);
    if (kind.listed === 'pages' && kind.part === 1) entries.unshift({ path: '/', lastmod: '' });
    else if (entries.length === 0 && kind.part > 1) return null;
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

function newest(entries: Array<{ lastmod: string }>): string | null {
  return entries.reduce<string | null>((max, e) => (max === null || e.lastmod > max ? e.lastmod : max), null);
}

export function robotsTxt(publicUrl: string): string {
  return ['User-agent: *', 'Allow: /', 'Disallow: /admin/', 'Disallow: /members/', 'Disallow: /newsletter/', '', `Sitemap: ${publicUrl}/sitemap.xml`, ''].join('\n');
}
