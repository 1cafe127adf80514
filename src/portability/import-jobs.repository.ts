import type { Selectable } from 'kysely';
import type { Db, DbOrTx } from '../db/client.js';
import type { ImportRunsTable } from '../db/tables.js';

export type ImportRunRow = Selectable<ImportRunsTable>;

/** States in which a run holds the site's one import slot. */
export const ACTIVE_STATES = ['queued', 'running'];

export async function insertRun(db: DbOrTx, values: { platform: string; fileName: string; fileSize: number; filePath: string; preview: string; createdBy: number | null; now: string }): Promise<ImportRunRow> {
  return db
    .insertInto('import_runs')
    .values({
      platform: values.platform,
      file_name: values.fileName,
      file_size: values.fileSize,
      file_path: values.filePath,
      state: 'checked',
      preview: values.preview,
      done: 0,
      total: 0,
      created_by: values.createdBy,
      created_at: values.now,
      updated_at: values.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function findRun(db: DbOrTx, id: number): Promise<ImportRunRow | undefined> {
  return db.selectFrom('import_runs').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listRuns(db: DbOrTx, limit: number): Promise<ImportRunRow[]> {
  return db.selectFrom('import_runs').selectAll().orderBy('id', 'desc').limit(limit).execute();
}

export async function hasActiveRun(db: DbOrTx): Promise<boolean> {
  return (await db.selectFrom('import_runs').select('id').where('active', '=', 1).executeTakeFirst()) !== undefined;
}

/**
 * Takes the site's import slot for a checked run: true when it moved to `queued`. Throws a unique
 * violation when another run holds the slot.
 */
export async function queueRun(db: DbOrTx, id: number, now: string): Promise<boolean> {
  const result = await db.updateTable('import_runs').set({ state: 'queued', active: 1, updated_at: now }).where('id', '=', id).where('state', '=', 'checked').where('file_path', 'is not', null).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Moves a run from one state to another; false when it was no longer in the first. */
export async function moveRun(db: DbOrTx, id: number, from: string, to: string, now: string): Promise<boolean> {
  const result = await db.updateTable('import_runs').set({ state: to, updated_at: now }).where('id', '=', id).where('state', '=', from).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function recordProgress(db: Db, id: number, progress: { step: string; done: number; total: number }, now: string): Promise<void> {
  await db.updateTable('import_runs').set({ step: progress.step, done: progress.done, total: progress.total, updated_at: now }).where('id', '=', id).where('state', '=', 'running').execute();
}

/** Ends a run: its outcome, the slot released and the file forgotten. */
export async function finishRun(db: DbOrTx, id: number, outcome: { state: string; report?: string; error?: string }, now: string): Promise<void> {
  await db
    .updateTable('import_runs')
    .set({ state: outcome.state, report: outcome.report ?? null, error: outcome.error ?? null, active: null, file_path: null, updated_at: now, finished_at: now })
    .where('id', '=', id)
    .execute();
}

/** Checked runs never started whose upload is older than the cutoff. */
export function staleChecked(db: DbOrTx, before: string): Promise<ImportRunRow[]> {
  return db.selectFrom('import_runs').selectAll().where('state', '=', 'checked').where('created_at', '<', before).execute();
}

/** Every file a run still holds, relative to nothing: the stored paths themselves. */
export async function heldFiles(db: DbOrTx): Promise<Set<string>> {
  const rows = await db.selectFrom('import_runs').select('file_path').where('file_path', 'is not', null).execute();
  return new Set(rows.map((r) => r.file_path!));
}

/** Posts and pages a run brought in or brought up to date: those remembered as imported since it started. */
export async function postsImportedSince(db: DbOrTx, since: string, limit: number): Promise<{ posts: Array<{ id: number; title: string; slug: string; status: string; type: string }>; total: number }> {
  const base = db.selectFrom('imported_items').innerJoin('posts', 'posts.id', 'imported_items.target_id').where('imported_items.kind', '=', 'post').where('imported_items.imported_at', '>=', since);
  const [posts, count] = await Promise.all([
    base.select(['posts.id', 'posts.title', 'posts.slug', 'posts.status', 'posts.type']).orderBy('posts.published_at', 'desc').orderBy('posts.id', 'desc').limit(limit).execute(),
    base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { posts, total: Number(count.n) };
}
