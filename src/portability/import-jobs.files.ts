import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../errors/app-error.js';

export const importPlatforms = ['wordpress', 'ghost', 'substack'] as const;
export type ImportPlatform = (typeof importPlatforms)[number];

/** How much of the file's start is read to tell what it is. */
const HEAD_BYTES = 512;

/**
 * Tells which platform an export comes from by its first bytes, whatever its name says: a zip
 * (Substack), XML (a WordPress WXR file) or a JSON object (Ghost). Whether it really is that
 * platform's export is for its importer to say.
 */
export async function detectPlatform(file: string): Promise<ImportPlatform> {
  const handle = await fs.open(file, 'r');
  let head: Buffer;
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    head = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  if (head.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1')) || head.subarray(0, 4).equals(Buffer.from('PK\x05\x06', 'latin1'))) return 'substack';
  const text = head
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (text.startsWith('<')) return 'wordpress';
  if (text.startsWith('{')) return 'ghost';
  throw new AppError(
    'IMPORT_FORMAT_UNKNOWN',
    head.length === 0 ? 'The file is empty.' : 'This is not an export Masthead can import: it is neither a WordPress export (XML), a Ghost export (JSON) nor a Substack export (zip).',
  );
}

/** A name to keep the upload under: the last part of the name given, in safe characters. */
export function safeFileName(name: string, fallback: string): string {
  const last = name.split(/[\\/]/).pop() ?? '';
  const cleaned = last
    .replace(/[^\p{L}\p{N}._ ()-]+/gu, '_')
    .replace(/^[.\s]+/, '')
    .slice(-100);
  return cleaned || fallback;
}

/** Writes the body to a new file as it arrives (never held whole); answers its size. */
export async function writeUpload(body: AsyncIterable<Buffer> | Iterable<Buffer>, file: string): Promise<number> {
  let size = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      done(null, chunk);
    },
  });
  await pipeline(Readable.from(body), counter, createWriteStream(file, { flags: 'wx' }));
  return size;
}

/** Removes a run's folder (the one holding its upload), if it lies below the imports folder. */
export async function removeUploadFolder(root: string, file: string): Promise<void> {
  const folder = path.dirname(path.resolve(file));
  if (!folder.startsWith(path.resolve(root) + path.sep)) return;
  await fs.rm(folder, { recursive: true, force: true });
}

/** Folders below the imports folder not modified since the cutoff and not in use. */
export async function removeOrphanFolders(root: string, inUse: Set<string>, cutoffMs: number): Promise<void> {
  const entries = await fs.readdir(root, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const folder = path.join(root, entry.name);
    if (inUse.has(folder)) continue;
    const stat = await fs.stat(folder).catch(() => null);
    if (stat && stat.mtimeMs < cutoffMs) await fs.rm(folder, { recursive: true, force: true });
  }
}
