import type { DbOrTx } from '../db/client.js';
import { AppError } from '../errors/app-error.js';
import { slugify } from '../content/text.js';
import {
  findPeopleBySlugs,
  findWorkIdBySlug,
  insertPerson,
  insertWork,
  replaceCredits,
  updateWork,
  type WorkRowInput,
} from './work.repository.js';
import type { WorkInput, WorkReference } from './work.schema.js';

/**
 * Resolves a review's work inside the caller's transaction: a bare slug must name an existing
 * work; a full description creates the work or updates the one with the same slug. People are
 * shared: a credit with the same slug (by default made from the name) is the same person.
 */
export async function resolveWork(tx: DbOrTx, reference: WorkReference, now: string): Promise<number> {
  if (!('type' in reference)) {
    const id = await findWorkIdBySlug(tx, reference.slug);
    if (id === undefined) {
      throw AppError.validation([{ field: 'review.work.slug', message: `no reviewed work has the slug "${reference.slug}"` }]);
    }
    return id;
  }
  return saveWork(tx, reference, now);
}

export function workSlug(input: Pick<WorkInput, 'title' | 'year' | 'slug'>): string {
  return input.slug ?? slugify(input.year ? `${input.title} ${input.year}` : input.title);
}

export async function saveWork(tx: DbOrTx, input: WorkInput, now: string): Promise<number> {
  const row: WorkRowInput = {
    slug: workSlug(input),
    type: input.type,
    title: input.title,
    year: input.year ?? null,
    organization: input.organization || null,
    release_date: input.releaseDate ?? null,
    runtime_minutes: input.runtimeMinutes ?? null,
    availability: JSON.stringify(input.availability.map((a) => ({ label: a.label, url: a.url ?? null }))),
  };
  let id = await findWorkIdBySlug(tx, row.slug);
  if (id === undefined) id = await insertWork(tx, row, now);
  else await updateWork(tx, id, row, now);

  const personIds = await resolvePeople(tx, input.credits, now);
  await replaceCredits(
    tx,
    id,
    input.credits.map((c, i) => ({ person_id: personIds[i]!, role: c.role, character: c.character || null })),
  );
  return id;
}

async function resolvePeople(tx: DbOrTx, credits: WorkInput['credits'], now: string): Promise<number[]> {
  const slugs = credits.map((c) => c.slug ?? slugify(c.name));
  const existing = new Map((await findPeopleBySlugs(tx, [...new Set(slugs)])).map((p) => [p.slug, p.id]));
  const ids: number[] = [];
  for (const [i, slug] of slugs.entries()) {
    let id = existing.get(slug);
    if (id === undefined) {
      id = await insertPerson(tx, slug, credits[i]!.name, now);
      existing.set(slug, id);
    }
    ids.push(id);
  }
  return ids;
}
