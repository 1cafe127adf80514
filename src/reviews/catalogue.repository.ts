import type { ExpressionBuilder } from 'kysely';
import type { DbOrTx } from '../db/client.js';
import type { Database } from '../db/tables.js';
import type { CreditRole, PersonSummary, WorkType } from './work.types.js';

/** Only works reviewed by a published post are public; a draft review must not reveal its work. */
function reviewed(eb: ExpressionBuilder<Database, 'works'>) {
  return eb.exists(eb.selectFrom('posts').select('posts.id').whereRef('posts.work_id', '=', 'works.id').where('posts.status', '=', 'published').where('posts.type', '=', 'post'));
}

export async function listReviewedWorkIds(db: DbOrTx, query: { type?: WorkType; limit: number; offset: number }): Promise<number[]> {
  let q = db.selectFrom('works').select('works.id').where(reviewed);
  if (query.type) q = q.where('works.type', '=', query.type);
  const rows = await q.orderBy('works.title').orderBy('works.id').limit(query.limit).offset(query.offset).execute();
  return rows.map((r) => r.id);
}

export async function countReviewedWorks(db: DbOrTx, query: { type?: WorkType }): Promise<number> {
  let q = db.selectFrom('works').where(reviewed);
  if (query.type) q = q.where('works.type', '=', query.type);
  const row = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findReviewedWorkId(db: DbOrTx, slug: string): Promise<number | undefined> {
  const row = await db.selectFrom('works').select('works.id').where('works.slug', '=', slug).where(reviewed).executeTakeFirst();
  return row?.id;
}

/** Published reviews of these works, newest first. */
export async function publishedReviews(db: DbOrTx, workIds: number[]) {
  if (workIds.length === 0) return [];
  return db
    .selectFrom('posts')
    .select(['id', 'slug', 'title', 'work_id', 'published_at'])
    .where('work_id', 'in', workIds)
    .where('status', '=', 'published')
    .where('type', '=', 'post')
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** The ratings of a work's published reviews (those that give one). */
export async function publishedRatings(db: DbOrTx, workId: number): Promise<Array<{ value: number; scale: number }>> {
  const rows = await db
    .selectFrom('posts')
    .select(['rating_value', 'rating_scale'])
    .where('work_id', '=', workId)
    .where('status', '=', 'published')
    .where('type', '=', 'post')
    .where('rating_value', 'is not', null)
    .where('rating_scale', 'is not', null)
    .execute();
  return rows.map((r) => ({ value: Number(r.rating_value), scale: Number(r.rating_scale) }));
}

/** Published posts that name the person (an interview's subject, say). */
function namedInPublished(eb: ExpressionBuilder<Database, 'people'>) {
  return eb.exists(
    eb
      .selectFrom('post_people')
      .innerJoin('posts', 'posts.id', 'post_people.post_id')
      .select('post_people.post_id')
      .whereRef('post_people.person_id', '=', 'people.id')
      .where('posts.status', '=', 'published')
      .where('posts.type', '=', 'post'),
  );
}

/** Credited in a publicly reviewed work. */
function creditedInReviewed(eb: ExpressionBuilder<Database, 'people'>) {
  return eb.exists(eb.selectFrom('work_credits').innerJoin('works', 'works.id', 'work_credits.work_id').select('work_credits.work_id').whereRef('work_credits.person_id', '=', 'people.id').where(reviewed));
}

/** People credited in at least one publicly reviewed work, or named by a published piece. */
function creditedPeople(db: DbOrTx) {
  return db.selectFrom('people').where((eb) => eb.or([creditedInReviewed(eb), namedInPublished(eb)]));
}

export async function listCreditedPeople(db: DbOrTx, page: { limit: number; offset: number }): Promise<PersonSummary[]> {
  return creditedPeople(db).select(['people.id', 'people.slug', 'people.name']).orderBy('people.name').orderBy('people.id').limit(page.limit).offset(page.offset).execute();
}

export async function countCreditedPeople(db: DbOrTx): Promise<number> {
  const row = await creditedPeople(db)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** One person by slug, when credited in a publicly reviewed work or named by a published piece. */
export async function findCreditedPerson(db: DbOrTx, slug: string): Promise<PersonSummary | undefined> {
  return creditedPeople(db).select(['people.id', 'people.slug', 'people.name']).where('people.slug', '=', slug).executeTakeFirst();
}

/** A person's credits in publicly reviewed works. */
function creditsQuery(db: DbOrTx, personId: number) {
  return db.selectFrom('work_credits').innerJoin('works', 'works.id', 'work_credits.work_id').where('work_credits.person_id', '=', personId).where(reviewed);
}

/**
 * A page of a person's credits in publicly reviewed works: newest work first (works without a
 * year last, on both databases), then by title, one work's credits in the editor's order.
 */
export async function creditsOf(db: DbOrTx, personId: number, page: { limit: number; offset: number }) {
  const rows = await creditsQuery(db, personId)
    .select(['works.id', 'works.slug', 'works.title', 'works.type', 'works.year', 'work_credits.role', 'work_credits.character'])
    .orderBy('works.year', (ob) => ob.desc().nullsLast())
    .orderBy('works.title')
    .orderBy('works.id')
    .orderBy('work_credits.position')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return rows.map((r) => ({
    work: { id: r.id, slug: r.slug, title: r.title, type: r.type as WorkType, year: r.year },
    role: r.role as CreditRole,
    character: r.character,
  }));
}

export async function countCredits(db: DbOrTx, personId: number): Promise<number> {
  const row = await creditsQuery(db, personId)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The works that credit a person and have a published review, by id. */
export async function creditedWorkIds(db: DbOrTx, personId: number): Promise<number[]> {
  const rows = await creditsQuery(db, personId).select('works.id').distinct().orderBy('works.id').execute();
  return rows.map((r) => r.id);
}

/** The published pieces that name a person. */
function namingQuery(db: DbOrTx, personId: number) {
  return db.selectFrom('post_people').innerJoin('posts', 'posts.id', 'post_people.post_id').where('post_people.person_id', '=', personId).where('posts.status', '=', 'published').where('posts.type', '=', 'post');
}

/** A page of the published pieces that name a person, each with the role it names them in, newest first. */
export async function namingPiecesOf(db: DbOrTx, personId: number, page: { limit: number; offset: number }) {
  const rows = await namingQuery(db, personId)
    .select(['posts.id', 'posts.slug', 'posts.title', 'posts.published_at', 'post_people.role'])
    .orderBy('posts.published_at', 'desc')
    .orderBy('posts.id', 'desc')
    .orderBy('post_people.role')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return rows.map((r) => ({ post: { id: r.id, slug: r.slug, title: r.title, publishedAt: r.published_at! }, role: r.role }));
}

export async function countNamingPieces(db: DbOrTx, personId: number): Promise<number> {
  const row = await namingQuery(db, personId)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
