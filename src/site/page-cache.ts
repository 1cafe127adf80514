import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { LRUCache } from 'lru-cache';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** A rendered response kept ready to send: plain, brotli and gzip bodies and its validators. */
export interface CachedResponse {
  body: Buffer;
  br: Buffer;
  gzip: Buffer;
  contentType: string;
  etag: string;
  lastModified: string;
  keys: Set<string>;
  /** Whether shared caches (a CDN) may keep it too. */
  shareable: boolean;
  /**
   * Whether its Last-Modified names it alone: nothing shown at its address was dropped in the second
   * it was drawn in, so a copy dated that second is this page. Otherwise only its ETag confirms a copy.
   */
  datable: boolean;
}

export interface Rendered {
  kind: 'rendered';
  body: string;
  contentType: string;
  keys: Set<string>;
  shareable: boolean;
}

export function isRendered(value: unknown): value is Rendered {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'rendered';
}

export function isCached(value: unknown): value is CachedResponse {
  return typeof value === 'object' && value !== null && Buffer.isBuffer((value as { br?: unknown }).br);
}

/** Compresses once, so every later reader gets the stored bytes. */
export async function prepare(rendered: Rendered, now: Date, datable = true): Promise<CachedResponse> {
  const body = Buffer.from(rendered.body, 'utf8');
  const [br, gz] = await Promise.all([brotli(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 6, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } }), gzip(body, { level: 6 })]);
  return {
    body,
    br,
    gzip: gz,
    contentType: rendered.contentType,
    etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`,
    lastModified: now.toUTCString(),
    keys: rendered.keys,
    shareable: rendered.shareable,
    datable,
  };
}

/**
 * Rendered pages for anonymous readers, bounded by bytes (least recently used go first), with an
 * index from cache keys (post:12, list:tag:3 …) to the addresses that show them, so a change drops
 * exactly the pages it affects.
 */
export class PageCache {
  private readonly entries: LRUCache<string, CachedResponse>;
  private readonly index = new Map<string, Set<string>>();
  /** Renders under way, with the generation each began in. */
  private readonly pending = new Map<string, { work: Promise<unknown>; started: number }>();
  /** The generation each kept page was rendered in. */
  private readonly keptIn = new Map<string, number>();
  private current = 0;
  /** The addresses whose page (kept or under way) went in the second `droppedIn` (by the clock). */
  private readonly dropped = new Set<string>();
  private droppedIn = Number.NaN;

  /**
   * `headBytes` counts what a page is answered with besides its bodies (the heads made for it once,
   * see cached-front.ts), so the limit bounds all the memory a kept page takes. `clock` is the one
   * pages are dated by.
   */
  constructor(
    maxBytes = 64 * 1024 * 1024,
    headBytes: (entry: CachedResponse) => number = () => 0,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.entries = new LRUCache<string, CachedResponse>({
      maxSize: maxBytes,
      sizeCalculation: (e) => e.body.length + e.br.length + e.gzip.length + 512 + headBytes(e),
      dispose: (entry, address, reason) => {
        if (reason !== 'set') this.droppedNow(address);
        this.unindex(address, entry);
      },
    });
  }

  /**
   * Notes that the page at an address went (dropped, pushed out, or made stale while drawn): a page
   * drawn there later in the same second is dated the same as the copies readers may hold of the
   * one that went, so its date cannot confirm them.
   */
  private droppedNow(address: string): void {
    const second = Math.floor(this.clock().getTime() / 1000);
    if (second !== this.droppedIn) {
      this.droppedIn = second;
      this.dropped.clear();
    }
    this.dropped.add(address);
  }

  private datable(address: string, drawn: Date): boolean {
    return Math.floor(drawn.getTime() / 1000) !== this.droppedIn || !this.dropped.has(address);
  }

  get size(): number {
    return this.entries.size;
  }

  get(address: string): CachedResponse | undefined {
    return this.entries.get(address);
  }

  /**
   * The cached response at an address, or a new one from render (anything else render answers,
   * such as a redirect, passes through uncached). Concurrent misses share one render; a render
   * that overlapped an invalidation is served but not kept, and only to those who asked before
   * it: a request arriving after the invalidation renders anew, since the render under way may
   * have read what the change replaced.
   */
  async fetch<Other>(address: string, render: () => Promise<Rendered | Other>, now: () => Date): Promise<CachedResponse | Other> {
    const hit = this.entries.get(address);
    if (hit) return hit;
    const waiting = this.pending.get(address);
    if (waiting?.started === this.current) return waiting.work as Promise<CachedResponse | Other>;
    const under = {
      started: this.current,
      work: (async () => {
        const result = await render();
        if (!isRendered(result)) return result;
        const drawn = now();
        return prepare(result, drawn, this.datable(address, drawn));
      })(),
    };
    this.pending.set(address, under);
    try {
      const response = await under.work;
      if (isCached(response) && this.current === under.started) this.keep(address, response);
      return response;
    } finally {
      if (this.pending.get(address) === under) this.pending.delete(address);
    }
  }

  /** Counts invalidations: a page kept in a later generation was rendered after them. */
  get generation(): number {
    return this.current;
  }

  private keep(address: string, response: CachedResponse): void {
    this.entries.set(address, response);
    // An answer larger than the whole cache is not kept: nothing about its address is either.
    if (!this.entries.has(address)) return;
    this.keptIn.set(address, this.current);
    for (const key of response.keys) {
      let addresses = this.index.get(key);
      if (!addresses) this.index.set(key, (addresses = new Set()));
      addresses.add(address);
    }
  }

  /**
   * Drops every page that depends on one of the keys (only those rendered before the generation
   * `renderedBefore`, when given); returns how many were dropped.
   */
  invalidate(keys: Iterable<string>, renderedBefore = Infinity): number {
    // Renders under way now started before the change unless only older pages are dropped.
    if (renderedBefore === Infinity) {
      this.current += 1;
      for (const address of this.pending.keys()) this.droppedNow(address);
    }
    let dropped = 0;
    for (const key of keys) {
      for (const address of [...(this.index.get(key) ?? [])]) {
        if ((this.keptIn.get(address) ?? 0) < renderedBefore && this.entries.delete(address)) dropped += 1;
      }
    }
    return dropped;
  }

  /** Keys starting with the prefix of every cached page that has the given key. */
  keysAlongside(key: string, prefix: string): string[] {
    const found = new Set<string>();
    for (const address of this.index.get(key) ?? []) {
      for (const other of this.entries.peek(address)?.keys ?? []) if (other.startsWith(prefix)) found.add(other);
    }
    return [...found];
  }

  clear(): void {
    this.current += 1;
    for (const address of this.pending.keys()) this.droppedNow(address);
    this.entries.clear();
  }

  private unindex(address: string, entry: CachedResponse): void {
    this.keptIn.delete(address);
    for (const key of entry.keys) {
      const addresses = this.index.get(key);
      if (!addresses) continue;
      addresses.delete(address);
      if (addresses.size === 0) this.index.delete(key);
    }
  }
}
