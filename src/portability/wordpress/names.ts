import { reservedSlugs, slugify } from '../../content/index.js';
import { plainText } from './html.js';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_SLUG = 180;

/**
 * A Masthead slug for a WordPress name: the name itself when Masthead can use it, else the name
 * made plain (`dsc_0042` → `dsc-0042`); names in other scripts (`%ce%b5…`, Greek) fall back on the
 * title when it is Latin, else on `fallback`.
 */
export function slugFor(wordpressName: string, title: string, fallback: string): string {
  const decoded = decode(wordpressName).trim().toLowerCase();
  if (SLUG.test(decoded) && decoded.length <= MAX_SLUG) return decoded;
  for (const candidate of [decoded, plainText(title)]) {
    if (candidate && isLatin(candidate)) {
      const slug = slugify(candidate);
      if (slug !== 'untitled') return slug;
    }
  }
  return fallback;
}

/** The first slug from base, base-2, base-3 … that is neither taken nor reserved for a site address. */
export function freeSlug(base: string, taken: Set<string>, reserved = false): string {
  const blocked = (s: string) => taken.has(s) || (reserved && reservedSlugs.has(s));
  let candidate = base;
  for (let n = 2; blocked(candidate); n += 1) candidate = `${base.slice(0, MAX_SLUG)}-${n}`;
  return candidate;
}

/** Text on one line, at most max characters (cut at a word when it can be). */
export function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Mostly Latin letters (accents allowed): what slugify can turn into a readable slug. */
function isLatin(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  const latin = text.normalize('NFKD').match(/[a-z]/gi) ?? [];
  return letters.length > 0 && latin.length / letters.length > 0.6;
}

export function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
