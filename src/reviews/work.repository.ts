import type { DbOrTx } from '../db/client.js';
import { sql, type Insertable } from 'kysely';
import type { PersonRow, WorkRow, WorksTable } from '../db/tables.js';
import type { Availability, Credit, CreditRole, NamedPerson, PieceRole, Work, WorkType } from './work.types.js';

export type WorkRowInput = Omit<Insertable<WorksTable>, 'id' | 'created_at' | 'updated_at'>;

export async function findWorkIdBySlug(db: DbOrTx, slug: string): Promise<number | undefined> {
  const row = await db.selectFrom('works').select('id').where('slug', '=', slug).executeTakeFirst();
  return row?.id;
}

/** Adds a work; undefined when a work with its slug is already there (one saved at the same time, say). */
export async function insertWork(db: DbOrTx, row: WorkRowInput, now: string): Promise<number | undefined> {
  const inserted = await db
    .insertInto('works')
    .values({ ...row, created_at: now, updated_at: now })
    .onConflict((oc) => oc.column('slug').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted?.id;
}

export async function updateWork(db: DbOrTx, id: number, row: WorkRowInput, now: string): Promise<void> {
  await db
    .updateTable('works')
    .set({ ...row, updated_at: now })
    .where('id', '=', id)
    .execute();
}

export async function findPeopleBySlugs(db: DbOrTx, slugs: string[]): Promise<PersonRow[]> {
  if (slugs.length === 0) return [];
  return db.selectFrom('people').selectAll().where('slug', 'in', slugs).execute();
}

/** Adds a person, or finds the one with the slug (added by a save at the same time, say). */
export async function insertPerson(db: DbOrTx, slug: string, name: string, now: string): Promise<number> {
  const inserted = await db
    .insertInto('people')
    .values({ slug, name, created_at: now })
    .onConflict((oc) => oc.column('slug').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return inserted.id;
  return (await db.selectFrom('people').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
}

export interface CreditRowInput {
  person_id: number;
  role: string;
  character: string | null;
}

/** Sets a work's credits in order, in place: only credits that come, go or change reach the search index. */
export async function replaceCredits(db: DbOrTx, workId: number, credits: CreditRowInput[]): Promise<void> {
  await db.deleteFrom('work_credits').where('work_id', '=', workId).where('position', '>=', credits.length).execute();
  if (credits.length === 0) return;
  await db
    .insertInto('work_credits')
    .values(credits.map((c, position) => ({ work_id: workId, position, ...c })))
    .onConflict((oc) => oc.columns(['work_id', 'position']).doUpdateSet((eb) => ({ person_id: eb.ref('excluded.person_id'), role: eb.ref('excluded.role'), character: eb.ref('excluded.character') })))
    .execute();
}

/** Sets the people a piece names, in order, in place of those it named. */
export async function replaceNamedPeople(db: DbOrTx, postId: number, people: Array<{ person_id: number; role: PieceRole }>): Promise<void> {
  await db.deleteFrom('post_people').where('post_id', '=', postId).execute();
  if (people.length === 0) return;
  await db
    .insertInto('post_people')
    .values(people.map((p, position) => ({ post_id: postId, position, ...p })))
    .execute();
}

/** The people each of these pieces names, in the editor's order (pieces naming nobody are absent). */
export async function loadNamedPeople(db: DbOrTx, postIds: number[]): Promise<Map<number, NamedPerson[]>> {
  const result = new Map<number, NamedPerson[]>();
  if (postIds.length === 0) return result;
  const rows = await db
    .selectFrom('post_people')
    .innerJoin('people', 'people.id', 'post_people.person_id')
    .select(['post_people.post_id', 'post_people.role', 'people.id', 'people.slug', 'people.name'])
    .where('post_people.post_id', 'in', postIds)
    .orderBy('post_people.post_id')
    .orderBy('post_people.position')
    .execute();
  for (const r of rows) {
    const named = result.get(r.post_id) ?? [];
    named.push({ person: { id: r.id, slug: r.slug, name: r.name }, role: r.role });
    result.set(r.post_id, named);
  }
  return result;
}

/** Works with their credits, by work id, or the works reviewed by some posts (read alongside the posts). */
export async function loadWorks(db: DbOrTx, which: number[] | { ofPosts: number[] }): Promise<Map<number, Work>> {
  const result = new Map<number, Work>();
  const ids = Array.isArray(which) ? [...new Set(which)] : which.ofPosts;
  if (ids.length === 0) return result;
  const workIds = Array.isArray(which) ? sql.join(ids) : sql`select work_id from posts where id in (${sql.join(ids)}) and work_id is not null`;
  const [works, credits] = await Promise.all([
    db.selectFrom('works').selectAll().where(sql<boolean>`works.id in (${workIds})`).execute(),
    db
      .selectFrom('work_credits')
      .innerJoin('people', 'people.id', 'work_credits.person_id')
      .select(['work_credits.work_id', 'work_credits.role', 'work_credits.character', 'people.id as person_id', 'people.slug as person_slug', 'people.name as person_name'])
      .where(sql<boolean>`work_credits.work_id in (${workIds})`)
      .orderBy('work_credits.work_id')
      .orderBy('work_credits.position')
      .execute(),
  ]);
  for (const row of works) result.set(row.id, toWork(row));
  for (const c of credits) {
    const credit: Credit = {
      person: { id: c.person_id, slug: c.person_slug, name: c.person_name },
      role: c.role as CreditRole,
      character: c.character,
    };
    result.get(c.work_id)?.credits.push(credit);
  }
  return result;
}

export async function listWorks(db: DbOrTx, query: { search?: string; limit: number }): Promise<WorkRow[]> {
  let q = db.selectFrom('works').selectAll().orderBy('title').limit(query.limit);
  if (query.search) q = q.where('title', 'like', `%${query.search.replace(/[%_]/g, '')}%`);
  return q.execute();
}

function toWork(row: WorkRow): Work {
  return {
    id: row.id,
    slug: row.slug,
    type: row.type as WorkType,
    title: row.title,
    year: row.year,
    organization: row.organization,
    releaseDate: row.release_date,
    runtimeMinutes: row.runtime_minutes,
    availability: JSON.parse(row.availability) as Availability[],
    credits: [],
  };
}

/** Works with their credits in the order they were added, `limit` of them after the work `afterId`. */
export async function worksAfter(db: DbOrTx, afterId: number, limit: number): Promise<Work[]> {
  const ids = (await db.selectFrom('works').select('id').where('id', '>', afterId).orderBy('id').limit(limit).execute()).map((r) => r.id);
  const works = await loadWorks(db, ids);
  return ids.map((id) => works.get(id)!);
}
