import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';
import * as repo from './cache-change.repository.js';

/** How far back each poll looks: longer than any insert takes to commit and any clock skew. */
const WINDOW_MS = 15_000;
const KEEP_MS = 10 * 60_000;

/**
 * Carries changes (content changes, and what else a process keeps) between processes that share one PostgreSQL database (scale mode).
 * Each process records the changes it makes in `site_cache_changes` and, about once a second,
 * applies the ones other processes recorded. A table polled on an index is used rather than
 * LISTEN/NOTIFY because it needs no connection held open outside the pool, survives reconnects
 * without losing messages (a missed poll is caught up by the next), and works the same on SQLite.
 */
export class CacheSync<Change> {
  private readonly origin = randomUUID();
  private readonly applied = new Map<number, number>();
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<void> | undefined;
  private lastPrune = 0;

  constructor(private readonly deps: { db: Db; clock: Clock; logger: Logger; apply: (change: Change) => Promise<void>; intervalMs?: number }) {}

  start(): void {
    this.timer = setInterval(() => void this.poll(), this.deps.intervalMs ?? 1000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.polling;
  }

  /** Records a change made by this process for the others. */
  async publish(change: Change): Promise<void> {
    try {
      await repo.recordChange(this.deps.db, this.origin, JSON.stringify(change), this.deps.clock().toISOString());
    } catch (error) {
      this.deps.logger.warn({ err: error }, 'could not share a content change with other processes');
    }
  }

  /** Applies changes other processes recorded since the last poll. */
  poll(): Promise<void> {
    this.polling ??= this.pollOnce().finally(() => (this.polling = undefined));
    return this.polling;
  }

  private async pollOnce(): Promise<void> {
    const now = this.deps.clock().getTime();
    try {
      const rows = await repo.changesSince(this.deps.db, new Date(now - WINDOW_MS).toISOString());
      for (const row of rows) {
        if (this.applied.has(row.id)) continue;
        this.applied.set(row.id, now);
        if (row.origin !== this.origin) await this.deps.apply(JSON.parse(row.change) as Change);
      }
      for (const [id, at] of this.applied) if (at < now - 2 * WINDOW_MS) this.applied.delete(id);
      if (now - this.lastPrune > 60_000) {
        this.lastPrune = now;
        await repo.deleteChangesBefore(this.deps.db, new Date(now - KEEP_MS).toISOString());
      }
    } catch (error) {
      this.deps.logger.warn({ err: error }, 'could not read content changes of other processes');
    }
  }
}
