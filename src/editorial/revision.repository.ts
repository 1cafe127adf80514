import type { DbOrTx } from '../db/client.js';
import type { PostInput } from '../content/index.js';

export interface RevisionRow {
  id: number;
  postId: number;
  revision: number;
  userId: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface RevisionWithSnapshot extends RevisionRow {
  snapshot: PostInput;
}

const columns = ['id', 'post_id', 'revision', 'user_id', 'created_at', 'updated_at'] as const;

type Row = { id: number; post_id: number; revision: number; user_id: number | null; created_at: string; updated_at: string };

function toRevision(row: Row): RevisionRow {
  return { id: row.id, postId: row.post_id, revision: row.revision, userId: row.user_id, createdAt: row.created_at, updatedAt: row.updated_at };
}

export async function latestRevision(db: DbOrTx, postId: number): Promise<RevisionWithSnapshot | undefined> {
  const row = await db.selectFrom('post_revisions').selectAll().where('post_id', '=', postId).orderBy('id', 'desc').limit(1).executeTakeFirst();
  return row ? { ...toRevision(row), snapshot: JSON.parse(row.snapshot) as PostInput } : undefined;
}

export async function insertRevision(db: DbOrTx, revision: { postId: number; revision: number; userId: number | null; snapshot: PostInput; now: string }): Promise<void> {
  await db
    .insertInto('post_revisions')
    .values({
      post_id: revision.postId,
      revision: revision.revision,
      user_id: revision.userId,
      snapshot: JSON.stringify(revision.snapshot),
      created_at: revision.now,
      updated_at: revision.now,
    })
    .execute();
}

/** Folds a save into the previous revision row (autosaves by the same person within a minute). */
export async function replaceRevision(db: DbOrTx, id: number, revision: number, snapshot: PostInput, now: string): Promise<void> {
  await db
    .updateTable('post_revisions')
    .set({ revision, snapshot: JSON.stringify(snapshot), updated_at: now })
    .where('id', '=', id)
    .execute();
}

export async function listRevisions(db: DbOrTx, postId: number): Promise<RevisionRow[]> {
  return (await db.selectFrom('post_revisions').select(columns).where('post_id', '=', postId).orderBy('id', 'desc').execute()).map(toRevision);
}

export async function findRevision(db: DbOrTx, postId: number, id: number): Promise<RevisionWithSnapshot | undefined> {
  const row = await db.selectFrom('post_revisions').selectAll().where('post_id', '=', postId).where('id', '=', id).executeTakeFirst();
  return row ? { ...toRevision(row), snapshot: JSON.parse(row.snapshot) as PostInput } : undefined;
}

/** Keeps the newest `keep` revisions and, older than those, the last one of each hour. */
export async function pruneRevisions(db: DbOrTx, postId: number, keep: number): Promise<void> {
  const rows = await db.selectFrom('post_revisions').select(['id', 'updated_at']).where('post_id', '=', postId).orderBy('id', 'desc').execute();
  const hours = new Set<string>();
  const doomed: number[] = [];
  rows.forEach((row, index) => {
    const hour = row.updated_at.slice(0, 13);
    if (index >= keep && hours.has(hour)) doomed.push(row.id);
    hours.add(hour);
  });
  if (doomed.length > 0) await db.deleteFrom('post_revisions').where('id', 'in', doomed).execute();
}
