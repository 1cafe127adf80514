import type { DbOrTx } from '../db/client.js';
import type { Clock } from '../clock.js';
import { cancelJob, findJobByKey, insertJob, type NewJob } from './job.repository.js';

/**
 * Adds work to the durable queue. Pass the caller's transaction so the job is stored together
 * with the change that needs it, or not at all.
 */
export class JobQueue {
  private readonly listeners = new Set<() => void>();

  constructor(private readonly clock: Clock) {}

  async enqueue(db: DbOrTx, job: Omit<NewJob, 'runAt'> & { runAt?: string }): Promise<void> {
    const now = this.clock().toISOString();
    await insertJob(db, { ...job, runAt: job.runAt ?? now }, now);
    // Wake in-process runners; other processes find the job on their next poll.
    for (const listener of this.listeners) listener();
  }

  cancel(db: DbOrTx, key: string): Promise<void> {
    return cancelJob(db, key);
  }

  find(db: DbOrTx, key: string) {
    return findJobByKey(db, key);
  }

  onEnqueue(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
