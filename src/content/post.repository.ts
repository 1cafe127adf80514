import { sql } from 'kysely';
import type { DbOrTx } from '../db/client.js';
import type { NewPostRow, PostRow } from '../db/tables.js';
import { loadNamedPeople, loadWorks } from '../reviews/index.js';
import { readingMinutes, makeExcerpt, type BodyFormat } from './render.js';
import { toAuthor, toTag } from './taxonomy.repository.js';
import type { Cursor, FeatureImage, ListFilter, Post, PostFormat, PostStatus, PostType, Visibility } from './post.types.js';

export type PostRowInput = Omit<NewPostRow, 'id' | 'created_at' | 'updated_at' | 'revision'>;

export async function insertPost(db: DbOrTx, row: PostRowInput, now: string): Promise<number> {
  const { id } = await db
    .insertInto('posts')
    .values({ ...row, created_at: now, updated_at: now, revision: 1 })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Writes a new version of a post if it is still at the revision the writer started from. */
export async function updatePost(db: DbOrTx, id: number, row: Partial<PostRowInput>, now: string, expectedRevision?: number): Promise<boolean> {
  let query = db
    .updateTable('posts')
    .set((eb) => ({ ...row, updated_at: now, revision: eb('revision', '+', 1) }))
    .where('id', '=', id);
  if (expectedRevision !== undefined) query = query.where('revision', '=', expectedRevision);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deletePost(db: DbOrTx, id: number): Promise<void> {
  await db.deleteFrom('posts').where('id', '=', id).execute();
}

export async function findPostRow(db: DbOrTx, by: { id: number } | { slug: string }): Promise<PostRow | undefined> {
  const query = db.selectFrom('posts').selectAll();
  return ('id' in by ? query.where('id', '=', by.id) : query.where('slug', '=', by.slug)).executeTakeFirst();
}

export async function slugExists(db: DbOrTx, slug: string, exceptId?: number): Promise<boolean> {
  let query = db.selectFrom('posts').select('id').where('slug', '=', slug);
  if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

/** What a link the post keeps takes from the row offered again: its position and listing key. */
const KEPT_LINK = { position: sql.ref<number>('excluded.position'), listed: sql.ref<number>('excluded.listed'), published_at: sql.ref<string | null>('excluded.published_at') };

/**
 * Sets a post's tags and authors, carrying its listing key into the link rows. Links it keeps are
 * updated in place (position, listing), so only links that come or go reach the search index.
 */
export async function setLinks(db: DbOrTx, postId: number, links: { tagIds: number[]; authorIds: number[]; listed: boolean; publishedAt: string | null }): Promise<void> {
  const listing = { listed: links.listed ? 1 : 0, published_at: links.publishedAt };
  let goneTags = db.deleteFrom('post_tags').where('post_id', '=', postId);
  if (links.tagIds.length > 0) goneTags = goneTags.where('tag_id', 'not in', links.tagIds);
  await goneTags.execute();
  await db.deleteFrom('post_authors').where('post_id', '=', postId).where('author_id', 'not in', links.authorIds).execute();
  if (links.tagIds.length > 0) {
    await db
      .insertInto('post_tags')
      .values(links.tagIds.map((tag_id, position) => ({ post_id: postId, tag_id, position, ...listing })))
      .onConflict((oc) => oc.columns(['post_id', 'tag_id']).doUpdateSet(KEPT_LINK))
      .execute();
  }
  await db
    .insertInto('post_authors')
    .values(links.authorIds.map((author_id, position) => ({ post_id: postId, author_id, position, ...listing })))
    .onConflict((oc) => oc.columns(['post_id', 'author_id']).doUpdateSet(KEPT_LINK))
    .execute();
}

/** Moves the listing key of a post's link rows after its status or date changed. */
export async function syncListing(db: DbOrTx, postId: number, listed: boolean, publishedAt: string | null): Promise<void> {
  const listing = { listed: listed ? 1 : 0, published_at: publishedAt };
  await db.updateTable('post_tags').set(listing).where('post_id', '=', postId).execute();
  await db.updateTable('post_authors').set(listing).where('post_id', '=', postId).execute();
}

export async function addRedirect(db: DbOrTx, oldSlug: string, postId: number, now: string): Promise<void> {
  await db
    .insertInto('slug_redirects')
    .values({ old_slug: oldSlug, post_id: postId, created_at: now })
    .onConflict((oc) => oc.column('old_slug').doUpdateSet({ post_id: postId, created_at: now }))
    .execute();
}

export async function removeRedirect(db: DbOrTx, slug: string): Promise<void> {
  await db.deleteFrom('slug_redirects').where('old_slug', '=', slug).execute();
}

export async function listRedirects(db: DbOrTx): Promise<Array<{ oldSlug: string; postId: number }>> {
  const rows = await db.selectFrom('slug_redirects').select(['old_slug', 'post_id']).orderBy('old_slug').execute();
  return rows.map((r) => ({ oldSlug: r.old_slug, postId: r.post_id }));
}

export async function anyPostExists(db: DbOrTx): Promise<boolean> {
  return (await db.selectFrom('posts').select('id').limit(1).executeTakeFirst()) !== undefined;
}

export async function allPostIds(db: DbOrTx): Promise<number[]> {
  return (await db.selectFrom('posts').select('id').orderBy('id').execute()).map((r) => r.id);
}

/** Where an old slug leads: the current slug of its post, only while that post is published. */
export async function findRedirect(db: DbOrTx, oldSlug: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('slug_redirects')
    .innerJoin('posts', 'posts.id', 'slug_redirects.post_id')
    .select('posts.slug')
    .where('slug_redirects.old_slug', '=', oldSlug)
    .where('posts.status', '=', 'published')
    .executeTakeFirst();
  return row?.slug;
}

/**
 * Ids of listed (published) posts, newest first. Section and author archives read the link
 * tables' own listing index; format and home archives, pages and combined filters read the posts
 * index.
 */
export async function listPostIds(db: DbOrTx, filter: ListFilter, page: { limit: number; after?: Cursor; offset?: number }): Promise<Array<{ id: number; publishedAt: string }>> {
  const { limit, after, offset } = page;
  let query = listing(db, filter);
  if (after) query = query.where((eb) => eb(eb.refTuple('published_at', 'id'), '<', eb.tuple(after.publishedAt, after.id)));
  const rows = await query
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .offset(offset ?? 0)
    .execute();
  return rows.map((r) => ({ id: r.id, publishedAt: r.published_at! }));
}

/**
 * Listed posts of a listing as (id, published_at), unordered; the caller orders and limits. Both
 * kinds are one subquery named `listed`, which both databases fold into the outer query, so the
 * listing index still serves the order and the seek.
 */
function listing(db: DbOrTx, filter: ListFilter) {
  const link = linkFilter(filter);
  let inner;
  if (link) {
    // Both link tables have the same listing columns; the tag table's types stand for either.
    inner = db
      .selectFrom(link.table as 'post_tags')
      .select(['post_id as id', 'published_at'])
      .where(link.column as 'tag_id', '=', link.id)
      .where('listed', '=', 1);
  } else {
    inner = publishedPosts(db, filter).select(['id', 'published_at']);
  }
  return db.selectFrom(inner.as('listed')).select(['listed.id', 'listed.published_at']);
}

export async function countListed(db: DbOrTx, filter: ListFilter): Promise<number> {
  const link = linkFilter(filter);
  if (link) {
    const row = await db
      .selectFrom(link.table as 'post_tags')
      .where(link.column as 'tag_id', '=', link.id)
      .where('listed', '=', 1)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
  const row = await publishedPosts(db, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

function publishedPosts(db: DbOrTx, filter: ListFilter) {
  let query = db
    .selectFrom('posts')
    .where('type', '=', filter.type ?? 'post')
    .where('status', '=', 'published');
  if (filter.format) query = query.where('format', '=', filter.format);
  // A literal, so SQLite can use the partial index of featured posts.
  if (filter.featured !== undefined) query = query.where('featured', '=', sql.lit(filter.featured ? 1 : 0));
  if (filter.tagId !== undefined) {
    const tagId = filter.tagId;
    query = query.where('id', 'in', (eb) => eb.selectFrom('post_tags').select('post_id').where('tag_id', '=', tagId));
  }
  if (filter.authorId !== undefined) {
    const authorId = filter.authorId;
    query = query.where('id', 'in', (eb) => eb.selectFrom('post_authors').select('post_id').where('author_id', '=', authorId));
  }
  if (filter.workId !== undefined) query = query.where('work_id', '=', filter.workId);
  if (filter.personId !== undefined) {
    const personId = filter.personId;
    query = query.where((eb) =>
      eb.or([eb('work_id', 'in', eb.selectFrom('work_credits').select('work_id').where('person_id', '=', personId)), eb('id', 'in', eb.selectFrom('post_people').select('post_id').where('person_id', '=', personId))]),
    );
  }
  return query;
}

/** The link table whose listing index answers the filter alone, when it names just one section or author. */
function linkFilter(filter: ListFilter) {
  const only = filter.format === undefined && filter.featured === undefined && filter.workId === undefined && filter.personId === undefined && (filter.type ?? 'post') === 'post';
  if (!only || (filter.tagId !== undefined && filter.authorId !== undefined)) return undefined;
  if (filter.tagId !== undefined) return { table: 'post_tags', column: 'tag_id', id: filter.tagId } as const;
  if (filter.authorId !== undefined) return { table: 'post_authors', column: 'author_id', id: filter.authorId } as const;
  return undefined;
}

/** Posts due to publish: scheduled with a time at or before now. */
export async function duePostIds(db: DbOrTx, now: string): Promise<number[]> {
  const rows = await db.selectFrom('posts').select('id').where('status', '=', 'scheduled').where('published_at', '<=', now).execute();
  return rows.map((r) => r.id);
}

/** Loads whole posts (tags, authors, review facts) in five queries at once, in the order of the ids. */
export async function loadPosts(db: DbOrTx, ids: number[]): Promise<Post[]> {
  if (ids.length === 0) return [];
  const [rows, links] = await Promise.all([db.selectFrom('posts').selectAll().where('id', 'in', ids).execute(), loadLinks(db, ids, { ofPosts: ids })]);
  const posts = assemble(rows, links);
  return ids.flatMap((id) => posts.get(id) ?? []);
}

/** Whole posts (tags, authors, review facts) from post rows already read, by id. */
export async function completePosts(db: DbOrTx, rows: PostRow[]): Promise<Map<number, Post>> {
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return new Map();
  return assemble(
    rows,
    await loadLinks(
      db,
      ids,
      rows.flatMap((r) => (r.work_id === null ? [] : [r.work_id])),
    ),
  );
}

/** The tags, authors, reviewed works and named people of some posts. */
async function loadLinks(db: DbOrTx, ids: number[], works: number[] | { ofPosts: number[] }) {
  const [tagRows, authorRows, workMap, people] = await Promise.all([
    db
      .selectFrom('post_tags')
      .innerJoin('tags', 'tags.id', 'post_tags.tag_id')
      .selectAll('tags')
      .select('post_tags.post_id')
      .where('post_tags.post_id', 'in', ids)
      .orderBy('post_tags.post_id')
      .orderBy('post_tags.position')
      .execute(),
    db
      .selectFrom('post_authors')
      .innerJoin('authors', 'authors.id', 'post_authors.author_id')
      .selectAll('authors')
      .select('post_authors.post_id')
      .where('post_authors.post_id', 'in', ids)
      .orderBy('post_authors.post_id')
      .orderBy('post_authors.position')
      .execute(),
    loadWorks(db, works),
    loadNamedPeople(db, ids),
  ]);
  return { tagRows, authorRows, works: workMap, people };
}

/** Posts from their rows and links; links of a post deleted between the reads are dropped. */
function assemble(rows: PostRow[], { tagRows, authorRows, works, people }: Awaited<ReturnType<typeof loadLinks>>): Map<number, Post> {
  const posts = new Map(rows.map((row) => [row.id, toPost(row)]));
  for (const { post_id, ...row } of tagRows) {
    const post = posts.get(post_id);
    const tag = toTag(row);
    if (tag.visibility === 'public') post?.tags.push(tag);
    else post?.internalTags.push(tag);
  }
  for (const { post_id, ...author } of authorRows) posts.get(post_id)?.authors.push(toAuthor(author));
  for (const row of rows) {
    const post = posts.get(row.id)!;
    post.primaryTag = post.tags.find((t) => t.id === row.primary_tag_id) ?? null;
    post.people = people.get(row.id) ?? [];
    const work = row.work_id === null ? undefined : works.get(row.work_id);
    if (work) {
      post.review = {
        work,
        rating: row.rating_value !== null && row.rating_scale !== null ? { value: row.rating_value, scale: row.rating_scale } : null,
        verdict: row.verdict,
      };
    }
  }
  return posts;
}

function toPost(row: PostRow): Post {
  const featureImage: FeatureImage | null = row.feature_image_url
    ? {
        url: row.feature_image_url,
        alt: row.feature_image_alt ?? '',
        caption: row.feature_image_caption,
        credit: row.feature_image_credit,
      }
    : null;
  return {
    id: row.id,
    type: row.type as PostType,
    slug: row.slug,
    title: row.title,
    excerpt: row.excerpt || makeExcerpt(row.plaintext),
    customExcerpt: row.excerpt,
    bodyFormat: row.body_format as BodyFormat,
    body: row.body_source,
    html: row.html,
    plaintext: row.plaintext,
    wordCount: row.word_count,
    readingMinutes: readingMinutes(row.word_count),
    format: row.format as PostFormat,
    status: row.status as PostStatus,
    visibility: row.visibility as Visibility,
    featured: row.featured === 1,
    publishedAt: row.published_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    revision: row.revision,
    primaryTag: null,
    tags: [],
    internalTags: [],
    authors: [],
    featureImage,
    seoTitle: row.seo_title,
    seoDescription: row.seo_description,
    canonicalUrl: row.canonical_url,
    contentNotes: JSON.parse(row.content_notes) as string[],
    review: null,
    people: [],
  };
}
