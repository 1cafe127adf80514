import type { ExpressionBuilder } from 'kysely';
import type { DbOrTx } from '../db/client.js';
import { likeText } from '../db/like.js';
import { cursorPosition, encodeCursor } from '../db/list-cursor.js';
import type { Database } from '../db/tables.js';
import type { PostFormat, PostStatus } from '../content/index.js';
import type { PostScope } from '../staff/index.js';

export interface AdminPostFilter {
  type: 'post' | 'page';
  status?: PostStatus;
  /** Tag or section slug. */
  tag?: string;
  /** Author slug. */
  author?: string;
  format?: PostFormat;
  /** Words in the title. */
  q?: string;
  /** Trashed posts (in their undo window) instead of live ones. */
  trashed?: boolean;
}

/** A page of the list: `offset` posts after the position `after` (a previous page's `next`), or after the newest. */
export interface AdminPostPage {
  limit: number;
  offset: number;
  /** A previous page's `next`, checked by `timeCursor`. */
  after?: string;
}

/** The posts and pages someone with this scope sees; every admin read of posts narrows by it. */
export function visibleTo(scope: PostScope) {
  return (eb: ExpressionBuilder<Database, 'posts'>) => {
    if (scope.all) return eb.and([]);
    const seen = [];
    if (scope.authorId !== null) {
      seen.push(eb('posts.id', 'in', eb.selectFrom('post_authors').select('post_authors.post_id').where('post_authors.author_id', '=', scope.authorId)));
    }
    if (scope.published) seen.push(eb('posts.status', '=', 'published'));
    return eb.or(seen);
  };
}

function filtered(db: DbOrTx, filter: AdminPostFilter, scope: PostScope) {
  let query = db.selectFrom('posts').where('posts.type', '=', filter.type).where(visibleTo(scope));
  query = filter.trashed ? query.where('posts.id', 'in', db.selectFrom('trashed_posts').select('post_id')) : query.where('posts.id', 'not in', db.selectFrom('trashed_posts').select('post_id'));
  if (filter.status) query = query.where('posts.status', '=', filter.status);
  if (filter.format) query = query.where('posts.format', '=', filter.format);
  if (filter.tag) {
    query = query.where('posts.id', 'in', db.selectFrom('post_tags').innerJoin('tags', 'tags.id', 'post_tags.tag_id').select('post_tags.post_id').where('tags.slug', '=', filter.tag));
  }
  if (filter.author) {
    query = query.where('posts.id', 'in', db.selectFrom('post_authors').innerJoin('authors', 'authors.id', 'post_authors.author_id').select('post_authors.post_id').where('authors.slug', '=', filter.author));
  }
  if (filter.q) query = query.where(likeText('posts.title', filter.q, 'contains'));
  return query;
}

/**
 * Post ids for the admin list that the scope sees, most recently changed first, and how many match
 * in all; `next` is where this page ends when more posts follow.
 */
export async function listAdminPostIds(db: DbOrTx, filter: AdminPostFilter, scope: PostScope, page: AdminPostPage): Promise<{ ids: number[]; total: number; next: string | null }> {
  const after = page.after === undefined ? undefined : cursorPosition(page.after);
  let rows = filtered(db, filter, scope).select(['posts.id', 'posts.updated_at']);
  if (after) rows = rows.where((eb) => eb(eb.refTuple('posts.updated_at', 'posts.id'), '<', eb.tuple(after.at ?? '', after.id)));
  const [found, count] = await Promise.all([
    rows
      .orderBy('posts.updated_at', 'desc')
      .orderBy('posts.id', 'desc')
      .limit(page.limit + 1)
      .offset(page.offset)
      .execute(),
    filtered(db, filter, scope)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  const shown = found.slice(0, page.limit);
  const last = shown.at(-1);
  const next = found.length > page.limit && last ? encodeCursor({ id: last.id, at: last.updated_at }) : null;
  return { ids: shown.map((r) => r.id), total: Number(count.n), next };
}

/** Trashed posts whose undo window has closed. */
export async function purgeablePostIds(db: DbOrTx, now: string): Promise<number[]> {
  return (await db.selectFrom('trashed_posts').select('post_id').where('purge_at', '<=', now).execute()).map((r) => r.post_id);
}
