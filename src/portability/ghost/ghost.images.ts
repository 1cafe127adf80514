import type { MediaNeed } from '../wordpress/media.gather.js';
import { IMAGE_FILE } from '../wordpress/media-key.js';
import type { PlacedImage } from '../wordpress/body.types.js';

/** How Ghost writes its own site's address in exports. */
export const GHOST_URL = '__GHOST_URL__';

/**
 * The path below Ghost's `content/images` of an image the old site served, from
 * `__GHOST_URL__/content/images/2024/01/a.jpg`, `/content/images/…` or an absolute address on any
 * host; Ghost's resized copies (`size/w600/`, `format/webp/`) count as their original.
 */
export function ghostImagePath(address: string): string | null {
  const trimmed = address.trim();
  let path: string;
  if (trimmed.startsWith(GHOST_URL)) path = trimmed.slice(GHOST_URL.length);
  else if (trimmed.startsWith('/') && !trimmed.startsWith('//')) path = trimmed;
  else {
    try {
      const url = new URL(trimmed);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
      path = url.pathname;
    } catch {
      return null;
    }
  }
  const below = /^(?:\/[^/?#]+)*?\/content\/images\/([^?#]+)$/.exec(path.split(/[?#]/)[0]!)?.[1];
  if (!below) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(below);
  } catch {
    return null;
  }
  const original = decoded.replace(/^(?:size\/w\d+(?:h\d+)?\/)?(?:format\/[a-z]+\/)?/, '');
  if (original.split('/').some((s) => s === '..' || s === '')) return null;
  return IMAGE_FILE.test(original) ? original : null;
}

/** The images an import needs from Ghost's content folder, and where each ended up. */
export class GhostImages {
  readonly needs = new Map<string, MediaNeed>();
  readonly placed = new Map<string, PlacedImage>();

  /**
   * Notes an image to bring over; addresses that are not Ghost images are left alone. It is looked
   * for below `images/` of the content folder, or right in it when the folder given is `images` itself.
   */
  request(address: string): void {
    const path = ghostImagePath(address);
    if (!path) return;
    const key = path.toLowerCase();
    if (!this.needs.has(key)) this.needs.set(key, { key, externalId: `image:${key}`, urls: [address.trim()], localPaths: [`images/${path}`, path] });
  }

  find(address: string): PlacedImage | null {
    const path = ghostImagePath(address);
    return path ? (this.placed.get(path.toLowerCase()) ?? null) : null;
  }
}
