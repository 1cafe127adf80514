import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../clock.js';
import { inTransaction, type Db } from '../db/client.js';
import type { Logger } from 'pino';
import { addViews, postIdsBySlug } from './view.repository.js';

/** Crawlers and link previews are not readers. */
const NOT_A_READER = /bot|crawl|spider|slurp|preview|fetch|curl|wget|python|monitor|headless/i;
/** Pending counts are written at least this often. */
export const FLUSH_INTERVAL_MS = 10_000;

export interface PageView {
  slug: string;
  address: string;
  userAgent: string;
}

/**
 * Cookieless view counts. A repeat view of a post by the same reader on the same day counts once:
 * readers are told apart by a hash of address and browser with a random salt that lives only in
 * memory and changes every day, so nothing that identifies a reader is ever stored. Views are
 * counted in memory and written in batches, off the request path.
 */
export class ViewCounter {
  private day = '';
  private salt = Buffer.alloc(0);
  private seen = new Set<string>();
  private pending = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();

  constructor(private readonly deps: { db: Db; clock: Clock; logger: Logger }) {}

  record(view: PageView): void {
    if (NOT_A_READER.test(view.userAgent) || view.userAgent === '') return;
    const day = this.deps.clock().toISOString().slice(0, 10);
    if (day !== this.day) {
      this.day = day;
      this.salt = randomBytes(32);
      this.seen = new Set();
    }
    const reader = createHash('sha256').update(this.salt).update(`${view.address}\n${view.userAgent}\n${view.slug}`).digest('base64url').slice(0, 16);
    if (this.seen.has(reader)) return;
    this.seen.add(reader);
    const key = `${day}|${view.slug}`;
    this.pending.set(key, (this.pending.get(key) ?? 0) + 1);
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.flush().catch((error: unknown) => this.deps.logger.warn({ err: error }, 'view counts not written; will retry'));
    }, FLUSH_INTERVAL_MS).unref();
  }

  /** Writes the counted views; runs one batch at a time. */
  flush(): Promise<void> {
    this.flushing = this.flushing.catch(() => {}).then(() => this.write());
    return this.flushing;
  }

  private async write(): Promise<void> {
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    try {
      const entries = [...batch].map(([key, views]) => ({ day: key.slice(0, 10), slug: key.slice(11), views }));
      const ids = await postIdsBySlug(this.deps.db, [...new Set(entries.map((e) => e.slug))]);
      const counts = entries.flatMap((e) => (ids.has(e.slug) ? [{ postId: ids.get(e.slug)!, day: e.day, views: e.views }] : []));
      await inTransaction(this.deps.db, (tx) => addViews(tx, counts));
    } catch (error) {
      for (const [key, views] of batch) this.pending.set(key, (this.pending.get(key) ?? 0) + views);
      throw error;
    }
  }
}
