export type ImageFormat = 'avif' | 'webp' | 'jpeg';

/** One stored rendition of an image. */
export interface Variant {
  format: ImageFormat;
  width: number;
  height: number;
  url: string;
  bytes: number;
}

export interface MediaItem {
  id: number;
  /** Where the image is shown by default: the largest JPEG (or the SVG itself). */
  url: string;
  kind: 'image' | 'svg';
  /** The type of the uploaded file, as found in its content. */
  mime: string;
  filename: string;
  bytes: number;
  width: number;
  height: number;
  alt: string;
  caption: string | null;
  credit: string | null;
  variants: Variant[];
  uploadedBy: number | null;
  createdAt: string;
}

/** What the public site needs to offer a browser every size and format of a library image. */
export interface Responsive {
  srcset: string;
  sizes?: string;
  width: number;
  height: number;
  /** One srcset per format, best first, for a <picture> element. */
  sources: Array<{ type: string; srcset: string }>;
}
