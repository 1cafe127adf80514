import type { Clock } from '../clock.js';
import { inTransaction, type Db, type Tx } from '../db/client.js';
import { isUniqueViolationOf } from '../db/errors.js';
import { AppError } from '../errors/app-error.js';
import { parseInput } from '../errors/validate.js';
import type { JobQueue } from '../jobs/index.js';
import { namePeople, resolveWork, type WorkChangeCheck } from '../reviews/index.js';
import type { ContentEvents } from './content.events.js';
import * as repo from './post.repository.js';
import { postInput, type PostInput } from './post.schema.js';
import type { Cursor, ListFilter, Post, PostPage, PostType } from './post.types.js';
import { renderBody } from './render.js';
import { findAuthorsBySlugs, findTagsBySlugs } from './taxonomy.repository.js';
import { slugify } from './text.js';

export const PUBLISH_JOB = 'post.publish';

export interface PostServiceDeps {
  db: Db;
  jobs: JobQueue;
  clock: Clock;
  events: ContentEvents;
}

/** How a save may touch the library: `workChange` is asked before it changes a work already there. */
interface WriteOptions {
  workChange?: WorkChangeCheck;
}

export type PublicLookup = { kind: 'post'; post: Post } | { kind: 'redirect'; slug: string } | { kind: 'gone' } | { kind: 'missing' };

/** Posts and pages: validation, slugs, rendering, status changes and scheduling. */
export class PostService {
  constructor(private readonly deps: PostServiceDeps) {}

  async create(input: unknown, options: WriteOptions = {}): Promise<Post> {
    const data = parseInput(postInput, input);
    const id = await this.write(async (tx, now) => {
      const slug = data.slug ?? (await uniqueSlug(tx, slugify(data.title)));
      const row = await this.toRow(tx, data, slug, now, options);
      const postId = await repo.insertPost(tx, row.post, now);
      await this.afterWrite(tx, postId, data, row, now);
      return postId;
    });
    const post = await this.get(id);
    this.deps.events.emit({ kind: 'post', id, slugs: [post.slug], status: { before: null, after: post.status }, post });
    return post;
  }

  /**
   * Applies a partial change: fields given replace the current ones, and a field given as null
   * is cleared (its default applies). With expectedRevision the write only lands if nobody saved
   * the post in between; otherwise REVISION_CONFLICT.
   */
  async update(id: number, patch: unknown, options: WriteOptions & { expectedRevision?: number } = {}): Promise<Post> {
    const current = await this.get(id);
    if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
      throw AppError.validation([{ field: '(input)', message: 'must be an object of fields to change' }]);
    }
    const merged: Record<string, unknown> = { ...toInput(current) };
    for (const [field, value] of Object.entries(patch)) {
      if (value === null) delete merged[field];
      else merged[field] = value;
    }
    const data = parseInput(postInput, merged);
    await this.write(async (tx, now) => {
      const slug = data.slug ?? current.slug;
      const row = await this.toRow(tx, data, slug, now, options);
      const saved = await repo.updatePost(tx, id, row.post, now, options.expectedRevision);
      if (!saved) {
        throw new AppError('REVISION_CONFLICT', `Someone else saved "${current.title}" since you opened it.`);
      }
      // Only an address readers could visit leads on to the new one: a redirect from the slug of a
      // scheduled or unpublished piece would reveal its new slug before it is out.
      if (slug !== current.slug && current.status === 'published') {
        await repo.addRedirect(tx, current.slug, id, now);
      }
      await this.afterWrite(tx, id, data, row, now);
    });
    const post = await this.get(id);
    this.deps.events.emit({ kind: 'post', id, slugs: [...new Set([current.slug, post.slug])], status: { before: current.status, after: post.status }, post });
    return post;
  }

  /** Publishes now, or at a given past time; a post scheduled for later is brought forward to now. */
  async publish(id: number, at?: string): Promise<Post> {
    const current = await this.get(id);
    const now = this.deps.clock().toISOString();
    const kept = current.publishedAt !== null && current.publishedAt <= now ? current.publishedAt : now;
    return this.update(id, { status: 'published', publishedAt: at ?? kept });
  }

  schedule(id: number, at: string): Promise<Post> {
    return this.update(id, { status: 'scheduled', publishedAt: at });
  }

  unpublish(id: number): Promise<Post> {
    return this.update(id, { status: 'draft' });
  }

  archive(id: number): Promise<Post> {
    return this.update(id, { status: 'archived' });
  }

  async delete(id: number): Promise<void> {
    const current = await this.get(id);
    await inTransaction(this.deps.db, async (tx) => {
      await this.deps.jobs.cancel(tx, `${PUBLISH_JOB}:${id}`);
      await repo.deletePost(tx, id);
    });
    this.deps.events.emit({ kind: 'post', id, slugs: [current.slug], status: { before: current.status, after: null }, post: current });
  }

  async get(id: number): Promise<Post> {
    const [post] = await repo.loadPosts(this.deps.db, [id]);
    if (!post) throw new AppError('POST_NOT_FOUND', `No post has the id ${id}.`);
    return post;
  }

  async getBySlug(slug: string): Promise<Post> {
    const row = await repo.findPostRow(this.deps.db, { slug });
    if (!row) throw new AppError('POST_NOT_FOUND', `No post has the slug "${slug}".`);
    return this.get(row.id);
  }

  /** A published post or page by id or slug; anything else (drafts, the other type) is not found. */
  async getPublished(by: { id: number } | { slug: string }, type: PostType): Promise<Post> {
    const row = await repo.findPostRow(this.deps.db, by);
    if (!row || row.status !== 'published' || row.type !== type) {
      const what = 'id' in by ? `the id ${by.id}` : `the slug "${by.slug}"`;
      throw new AppError('POST_NOT_FOUND', `No published ${type} has ${what}.`);
    }
    return (await repo.loadPosts(this.deps.db, [row.id]))[0]!;
  }

  /** What a reader gets at /:slug/: the published post or page, a redirect from an old slug, or gone. */
  async lookupPublic(slug: string): Promise<PublicLookup> {
    const row = await repo.findPostRow(this.deps.db, { slug });
    if (row?.status === 'published') return { kind: 'post', post: (await repo.completePosts(this.deps.db, [row])).get(row.id)! };
    if (row?.status === 'archived') return { kind: 'gone' };
    if (row) return { kind: 'missing' };
    const target = await repo.findRedirect(this.deps.db, slug);
    return target ? { kind: 'redirect', slug: target } : { kind: 'missing' };
  }

  /** Published posts, newest first, after a cursor (keyset) or at an offset (numbered pages). */
  async list(filter: ListFilter, page: { limit: number; after?: Cursor; offset?: number }): Promise<PostPage> {
    const rows = await repo.listPostIds(this.deps.db, filter, { ...page, limit: page.limit + 1 });
    const more = rows.length > page.limit;
    const shown = rows.slice(0, page.limit);
    const posts = await repo.loadPosts(
      this.deps.db,
      shown.map((r) => r.id),
    );
    const last = shown.at(-1);
    return { posts, next: more && last ? { publishedAt: last.publishedAt, id: last.id } : null };
  }

  /** The key of the post a number of places down a listing, from its start or after a cursor; null past the end. */
  async keyAt(filter: ListFilter, place: { after?: Cursor; offset: number }): Promise<Cursor | null> {
    const [row] = await repo.listPostIds(this.deps.db, filter, { limit: 1, ...place });
    return row ? { publishedAt: row.publishedAt, id: row.id } : null;
  }

  count(filter: ListFilter): Promise<number> {
    return repo.countListed(this.deps.db, filter);
  }

  /** True when the site has no posts or pages at all. */
  async isEmpty(): Promise<boolean> {
    return !(await repo.anyPostExists(this.deps.db));
  }

  /** Old slugs that lead to each post, for export. */
  redirects(): Promise<Array<{ oldSlug: string; postId: number }>> {
    return repo.listRedirects(this.deps.db);
  }

  /** Makes old addresses lead to a post (used when a site moves in). */
  async addRedirects(postId: number, oldSlugs: string[]): Promise<void> {
    const now = this.deps.clock().toISOString();
    await inTransaction(this.deps.db, async (tx) => {
      for (const slug of oldSlugs) await repo.addRedirect(tx, slug, postId, now);
    });
  }

  /** Every post and page id, oldest first, for export. */
  allIds(): Promise<number[]> {
    return repo.allPostIds(this.deps.db);
  }

  load(ids: number[]): Promise<Post[]> {
    return repo.loadPosts(this.deps.db, ids);
  }

  /** Publishes one scheduled post if its time has come. The scheduler's job calls this. */
  async publishScheduled(id: number): Promise<boolean> {
    const now = this.deps.clock().toISOString();
    const published = await inTransaction(this.deps.db, async (tx) => {
      const row = await repo.findPostRow(tx, { id });
      if (!row || row.status !== 'scheduled' || row.published_at === null || row.published_at > now) return null;
      await repo.updatePost(tx, id, { status: 'published' }, now);
      await repo.syncListing(tx, id, row.type === 'post', row.published_at);
      return row.slug;
    });
    if (published) this.deps.events.emit({ kind: 'post', id, slugs: [published], status: { before: 'scheduled', after: 'published' }, post: await this.get(id) });
    return published !== null;
  }

  /** Publishes every scheduled post whose time has passed (e.g. while the server was down). */
  async publishDue(): Promise<number> {
    const ids = await repo.duePostIds(this.deps.db, this.deps.clock().toISOString());
    let count = 0;
    for (const id of ids) if (await this.publishScheduled(id)) count += 1;
    return count;
  }

  private async write<T>(work: (tx: Tx, now: string) => Promise<T>): Promise<T> {
    try {
      return await inTransaction(this.deps.db, (tx) => work(tx, this.deps.clock().toISOString()));
    } catch (error) {
      if (isUniqueViolationOf(error, 'posts', 'slug')) {
        throw new AppError('SLUG_TAKEN', 'Another post or page already uses that slug.', [{ field: 'slug', message: 'is already taken' }]);
      }
      throw error;
    }
  }

  private async toRow(tx: Tx, data: PostInput, slug: string, now: string, options: WriteOptions) {
    const [tags, authors] = await Promise.all([findTagsBySlugs(tx, data.tags), findAuthorsBySlugs(tx, data.authors)]);
    const tagBySlug = new Map(tags.map((t) => [t.slug, t.id]));
    const publicTags = new Set(tags.filter((t) => t.visibility === 'public').map((t) => t.id));
    const authorBySlug = new Map(authors.map((a) => [a.slug, a.id]));
    const problems = [
      ...data.tags.flatMap((s, i) => (tagBySlug.has(s) ? [] : [{ field: `tags.${i}`, message: `no tag has the slug "${s}"` }])),
      ...data.authors.flatMap((s, i) => (authorBySlug.has(s) ? [] : [{ field: `authors.${i}`, message: `no author has the slug "${s}"` }])),
    ];
    let publishedAt = data.publishedAt ?? null;
    if (data.status === 'published' && publishedAt === null) publishedAt = now;
    if (data.status === 'scheduled' && publishedAt !== null && publishedAt <= now) {
      problems.push({ field: 'publishedAt', message: 'must be in the future to schedule; publish instead' });
    }
    if (data.status === 'published' && publishedAt !== null && publishedAt > now) {
      problems.push({ field: 'publishedAt', message: 'is in the future; schedule the post instead' });
    }
    if (problems.length > 0) throw AppError.validation(problems);

    const body = renderBody(data.bodyFormat, data.body);
    const workId = data.review ? await resolveWork(tx, data.review.work, now, options.workChange) : null;
    const tagIds = data.tags.map((s) => tagBySlug.get(s)!);
    const post: repo.PostRowInput = {
      type: data.type,
      slug,
      title: data.title,
      excerpt: data.excerpt,
      body_format: data.bodyFormat,
      body_source: data.body,
      html: body.html,
      plaintext: body.plaintext,
      word_count: body.wordCount,
      format: data.format,
      status: data.status,
      visibility: data.visibility,
      featured: data.featured ? 1 : 0,
      primary_tag_id: tagIds.find((id) => publicTags.has(id)) ?? null,
      feature_image_url: data.featureImage?.url ?? null,
      feature_image_alt: data.featureImage?.alt ?? null,
      feature_image_caption: data.featureImage?.caption || null,
      feature_image_credit: data.featureImage?.credit || null,
      seo_title: data.seoTitle || null,
      seo_description: data.seoDescription || null,
      canonical_url: data.canonicalUrl ?? null,
      content_notes: JSON.stringify(data.contentNotes),
      work_id: workId,
      rating_value: data.review?.rating?.value ?? null,
      rating_scale: data.review?.rating?.scale ?? null,
      verdict: data.review?.verdict || null,
      published_at: publishedAt,
    };
    return { post, tagIds, authorIds: data.authors.map((s) => authorBySlug.get(s)!) };
  }

  private async afterWrite(tx: Tx, postId: number, data: PostInput, row: { post: repo.PostRowInput; tagIds: number[]; authorIds: number[] }, now: string): Promise<void> {
    await namePeople(tx, postId, data.people ?? [], now);
    await repo.setLinks(tx, postId, {
      tagIds: row.tagIds,
      authorIds: row.authorIds,
      listed: data.type === 'post' && data.status === 'published',
      publishedAt: row.post.published_at ?? null,
    });
    // A post that now owns this slug must not be shadowed by an old redirect.
    await repo.removeRedirect(tx, row.post.slug);
    const key = `${PUBLISH_JOB}:${postId}`;
    if (data.status === 'scheduled') {
      await this.deps.jobs.enqueue(tx, { name: PUBLISH_JOB, key, payload: { postId }, runAt: row.post.published_at! });
    } else {
      await this.deps.jobs.cancel(tx, key);
    }
  }
}

async function uniqueSlug(tx: Tx, base: string): Promise<string> {
  let candidate = base;
  for (let n = 2; await repo.slugExists(tx, candidate); n += 1) candidate = `${base}-${n}`;
  return candidate;
}

/** The input that would recreate a post as it is now; updates merge their changes into it. */
export function toInput(post: Post): PostInput {
  return {
    type: post.type,
    title: post.title,
    slug: post.slug,
    excerpt: post.customExcerpt,
    body: post.body,
    bodyFormat: post.bodyFormat,
    format: post.format,
    status: post.status,
    visibility: post.visibility,
    featured: post.featured,
    publishedAt: post.publishedAt ?? undefined,
    tags: [...post.tags, ...post.internalTags].map((t) => t.slug),
    authors: post.authors.map((a) => a.slug),
    featureImage: post.featureImage
      ? {
          url: post.featureImage.url,
          alt: post.featureImage.alt,
          caption: post.featureImage.caption ?? undefined,
          credit: post.featureImage.credit ?? undefined,
        }
      : undefined,
    seoTitle: post.seoTitle ?? undefined,
    seoDescription: post.seoDescription ?? undefined,
    canonicalUrl: post.canonicalUrl ?? undefined,
    contentNotes: post.contentNotes,
    review: post.review
      ? {
          work: { slug: post.review.work.slug },
          rating: post.review.rating ?? undefined,
          verdict: post.review.verdict ?? undefined,
        }
      : undefined,
    people: post.people.map((p) => ({ name: p.person.name, slug: p.person.slug, role: p.role })),
  };
}
