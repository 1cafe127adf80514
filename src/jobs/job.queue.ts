import type { DbOrTx } from '../db/client.js';
import type { Clock } from '../clock.js';
import { cancelJob, findJobByKey, insertJobs, type NewJob } from './job.repository.js';

/**
 * Adds work to the durable queue. Pass the caller's transaction so the job is stored together
 * with the change that needs it, or not at all.
 */
export class JobQueue {
  private readonly listeners = new Set<() => void>();

  constructor(private readonly clock: Clock) {}

  enqueue(db: DbOrTx, job: Omit<NewJob, 'runAt'> & { runAt?: string }): Promise<void> {
    return this.enqueueMany(db, [job]);
  }

  /** Many jobs at once, in as few statements as the database allows (a key given twice: the later wins). */
  async enqueueMany(db: DbOrTx, jobs: Array<Omit<NewJob, 'runAt'> & { runAt?: string }>): Promise<void> {
    if (jobs.length === 0) return;
    const now = this.clock().toISOString();
    await insertJobs(
      db,
      jobs.map((job) => ({ ...job, runAt: job.runAt ?? now })),
      now,
    );
    // Wake in-process runners; other processes find the jobs on their next poll.
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
