/**
 * The names a CDN knows cached answers by (Fastly's Surrogate-Key, Cloudflare's Cache-Tag): the
 * page cache's keys, short and free of characters either CDN treats specially.
 */

/** On every cacheable answer: purging it empties the CDN of this site. */
const SITE_KEY = 'site';
/** On answers whose keys did not all fit in the header; purged with every change. */
export const OVERFLOW_KEY = 'overflow';
/** On Content API answers: any content change may alter a list, so every change purges them. */
export const CONTENT_API_KEY = 'content-api';
/** On /media/ files: they never change under their address, so only a purge of everything drops them. */
export const MEDIA_KEY = 'media';

/**
 * Longest header value sent. Fastly and Cloudflare each take 16 KB, but a reverse proxy in front of
 * the app (nginx's proxy_buffer_size is 4 or 8 KB for all headers together) may not, and the
 * answer carries the keys twice.
 */
export const MAX_HEADER_BYTES = 1536;

/** Builders of the keys, shared by the answers that carry them and the purges that name them. */
export const cdnKeys = {
  post: (id: number | string) => `post-${id}`,
  section: (id: number | string) => `section-${id}`,
  sectionList: (id: number | string) => `section-${id}-list`,
  author: (id: number | string) => `author-${id}`,
  authorList: (id: number | string) => `author-${id}-list`,
  format: (format: string) => `format-${format}`,
  workList: (id: number | string) => `work-${id}-list`,
  personList: (id: number | string) => `person-${id}-list`,
  home: 'home',
  sitemaps: 'sitemaps',
};

/** CDN names of the listings (list:tag:3 → section-3-list …), by the kind of listing. */
const listKeys: Record<string, (id: string) => string> = {
  tag: cdnKeys.sectionList,
  author: cdnKeys.authorList,
  format: cdnKeys.format,
  work: cdnKeys.workList,
  person: cdnKeys.personList,
};

/** The CDN name of a page cache key: post:12 → post-12, tag:3 → section-3, list:tag:3 → section-3-list. */
function cdnKey(cacheKey: string): string {
  const [first = '', second = '', third = ''] = cacheKey.split(':');
  const list = first === 'list' && Object.hasOwn(listKeys, second) ? listKeys[second] : undefined;
  const key = cacheKey === 'list:all' ? cdnKeys.home : list ? list(third) : first === 'tag' ? cdnKeys.section(second) : `${first}${second ? `-${second}` : ''}`;
  return key.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 128);
}

/** Listing keys first: when an answer has too many keys, a post's page is purged through them. */
function rank(key: string): number {
  return key.startsWith('post-') ? 1 : 0;
}

/**
 * The keys an answer carries, in order and within MAX_HEADER_BYTES once joined: the site key,
 * the page cache keys as CDN keys, and the overflow key in place of any that did not fit.
 */
export function answerKeys(cacheKeys: Iterable<string>, extra: string[] = []): string[] {
  const keys = [SITE_KEY, ...new Set([...extra, ...[...cacheKeys].map(cdnKey)])].sort((a, b) => rank(a) - rank(b));
  if (keys.join(' ').length <= MAX_HEADER_BYTES) return keys;
  const kept: string[] = [];
  let bytes = OVERFLOW_KEY.length;
  for (const key of keys) {
    if (bytes + 1 + key.length > MAX_HEADER_BYTES) break;
    kept.push(key);
    bytes += 1 + key.length;
  }
  return [...kept, OVERFLOW_KEY];
}

/** Somewhere headers can be set (a reply), so no web framework type is needed here. */
interface HeaderTarget {
  header(name: string, value: string): unknown;
}

/** The headers naming an answer for the CDNs: Surrogate-Key (space separated) and Cache-Tag (comma separated). */
export function cdnKeyHeaders(cacheKeys: Iterable<string>, extra: string[] = []): { 'surrogate-key': string; 'cache-tag': string } {
  const keys = answerKeys(cacheKeys, extra);
  return { 'surrogate-key': keys.join(' '), 'cache-tag': keys.join(',') };
}

/** Names an answer for the CDNs (see cdnKeyHeaders). */
export function setCdnKeys(target: HeaderTarget, cacheKeys: Iterable<string>, extra: string[] = []): void {
  for (const [name, value] of Object.entries(cdnKeyHeaders(cacheKeys, extra))) target.header(name, value);
}
