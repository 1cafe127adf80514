import type sharp from 'sharp';
import { AppError } from '../errors/app-error.js';
import type { ImageFormat } from './media.types.js';

/** Widths made for every image (never wider than the original). */
export const RESPONSIVE_WIDTHS = [320, 640, 960, 1280, 1920] as const;
/** Images with more pixels than this are refused before decoding (decompression bombs). */
export const MAX_PIXELS = 50_000_000;

export interface Rendition {
  format: ImageFormat;
  width: number;
  height: number;
  data: Buffer;
}

const encoders: Record<ImageFormat, (image: sharp.Sharp) => sharp.Sharp> = {
  avif: (image) => image.avif({ quality: 55, effort: 2 }),
  webp: (image) => image.webp({ quality: 80 }),
  jpeg: (image) => image.flatten({ background: '#ffffff' }).jpeg({ quality: 82, mozjpeg: true }),
};

/** sharp (libvips) loads on the first upload, so commands that never touch images start faster. */
export async function loadSharp(): Promise<typeof sharp> {
  return (await import('sharp')).default;
}

function refuse(message: string): AppError {
  return new AppError('MEDIA_UNREADABLE', `The image cannot be used: it ${message}.`, [{ field: 'file', message }]);
}

/** Pixel size as shown (after EXIF rotation), checked before any pixel is decoded. */
export async function imageSize(data: Buffer): Promise<{ width: number; height: number }> {
  const sharp = await loadSharp();
  let meta: sharp.Metadata;
  try {
    meta = await sharp(data, { limitInputPixels: false }).metadata();
  } catch {
    throw refuse('is damaged or not a complete image');
  }
  if (!meta.width || !meta.height) throw refuse('has no size');
  if (meta.width * meta.height > MAX_PIXELS) {
    throw new AppError('MEDIA_TOO_LARGE', `The image is ${meta.width}×${meta.height} pixels; at most ${MAX_PIXELS / 1_000_000} megapixels are accepted.`, [
      { field: 'file', message: `has too many pixels (${meta.width}×${meta.height})` },
    ]);
  }
  const turned = (meta.orientation ?? 1) >= 5;
  return turned ? { width: meta.height, height: meta.width } : { width: meta.width, height: meta.height };
}

/**
 * Every responsive size of an image in AVIF, WebP and JPEG. Output carries no metadata:
 * EXIF (camera, GPS position) is dropped after the image is turned upright.
 */
export async function renditions(data: Buffer, width: number): Promise<Rendition[]> {
  const widths = [...new Set([...RESPONSIVE_WIDTHS.filter((w) => w < width), Math.min(width, RESPONSIVE_WIDTHS.at(-1)!)])];
  const sharp = await loadSharp();
  const results: Rendition[] = [];
  for (const target of widths) {
    const made = await Promise.all(
      (Object.keys(encoders) as ImageFormat[]).map(async (format) => {
        const image = sharp(data, { limitInputPixels: MAX_PIXELS, failOn: 'error' }).rotate().resize({ width: target, withoutEnlargement: true });
        try {
          const { data: out, info } = await encoders[format](image).toBuffer({ resolveWithObject: true });
          return { format, width: info.width, height: info.height, data: out };
        } catch {
          throw refuse('is damaged or not a complete image');
        }
      }),
    );
    results.push(...made);
  }
  return results;
}
