import { sql } from 'kysely';
import { statementBatches } from '../db/batches.js';
import type { DbOrTx } from '../db/client.js';
import type { JobRow } from '../db/tables.js';

export interface NewJob {
  name: string;
  payload?: unknown;
  runAt: string;
  /** Jobs with a key are unique: enqueueing the same key again moves the existing job. */
  key?: string;
  maxAttempts?: number;
}

/** Columns a job row binds, for cutting a batch to the parameter limit. */
const JOB_COLUMNS = 12;

/**
 * Stores jobs with as few statements as the databases' parameter limits allow. A key already
 * stored moves that job (it is pending again, with the new payload and time); of one key given
 * twice, the later wins, as if enqueued one after the other.
 */
export async function insertJobs(db: DbOrTx, jobs: NewJob[], now: string): Promise<void> {
  const byKey = new Map<string, NewJob>();
  const unkeyed: NewJob[] = [];
  for (const job of jobs) {
    if (!job.key) unkeyed.push(job);
    else {
      byKey.delete(job.key);
      byKey.set(job.key, job);
    }
  }
  const rows = [...unkeyed, ...byKey.values()].map((job) => ({
    name: job.name,
    payload: JSON.stringify(job.payload ?? {}),
    key: job.key ?? null,
    state: 'pending',
    run_at: job.runAt,
    attempts: 0,
    max_attempts: job.maxAttempts ?? 5,
    last_error: null,
    locked_by: null,
    locked_until: null,
    created_at: now,
    updated_at: now,
  }));
  for (const batch of statementBatches(rows, JOB_COLUMNS)) {
    await db
      .insertInto('jobs')
      .values(batch)
      .onConflict((oc) =>
        oc.column('key').doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          payload: eb.ref('excluded.payload'),
          state: 'pending',
          run_at: eb.ref('excluded.run_at'),
          attempts: 0,
          max_attempts: eb.ref('excluded.max_attempts'),
          last_error: null,
          updated_at: now,
        })),
      )
      .execute();
  }
}

export async function cancelJob(db: DbOrTx, key: string): Promise<void> {
  await db.deleteFrom('jobs').where('key', '=', key).where('state', '=', 'pending').execute();
}

/**
 * Takes the next due job for this worker. A running job whose lock has expired (its worker
 * died) is due again. On PostgreSQL, SKIP LOCKED lets many processes claim without waiting on
 * each other; SQLite serialises writers, so the same statement is atomic there.
 */
export async function claimJob(db: DbOrTx, options: { workerId: string; now: string; lockUntil: string; names: string[]; postgres: boolean }): Promise<JobRow | undefined> {
  if (options.names.length === 0) return undefined;
  const due = db
    .selectFrom('jobs')
    .select('id')
    .where('name', 'in', options.names)
    .where((eb) =>
      eb.or([
        // Due, and not still being run from before it was enqueued again.
        eb.and([eb('state', '=', 'pending'), eb('run_at', '<=', options.now), eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', options.now)])]),
        eb.and([eb('state', '=', 'running'), eb('locked_until', '<', options.now)]),
      ]),
    )
    .orderBy('run_at')
    .orderBy('id')
    .limit(1);
  const row = await db
    .updateTable('jobs')
    .set((eb) => ({
      state: 'running',
      locked_by: options.workerId,
      locked_until: options.lockUntil,
      attempts: eb('attempts', '+', 1),
      updated_at: options.now,
    }))
    .where('id', '=', options.postgres ? due.forUpdate().skipLocked() : due)
    .returningAll()
    .executeTakeFirst();
  return row;
}

export async function extendLock(db: DbOrTx, id: number, workerId: string, lockUntil: string): Promise<boolean> {
  const result = await db.updateTable('jobs').set({ locked_until: lockUntil }).where('id', '=', id).where('locked_by', '=', workerId).where('state', 'in', ['running', 'pending']).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Ends a run. A job enqueued again while it ran (its state went back to pending) stays pending,
 * so that change is not lost; it becomes claimable once the lock is released here.
 */
export async function finishJob(db: DbOrTx, id: number, workerId: string, now: string): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ state: sql`case when state = 'running' then 'done' else state end`, locked_by: null, locked_until: null, updated_at: now })
    .where('id', '=', id)
    .where('locked_by', '=', workerId)
    .execute();
}

export async function failJob(db: DbOrTx, id: number, workerId: string, failure: { error: string; retryAt: string | null; now: string }): Promise<void> {
  await db
    .updateTable('jobs')
    .set({
      state: sql`case when state = 'running' then ${failure.retryAt ? 'pending' : 'failed'} else state end`,
      run_at: failure.retryAt ? sql`case when state = 'running' then ${failure.retryAt} else run_at end` : sql`run_at`,
      last_error: failure.error.slice(0, 2000),
      locked_by: null,
      locked_until: null,
      updated_at: failure.now,
    })
    .where('id', '=', id)
    .where('locked_by', '=', workerId)
    .execute();
}

/** When the earliest pending job is due, so an idle runner knows how long it may sleep. */
export async function nextRunAt(db: DbOrTx, names: string[]): Promise<string | undefined> {
  if (names.length === 0) return undefined;
  const row = await db
    .selectFrom('jobs')
    .select((eb) => eb.fn.min('run_at').as('next'))
    .where('state', '=', 'pending')
    .where('name', 'in', names)
    .executeTakeFirst();
  return row?.next ?? undefined;
}

export async function findJobByKey(db: DbOrTx, key: string): Promise<JobRow | undefined> {
  return db.selectFrom('jobs').selectAll().where('key', '=', key).executeTakeFirst();
}

export async function deleteFinishedBefore(db: DbOrTx, before: string): Promise<void> {
  await db.deleteFrom('jobs').where('state', '=', 'done').where('updated_at', '<', before).execute();
}
