import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { DbOrTx } from '../db/client.js';
import type { Insertable } from 'kysely';
import type { CommentsTable } from '../db/tables.js';
import type { Comment, CommentAccess, CommentStatus, ModeratedComment } from './comment.types.js';

const SETTING_KEY = 'comments';

type Row = Pick<CommentsTable, 'post_id' | 'parent_id' | 'member_id' | 'author_name' | 'body' | 'status' | 'created_at'> & { id: number };

const columns = ['comments.id', 'comments.post_id', 'comments.parent_id', 'comments.member_id', 'comments.author_name', 'comments.body', 'comments.status', 'comments.created_at'] as const;

function toComment(row: Row): Comment {
  return {
    id: row.id,
    postId: row.post_id,
    parentId: row.parent_id,
    memberId: row.member_id,
    authorName: row.author_name,
    body: row.body,
    status: row.status,
    createdAt: row.created_at,
  };
}

export async function readSiteAccess(db: DbOrTx): Promise<unknown> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', SETTING_KEY).executeTakeFirst();
  return row ? (JSON.parse(row.value) as { access?: unknown }).access : undefined;
}

export async function writeSiteAccess(db: DbOrTx, access: CommentAccess, now: string): Promise<void> {
  const value = JSON.stringify({ access });
  await db
    .insertInto('settings')
    .values({ key: SETTING_KEY, value, updated_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now }))
    .execute();
}

export async function readPostAccess(db: DbOrTx, postId: number): Promise<CommentAccess | null> {
  const row = await db.selectFrom('comment_post_access').select('access').where('post_id', '=', postId).executeTakeFirst();
  return row?.access ?? null;
}

/** The pieces among these with a rule of their own, and that rule. */
export async function readPostAccesses(db: DbOrTx, postIds: number[]): Promise<Map<number, CommentAccess>> {
  if (postIds.length === 0) return new Map();
  const rows = await db.selectFrom('comment_post_access').select(['post_id', 'access']).where('post_id', 'in', postIds).execute();
  return new Map(rows.map((r) => [r.post_id, r.access]));
}

export async function writePostAccess(db: DbOrTx, postId: number, access: CommentAccess | null): Promise<void> {
  if (access === null) {
    await db.deleteFrom('comment_post_access').where('post_id', '=', postId).execute();
    return;
  }
  await db
    .insertInto('comment_post_access')
    .values({ post_id: postId, access })
    .onConflict((oc) => oc.column('post_id').doUpdateSet({ access }))
    .execute();
}

export async function insertComment(db: DbOrTx, row: Insertable<CommentsTable>): Promise<Comment> {
  const inserted = await db.insertInto('comments').values(row).returning(columns).executeTakeFirstOrThrow();
  return toComment(inserted);
}

export async function findComment(db: DbOrTx, id: number): Promise<Comment | undefined> {
  const row = await db.selectFrom('comments').select(columns).where('id', '=', id).executeTakeFirst();
  return row && toComment(row);
}

/** Comments readers see: approved top-level ones, and approved replies to approved top-level ones. */
function shownOnes(db: DbOrTx) {
  return db
    .selectFrom('comments')
    .leftJoin('comments as parent', 'parent.id', 'comments.parent_id')
    .where('comments.status', '=', 'approved')
    .where((eb) => eb.or([eb('comments.parent_id', 'is', null), eb('parent.status', '=', 'approved')]));
}

/** Approved comments of a piece whose thread is shown: top-level ones, and replies to approved top-level ones. Oldest first. */
export async function shownComments(db: DbOrTx, postId: number): Promise<Comment[]> {
  const rows = await shownOnes(db).select(columns).where('comments.post_id', '=', postId).orderBy('comments.created_at').orderBy('comments.id').execute();
  return rows.map(toComment);
}

/** How many comments a piece shows, and how many of them start a thread. */
export async function shownTotals(db: DbOrTx, postId: number): Promise<{ comments: number; threads: number }> {
  const row = await shownOnes(db)
    .select((eb) => [eb.fn.countAll<string | number>().as('n'), eb.fn.count<string | number>(eb.case().when('comments.parent_id', 'is', null).then(1).end()).as('threads')])
    .where('comments.post_id', '=', postId)
    .executeTakeFirstOrThrow();
  return { comments: Number(row.n), threads: Number(row.threads) };
}

/** One slice of a piece's shown threads, oldest first: its approved top-level comments, then their approved replies. */
export async function shownThreads(db: DbOrTx, postId: number, slice: { limit: number; offset: number }): Promise<{ tops: Comment[]; replies: Comment[] }> {
  const tops = await db
    .selectFrom('comments')
    .select(columns)
    .where('comments.post_id', '=', postId)
    .where('comments.status', '=', 'approved')
    .where('comments.parent_id', 'is', null)
    .orderBy('comments.created_at')
    .orderBy('comments.id')
    .limit(slice.limit)
    .offset(slice.offset)
    .execute();
  if (tops.length === 0) return { tops: [], replies: [] };
  const replies = await db
    .selectFrom('comments')
    .select(columns)
    .where(
      'comments.parent_id',
      'in',
      tops.map((c) => c.id),
    )
    .where('comments.status', '=', 'approved')
    .orderBy('comments.created_at')
    .orderBy('comments.id')
    .execute();
  return { tops: tops.map(toComment), replies: replies.map(toComment) };
}

/** How many comments each piece shows (pieces without any are absent). */
export async function shownCounts(db: DbOrTx, postIds: number[]): Promise<Map<number, number>> {
  if (postIds.length === 0) return new Map();
  const rows = await shownOnes(db)
    .select(['comments.post_id', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('comments.post_id', 'in', postIds)
    .groupBy('comments.post_id')
    .execute();
  return new Map(rows.map((r) => [r.post_id, Number(r.n)]));
}

export async function pendingBy(db: DbOrTx, memberId: number, postId: number): Promise<Comment[]> {
  const rows = await db.selectFrom('comments').select(columns).where('member_id', '=', memberId).where('post_id', '=', postId).where('status', '=', 'pending').orderBy('created_at').orderBy('id').execute();
  return rows.map(toComment);
}

export async function hasApproved(db: DbOrTx, memberId: number): Promise<boolean> {
  const row = await db.selectFrom('comments').select('id').where('member_id', '=', memberId).where('status', '=', 'approved').limit(1).executeTakeFirst();
  return row !== undefined;
}

/** The member's latest comment texts, newest first. */
export async function recentBodies(db: DbOrTx, memberId: number, limit: number): Promise<string[]> {
  const rows = await db.selectFrom('comments').select('body').where('member_id', '=', memberId).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => r.body);
}

export async function setStatus(db: DbOrTx, id: number, status: CommentStatus, now: string): Promise<Comment | undefined> {
  const row = await db.updateTable('comments').set({ status, updated_at: now }).where('id', '=', id).returning(columns).executeTakeFirst();
  return row && toComment(row);
}

export async function deleteComment(db: DbOrTx, id: number): Promise<Comment | undefined> {
  const row = await db.deleteFrom('comments').where('id', '=', id).returning(columns).executeTakeFirst();
  return row && toComment(row);
}

export async function isStopped(db: DbOrTx, memberId: number): Promise<boolean> {
  return (await db.selectFrom('comment_bans').select('member_id').where('member_id', '=', memberId).executeTakeFirst()) !== undefined;
}

export async function stopMember(db: DbOrTx, memberId: number, now: string): Promise<void> {
  await db
    .insertInto('comment_bans')
    .values({ member_id: memberId, created_at: now })
    .onConflict((oc) => oc.column('member_id').doNothing())
    .execute();
}

export async function allowMember(db: DbOrTx, memberId: number): Promise<void> {
  await db.deleteFrom('comment_bans').where('member_id', '=', memberId).execute();
}

export async function memberExists(db: DbOrTx, memberId: number): Promise<boolean> {
  return (await db.selectFrom('members').select('id').where('id', '=', memberId).executeTakeFirst()) !== undefined;
}

export interface ModerationFilter {
  status?: CommentStatus;
  postId?: number;
  /** Only comments on pieces credited to this author (an author's own pieces). */
  authorId?: number;
  limit: number;
}

/** Comments for the moderation screen, newest first. */
export async function moderationList(db: DbOrTx, filter: ModerationFilter): Promise<ModeratedComment[]> {
  let query = db
    .selectFrom('comments')
    .innerJoin('posts', 'posts.id', 'comments.post_id')
    .leftJoin('members', 'members.id', 'comments.member_id')
    .leftJoin('comment_bans', 'comment_bans.member_id', 'comments.member_id')
    .select([...columns, 'posts.slug', 'posts.title', 'members.email', 'comment_bans.member_id as stopped'])
    .orderBy('comments.created_at', 'desc')
    .orderBy('comments.id', 'desc')
    .limit(filter.limit);
  if (filter.status) query = query.where('comments.status', '=', filter.status);
  if (filter.postId !== undefined) query = query.where('comments.post_id', '=', filter.postId);
  if (filter.authorId !== undefined) {
    const authorId = filter.authorId;
    query = query.where((eb) => eb.exists(eb.selectFrom('post_authors').select(sql`1`.as('one')).whereRef('post_authors.post_id', '=', 'comments.post_id').where('post_authors.author_id', '=', authorId)));
  }
  const rows = await query.execute();
  return rows.map((r) => ({ ...toComment(r), post: { id: r.post_id, slug: r.slug, title: r.title }, memberEmail: r.email, memberStopped: r.stopped !== null }));
}

/** Whether the piece is credited to the author. */
export async function isAuthorOf(db: DbOrTx, postId: number, authorId: number): Promise<boolean> {
  const row = await db.selectFrom('post_authors').select('post_id').where('post_id', '=', postId).where('author_id', '=', authorId).executeTakeFirst();
  return row !== undefined;
}

/** Marks an approved comment as announced; answers it only the first time (emails go out once). */
export async function claimAnnouncement(db: DbOrTx, id: number, now: string): Promise<Comment | undefined> {
  const row = await db.updateTable('comments').set({ notified_at: now }).where('id', '=', id).where('status', '=', 'approved').where('notified_at', 'is', null).returning(columns).executeTakeFirst();
  return row && toComment(row);
}

export async function pieceTitle(db: DbOrTx, postId: number): Promise<{ slug: string; title: string } | undefined> {
  return db.selectFrom('posts').select(['slug', 'title']).where('id', '=', postId).executeTakeFirst();
}

/** Active staff users credited on the piece who still take comment emails. */
export async function staffToTell(db: DbOrTx, postId: number): Promise<Array<{ id: number; email: string }>> {
  return db
    .selectFrom('users')
    .innerJoin('post_authors', 'post_authors.author_id', 'users.author_id')
    .leftJoin('staff_comment_email_optouts as off', 'off.user_id', 'users.id')
    .select(['users.id', 'users.email'])
    .where('post_authors.post_id', '=', postId)
    .where('users.status', '=', 'active')
    .where('off.user_id', 'is', null)
    .execute();
}

/** The member's address when they still take comment reply emails. */
export async function memberToTell(db: DbOrTx, memberId: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('members')
    .leftJoin('member_comment_email_optouts as off', 'off.member_id', 'members.id')
    .select('members.email')
    .where('members.id', '=', memberId)
    .where('off.member_id', 'is', null)
    .executeTakeFirst();
  return row?.email;
}

export async function setEmailsOff(db: DbOrTx, who: { kind: 'member' | 'staff'; id: number }, off: boolean, now: string): Promise<void> {
  if (who.kind === 'member') {
    // Only for a member who still exists: an erased member's old link has nothing left to stop.
    if (off)
      await db
        .insertInto('member_comment_email_optouts')
        .columns(['member_id', 'created_at'])
        .expression(
          db
            .selectFrom('members')
            .select(['id', sql<string>`cast(${now} as text)`.as('created_at')])
            .where('id', '=', who.id),
        )
        .onConflict((oc) => oc.column('member_id').doNothing())
        .execute();
    else await db.deleteFrom('member_comment_email_optouts').where('member_id', '=', who.id).execute();
    return;
  }
  if (off)
    await db
      .insertInto('staff_comment_email_optouts')
      .values({ user_id: who.id, created_at: now })
      .onConflict((oc) => oc.column('user_id').doNothing())
      .execute();
  else await db.deleteFrom('staff_comment_email_optouts').where('user_id', '=', who.id).execute();
}

export async function emailsOff(db: DbOrTx, who: { kind: 'member' | 'staff'; id: number }): Promise<boolean> {
  const row =
    who.kind === 'member'
      ? await db.selectFrom('member_comment_email_optouts').select('member_id').where('member_id', '=', who.id).executeTakeFirst()
      : await db.selectFrom('staff_comment_email_optouts').select('user_id').where('user_id', '=', who.id).executeTakeFirst();
  return row !== undefined;
}

/** The secret that signs unsubscribe links in comment emails, made on first use. */
export async function linkKey(db: DbOrTx): Promise<string> {
  await db
    .insertInto('newsletter_keys')
    .values({ name: 'comment-emails', value: randomBytes(32).toString('base64url') })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  return (await db.selectFrom('newsletter_keys').select('value').where('name', '=', 'comment-emails').executeTakeFirstOrThrow()).value;
}

/** Member ids by (lower-case) email address, for the addresses that belong to members. */
export async function membersByEmail(db: DbOrTx, emails: string[]): Promise<Map<string, number>> {
  const unique = [...new Set(emails)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('members').select(['id', 'email']).where('email', 'in', unique).execute();
  return new Map(rows.map((r) => [r.email, r.id]));
}

/** A comment already brought in by an earlier import of the same piece. */
export async function findImported(db: DbOrTx, c: { postId: number; createdAt: string; authorName: string; body: string }): Promise<number | undefined> {
  const row = await db.selectFrom('comments').select('id').where('post_id', '=', c.postId).where('created_at', '=', c.createdAt).where('author_name', '=', c.authorName).where('body', '=', c.body).executeTakeFirst();
  return row?.id;
}
