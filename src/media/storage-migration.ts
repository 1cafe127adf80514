import { createHash } from 'node:crypto';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { inTransaction, type Db } from '../db/client.js';
import { rewriteMediaUrls } from './storage-migration.repository.js';
import type { MediaStorage, StoredFile } from './storage.js';

export interface MediaMoveReport {
  dryRun: boolean;
  files: number;
  bytes: number;
  /** Files copied by this run (or that would be, in a dry run). */
  copied: number;
  /** Files an earlier, interrupted run had already copied: same size and same SHA-256. */
  alreadyThere: number;
  /** Rows whose media addresses were rewritten (or would be), by table. */
  rewritten: Record<string, number>;
}

const typeOf: Record<string, string> = {
  '.avif': 'image/avif',
  '.webp': 'image/webp',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
};

/**
 * Copies every media file from one store to the other, then points stored addresses at the new
 * one. Each copy is read back and compared (size and SHA-256) before anything is rewritten, and
 * the rewrite is one transaction, so an interruption at any point leaves the site as it was;
 * run it again and it copies only what is missing. The source is left as it is.
 */
export async function moveMedia(
  deps: { db: Db; from: MediaStorage; to: MediaStorage; publicUrl: string },
  options: { dryRun?: boolean; onProgress?: (done: number, total: number) => void } = {},
): Promise<MediaMoveReport> {
  const { from, to } = deps;
  const files: StoredFile[] = [];
  for await (const file of from.list()) files.push(file);
  const report: MediaMoveReport = { dryRun: Boolean(options.dryRun), files: files.length, bytes: 0, copied: 0, alreadyThere: 0, rewritten: {} };
  options.onProgress?.(0, files.length);
  for (const [index, file] of files.entries()) {
    report.bytes += file.bytes;
    if ((await to.size(file.key)) === file.bytes && (await digest(await to.read(file.key))) === (await digest(await from.read(file.key)))) {
      report.alreadyThere += 1;
    } else {
      if (!options.dryRun) await copyVerified(from, to, file);
      report.copied += 1;
    }
    options.onProgress?.(index + 1, files.length);
  }

  const rewrite = addressRewriter(files, from.urlPrefix, to.urlPrefix, deps.publicUrl);
  if (rewrite) {
    report.rewritten = options.dryRun ? await rewriteMediaUrls(deps.db, rewrite.prefixes, rewrite.apply, true) : await inTransaction(deps.db, (tx) => rewriteMediaUrls(tx, rewrite.prefixes, rewrite.apply));
  }
  return report;
}

/** Streams one file across, hashing it on the way, then reads the copy back to check it. */
async function copyVerified(from: MediaStorage, to: MediaStorage, file: StoredFile): Promise<void> {
  const hash = createHash('sha256');
  let bytes = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  const source = await from.read(file.key);
  source.once('error', (error) => tap.destroy(error));
  await to.put(file.key, source.pipe(tap), typeOf[path.extname(file.key).toLowerCase()] ?? 'application/octet-stream');
  const sent = hash.digest('hex');
  const stored = await to.size(file.key);
  if (bytes !== file.bytes || stored !== bytes || (await digest(await to.read(file.key))) !== sent) {
    throw new Error(`The copy of ${file.key} does not match the original (${bytes} bytes read, ${stored ?? 'no'} bytes stored); nothing was rewritten. Run the command again.`);
  }
}

async function digest(stream: Readable): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(stream, async (chunks: AsyncIterable<Buffer>) => {
    for await (const chunk of chunks) hash.update(chunk);
  });
  return hash.digest('hex');
}

/**
 * How addresses of the moved files change, or null when they stay the same. Only addresses of
 * files that were moved are touched, and only where an address starts (after a quote, a space, a
 * parenthesis, a comma or "="), so "/media/" inside another site's address is left alone. Files
 * on disk may also be linked by their full address on this site.
 */
function addressRewriter(files: StoredFile[], fromPrefix: string, toPrefix: string, publicUrl: string) {
  if (fromPrefix === toPrefix) return null;
  const prefixes = [fromPrefix, ...(fromPrefix.startsWith('/') ? [`${publicUrl}${fromPrefix}`] : [])];
  const keys = new Set(files.map((f) => f.key));
  const escaped = prefixes.map((p) => p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|');
  const pattern = new RegExp(`(?<![\\w.%/:-])(?:${escaped})([A-Za-z0-9][^\\s"'()<>,?#\\\\]*)`, 'g');
  return {
    prefixes,
    apply: (text: string) => text.replace(pattern, (whole, key: string) => (keys.has(key) ? `${toPrefix}${key}` : whole)),
  };
}
