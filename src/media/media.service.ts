import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type sharp from 'sharp';
import { z } from 'zod';
import type { Clock } from '../clock.js';
import { slugify } from '../content/index.js';
import { line } from '../content/text.js';
import type { Db, DbOrTx } from '../db/client.js';
import { AppError } from '../errors/app-error.js';
import { parseInput } from '../errors/validate.js';
import { authorize, type StaffUser } from '../staff/index.js';
import { imageSize, loadSharp, renditions } from './image.js';
import * as repo from './media.repository.js';
import type { ImageFormat, MediaItem, Responsive, Variant } from './media.types.js';
import { acceptedTypes, claimedType, sniff, type SniffedType } from './sniff.js';
import type { MediaStorage } from './storage.js';
import { cleanSvg } from './svg.js';

/** Uploads larger than this are refused while they stream in. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

export const mediaText = z
  .object({
    alt: z.string({ message: 'is required: describe what the image shows' }).pipe(line(300, 1)).describe('What the image shows, for people who cannot see it'),
    caption: line(500).optional(),
    credit: line(300).optional(),
  })
  .strict();

export interface Upload {
  data: Buffer;
  filename: string;
  /** The type the browser sent; checked against the content. */
  mimetype: string;
}

const mimeOf: Record<ImageFormat, string> = { avif: 'image/avif', webp: 'image/webp', jpeg: 'image/jpeg' };
const extensionOf: Record<ImageFormat, string> = { avif: 'avif', webp: 'webp', jpeg: 'jpg' };

/** An image whose files are written but which is not in the library yet. */
export type PreparedMedia = Omit<MediaItem, 'id' | 'alt' | 'caption' | 'credit' | 'uploadedBy' | 'createdAt'> & { storagePrefix: string };

/** The media library: checked, processed uploads with alt text, stored behind MediaStorage. */
export class MediaService {
  constructor(private readonly deps: { db: Db; clock: Clock; storage: MediaStorage }) {}

  async upload(file: Upload | undefined, fields: unknown, user: StaffUser): Promise<MediaItem> {
    authorize(user, { do: 'media.upload' });
    const problems: Array<{ field: string; message: string }> = [];
    const text = mediaText.safeParse(fields);
    if (!text.success) problems.push(...text.error.issues.map((i) => ({ field: i.path.join('.') || '(input)', message: i.message })));
    if (!file || file.data.length === 0) problems.push({ field: 'file', message: 'is required: choose an image to upload' });
    if (problems.length > 0 || !file || !text.success) throw AppError.validation(problems);
    const prepared = await this.prepare(file);
    return this.record(prepared, { alt: text.data.alt, caption: text.data.caption || null, credit: text.data.credit || null }, user.id);
  }

  /**
   * Checks and processes an image (its real type, its size, every variant) and writes its files;
   * the library row is written by record(). Imports prepare their images before the transaction
   * that records them, and discard() what a failed import prepared.
   */
  async prepare(file: Upload): Promise<PreparedMedia> {
    const type = checkType(file);
    const now = this.deps.clock();
    const prefix = `${now.toISOString().slice(0, 4)}/${now.toISOString().slice(5, 7)}/${randomBytes(5).toString('hex')}`;
    const base = slugify(file.filename.replace(/\.[^.]*$/, '')).slice(0, 60) || 'image';
    try {
      const stored = type === 'image/svg+xml' ? await this.storeSvg(file.data, prefix, base) : await this.storeImage(file.data, prefix, base);
      return { ...stored, mime: type, filename: path.basename(file.filename).slice(0, 200), bytes: file.data.length, storagePrefix: prefix };
    } catch (error) {
      await this.deps.storage.removePrefix(prefix);
      throw error;
    }
  }

  /** Records a prepared image in the library (in the caller's transaction when db is one); its files go if that fails. */
  async record(prepared: PreparedMedia, text: { alt: string; caption: string | null; credit: string | null }, uploadedBy: number | null, db: DbOrTx = this.deps.db): Promise<MediaItem> {
    const item: Omit<MediaItem, 'id'> & { storagePrefix: string } = { ...prepared, ...text, uploadedBy, createdAt: this.deps.clock().toISOString() };
    try {
      const id = await repo.insertMedia(db, item);
      return withoutPrefix({ ...item, id });
    } catch (error) {
      await this.discard(prepared);
      throw error;
    }
  }

  /** Removes the files of a prepared image that is not (or no longer) recorded. */
  discard(prepared: PreparedMedia): Promise<void> {
    return this.deps.storage.removePrefix(prepared.storagePrefix);
  }

  /** What an image really is, checked without processing or storing anything (dry runs of imports). */
  async inspect(file: Upload): Promise<{ mime: string; width: number; height: number }> {
    const type = checkType(file);
    if (type === 'image/svg+xml') {
      await checkedSvg(file.data);
      return { mime: type, width: 0, height: 0 };
    }
    return { mime: type, ...(await imageSize(file.data)) };
  }

  async get(id: number): Promise<MediaItem> {
    const found = await repo.findMedia(this.deps.db, { id });
    if (!found) throw new AppError('MEDIA_NOT_FOUND', `No media has the id ${id}.`);
    return withoutPrefix(found);
  }

  async list(query: { q?: string; limit: number; offset: number }): Promise<{ items: MediaItem[]; total: number }> {
    const { items, total } = await repo.listMedia(this.deps.db, query);
    return { items: items.map(withoutPrefix), total };
  }

  async updateText(id: number, input: unknown): Promise<MediaItem> {
    const data = parseInput(mediaText, input);
    await this.get(id);
    await repo.updateMediaText(this.deps.db, id, { alt: data.alt, caption: data.caption || null, credit: data.credit || null });
    return this.get(id);
  }

  async delete(id: number, user: StaffUser): Promise<void> {
    const found = await repo.findMedia(this.deps.db, { id });
    if (!found) throw new AppError('MEDIA_NOT_FOUND', `No media has the id ${id}.`);
    authorize(user, { do: 'media.delete', media: { uploadedBy: found.uploadedBy } });
    await repo.deleteMedia(this.deps.db, id);
    await this.deps.storage.removePrefix(found.storagePrefix);
  }

  /** Every size and format of a library image, for srcset; null for anything not uploaded here. */
  async responsive(url: string): Promise<Responsive | null> {
    const found = await repo.findMedia(this.deps.db, { url });
    if (!found || found.kind !== 'image') return null;
    const srcsetOf = (format: ImageFormat) =>
      found.variants
        .filter((v) => v.format === format)
        .map((v) => `${v.url} ${v.width}w`)
        .join(', ');
    return {
      srcset: srcsetOf('webp'),
      width: found.width,
      height: found.height,
      sources: (['avif', 'webp', 'jpeg'] as const).map((format) => ({ type: mimeOf[format], srcset: srcsetOf(format) })),
    };
  }

  private async storeImage(data: Buffer, prefix: string, base: string) {
    const size = await imageSize(data);
    const variants: Variant[] = [];
    for (const r of await renditions(data, size.width)) {
      const url = await this.deps.storage.put(`${prefix}/${base}-${r.width}.${extensionOf[r.format]}`, r.data, mimeOf[r.format]);
      variants.push({ format: r.format, width: r.width, height: r.height, url, bytes: r.data.length });
    }
    const largest = variants.filter((v) => v.format === 'jpeg').at(-1)!;
    return { kind: 'image' as const, url: largest.url, width: largest.width, height: largest.height, variants };
  }

  private async storeSvg(data: Buffer, prefix: string, base: string) {
    const svg = await checkedSvg(data);
    const sharp = await loadSharp();
    let meta: sharp.Metadata;
    try {
      meta = await sharp(svg, { limitInputPixels: false }).metadata();
    } catch {
      throw new AppError('MEDIA_UNREADABLE', 'This SVG cannot be read.', [{ field: 'file', message: 'is not a readable SVG' }]);
    }
    const url = await this.deps.storage.put(`${prefix}/${base}.svg`, svg, 'image/svg+xml');
    return { kind: 'svg' as const, url, width: meta.width ?? 0, height: meta.height ?? 0, variants: [] };
  }
}

const typeNames: Record<SniffedType, string> = {
  'image/jpeg': 'a JPEG',
  'image/png': 'a PNG',
  'image/gif': 'a GIF',
  'image/webp': 'a WebP',
  'image/avif': 'an AVIF',
  'image/svg+xml': 'an SVG',
};

/** The real type of the upload; refuses unknown types and files whose name or stated type disagree with the content. */
function checkType(file: Upload): SniffedType {
  const actual = sniff(file.data);
  if (!actual) {
    throw new AppError('MEDIA_UNSUPPORTED', 'Only JPEG, PNG, GIF, WebP, AVIF and SVG images can be uploaded.', [{ field: 'file', message: 'is not a JPEG, PNG, GIF, WebP, AVIF or SVG image' }]);
  }
  const extension = /\.([^.]+)$/.exec(file.filename)?.[1];
  const named = claimedType(file.filename);
  const stated = file.mimetype in acceptedTypes ? (file.mimetype as SniffedType) : undefined;
  const claim = extension !== undefined && named !== actual ? `is named .${extension}` : stated && stated !== actual ? `is sent as ${stated}` : undefined;
  if (claim) {
    throw new AppError('MEDIA_TYPE_MISMATCH', `The file ${claim} but its content is ${typeNames[actual]} image; rename it or export it again.`, [
      { field: 'file', message: `${claim} but is really ${typeNames[actual]} image` },
    ]);
  }
  return actual;
}

/** The SVG as it will be stored: parsed and checked against the allowlist, or refused saying why. */
async function checkedSvg(data: Buffer): Promise<Buffer> {
  const checked = await cleanSvg(data);
  if ('unsafe' in checked) {
    throw new AppError('MEDIA_UNSAFE', `This SVG cannot be used: it ${checked.unsafe}.`, [{ field: 'file', message: `is an SVG that ${checked.unsafe}` }]);
  }
  if ('unreadable' in checked) {
    throw new AppError('MEDIA_UNREADABLE', `This SVG cannot be read: it ${checked.unreadable}.`, [{ field: 'file', message: checked.unreadable }]);
  }
  return checked.svg;
}

function withoutPrefix(item: MediaItem & { storagePrefix: string }): MediaItem {
  const { storagePrefix: _prefix, ...rest } = item;
  return rest;
}
