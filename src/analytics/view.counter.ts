import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../clock.js';
import { inTransaction, type Db } from '../db/client.js';
import type { Logger } from 'pino';
import { addViews, daySalt, forgetReadersBefore, newReaders, postIdsBySlug } from './view.repository.js';

/** Crawlers and link previews are not readers. */
const NOT_A_READER = /bot|crawl|spider|slurp|preview|fetch|curl|wget|python|monitor|headless/i;
/** Pending counts are written at least this often. */
export const FLUSH_INTERVAL_MS = 10_000;

export interface PageView {
  slug: string;
  address: string;
  userAgent: string;
}

/** Past this many views waiting in memory, they are written at once. */
const FLUSH_AT = 10_000;
/**
 * Views waiting in memory never exceed this, however many arrive while the database is slow or
 * unreachable: past it, new readers are not counted until a write succeeds.
 */
export const MAX_WAITING_VIEWS = 50_000;
const DAY_MS = 86_400_000;
/** No post has a longer slug; a longer one cannot be counted. */
const MAX_SLUG = 190;

/**
 * The text as a string of its own. A slug cut from a request's address can share that string's
 * memory, so keeping the slug would keep the whole address (up to the header limit) alive.
 */
const ownCopy = (text: string) => Buffer.from(text, 'utf8').toString('utf8');

/**
 * Cookieless view counts. A repeat view of a post by the same reader on the same day counts once,
 * whichever process serves it: readers are told apart by a hash of address, browser and piece with
 * a random salt made each day and shared through the database. The salt and the day's hashes are
 * deleted once the day is over, after which nothing links a count to anyone; addresses themselves
 * are never stored. Views wait in memory for a few seconds and are written in batches, off the
 * request path. Each waiting view is a fixed-size digest of the reader (however long the request's
 * headers) and the post's slug, and at most MAX_WAITING_VIEWS of them wait.
 */
export class ViewCounter {
  private pending = new Map<string, { day: string; slug: string; visitor: string }>();
  private salts = new Map<string, string>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  /** The UTC day of the last view, and the milliseconds it spans, so most views skip formatting a date. */
  private today = { name: '', from: 0, until: 0 };

  constructor(private readonly deps: { db: Db; clock: Clock; logger: Logger }) {}

  /** Views waiting to be written. */
  get waiting(): number {
    return this.pending.size;
  }

  record(view: PageView): void {
    if (view.userAgent === '' || view.slug.length > MAX_SLUG || NOT_A_READER.test(view.userAgent)) return;
    const day = this.dayOf(this.deps.clock().getTime());
    const visitor = createHash('sha256').update(`${view.address}\n${view.slug}\n`).update(view.userAgent).digest('base64url');
    const key = `${day}\n${visitor}`;
    if (!this.pending.has(key)) {
      if (this.pending.size >= MAX_WAITING_VIEWS) return;
      this.pending.set(key, { day, slug: ownCopy(view.slug), visitor });
    }
    if (this.pending.size === FLUSH_AT) {
      this.flush().catch((error: unknown) => this.deps.logger.warn({ err: error }, 'view counts not written; will retry'));
      return;
    }
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.flush().catch((error: unknown) => this.deps.logger.warn({ err: error }, 'view counts not written; will retry'));
    }, FLUSH_INTERVAL_MS).unref();
  }

  /** The UTC day (YYYY-MM-DD) a time falls on. */
  private dayOf(time: number): string {
    const today = this.today;
    if (time >= today.from && time < today.until) return today.name;
    const from = time - (((time % DAY_MS) + DAY_MS) % DAY_MS);
    this.today = { name: new Date(from).toISOString().slice(0, 10), from, until: from + DAY_MS };
    return this.today.name;
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
      const byDay = new Map<string, Map<string, string>>();
      for (const { day, slug, visitor } of batch.values()) {
        const salt = await this.salt(day);
        const reader = createHash('sha256').update(salt).update(visitor).digest('base64url').slice(0, 22);
        let readers = byDay.get(day);
        if (!readers) byDay.set(day, (readers = new Map()));
        readers.set(reader, slug);
      }
      const slugs = new Set([...byDay.values()].flatMap((readers) => [...readers.values()]));
      const ids = await postIdsBySlug(this.deps.db, [...slugs]);
      const today = this.deps.clock().toISOString().slice(0, 10);
      await inTransaction(this.deps.db, async (tx) => {
        const counts: Array<{ postId: number; day: string; views: number }> = [];
        for (const [day, readers] of byDay) {
          const known = [...readers].filter(([, slug]) => ids.has(slug));
          const added = await newReaders(
            tx,
            day,
            known.map(([reader]) => reader),
          );
          const perPost = new Map<number, number>();
          for (const [reader, slug] of known) {
            if (added.has(reader)) perPost.set(ids.get(slug)!, (perPost.get(ids.get(slug)!) ?? 0) + 1);
          }
          for (const [postId, views] of perPost) counts.push({ postId, day, views });
        }
        await addViews(tx, counts);
        await forgetReadersBefore(tx, today);
      });
      for (const day of this.salts.keys()) if (day < today) this.salts.delete(day);
    } catch (error) {
      for (const [key, view] of batch) {
        if (this.pending.size >= MAX_WAITING_VIEWS) break;
        if (!this.pending.has(key)) this.pending.set(key, view);
      }
      throw error;
    }
  }

  private async salt(day: string): Promise<string> {
    let salt = this.salts.get(day);
    if (salt === undefined) {
      salt = await daySalt(this.deps.db, day, randomBytes(32).toString('base64url'));
      this.salts.set(day, salt);
    }
    return salt;
  }
}
