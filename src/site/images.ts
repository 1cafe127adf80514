import type { FeatureImage } from '../content/index.js';

/** What the media library knows about an uploaded image: its variants and size. */
export interface ResponsiveImage {
  srcset: string;
  sizes?: string;
  width: number;
  height: number;
}

export interface ResponsiveImages {
  responsive(url: string): Promise<ResponsiveImage | null>;
}

/**
 * Remembers what the media library answered per address (uploads get new addresses, so an answer
 * does not go stale), so cards do not ask the database for every image of every page.
 */
export function rememberResponsive(media: ResponsiveImages, max = 5000): ResponsiveImages {
  const known = new Map<string, Promise<ResponsiveImage | null>>();
  return {
    responsive(url) {
      let answer = known.get(url);
      if (!answer) {
        if (known.size >= max) known.delete(known.keys().next().value!);
        answer = media.responsive(url);
        answer.catch(() => known.delete(url));
        known.set(url, answer);
      }
      return answer;
    },
  };
}

/** An image ready for a template: always with a width and height, so the page never shifts. */
export interface ImageView {
  src: string;
  alt: string;
  width: number;
  height: number;
  srcset: string | null;
  sizes: string | null;
  caption: string | null;
  credit: string | null;
}

// Feature images are drawn at 16:9 unless the media library knows better.
const DEFAULT_SIZE = { width: 1200, height: 675 };

/**
 * The feature image of a piece with srcset and sizes when the media library has variants
 * (vector artwork and outside images have none and are shown as they are).
 */
export async function imageView(image: FeatureImage | null, media: ResponsiveImages | undefined, sizes: string): Promise<ImageView | null> {
  if (!image) return null;
  const known = media && !image.url.endsWith('.svg') ? await media.responsive(image.url) : null;
  return {
    src: image.url,
    alt: image.alt,
    width: known?.width ?? DEFAULT_SIZE.width,
    height: known?.height ?? DEFAULT_SIZE.height,
    srcset: known?.srcset ?? null,
    sizes: known ? (known.sizes ?? sizes) : null,
    caption: image.caption,
    credit: image.credit,
  };
}
