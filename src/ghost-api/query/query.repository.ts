import { sql, type Expression, type SqlBool } from 'kysely';
import type { DbOrTx } from '../../db/client.js';
import type { AuthorRow, MemberRow, TagRow } from '../../db/tables.js';
import { compileFilter } from './compile.js';
import { expressionOf, resources, type Builder, type Resource, type ScalarField } from './fields.js';
import type { FilterNode } from './nql.js';

/** Which rows a list starts from, before any filter: what its readers may see at all. */
export const scopes = {
  publishedPosts: { resource: resources.posts, base: (eb: Builder) => eb.and([eb('posts.type', '=', 'post'), eb('posts.status', '=', 'published')]) },
  publishedPages: { resource: resources.pages, base: (eb: Builder) => eb.and([eb('posts.type', '=', 'page'), eb('posts.status', '=', 'published')]) },
  livePosts: { resource: resources.adminPosts, base: (eb: Builder) => eb.and([eb('posts.type', '=', 'post'), notTrashed(eb)]) },
  livePages: { resource: resources.adminPages, base: (eb: Builder) => eb.and([eb('posts.type', '=', 'page'), notTrashed(eb)]) },
  tags: { resource: resources.tags, base: undefined },
  // As in Ghost, the Content API never lists internal tags, whatever the filter says.
  publicTags: { resource: resources.tags, base: (eb: Builder) => eb('tags.visibility', '=', 'public') },
  authors: { resource: resources.authors, base: undefined },
  activeTiers: { resource: resources.tiers, base: (eb: Builder) => eb('plans.active', '=', 1) },
  members: { resource: resources.members, base: undefined },
  allTiers: { resource: resources.tiers, base: undefined },
  newsletters: { resource: resources.newsletters, base: undefined },
  // Invitations not yet taken are not users yet, as in Ghost (where they are invites).
  staff: { resource: resources.users, base: (eb: Builder) => eb('users.status', '!=', 'invited') },
  staffWithoutEmail: { resource: resources.usersWithoutEmail, base: (eb: Builder) => eb('users.status', '!=', 'invited') },
} satisfies Record<string, { resource: Resource; base: ((eb: Builder) => Expression<SqlBool>) | undefined }>;

export type ScopeName = keyof typeof scopes;

/** Posts in their undo window after a delete are gone for every API. */
function notTrashed(eb: Builder): Expression<SqlBool> {
  return eb('posts.id', 'not in', eb.selectFrom('trashed_posts').select('trashed_posts.post_id'));
}

/** An extra condition on a list's rows, beyond its scope and filter. */
export type Narrowing = (eb: Builder) => Expression<SqlBool>;

export interface ListQuery {
  filter?: FilterNode;
  within?: Narrowing;
  order: Array<{ field: ScalarField; direction: 'asc' | 'desc' }>;
  limit: number;
  offset: number;
}

/** Ids of one page of a list, in order, and how many rows the whole list has. */
export async function listIds(db: DbOrTx, scopeName: ScopeName, query: ListQuery): Promise<{ ids: number[]; total: number }> {
  const scope = scopes[scopeName];
  const table = scope.resource.table;
  const where = (eb: Builder): Expression<SqlBool> => {
    const parts: Array<Expression<SqlBool>> = [];
    if (scope.base) parts.push(scope.base(eb));
    if (query.within) parts.push(query.within(eb));
    if (query.filter) parts.push(compileFilter(eb, scope.resource, query.filter));
    return eb.and(parts);
  };
  const from = () => db.selectFrom(table as 'posts').where(where);
  let page = from().select(sql.ref<number>(`${table}.id`).as('id'));
  for (const { field, direction } of query.order) {
    page = page.orderBy(
      (eb) => expressionOf(eb, field),
      (ob) => (direction === 'asc' ? ob.asc().nullsFirst() : ob.desc().nullsLast()),
    );
  }
  page = page.orderBy(sql.ref(`${table}.id`), 'desc');
  const [rows, count] = await Promise.all([
    page.limit(query.limit).offset(query.offset).execute(),
    from()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { ids: rows.map((r) => Number(r.id)), total: Number(count.n) };
}

/** The id of the item in the scope with this id or slug, if any. */
export async function findId(db: DbOrTx, scopeName: ScopeName, by: { id: number } | { slug: string }): Promise<number | undefined> {
  const scope = scopes[scopeName];
  const table = scope.resource.table;
  const row = await db
    .selectFrom(table as 'tags')
    .select(sql.ref<number>(`${table}.id`).as('id'))
    .where((eb) => {
      const match = 'id' in by ? eb(sql.ref(`${table}.id`), '=', by.id) : eb(sql.ref(`${table}.slug`), '=', by.slug);
      return scope.base ? eb.and([scope.base(eb), match]) : match;
    })
    .executeTakeFirst();
  return row ? Number(row.id) : undefined;
}

function inOrder<T extends { id: number }>(rows: T[], ids: number[]): T[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function tagRows(db: DbOrTx, ids: number[]): Promise<TagRow[]> {
  if (ids.length === 0) return [];
  return inOrder(await db.selectFrom('tags').selectAll().where('id', 'in', ids).execute(), ids);
}

export async function authorRows(db: DbOrTx, ids: number[]): Promise<AuthorRow[]> {
  if (ids.length === 0) return [];
  return inOrder(await db.selectFrom('authors').selectAll().where('id', 'in', ids).execute(), ids);
}

export async function memberRows(db: DbOrTx, ids: number[]): Promise<MemberRow[]> {
  if (ids.length === 0) return [];
  return inOrder(await db.selectFrom('members').selectAll().where('id', 'in', ids).execute(), ids);
}

/** Published posts per tag or author (the `count.posts` Ghost's clients ask for). */
export async function publishedPostCounts(db: DbOrTx, of: 'tags' | 'authors', ids: number[]): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  const rows =
    of === 'tags'
      ? await db
          .selectFrom('post_tags')
          .select(['tag_id as id', (eb) => eb.fn.countAll<number>().as('n')])
          .where('tag_id', 'in', ids)
          .where('listed', '=', 1)
          .groupBy('tag_id')
          .execute()
      : await db
          .selectFrom('post_authors')
          .select(['author_id as id', (eb) => eb.fn.countAll<number>().as('n')])
          .where('author_id', 'in', ids)
          .where('listed', '=', 1)
          .groupBy('author_id')
          .execute();
  return new Map(rows.map((r) => [r.id, Number(r.n)]));
}

/** Staff members with the byline (author profile) each writes under, if any. */
export async function staffRows(db: DbOrTx, ids: number[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('users')
    .leftJoin('authors', 'authors.id', 'users.author_id')
    .select(['users.id', 'users.email', 'users.name', 'users.role', 'users.status', 'users.created_at', 'users.updated_at'])
    .select(['authors.slug', 'authors.bio', 'authors.photo_url', 'authors.website'])
    .where('users.id', 'in', ids)
    .execute();
  return inOrder(rows, ids);
}

export type StaffRow = Awaited<ReturnType<typeof staffRows>>[number];
