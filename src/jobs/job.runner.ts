import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';
import { claimJob, deleteFinishedBefore, extendLock, failJob, finishJob, nextRunAt } from './job.repository.js';
import type { JobQueue } from './job.queue.js';

export interface JobContext {
  jobId: number;
  attempt: number;
  /** Long jobs call this now and then so no other worker takes the job over. */
  heartbeat(): Promise<void>;
  /** Set when the runner is stopping: long jobs should finish their current step and return. */
  signal: AbortSignal;
}

export type JobHandler = (payload: unknown, context: JobContext) => Promise<void>;

export interface JobRunnerOptions {
  db: Db;
  postgres: boolean;
  queue: JobQueue;
  clock: Clock;
  logger: Logger;
  /** Longest an idle runner sleeps before looking again (other processes may add work). */
  pollMs?: number;
  /** How long a claimed job stays locked without a heartbeat. */
  lockMs?: number;
}

const DAY_MS = 86_400_000;

/** Runs due jobs one at a time in this process; many processes may run one each. */
export class JobRunner {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly workerId = `${process.pid}-${randomUUID().slice(0, 8)}`;
  private readonly abort = new AbortController();
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private unsubscribe: (() => void) | undefined;

  constructor(private readonly options: JobRunnerOptions) {}

  register(name: string, handler: JobHandler): void {
    this.handlers.set(name, handler);
  }

  start(): void {
    if (this.loop) return;
    this.unsubscribe = this.options.queue.onEnqueue(() => this.wake?.());
    this.loop = this.run();
  }

  /** Lets the current job finish (it sees the abort signal), then stops. */
  async stop(): Promise<void> {
    this.abort.abort();
    this.wake?.();
    this.unsubscribe?.();
    await this.loop;
  }

  /** Runs every job that is due now, then returns. For the CLI and tests. */
  async drain(): Promise<number> {
    let count = 0;
    while (await this.runOne()) count += 1;
    return count;
  }

  private async run(): Promise<void> {
    let lastPrune = 0;
    while (!this.abort.signal.aborted) {
      try {
        const ran = await this.runOne();
        if (ran) continue;
        if (this.options.clock().getTime() - lastPrune > DAY_MS / 24) {
          lastPrune = this.options.clock().getTime();
          await deleteFinishedBefore(this.options.db, new Date(lastPrune - 7 * DAY_MS).toISOString());
        }
        await this.sleep(await this.idleMs());
      } catch (error) {
        this.options.logger.error({ err: error }, 'job runner error');
        await this.sleep(this.options.pollMs ?? 1000);
      }
    }
  }

  private async idleMs(): Promise<number> {
    const poll = this.options.pollMs ?? 1000;
    const next = await nextRunAt(this.options.db, [...this.handlers.keys()]);
    if (!next) return poll;
    return Math.max(0, Math.min(poll, Date.parse(next) - this.options.clock().getTime()));
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }

  private async runOne(): Promise<boolean> {
    const { db, clock, logger } = this.options;
    const lockMs = this.options.lockMs ?? 60_000;
    const now = clock();
    const job = await claimJob(db, {
      workerId: this.workerId,
      now: now.toISOString(),
      lockUntil: new Date(now.getTime() + lockMs).toISOString(),
      names: [...this.handlers.keys()],
      postgres: this.options.postgres,
    });
    if (!job) return false;
    const handler = this.handlers.get(job.name)!;
    const context: JobContext = {
      jobId: job.id,
      attempt: job.attempts,
      signal: this.abort.signal,
      heartbeat: async () => {
        const until = new Date(clock().getTime() + lockMs).toISOString();
        if (!(await extendLock(db, job.id, this.workerId, until))) throw new Error(`lost the lock on job ${job.id}`);
      },
    };
    try {
      await handler(JSON.parse(job.payload), context);
      await finishJob(db, job.id, this.workerId, clock().toISOString());
      logger.debug({ job: job.name, id: job.id }, 'job done');
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const retry = job.attempts < job.max_attempts;
      // Exponential backoff: 10 s, 40 s, 2.7 min, 10.7 min …
      const retryAt = retry ? new Date(clock().getTime() + 10_000 * 4 ** (job.attempts - 1)).toISOString() : null;
      await failJob(db, job.id, this.workerId, { error: message, retryAt, now: clock().toISOString() });
      logger.warn({ job: job.name, id: job.id, attempt: job.attempts, retry, err: message }, 'job failed');
    }
    return true;
  }
}
