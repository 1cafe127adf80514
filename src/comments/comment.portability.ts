import { z } from 'zod';
import { isoDateTime, paragraph, slugSchema } from '../content/text.js';
import type { DbOrTx } from '../db/client.js';
import { pagesById } from '../db/paged.js';
import { AppError } from '../errors/app-error.js';
import { emailAddress } from '../subscribers/index.js';
import { commentAccesses, commentStatuses } from './comment.types.js';

/**
 * A comment in a site document. `id` is the document's own key for it, only so that a reply can
 * name the comment it answers (`replyTo`, always a top-level comment written before it); an
 * import gives every comment a new id. The writer is a member by address, or (`member` null) the
 * author's name alone, as for comments brought in from other platforms.
 */
export const portableComment = z
  .object({
    id: z.number().int().positive(),
    replyTo: z.number().int().positive().nullable(),
    post: slugSchema,
    member: emailAddress.nullable(),
    authorName: paragraph(500),
    body: paragraph(100_000).pipe(z.string().min(1, 'is required')),
    status: z.enum(commentStatuses),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
    notifiedAt: isoDateTime.nullable(),
  })
  .strict();

/** A piece's own rule for who may comment on it. */
export const portableCommentAccess = z.object({ post: slugSchema, access: z.enum(commentAccesses) }).strict();

/** A member the editors stopped from commenting. */
export const portableCommentBan = z.object({ member: emailAddress, createdAt: isoDateTime }).strict();

/** Someone who turned off emails about comments: a member or a staff user, by address. */
export const portableCommentOptOut = z
  .object({
    reader: z.union([z.object({ member: emailAddress }).strict(), z.object({ user: emailAddress }).strict()]),
    createdAt: isoDateTime,
  })
  .strict();

export type PortableComment = z.infer<typeof portableComment>;
export type PortableCommentAccess = z.infer<typeof portableCommentAccess>;
export type PortableCommentBan = z.infer<typeof portableCommentBan>;
export type PortableCommentOptOut = z.infer<typeof portableCommentOptOut>;

const PAGE = 1000;

/** Every comment, a page at a time, in the order they were written (a reply after what it answers). */
export async function* exportComments(db: DbOrTx): AsyncGenerator<PortableComment> {
  const read = (after: number, limit: number) =>
    db
      .selectFrom('comments as c')
      .innerJoin('posts as p', 'p.id', 'c.post_id')
      .leftJoin('members as m', 'm.id', 'c.member_id')
      .select(['c.id', 'c.parent_id', 'p.slug', 'm.email', 'c.author_name', 'c.body', 'c.status', 'c.created_at', 'c.updated_at', 'c.notified_at'])
      .where('c.id', '>', after)
      .orderBy('c.id')
      .limit(limit)
      .execute();
  for await (const page of pagesById(read, PAGE)) {
    for (const c of page) {
      yield {
        id: c.id,
        replyTo: c.parent_id,
        post: c.slug,
        member: c.email,
        authorName: c.author_name,
        body: c.body,
        status: c.status,
        createdAt: c.created_at,
        updatedAt: c.updated_at,
        notifiedAt: c.notified_at,
      };
    }
  }
}

/** Pieces' own comment rules, a page at a time. */
export async function* exportCommentAccess(db: DbOrTx): AsyncGenerator<PortableCommentAccess> {
  const read = (after: number, limit: number) =>
    db.selectFrom('comment_post_access as a').innerJoin('posts as p', 'p.id', 'a.post_id').select(['a.post_id as id', 'p.slug', 'a.access']).where('a.post_id', '>', after).orderBy('a.post_id').limit(limit).execute();
  for await (const page of pagesById(read, PAGE)) yield* page.map((a) => ({ post: a.slug, access: a.access }));
}

/** Members stopped from commenting, a page at a time. */
export async function* exportCommentBans(db: DbOrTx): AsyncGenerator<PortableCommentBan> {
  const read = (after: number, limit: number) =>
    db
      .selectFrom('comment_bans as b')
      .innerJoin('members as m', 'm.id', 'b.member_id')
      .select(['b.member_id as id', 'm.email', 'b.created_at'])
      .where('b.member_id', '>', after)
      .orderBy('b.member_id')
      .limit(limit)
      .execute();
  for await (const page of pagesById(read, PAGE)) yield* page.map((b) => ({ member: b.email, createdAt: b.created_at }));
}

/** Members' and then staff users' opt-outs from emails about comments, a page at a time. */
export async function* exportCommentOptOuts(db: DbOrTx): AsyncGenerator<PortableCommentOptOut> {
  const members = (after: number, limit: number) =>
    db
      .selectFrom('member_comment_email_optouts as o')
      .innerJoin('members as m', 'm.id', 'o.member_id')
      .select(['o.member_id as id', 'm.email', 'o.created_at'])
      .where('o.member_id', '>', after)
      .orderBy('o.member_id')
      .limit(limit)
      .execute();
  for await (const page of pagesById(members, PAGE)) yield* page.map((o) => ({ reader: { member: o.email }, createdAt: o.created_at }));
  const users = (after: number, limit: number) =>
    db
      .selectFrom('staff_comment_email_optouts as o')
      .innerJoin('users as u', 'u.id', 'o.user_id')
      .select(['o.user_id as id', 'u.email', 'o.created_at'])
      .where('o.user_id', '>', after)
      .orderBy('o.user_id')
      .limit(limit)
      .execute();
  for await (const page of pagesById(users, PAGE)) yield* page.map((o) => ({ reader: { user: o.email }, createdAt: o.created_at }));
}

/** Refuses a document naming what it lacks: the field is `list.index.name`. */
function missing(list: string, index: number, name: string, what: string): AppError {
  const field = `${list}.${index}.${name}`;
  return new AppError('IMPORT_INVALID', `Invalid input — ${field}: ${what}`, [{ field, message: what }]);
}

/** The ids of the pieces with these slugs, of the members and of the staff users with these addresses. */
const lookups = {
  posts: (db: DbOrTx, keys: string[]) => db.selectFrom('posts').select(['id', 'slug as key']).where('slug', 'in', keys).execute(),
  members: (db: DbOrTx, keys: string[]) => db.selectFrom('members').select(['id', 'email as key']).where('email', 'in', keys).execute(),
  users: (db: DbOrTx, keys: string[]) => db.selectFrom('users').select(['id', 'email as key']).where('email', 'in', keys).execute(),
};

async function idsBy(db: DbOrTx, table: keyof typeof lookups, keys: string[]): Promise<Map<string, number>> {
  const unique = [...new Set(keys)];
  if (unique.length === 0) return new Map();
  return new Map((await lookups[table](db, unique)).map((r) => [r.key, r.id]));
}

/**
 * Writes a batch of a document's comments into the site being imported (the caller's
 * transaction), after its pieces and members. `placed` carries, from batch to batch, the new id
 * of each top-level comment by its document id, so replies find what they answer.
 */
export async function restoreComments(db: DbOrTx, comments: PortableComment[], first: number, placed: Map<number, { id: number; post: string }>): Promise<void> {
  const posts = await idsBy(
    db,
    'posts',
    comments.map((c) => c.post),
  );
  const members = await idsBy(
    db,
    'members',
    comments.flatMap((c) => (c.member === null ? [] : [c.member])),
  );
  for (const [offset, c] of comments.entries()) {
    const index = first + offset;
    const postId = posts.get(c.post);
    if (postId === undefined) throw missing('comments', index, 'post', `the document has no piece with the slug "${c.post}"`);
    const memberId = c.member === null ? null : members.get(c.member);
    if (memberId === undefined) throw missing('comments', index, 'member', `the document has no member ${c.member}`);
    let parentId: number | null = null;
    if (c.replyTo !== null) {
      const parent = placed.get(c.replyTo);
      if (parent === undefined) throw missing('comments', index, 'replyTo', 'must name a top-level comment that comes before it in the document');
      if (parent.post !== c.post) throw missing('comments', index, 'replyTo', 'must name a comment on the same piece');
      parentId = parent.id;
    }
    const row = await db
      .insertInto('comments')
      .values({ post_id: postId, parent_id: parentId, member_id: memberId, author_name: c.authorName, body: c.body, status: c.status, created_at: c.createdAt, updated_at: c.updatedAt, notified_at: c.notifiedAt })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (c.replyTo === null) {
      if (placed.has(c.id)) throw missing('comments', index, 'id', `is the id of another comment (${c.id})`);
      placed.set(c.id, { id: row.id, post: c.post });
    }
  }
}

/** Writes pieces' own comment rules. */
export async function restoreCommentAccess(db: DbOrTx, rules: PortableCommentAccess[], first: number): Promise<void> {
  const posts = await idsBy(
    db,
    'posts',
    rules.map((r) => r.post),
  );
  for (const [offset, rule] of rules.entries()) {
    const postId = posts.get(rule.post);
    if (postId === undefined) throw missing('commentAccess', first + offset, 'post', `the document has no piece with the slug "${rule.post}"`);
    await db
      .insertInto('comment_post_access')
      .values({ post_id: postId, access: rule.access })
      .onConflict((oc) => oc.column('post_id').doUpdateSet({ access: rule.access }))
      .execute();
  }
}

/** Writes the members stopped from commenting. */
export async function restoreCommentBans(db: DbOrTx, bans: PortableCommentBan[], first: number): Promise<void> {
  const members = await idsBy(
    db,
    'members',
    bans.map((b) => b.member),
  );
  for (const [offset, ban] of bans.entries()) {
    const memberId = members.get(ban.member);
    if (memberId === undefined) throw missing('commentBans', first + offset, 'member', `the document has no member ${ban.member}`);
    await db
      .insertInto('comment_bans')
      .values({ member_id: memberId, created_at: ban.createdAt })
      .onConflict((oc) => oc.column('member_id').doNothing())
      .execute();
  }
}

/** Writes who turned off emails about comments. */
export async function restoreCommentOptOuts(db: DbOrTx, optOuts: PortableCommentOptOut[], first: number): Promise<void> {
  const members = await idsBy(
    db,
    'members',
    optOuts.flatMap((o) => ('member' in o.reader ? [o.reader.member] : [])),
  );
  const users = await idsBy(
    db,
    'users',
    optOuts.flatMap((o) => ('user' in o.reader ? [o.reader.user] : [])),
  );
  for (const [offset, o] of optOuts.entries()) {
    const index = first + offset;
    if ('member' in o.reader) {
      const memberId = members.get(o.reader.member);
      if (memberId === undefined) throw missing('commentOptOuts', index, 'reader.member', `the document has no member ${o.reader.member}`);
      await db
        .insertInto('member_comment_email_optouts')
        .values({ member_id: memberId, created_at: o.createdAt })
        .onConflict((oc) => oc.column('member_id').doNothing())
        .execute();
    } else {
      const userId = users.get(o.reader.user);
      if (userId === undefined) throw missing('commentOptOuts', index, 'reader.user', `the document has no user ${o.reader.user}`);
      await db
        .insertInto('staff_comment_email_optouts')
        .values({ user_id: userId, created_at: o.createdAt })
        .onConflict((oc) => oc.column('user_id').doNothing())
        .execute();
    }
  }
}
