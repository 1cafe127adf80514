import type { Clock } from '../clock.js';
import { ContentEvents, PostService, postInput, slugify, toInput, type ContentChange, type Post, type PostInput, type TaxonomyService } from '../content/index.js';
import { inTransaction, type Db, type Tx } from '../db/client.js';
import { AppError } from '../errors/app-error.js';
import type { JobQueue } from '../jobs/index.js';
import { atLeast, authorize, can, postScope, UserService, type OwnedPost, type StaffUser } from '../staff/index.js';
import { authorSlugById } from './byline.repository.js';
import { peopleByPrefix, worksByPrefix } from './lookup.repository.js';
import { listAdminPostIds, purgeablePostIds, type AdminPostFilter, type AdminPostPage } from './post-list.repository.js';
import * as revisions from './revision.repository.js';
import * as trash from './trash.repository.js';

export const PURGE_JOB = 'post.purge';
/** How long a deleted post can be brought back before it is gone for good. */
export const UNDO_WINDOW_MS = 10 * 60 * 1000;
/** Saves by one person within this time fold into one revision, so autosave does not flood the history. */
export const REVISION_MERGE_MS = 60_000;
/** Revisions kept in full; older ones thin out to one an hour. */
export const KEPT_REVISIONS = 50;

export interface EditorialDeps {
  db: Db;
  jobs: JobQueue;
  clock: Clock;
  events: ContentEvents;
  posts: PostService;
  taxonomy: TaxonomyService;
  users: UserService;
}

/**
 * The newsroom's view of posts and pages: who may see and do what to which piece (asking the staff
 * policy), revision history, optimistic concurrency, and delete with an undo window.
 */
export class EditorialService {
  constructor(private readonly deps: EditorialDeps) {}

  /** The posts (or pages, or deleted ones) the user may see, with the total they may see. */
  async list(filter: AdminPostFilter, page: AdminPostPage, user: StaffUser): Promise<{ posts: Post[]; total: number; next: string | null }> {
    const { ids, total, next } = await listAdminPostIds(this.deps.db, filter, postScope(user), page);
    return { posts: await this.deps.posts.load(ids), total, next };
  }

  async get(id: number, user: StaffUser): Promise<Post> {
    const post = await this.deps.posts.get(id);
    authorize(user, { do: 'post.read', post: owned(post) });
    if (await trash.findTrashed(this.deps.db, id)) throw deletedError(id);
    return post;
  }

  async create(input: unknown, user: StaffUser): Promise<Post> {
    const fields = asObject(input);
    const type = fields.type === 'page' ? 'page' : 'post';
    authorize(user, type === 'page' ? { do: 'page.manage' } : { do: 'post.create' });
    const byline = await this.byline(user, fields.authors);
    if (byline) fields.authors = byline.authors;
    const status = typeof fields.status === 'string' ? fields.status : 'draft';
    if (status !== 'draft') authorize(user, { do: 'post.publish', post: { type, status, authorIds: byline ? [byline.ownId] : [] } });
    return this.transaction(async (posts, tx, now) => {
      const post = await posts.create(fields, { workChange: mayChangeWorks(user) });
      await this.record(tx, post, user, now);
      return post;
    });
  }

  /**
   * Saves changes. With `revision`, the save lands only if nobody saved in between; a retry of a
   * save that already landed (e.g. after signing in again) answers the saved post.
   */
  async save(id: number, patch: unknown, options: { revision?: number; user: StaffUser }): Promise<Post> {
    const changes = asObject(patch);
    const { user } = options;
    if ('authors' in changes) {
      // Refused saves must not reach the byline, which may make the user an author profile.
      authorizeSave(user, await this.deps.posts.get(id), changes);
      const byline = await this.byline(user, changes.authors);
      if (byline) changes.authors = byline.authors;
    }
    return this.transaction(async (posts, tx, now) => {
      const current = await this.live(posts, tx, id);
      authorizeSave(user, current, changes);
      if (options.revision !== undefined && options.revision !== current.revision) {
        if (await this.alreadySaved(tx, current, changes, user)) return current;
        throw await this.conflict(current, options.revision, tx);
      }
      const saved = await posts.update(id, changes, { expectedRevision: current.revision, workChange: mayChangeWorks(user) });
      await this.record(tx, saved, user, now);
      return saved;
    });
  }

  publish(id: number, user: StaffUser, at?: string): Promise<Post> {
    return this.changeStatus(id, user, (posts) => posts.publish(id, at));
  }

  schedule(id: number, user: StaffUser, at: string): Promise<Post> {
    return this.changeStatus(id, user, (posts) => posts.schedule(id, at));
  }

  unpublish(id: number, user: StaffUser): Promise<Post> {
    return this.changeStatus(id, user, (posts) => posts.unpublish(id));
  }

  /** Takes a post off the site and out of the lists; it can be restored until `purgeAt`. */
  async trash(id: number, user: StaffUser): Promise<{ post: Post; purgeAt: string }> {
    return this.transaction(async (posts, tx, now) => {
      const current = await this.live(posts, tx, id);
      authorize(user, current.type === 'page' ? { do: 'page.manage' } : { do: 'post.delete', post: owned(current) });
      const purgeAt = new Date(new Date(now).getTime() + UNDO_WINDOW_MS).toISOString();
      const post = current.status === 'draft' ? current : await posts.update(id, { status: 'draft' });
      const binned = await trash.insertTrashed(tx, {
        postId: id,
        previousStatus: current.status,
        previousPublishedAt: current.publishedAt,
        userId: user.id,
        deletedAt: now,
        purgeAt,
      });
      if (!binned) throw deletedError(id);
      await this.deps.jobs.enqueue(tx, { name: PURGE_JOB, key: `${PURGE_JOB}:${id}`, payload: { postId: id }, runAt: purgeAt });
      return { post, purgeAt };
    });
  }

  /**
   * Undoes a delete within the undo window: the post returns to where it was (published,
   * scheduled …) when the user may put it there, and otherwise (a contributor's own piece that
   * an editor had published) as a draft.
   */
  async untrash(id: number, user: StaffUser): Promise<Post> {
    return this.transaction(async (posts, tx, now) => {
      const entry = await trash.findTrashed(tx, id);
      const gone = () => new AppError('POST_NOT_FOUND', `Post ${id} is not in the trash; its undo window may have passed, or someone restored it.`);
      if (!entry) throw gone();
      const current = await posts.get(id);
      authorize(user, current.type === 'page' ? { do: 'page.manage' } : { do: 'post.delete', post: owned(current) });
      // Whoever takes the entry out of the bin restores the post; a restore running alongside finds it gone.
      if (!(await trash.removeTrashed(tx, id))) throw gone();
      await this.deps.jobs.cancel(tx, `${PURGE_JOB}:${id}`);
      if (!can(user, { do: 'post.publish', post: owned(current) })) return current;
      const at = entry.previousPublishedAt ?? undefined;
      switch (entry.previousStatus) {
        case 'published':
          return posts.publish(id, at);
        case 'scheduled':
          return at && at > now ? posts.schedule(id, at) : posts.publish(id);
        case 'archived':
          return posts.archive(id);
        default:
          return current;
      }
    });
  }

  /** Existing works as the editor types a title, so a review reuses the work instead of duplicating it. */
  suggestWorks(prefix: string, limit: number) {
    return worksByPrefix(this.deps.db, prefix, limit);
  }

  suggestPeople(prefix: string, limit: number) {
    return peopleByPrefix(this.deps.db, prefix, limit);
  }

  /** Deletes for good the trashed posts whose undo window has closed. The purge job calls this. */
  async purgeDue(): Promise<number> {
    const ids = await purgeablePostIds(this.deps.db, this.deps.clock().toISOString());
    for (const id of ids) await this.deps.posts.delete(id);
    return ids.length;
  }

  async revisions(id: number, user: StaffUser): Promise<revisions.RevisionRow[]> {
    await this.history(id, user);
    return revisions.listRevisions(this.deps.db, id);
  }

  async revision(id: number, revisionId: number, user: StaffUser): Promise<revisions.RevisionWithSnapshot> {
    await this.history(id, user);
    const found = await revisions.findRevision(this.deps.db, id, revisionId);
    if (!found) throw new AppError('REVISION_NOT_FOUND', `Post ${id} has no revision ${revisionId}.`);
    return found;
  }

  /** Brings back a revision's content as a new save; status and publication time stay as they are. */
  async restoreRevision(id: number, revisionId: number, options: { revision?: number; user: StaffUser }): Promise<Post> {
    const { snapshot } = await this.revision(id, revisionId, options.user);
    const { status: _status, publishedAt: _publishedAt, type: _type, ...content } = snapshot;
    return this.save(id, content, options);
  }

  /** Refuses unless the user may see the post's earlier versions. */
  private async history(id: number, user: StaffUser): Promise<void> {
    authorize(user, { do: 'post.history', post: owned(await this.get(id, user)) });
  }

  private async changeStatus(id: number, user: StaffUser, change: (posts: PostService) => Promise<Post>): Promise<Post> {
    return this.transaction(async (posts, tx, now) => {
      const current = await this.live(posts, tx, id);
      authorize(user, current.type === 'page' ? { do: 'page.manage' } : { do: 'post.publish', post: owned(current) });
      const saved = await change(posts);
      await this.record(tx, saved, user, now);
      return saved;
    });
  }

  /**
   * For people who may only write under their own name: their author profile, made on first use.
   * Runs outside transactions (it may create the profile).
   */
  private async byline(user: StaffUser, requested: unknown): Promise<{ ownId: number; authors: unknown } | undefined> {
    if (atLeast(user.role, 'editor')) return undefined;
    let authorId = user.authorId;
    let slug = authorId === null ? undefined : await authorSlugById(this.deps.db, authorId);
    if (authorId === null || slug === undefined) {
      const author = await this.createAuthorFor(user);
      await this.deps.users.linkAuthor(user.id, author.id);
      user.authorId = author.id;
      authorId = author.id;
      slug = author.slug;
    }
    if (requested === undefined || (Array.isArray(requested) && requested.length === 0)) return { ownId: authorId, authors: [slug] };
    if (!Array.isArray(requested) || !requested.includes(slug)) {
      throw AppError.validation([{ field: 'authors', message: `must include you (${slug}); your role writes only under your own name` }]);
    }
    return { ownId: authorId, authors: requested };
  }

  private async createAuthorFor(user: StaffUser) {
    const base = slugify(user.name) || `staff-${user.id}`;
    for (let n = 1; ; n += 1) {
      try {
        return await this.deps.taxonomy.createAuthor({ name: user.name, slug: n === 1 ? base : `${base}-${n}` });
      } catch (error) {
        if (!(error instanceof AppError && error.code === 'SLUG_TAKEN') || n > 50) throw error;
      }
    }
  }

  private async live(posts: PostService, tx: Tx, id: number): Promise<Post> {
    const current = await posts.get(id);
    if (await trash.findTrashed(tx, id)) throw deletedError(id);
    return current;
  }

  /** True when the same person's last save already holds exactly these changes (a retried request). */
  private async alreadySaved(tx: Tx, current: Post, changes: Record<string, unknown>, user: StaffUser): Promise<boolean> {
    const latest = await revisions.latestRevision(tx, current.id);
    if (!latest || latest.userId !== user.id || latest.revision !== current.revision) return false;
    const before = postInput.safeParse(latest.snapshot);
    const after = postInput.safeParse({ ...latest.snapshot, ...changes });
    return before.success && after.success && JSON.stringify(before.data) === JSON.stringify(after.data);
  }

  private async conflict(current: Post, yours: number, tx: Tx): Promise<AppError> {
    const latest = await revisions.latestRevision(tx, current.id);
    const users = new UserService({ db: tx, clock: this.deps.clock });
    const who = latest?.userId ? (await users.get(latest.userId).catch(() => undefined))?.name : undefined;
    return new AppError(
      'REVISION_CONFLICT',
      `${who ?? 'Someone else'} saved "${current.title}" at ${current.updatedAt} (revision ${current.revision}) after you opened revision ${yours}. ` +
        'Your changes were not saved: copy them, reload the post, and apply them again.',
    );
  }

  private async record(tx: Tx, post: Post, user: StaffUser, now: string): Promise<void> {
    const snapshot: PostInput = toInput(post);
    const latest = await revisions.latestRevision(tx, post.id);
    const recent = latest && latest.userId === user.id && new Date(now).getTime() - new Date(latest.createdAt).getTime() < REVISION_MERGE_MS;
    if (recent) {
      await revisions.replaceRevision(tx, latest.id, post.revision, snapshot, now);
    } else {
      await revisions.insertRevision(tx, { postId: post.id, revision: post.revision, userId: user.id, snapshot, now });
      await revisions.pruneRevisions(tx, post.id, KEPT_REVISIONS);
    }
  }

  /** Runs work over one transaction; content events go out only after it commits. */
  private async transaction<T>(work: (posts: PostService, tx: Tx, now: string) => Promise<T>): Promise<T> {
    const changes: ContentChange[] = [];
    const pending = new ContentEvents();
    pending.on((change) => changes.push(change));
    const result = await inTransaction(this.deps.db, (tx) => work(new PostService({ db: tx, jobs: this.deps.jobs, clock: this.deps.clock, events: pending }), tx, this.deps.clock().toISOString()));
    for (const change of changes) this.deps.events.emit(change);
    return result;
  }
}

/**
 * Refuses a save the user may not make: editing the piece at all, turning a post into a page or
 * back, or moving it live (publishing, scheduling, unpublishing, changing its publication time).
 */
function authorizeSave(user: StaffUser, current: Post, changes: Record<string, unknown>): void {
  const touchesPages = current.type === 'page' || changes.type === 'page';
  authorize(user, touchesPages ? { do: 'page.manage' } : { do: 'post.edit', post: owned(current) });
  const nextStatus = typeof changes.status === 'string' ? changes.status : current.status;
  const movesLive = nextStatus !== current.status || (current.status !== 'draft' && 'publishedAt' in changes);
  if (movesLive) authorize(user, { do: 'post.publish', post: owned(current) });
}

/** The policy's say before a save changes a work in the library that every review of it shares. */
function mayChangeWorks(user: StaffUser) {
  return (work: { title: string }) => authorize(user, { do: 'work.edit', work });
}

function owned(post: Post): OwnedPost {
  return { type: post.type, status: post.status, authorIds: post.authors.map((a) => a.id) };
}

function deletedError(id: number): AppError {
  return new AppError('POST_NOT_FOUND', `Post ${id} was deleted; restore it from the trash to edit it.`);
}

function asObject(input: unknown): Record<string, unknown> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw AppError.validation([{ field: '(input)', message: 'must be an object of fields' }]);
  }
  return { ...(input as Record<string, unknown>) };
}
