import type { DbOrTx } from '../db/client.js';

export interface Trashed {
  postId: number;
  previousStatus: string;
  previousPublishedAt: string | null;
  deletedAt: string;
  purgeAt: string;
}

/** Puts a post in the bin; false when it is there already (deleted by someone at the same moment). */
export async function insertTrashed(db: DbOrTx, entry: Trashed & { userId: number }): Promise<boolean> {
  const result = await db
    .insertInto('trashed_posts')
    .values({
      post_id: entry.postId,
      previous_status: entry.previousStatus,
      previous_published_at: entry.previousPublishedAt,
      user_id: entry.userId,
      deleted_at: entry.deletedAt,
      purge_at: entry.purgeAt,
    })
    .onConflict((oc) => oc.column('post_id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function findTrashed(db: DbOrTx, postId: number): Promise<Trashed | undefined> {
  const row = await db.selectFrom('trashed_posts').selectAll().where('post_id', '=', postId).executeTakeFirst();
  return row ? { postId: row.post_id, previousStatus: row.previous_status, previousPublishedAt: row.previous_published_at, deletedAt: row.deleted_at, purgeAt: row.purge_at } : undefined;
}

export async function removeTrashed(db: DbOrTx, postId: number): Promise<boolean> {
  const result = await db.deleteFrom('trashed_posts').where('post_id', '=', postId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
