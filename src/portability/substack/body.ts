import { sanitizeBodyHtml } from '../../content/index.js';
import { decodeEntities, escapeAttribute } from '../wordpress/html.js';

/** Hosts Substack serves a publication's images from: its image CDN and the buckets behind it. */
export function isSubstackImageHost(host: string): boolean {
  return host === 'substackcdn.com' || host === 'substack-post-media.s3.amazonaws.com' || /^bucketeer-[a-z0-9-]+\.s3\.amazonaws\.com$/.test(host);
}

/**
 * The image a Substack CDN address resizes: `…/image/fetch/w_1456,c_limit/https%3A%2F%2F…` names
 * the original, percent-encoded, after its list of transformations. Other addresses are their own.
 */
export function originalImage(address: string): string {
  const match = /\/image\/fetch\/[^/]*\/(https?(?::|%3a).*)$/i.exec(address);
  if (!match) return address;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return address;
  }
}

const TAG = /<(img|source|a)\b[^>]*>/gi;
const ATTRIBUTE = /\s([a-z-]+)="([^"]*)"/gi;

/** A Substack body made safe by the site's sanitizer, the one every body is shown through. */
export function cleanBody(html: string): string {
  return sanitizeBodyHtml(html).trim();
}

/** The addresses of the images a (cleaned) body shows, as written. */
export function imagesOf(html: string): string[] {
  const found: string[] = [];
  for (const [tag, name] of html.matchAll(TAG)) {
    if (name!.toLowerCase() !== 'img') continue;
    const src = attributes(tag).get('src');
    if (src) found.push(src);
  }
  return found;
}

/**
 * The body with every image, image link and link between posts that was brought over pointing
 * at its new address.
 * Responsive copies of Substack images (`srcset`, `<source>`) are dropped: they would keep
 * loading from Substack, and the library serves its own sizes.
 */
export function placeImages(html: string, placed: (address: string) => string | null, isSubstack: (address: string) => boolean): string {
  return html.replace(TAG, (tag, name: string) => {
    const attrs = attributes(tag);
    const kind = name.toLowerCase();
    if (kind === 'source') return isSubstack(attrs.get('srcset') ?? '') ? '' : tag;
    const key = kind === 'img' ? 'src' : 'href';
    const address = attrs.get(key);
    if (!address) return tag;
    const moved = placed(address);
    if (moved) attrs.set(key, moved);
    // A link that now stays on the site needs none of the guards the sanitizer gave it as an outside one.
    if (moved?.startsWith('/') && kind === 'a') attrs.delete('rel');
    if (kind === 'img' && isSubstack(address)) {
      attrs.delete('srcset');
      attrs.delete('sizes');
    }
    if (!moved && !(kind === 'img' && isSubstack(address))) return tag;
    const rest = [...attrs].map(([k, v]) => ` ${k}="${escapeAttribute(v)}"`).join('');
    return `<${name}${rest}${tag.endsWith('/>') ? ' /' : ''}>`;
  });
}

function attributes(tag: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const [, key, value] of tag.matchAll(ATTRIBUTE)) attrs.set(key!.toLowerCase(), decodeEntities(value!));
  return attrs;
}
