import fs from 'node:fs/promises';
import path from 'node:path';
import { isAppError } from '../../errors/app-error.js';
import { MAX_UPLOAD_BYTES, type MediaService, type PreparedMedia } from '../../media/index.js';
import type { ImportProgress } from '../import-report.js';
import type { Attachment } from './scan.js';
import { sourceOf } from './media-key.js';

/** One image the import needs, however many pages show it. */
export interface MediaNeed {
  key: string;
  /** `attachment:ID` for an uploaded file the export lists, `file:KEY` for an image found only in bodies. */
  externalId: string;
  attachment?: Attachment;
  /** Addresses it is known by, the original first. */
  urls: string[];
  /** Where the file may be below the folder given, when its address does not say (Ghost's `images/…`). */
  localPaths?: string[];
}

export type Gathered = { kind: 'prepared'; need: MediaNeed; prepared: PreparedMedia } | { kind: 'checked'; need: MediaNeed; width: number; height: number } | { kind: 'missing'; need: MediaNeed; reason: string };

export interface GatherOptions {
  /** A copy of the old site's wp-content/uploads. */
  uploadsDir?: string;
  /** Ask the old site for images the uploads folder does not have. */
  fetch: boolean;
  /** Check images without storing them. */
  dryRun: boolean;
  /** Hosts of the old site and of its uploads: the only ones asked. */
  hosts: Set<string>;
  /** How the old site is asked (the global fetch unless given); a refusal it throws as an AppError is reported as its reason. */
  fetcher?: OldSiteFetch;
}

export type OldSiteFetch = (url: string, init: { signal: AbortSignal; redirect: 'manual' }) => Promise<Response>;

const FETCH_TIMEOUT_MS = 20_000;
/** Redirects followed on the old site's own hosts before a fetch gives up. */
const MAX_REDIRECTS = 5;
/** Failed connections after which a host counts as gone for the rest of the run. */
const DEAD_AFTER = 3;

/**
 * Brings the old site's images into the media library's pipeline: from the uploads folder
 * (matched by the path of their address) or from the old site over HTTP(S), each checked and
 * processed like an upload. Files written for images that end up unused are removed by discard().
 */
export class MediaGatherer {
  private readonly prepared: PreparedMedia[] = [];
  private readonly failures = new Map<string, number>();
  readonly unreachable = new Set<string>();

  constructor(
    private readonly media: MediaService,
    private readonly options: GatherOptions,
  ) {}

  /** One image at a time: sharp already uses every core for one, and memory stays that of one. */
  async gather(needs: MediaNeed[], onProgress?: ImportProgress): Promise<Map<string, Gathered>> {
    const results = new Map<string, Gathered>();
    for (const [n, need] of needs.entries()) {
      results.set(need.key, await this.one(need));
      onProgress?.('Bringing images', n + 1, needs.length);
    }
    return results;
  }

  /** Removes every file this run wrote. */
  async discard(): Promise<void> {
    for (const prepared of this.prepared.splice(0)) await this.media.discard(prepared);
  }

  private async one(need: MediaNeed): Promise<Gathered> {
    const found = await this.read(need);
    if ('missing' in found) return { kind: 'missing', need, reason: found.missing };
    try {
      if (this.options.dryRun) {
        const size = await this.media.inspect({ data: found.data, filename: found.filename, mimetype: '' });
        return { kind: 'checked', need, width: size.width, height: size.height };
      }
      const prepared = await this.prepare(found.data, found.filename);
      this.prepared.push(prepared);
      return { kind: 'prepared', need, prepared };
    } catch (error) {
      if (isAppError(error)) return { kind: 'missing', need, reason: error.message };
      throw error;
    }
  }

  /** Processes the image; a file whose name says another type than its content is taken for what it is. */
  private async prepare(data: Buffer, filename: string): Promise<PreparedMedia> {
    try {
      return await this.media.prepare({ data, filename, mimetype: '' });
    } catch (error) {
      if (!isAppError(error) || error.code !== 'MEDIA_TYPE_MISMATCH') throw error;
      return this.media.prepare({ data, filename: filename.replace(/\.[^.]*$/, ''), mimetype: '' });
    }
  }

  private async read(need: MediaNeed): Promise<{ data: Buffer; filename: string } | { missing: string }> {
    const filename = safeDecode(need.urls[0]?.split(/[?#]/)[0]?.split('/').pop() ?? '') || 'image';
    const reasons: string[] = [];
    if (this.options.uploadsDir) {
      const local = await this.fromUploads(need);
      if (typeof local !== 'string') return { data: local, filename };
      reasons.push(local);
    }
    if (this.options.fetch) {
      for (const url of need.urls) {
        const fetched = await this.fromOldSite(url);
        if (typeof fetched !== 'string') return { data: fetched, filename };
        reasons.push(fetched);
      }
    }
    if (reasons.length === 0) reasons.push('no uploads folder was given and fetching from the old site is off');
    return { missing: [...new Set(reasons)].join('; ') };
  }

  /** The file in the uploads folder, or why it is not there. */
  private async fromUploads(need: MediaNeed): Promise<Buffer | string> {
    const root = path.resolve(this.options.uploadsDir!);
    const candidates = new Set<string>();
    if (need.attachment?.attachedFile) candidates.add(need.attachment.attachedFile);
    for (const local of need.localPaths ?? []) candidates.add(local);
    for (const url of need.urls) {
      const source = sourceOf(url);
      if (!source) continue;
      const decoded = safeDecode(source.path);
      const below = /\/wp-content\/uploads\/(.+)$/.exec(decoded)?.[1];
      if (below) candidates.add(below);
      candidates.add(decoded.replace(/^\/+/, ''));
    }
    for (const relative of candidates) {
      const file = path.resolve(root, relative);
      if (!file.startsWith(root + path.sep)) continue;
      try {
        const real = await fs.realpath(file);
        const realRoot = await fs.realpath(root);
        if (!real.startsWith(realRoot + path.sep)) continue;
        const stat = await fs.stat(real);
        if (!stat.isFile()) continue;
        if (stat.size > MAX_UPLOAD_BYTES) return `the file in the uploads folder is ${megabytes(stat.size)}; at most ${megabytes(MAX_UPLOAD_BYTES)} are taken`;
        return await fs.readFile(real);
      } catch {
        // Not at this path; try the next.
      }
    }
    return 'not in the uploads folder';
  }

  /** The file as the old site serves it, or why it could not be had. */
  private async fromOldSite(url: string): Promise<Buffer | string> {
    const source = sourceOf(url);
    if (!source || !this.options.hosts.has(source.host)) return 'its address is not on the old site';
    if (this.unreachable.has(source.host)) return `the old site (${source.host}) does not answer`;
    let response: Response;
    try {
      response = await this.fetchOnOldSite(url);
    } catch (error) {
      if (isAppError(error)) return error.message;
      const failures = (this.failures.get(source.host) ?? 0) + 1;
      this.failures.set(source.host, failures);
      if (failures >= DEAD_AFTER) this.unreachable.add(source.host);
      return `the old site (${source.host}) does not answer`;
    }
    this.failures.set(source.host, 0);
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel();
      return `the old site sent it elsewhere (${response.headers.get('location') ?? 'nowhere'}), off the hosts the export names`;
    }
    if (!response.ok) {
      await response.body?.cancel();
      return `the old site answered ${response.status} for it`;
    }
    const length = Number(response.headers.get('content-length') ?? 0);
    if (length > MAX_UPLOAD_BYTES) {
      await response.body?.cancel();
      return `the old site's file is ${megabytes(length)}; at most ${megabytes(MAX_UPLOAD_BYTES)} are taken`;
    }
    return readCapped(response);
  }

  /**
   * Fetches from the old site, following a few redirects only while they stay on the hosts the
   * export names: an export can say where its files are, not send the import anywhere else.
   * A redirect that leaves those hosts comes back as it is.
   */
  private async fetchOnOldSite(url: string): Promise<Response> {
    let next = url;
    for (let hop = 0; ; hop += 1) {
      const response = await (this.options.fetcher ?? fetch)(next, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: 'manual' });
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location || hop === MAX_REDIRECTS) return response;
      const target = new URL(location, next);
      if (!/^https?:$/.test(target.protocol) || !this.options.hosts.has(target.hostname.toLowerCase())) return response;
      await response.body?.cancel();
      next = target.href;
    }
  }
}

/** The body, unless it grows past the upload limit while it streams in. */
async function readCapped(response: Response): Promise<Buffer | string> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.length;
      if (size > MAX_UPLOAD_BYTES) {
        await response.body?.cancel().catch(() => undefined);
        return `the old site's file is larger than ${megabytes(MAX_UPLOAD_BYTES)}`;
      }
      chunks.push(Buffer.from(chunk));
    }
  } catch {
    return 'the old site stopped sending it halfway';
  }
  return Buffer.concat(chunks);
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1024 / 102.4) / 10} MB`;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
