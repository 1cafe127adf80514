import { oldAddressKey } from '../old-address.js';
import type { Attachment, Entry } from './scan.js';
import type { AuthorPlan } from './plan.js';
import type { WxrSite, WxrTerm } from './wxr.types.js';

/** Where the old site lived: its hosts and the path it was installed under (`/blog`, or '' at the root). */
export interface OldSite {
  hosts: Set<string>;
  base: string;
}

export function oldSiteOf(site: WxrSite): OldSite {
  const hosts = new Set<string>();
  let base = '';
  for (const [n, address] of [site.baseBlogUrl, site.link, site.baseSiteUrl].entries()) {
    const url = parse(address);
    if (!url) continue;
    // The network's address (wordpress.com for every WordPress.com blog) counts only without a blog address.
    if (n === 2 && hosts.size > 0) continue;
    const host = url.hostname.toLowerCase();
    hosts.add(host);
    hosts.add(host.startsWith('www.') ? host.slice(4) : `www.${host}`);
    if (n < 2 && !base) base = url.pathname.replace(/\/+$/, '');
  }
  return { hosts, base };
}

/** The old address key of a link into the old site (absolute on one of its hosts, or site-relative), else null. */
export function oldKeyOf(link: string, site: OldSite): string | null {
  const trimmed = link.trim();
  if (trimmed.startsWith('/') && !trimmed.startsWith('//')) return oldAddressKey(trimmed);
  const url = parse(trimmed);
  if (!url || !site.hosts.has(url.hostname.toLowerCase())) return null;
  return oldAddressKey(`${url.pathname}${url.search}`);
}

/** The addresses a post or page answered at: its permalink, `?p=ID` (`?page_id=ID`), and permalinks of its old slugs. */
export function entryAddresses(entry: Entry, site: OldSite): string[] {
  const keys = [oldKeyOf(entry.link, site), at(site, `/?p=${entry.id}`)];
  if (entry.type === 'page') keys.push(at(site, `/?page_id=${entry.id}`));
  const permalink = parse(entry.link);
  if (permalink && site.hosts.has(permalink.hostname.toLowerCase()) && !permalink.search) {
    const path = permalink.pathname.replace(/\/+$/, '');
    const parent = path.slice(0, path.lastIndexOf('/'));
    for (const slug of entry.oldSlugs) keys.push(oldAddressKey(`${parent}/${encodeURIComponent(slug)}/`));
  }
  return unique(keys);
}

/** An attachment's own page: its permalink, `?attachment_id=ID` and `?p=ID`. */
export function attachmentAddresses(attachment: Attachment, site: OldSite): string[] {
  return unique([oldKeyOf(attachment.link, site), at(site, `/?attachment_id=${attachment.id}`), at(site, `/?p=${attachment.id}`)]);
}

/** A category's or tag's archive: nested under its parents (`/category/parent/child/`), by its own slug, and by id or slug in the query. */
export function termAddresses(term: WxrTerm, ancestors: string[], site: OldSite): string[] {
  const slug = term.slug || encodeURIComponent(term.name);
  if (term.taxonomy === 'category') {
    const keys = [at(site, `/category/${[...ancestors, slug].join('/')}/`), at(site, `/category/${slug}/`)];
    if (term.id) keys.push(at(site, `/?cat=${term.id}`));
    return unique(keys);
  }
  return unique([at(site, `/tag/${slug}/`), at(site, `/?tag=${slug}`)]);
}

/** An author's archive, by login and by WordPress user id. */
export function authorAddresses(plan: AuthorPlan, site: OldSite): string[] {
  const nicename = plan.login
    .toLowerCase()
    .replace(/[^a-z0-9_.@-]+/g, '-')
    .replace(/[.@]/g, '');
  const keys = [at(site, `/author/${encodeURIComponent(plan.login.toLowerCase())}/`), at(site, `/author/${nicename}/`)];
  if (plan.wordpressId) keys.push(at(site, `/?author=${plan.wordpressId}`));
  return unique(keys);
}

function at(site: OldSite, path: string): string | null {
  return oldAddressKey(`${site.base}${path}`);
}

function unique(keys: Array<string | null>): string[] {
  return [...new Set(keys.filter((k): k is string => k !== null && k !== '/'))];
}

function parse(address: string): URL | null {
  try {
    const url = new URL(address.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}
