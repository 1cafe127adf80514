import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** How long browsers and CDNs may keep a media file: its key changes whenever its bytes do. */
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';

/** One stored file, as listed by a store. */
export interface StoredFile {
  key: string;
  bytes: number;
}

/** Where media files live. The filesystem is the default; an S3-compatible bucket implements the same. */
export interface MediaStorage {
  readonly kind: 'fs' | 's3';
  /** What every stored URL starts with: "/media/" here, or the CDN in front of a bucket. */
  readonly urlPrefix: string;
  /** Stores bytes (or a stream of them) under a key such as "2026/11/ab12cd/photo-640.webp" and answers the public URL. */
  put(key: string, data: Buffer | Readable, contentType: string): Promise<string>;
  /** Removes every file whose key starts with the prefix. */
  removePrefix(prefix: string): Promise<void>;
  /** Every stored file, in key order. */
  list(): AsyncIterable<StoredFile>;
  /** The size of a stored file, or null when there is none. */
  size(key: string): Promise<number | null>;
  /** Reads a stored file from its start. */
  read(key: string): Promise<Readable>;
}

/** Files under DATA_DIR/media, served by the app at /media/. */
export class FilesystemStorage implements MediaStorage {
  readonly kind = 'fs';

  readonly root: string;

  constructor(
    root: string,
    readonly urlPrefix = '/media/',
  ) {
    this.root = path.resolve(root);
  }

  async put(key: string, data: Buffer | Readable): Promise<string> {
    const file = this.resolve(key);
    await fs.mkdir(path.dirname(file), { recursive: true });
    const partial = `${file}.partial`;
    if (Buffer.isBuffer(data)) await fs.writeFile(partial, data);
    else await pipeline(data, createWriteStream(partial));
    await fs.rename(partial, file);
    return `${this.urlPrefix}${key}`;
  }

  async removePrefix(prefix: string): Promise<void> {
    await fs.rm(this.resolve(prefix), { recursive: true, force: true });
  }

  async *list(): AsyncIterable<StoredFile> {
    const walk = async function* (folder: string, root: string): AsyncGenerator<StoredFile> {
      const entries = await fs.readdir(folder, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return [];
        throw error;
      });
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const entry of entries) {
        const full = path.join(folder, entry.name);
        if (entry.isDirectory()) yield* walk(full, root);
        // Half-written files of an interrupted put are not media.
        else if (entry.isFile() && !entry.name.endsWith('.partial')) {
          yield { key: path.relative(root, full).split(path.sep).join('/'), bytes: (await fs.stat(full)).size };
        }
      }
    };
    yield* walk(this.root, this.root);
  }

  async size(key: string): Promise<number | null> {
    const found = await fs.stat(this.resolve(key)).catch(() => null);
    return found?.isFile() ? found.size : null;
  }

  async read(key: string): Promise<Readable> {
    const file = this.resolve(key);
    await fs.access(file);
    return createReadStream(file);
  }

  private resolve(key: string): string {
    const file = path.resolve(this.root, key);
    if (!file.startsWith(path.resolve(this.root) + path.sep)) throw new Error(`media key escapes the media folder: ${key}`);
    return file;
  }
}
