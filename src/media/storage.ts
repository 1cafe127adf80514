import fs from 'node:fs/promises';
import path from 'node:path';

/** Where media files live. The filesystem is the default; an S3-compatible store can implement the same. */
export interface MediaStorage {
  /** Stores bytes under a key such as "2026/11/ab12cd/photo-640.webp" and answers the public URL. */
  put(key: string, data: Buffer, contentType: string): Promise<string>;
  /** Removes every file whose key starts with the prefix. */
  removePrefix(prefix: string): Promise<void>;
}

/** Files under DATA_DIR/media, served by the app at /media/. */
export class FilesystemStorage implements MediaStorage {
  constructor(
    private readonly root: string,
    private readonly urlPrefix = '/media/',
  ) {}

  async put(key: string, data: Buffer): Promise<string> {
    const file = this.resolve(key);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(`${file}.partial`, data);
    await fs.rename(`${file}.partial`, file);
    return `${this.urlPrefix}${key}`;
  }

  async removePrefix(prefix: string): Promise<void> {
    await fs.rm(this.resolve(prefix), { recursive: true, force: true });
  }

  private resolve(key: string): string {
    const file = path.resolve(this.root, key);
    if (!file.startsWith(path.resolve(this.root) + path.sep)) throw new Error(`media key escapes the media folder: ${key}`);
    return file;
  }
}
