import type { ExpressionBuilder } from 'kysely';
import type { DbOrTx } from '../db/client.js';
import { likeText } from '../db/like.js';
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
  query = filter.trashed
    ? query.where('posts.id', 'in', db.selectFrom('trashed_posts').select('post_id'))
    : query.where('posts.id', 'not in', db.selectFrom('trashed_posts').select('post_id'));
  if (filter.status) query = query.where('posts.status', '=', filter.status);
  if (filter.format) query = query.where('posts.format', '=', filter.format);
  if (filter.tag) {
    query = query.where('posts.id', 'in', db.selectFrom('post_tags').innerJoin('tags', 'tags.id', 'post_tags.tag_id').select('post_tags.post_id').where('tags.slug', '=', filter.tag));
  }
  if (filter.author) {
    query = query.where(
      'posts.id',
      'in',
      db.selectFrom('post_authors').innerJoin('authors', 'authors.id', 'post_authors.author_id').select('post_authors.post_id').where('authors.slug', '=', filter.author),
    );
  }
  if (filter.q) query = query.where(likeText('posts.title', filter.q, 'contains'));
  return query;
}

/** Post ids for the admin list that the scope sees, most recently changed first, and how many match in all. */
export async function listAdminPostIds(
  db: DbOrTx,
  filter: AdminPostFilter,
  scope: PostScope,
  page: { limit: number; offset: number },
): Promise<{ ids: number[]; total: number }> {
  const [rows, count] = await Promise.all([
    filtered(db, filter, scope).select('posts.id').orderBy('posts.updated_at', 'desc').orderBy('posts.id', 'desc').limit(page.limit).offset(page.offset).execute(),
    filtered(db, filter, scope).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { ids: rows.map((r) => r.id), total: Number(count.n) };
}

/** Trashed posts whose undo window has closed. */
export async function purgeablePostIds(db: DbOrTx, now: string): Promise<number[]> {
  return (await db.selectFrom('trashed_posts').select('post_id').where('purge_at', '<=', now).execute()).map((r) => r.post_id);
}
