import type { ExpressionBuilder } from 'kysely';
import type { DbOrTx } from '../db/client.js';
import type { Database } from '../db/tables.js';

export interface StoredRecommendation {
  relatedId: number;
  score: number;
}

export interface Mark {
  postId: number;
  version: number;
}

/** Published posts (not pages, drafts or archived pieces): the only ones that get or appear in lists. */
const publishedPost = (eb: ExpressionBuilder<Database, 'posts'>) => eb.and([eb('posts.status', '=', 'published'), eb('posts.type', '=', 'post')]);

/** Whether the post is a published post (pages and drafts get no list and are never recommended). */
export async function isPublishedPost(db: DbOrTx, id: number): Promise<boolean> {
  return (await db.selectFrom('posts').select('id').where('id', '=', id).where(publishedPost).executeTakeFirst()) !== undefined;
}

/** Posts whose stored list includes this one. */
export async function listsContaining(db: DbOrTx, relatedId: number): Promise<number[]> {
  const rows = await db.selectFrom('post_recommendations').select('post_id').distinct().where('related_id', '=', relatedId).execute();
  return rows.map((r) => r.post_id);
}

export async function readList(db: DbOrTx, postId: number): Promise<StoredRecommendation[]> {
  const rows = await db.selectFrom('post_recommendations').select(['related_id', 'score']).where('post_id', '=', postId).orderBy('position').execute();
  return rows.map((r) => ({ relatedId: r.related_id, score: r.score }));
}

export async function replaceList(db: DbOrTx, postId: number, list: StoredRecommendation[]): Promise<void> {
  await db.deleteFrom('post_recommendations').where('post_id', '=', postId).execute();
  if (list.length === 0) return;
  await db
    .insertInto('post_recommendations')
    .values(list.map((r, position) => ({ post_id: postId, position, related_id: r.relatedId, score: r.score })))
    .execute();
}

/** The stored list as readers may see it: published posts only, never the post itself. */
export async function visibleRelatedIds(db: DbOrTx, postId: number, limit: number): Promise<number[]> {
  const rows = await db
    .selectFrom('post_recommendations')
    .innerJoin('posts', 'posts.id', 'post_recommendations.related_id')
    .select('posts.id')
    .where('post_recommendations.post_id', '=', postId)
    .where('posts.id', '!=', postId)
    .where(publishedPost)
    .orderBy('post_recommendations.position')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

export async function takeMarks(db: DbOrTx, limit: number): Promise<Mark[]> {
  const rows = await db.selectFrom('recommendation_marks').select(['post_id', 'version']).orderBy('post_id').limit(limit).execute();
  return rows.map((r) => ({ postId: r.post_id, version: r.version }));
}

export async function countMarks(db: DbOrTx): Promise<number> {
  const row = await db
    .selectFrom('recommendation_marks')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Clears a mark unless the post changed again since it was read. */
export async function clearMark(db: DbOrTx, mark: Mark): Promise<void> {
  await db.deleteFrom('recommendation_marks').where('post_id', '=', mark.postId).where('version', '=', mark.version).execute();
}

export async function allPublishedIds(db: DbOrTx): Promise<number[]> {
  return (await db.selectFrom('posts').select('id').where(publishedPost).orderBy('id').execute()).map((r) => r.id);
}

/** Removes the lists of posts that are no longer published posts. */
export async function deleteUnpublishedLists(db: DbOrTx): Promise<void> {
  await db.deleteFrom('post_recommendations').where('post_id', 'not in', db.selectFrom('posts').select('id').where(publishedPost)).execute();
}

/**
 * Posts that share something concrete with a post, newest first from each source: its work, a
 * person its work credits or it names (credited in their works or named by them), an author, a tag.
 */
export async function entityCandidates(db: DbOrTx, source: { id: number; workId: number | null; personIds: number[]; authorIds: number[]; tagIds: number[] }, perSource: number): Promise<number[]> {
  const queries: Array<Promise<Array<{ id: number }>>> = [db.selectFrom('posts').select('id').where(publishedPost).orderBy('published_at', 'desc').limit(perSource).execute()];
  if (source.workId !== null) {
    queries.push(db.selectFrom('posts').select('id').where('work_id', '=', source.workId).where(publishedPost).limit(perSource).execute());
  }
  if (source.personIds.length > 0) {
    // Pieces whose work credits one of the people, and pieces that name one of them. Both link
    // tables have a person_id; the credits table's types stand for either.
    const throughPeople = [
      { table: 'work_credits', on: 'work_credits.work_id', post: 'posts.work_id' },
      { table: 'post_people', on: 'post_people.post_id', post: 'posts.id' },
    ] as const;
    for (const link of throughPeople) {
      queries.push(
        db
          .selectFrom(link.table as 'work_credits')
          .innerJoin('posts', link.post, link.on as 'work_credits.work_id')
          .select('posts.id')
          .where('person_id', 'in', source.personIds)
          .where(publishedPost)
          .orderBy('posts.published_at', 'desc')
          .limit(perSource)
          .execute(),
      );
    }
  }
  // Both link tables carry the same listing columns; the tag table's types stand for either.
  const links = [...source.authorIds.map((id) => ({ table: 'post_authors', column: 'author_id', id })), ...source.tagIds.map((id) => ({ table: 'post_tags', column: 'tag_id', id }))];
  for (const link of links) {
    queries.push(
      db
        .selectFrom(link.table as 'post_tags')
        .select('post_id as id')
        .where(link.column as 'tag_id', '=', link.id)
        .where('listed', '=', 1)
        .orderBy('published_at', 'desc')
        .limit(perSource)
        .execute(),
    );
  }
  const ids = new Set<number>();
  for (const rows of await Promise.all(queries)) for (const row of rows) if (row.id !== source.id) ids.add(row.id);
  return [...ids];
}
