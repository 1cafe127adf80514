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
export async function imageView(
  image: FeatureImage | null,
  media: ResponsiveImages | undefined,
  sizes: string,
): Promise<ImageView | null> {
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
