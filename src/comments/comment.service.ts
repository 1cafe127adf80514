import type { Clock } from '../clock.js';
import { canRead, type ContentEvents } from '../content/index.js';
import type { Db } from '../db/client.js';
import { AppError } from '../errors/app-error.js';
import { parseInput } from '../errors/validate.js';
import { whileMemberExists } from '../members/index.js';
import * as repo from './comment.repository.js';
import { accessInput, commentInput, moderationQuery, postAccessInput } from './comment.schema.js';
import { linksIn } from './comment.text.js';
import type { Comment, CommentAccess, CommentedPiece, Commenter, CommentOutcome, CommentStatus, ModeratedComment, Thread } from './comment.types.js';
import type { CommentEmails } from './comment.emails.js';
import type { SpamCheck } from './spam.check.js';

/** How many of a member's latest comments the spam check compares a new one with. */
const EARLIER_COMPARED = 20;
/** Top-level comments (each with its replies) on one page of a piece's comments. */
const THREADS_PER_PAGE = 50;

export interface CommentDeps {
  db: Db;
  clock: Clock;
  events: ContentEvents;
  spam: SpamCheck;
  /** Tells the piece's staff and the member replied to when a comment is first shown. */
  emails: Pick<CommentEmails, 'announce'>;
}

/**
 * Readers' comments: who may comment where, what waits for an editor, what readers see.
 * A member's first comment, any comment with a link and any the spam check holds wait as
 * `pending`; the rest are `approved` at once. Whenever what a piece shows changes, a `comments`
 * change is sent so cached pages of the piece (and cards counting its comments) are redrawn.
 */
export class CommentService {
  constructor(private readonly deps: CommentDeps) {}

  private now(): string {
    return this.deps.clock().toISOString();
  }

  async siteAccess(): Promise<CommentAccess> {
    const stored = accessInput.safeParse(await repo.readSiteAccess(this.deps.db));
    return stored.success ? stored.data : 'off';
  }

  async setSiteAccess(input: unknown): Promise<CommentAccess> {
    const access = parseInput(accessInput, input, 'access');
    await repo.writeSiteAccess(this.deps.db, access, this.now());
    this.deps.events.emit({ kind: 'settings', slugs: [] });
    return access;
  }

  /** A piece's own rule (null: it follows the site's) and the rule that applies. */
  async postAccess(postId: number): Promise<{ own: CommentAccess | null; effective: CommentAccess }> {
    const own = await repo.readPostAccess(this.deps.db, postId);
    return { own, effective: own ?? (await this.siteAccess()) };
  }

  async setPostAccess(postId: number, input: unknown): Promise<{ own: CommentAccess | null; effective: CommentAccess }> {
    const chosen = parseInput(postAccessInput, input, 'access');
    await repo.writePostAccess(this.deps.db, postId, chosen === 'inherit' ? null : chosen);
    this.changed(postId);
    return this.postAccess(postId);
  }

  /** Why this member may not comment on the piece, or null when they may. */
  async refusal(piece: CommentedPiece, commenter: Commenter): Promise<'COMMENTS_CLOSED' | 'COMMENTS_PAID_ONLY' | 'COMMENTING_STOPPED' | null> {
    const { effective } = await this.postAccess(piece.id);
    if (effective === 'off' || piece.status !== 'published' || piece.type !== 'post') return 'COMMENTS_CLOSED';
    if (!canRead(piece.visibility, { kind: 'member', paid: commenter.paid })) return 'COMMENTS_PAID_ONLY';
    if (effective === 'paid' && !commenter.paid) return 'COMMENTS_PAID_ONLY';
    if (await repo.isStopped(this.deps.db, commenter.memberId)) return 'COMMENTING_STOPPED';
    return null;
  }

  /** Takes a reader's comment on a piece, or refuses it with the reason. */
  async add(piece: CommentedPiece, commenter: Commenter, input: unknown): Promise<CommentOutcome> {
    const refused = await this.refusal(piece, commenter);
    if (refused) throw new AppError(refused);
    const { body, parentId, website } = parseInput(commentInput, input);
    if (website) return { kind: 'discarded' };
    const { db } = this.deps;
    const parent = parentId === undefined ? undefined : await repo.findComment(db, parentId);
    if (parentId !== undefined && (!parent || parent.postId !== piece.id || parent.status !== 'approved')) throw new AppError('COMMENT_NOT_FOUND');
    const verdict = await this.deps.spam.check({ body, earlier: await repo.recentBodies(db, commenter.memberId, EARLIER_COMPARED) });
    const waits = verdict.hold || linksIn(body).length > 0 || !(await repo.hasApproved(db, commenter.memberId));
    const now = this.now();
    const comment = await whileMemberExists(db, commenter.memberId, (tx) =>
      repo.insertComment(tx, {
        post_id: piece.id,
        // A reply to a reply joins the thread of the comment it answers.
        parent_id: parent ? (parent.parentId ?? parent.id) : null,
        member_id: commenter.memberId,
        author_name: commenter.name,
        body,
        status: waits ? 'pending' : 'approved',
        created_at: now,
        updated_at: now,
      }),
    );
    if (waits) return { kind: 'pending', comment };
    this.changed(piece.id);
    await this.deps.emails.announce(comment.id);
    return { kind: 'approved', comment };
  }

  /** The comments a piece shows, as threads (oldest first), and how many there are. */
  async shown(postId: number): Promise<{ count: number; threads: Thread[] }> {
    const comments = await repo.shownComments(this.deps.db, postId);
    return { count: comments.length, threads: threads(comments) };
  }

  /**
   * One page of a piece's shown threads, oldest first, each top-level comment with all its replies:
   * a page holds THREADS_PER_PAGE threads. Oldest first keeps a page's threads where they are when
   * new comments come (they go on the last page). Undefined past the last page (page 1 always exists).
   */
  async shownPage(postId: number, page: number): Promise<{ count: number; threads: Thread[]; page: number; pages: number } | undefined> {
    if (!Number.isSafeInteger(page) || page < 1) return undefined;
    const totals = await repo.shownTotals(this.deps.db, postId);
    const pages = Math.max(1, Math.ceil(totals.threads / THREADS_PER_PAGE));
    if (page > pages) return undefined;
    const { tops, replies } = await repo.shownThreads(this.deps.db, postId, { limit: THREADS_PER_PAGE, offset: (page - 1) * THREADS_PER_PAGE });
    return { count: totals.comments, threads: threads([...tops, ...replies]), page, pages };
  }

  /** For each piece: whether it takes comments, and how many it shows (none where comments are off). */
  async summaries(postIds: number[]): Promise<Map<number, { on: boolean; count: number }>> {
    const ids = [...new Set(postIds)];
    const [site, own, counts] = await Promise.all([this.siteAccess(), repo.readPostAccesses(this.deps.db, ids), repo.shownCounts(this.deps.db, ids)]);
    return new Map(
      ids.map((id) => {
        const on = (own.get(id) ?? site) !== 'off';
        return [id, { on, count: on ? (counts.get(id) ?? 0) : 0 }];
      }),
    );
  }

  /** The member's comments on the piece that still wait for an editor (shown to them alone). */
  waiting(memberId: number, postId: number): Promise<Comment[]> {
    return repo.pendingBy(this.deps.db, memberId, postId);
  }

  async get(id: number): Promise<Comment> {
    const found = await repo.findComment(this.deps.db, id);
    if (!found) throw new AppError('COMMENT_NOT_FOUND');
    return found;
  }

  /** Comments for moderation, newest first; `authorId` limits them to that author's pieces. */
  async list(query: unknown, scope: { authorId?: number } = {}): Promise<ModeratedComment[]> {
    const filter = parseInput(moderationQuery, query);
    return repo.moderationList(this.deps.db, { ...filter, ...scope });
  }

  approve(id: number): Promise<Comment> {
    return this.setStatus(id, 'approved');
  }

  hide(id: number): Promise<Comment> {
    return this.setStatus(id, 'hidden');
  }

  async remove(id: number): Promise<void> {
    const removed = await repo.deleteComment(this.deps.db, id);
    if (!removed) throw new AppError('COMMENT_NOT_FOUND');
    this.changed(removed.postId);
  }

  /** Stops a member from commenting (their comments already shown stay until hidden). */
  async stop(memberId: number): Promise<void> {
    if (!(await repo.memberExists(this.deps.db, memberId))) throw new AppError('MEMBER_NOT_FOUND');
    await repo.stopMember(this.deps.db, memberId, this.now());
  }

  async allow(memberId: number): Promise<void> {
    if (!(await repo.memberExists(this.deps.db, memberId))) throw new AppError('MEMBER_NOT_FOUND');
    await repo.allowMember(this.deps.db, memberId);
  }

  isStopped(memberId: number): Promise<boolean> {
    return repo.isStopped(this.deps.db, memberId);
  }

  /** Whether the piece is credited to the author (authors moderate comments on their own pieces). */
  isAuthorOf(postId: number, authorId: number): Promise<boolean> {
    return repo.isAuthorOf(this.deps.db, postId, authorId);
  }

  private async setStatus(id: number, status: CommentStatus): Promise<Comment> {
    const updated = await repo.setStatus(this.deps.db, id, status, this.now());
    if (!updated) throw new AppError('COMMENT_NOT_FOUND');
    this.changed(updated.postId);
    if (status === 'approved') await this.deps.emails.announce(updated.id);
    return updated;
  }

  private changed(postId: number): void {
    this.deps.events.emit({ kind: 'comments', id: postId, slugs: [] });
  }
}

/** Top-level comments as threads in the order given, each with its replies (in theirs) attached. */
function threads(comments: Comment[]): Thread[] {
  const result: Thread[] = [];
  const byId = new Map<number, Thread>();
  for (const c of comments) {
    if (c.parentId !== null) continue;
    const thread = { ...c, replies: [] };
    result.push(thread);
    byId.set(c.id, thread);
  }
  for (const c of comments) if (c.parentId !== null) byId.get(c.parentId)?.replies.push(c);
  return result;
}
