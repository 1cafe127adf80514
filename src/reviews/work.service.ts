import { isDeepStrictEqual } from 'node:util';
import type { DbOrTx } from '../db/client.js';
import { AppError } from '../errors/app-error.js';
import { slugify } from '../content/text.js';
import { findPeopleBySlugs, findWorkIdBySlug, insertPerson, insertWork, loadWorks, replaceCredits, replaceNamedPeople, updateWork, type WorkRowInput } from './work.repository.js';
import type { NamedPersonInput, WorkInput, WorkReference } from './work.schema.js';
import type { CreditRole, Work } from './work.types.js';

/**
 * Asked before a save changes the facts of a work already in the library, which every review of
 * it shows; throws to refuse. Without one, changes are allowed (imports, the demo).
 */
export type WorkChangeCheck = (work: { slug: string; title: string }) => void;

/**
 * Resolves a review's work inside the caller's transaction: a bare slug must name an existing
 * work; a full description creates the work, or updates the one with the same slug when its facts
 * differ (after asking `mayChange`). People are shared: a credit with the same slug (by default
 * made from the name) is the same person.
 */
export async function resolveWork(tx: DbOrTx, reference: WorkReference, now: string, mayChange?: WorkChangeCheck): Promise<number> {
  if (!('type' in reference)) {
    const id = await findWorkIdBySlug(tx, reference.slug);
    if (id === undefined) {
      throw AppError.validation([{ field: 'review.work.slug', message: `no reviewed work has the slug "${reference.slug}"` }]);
    }
    return id;
  }
  return saveWork(tx, reference, now, mayChange);
}

export function workSlug(input: Pick<WorkInput, 'title' | 'year' | 'slug'>): string {
  return input.slug ?? slugify(input.year ? `${input.title} ${input.year}` : input.title);
}

export async function saveWork(tx: DbOrTx, input: WorkInput, now: string, mayChange?: WorkChangeCheck): Promise<number> {
  const facts: Facts = {
    type: input.type,
    title: input.title,
    year: input.year ?? null,
    organization: input.organization || null,
    releaseDate: input.releaseDate ?? null,
    runtimeMinutes: input.runtimeMinutes ?? null,
    availability: input.availability.map((a) => ({ label: a.label, url: a.url ?? null })),
    credits: input.credits.map((c) => ({ slug: c.slug ?? slugify(c.name), role: c.role, character: c.character || null })),
  };
  const row: WorkRowInput = {
    slug: workSlug(input),
    type: facts.type,
    title: facts.title,
    year: facts.year,
    organization: facts.organization,
    release_date: facts.releaseDate,
    runtime_minutes: facts.runtimeMinutes,
    availability: JSON.stringify(facts.availability),
  };
  // A work saved at the same time under the same slug is found on insert, and treated as known.
  let id = await findWorkIdBySlug(tx, row.slug);
  const added = id === undefined ? await insertWork(tx, row, now) : undefined;
  if (added !== undefined) {
    id = added;
  } else {
    id ??= (await findWorkIdBySlug(tx, row.slug))!;
    const current = (await loadWorks(tx, [id])).get(id)!;
    if (isDeepStrictEqual(factsOf(current), facts)) return id;
    mayChange?.({ slug: current.slug, title: current.title });
    await updateWork(tx, id, row, now);
  }

  const personIds = await resolvePeople(
    tx,
    facts.credits.map((c, i) => ({ slug: c.slug, name: input.credits[i]!.name })),
    now,
  );
  await replaceCredits(
    tx,
    id,
    facts.credits.map((c, i) => ({ person_id: personIds[i]!, role: c.role, character: c.character })),
  );
  return id;
}

/** What a save sets on a work: everything but its slug, with people by slug in order. */
type Facts = Omit<Work, 'id' | 'slug' | 'credits'> & { credits: Array<{ slug: string; role: CreditRole; character: string | null }> };

function factsOf(work: Work): Facts {
  const { id: _id, slug: _slug, credits, ...facts } = work;
  return { ...facts, credits: credits.map((c) => ({ slug: c.person.slug, role: c.role, character: c.character })) };
}

/**
 * Sets the people a piece names inside the caller's transaction. As in credits, a person with the
 * same slug (by default made from the name) is the same person, whom works may credit too.
 */
export async function namePeople(tx: DbOrTx, postId: number, people: NamedPersonInput[], now: string): Promise<void> {
  const ids = await resolvePeople(
    tx,
    people.map((p) => ({ slug: p.slug ?? slugify(p.name), name: p.name })),
    now,
  );
  await replaceNamedPeople(
    tx,
    postId,
    people.map((p, i) => ({ person_id: ids[i]!, role: p.role })),
  );
}

async function resolvePeople(tx: DbOrTx, people: Array<{ slug: string; name: string }>, now: string): Promise<number[]> {
  const existing = new Map((await findPeopleBySlugs(tx, [...new Set(people.map((p) => p.slug))])).map((p) => [p.slug, p.id]));
  const ids: number[] = [];
  for (const { slug, name } of people) {
    let id = existing.get(slug);
    if (id === undefined) {
      id = await insertPerson(tx, slug, name, now);
      existing.set(slug, id);
    }
    ids.push(id);
  }
  return ids;
}
