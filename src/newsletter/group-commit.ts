import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Collects writes that arrive close together and stores them with one statement, so each
 * sender still learns when its own write is committed but the database sees few commits.
 * A group goes out once it holds `target` writes, or at the first turn of the event loop after
 * `maxWaitMs`; writes arriving while a group is being stored form the next group. The wait looks
 * again on every turn of the event loop, so the other writers' network answers are read in
 * between; it costs the thread at most `maxWaitMs` per group.
 */
export class GroupCommit<T> {
  private pending: Array<{ item: T; resolve: () => void; reject: (error: unknown) => void }> = [];
  private running = false;

  constructor(
    private readonly flush: (items: T[]) => Promise<void>,
    private readonly options: { target: number; maxWaitMs: number; maxSize?: number } = { target: 1, maxWaitMs: 0 },
  ) {}

  add(item: T): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      const started = performance.now();
      do await nextTurn();
      while (this.pending.length < this.options.target && performance.now() - started < this.options.maxWaitMs);
      while (this.pending.length > 0) {
        const batch = this.pending.splice(0, this.options.maxSize ?? 500);
        try {
          await this.flush(batch.map((b) => b.item));
          for (const b of batch) b.resolve();
        } catch (error) {
          for (const b of batch) b.reject(error);
        }
      }
    } finally {
      this.running = false;
    }
  }
}
