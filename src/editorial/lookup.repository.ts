import type { DbOrTx } from '../db/client.js';
import { likeText } from '../db/like.js';
import { loadWorks, type PersonSummary, type Work } from '../reviews/index.js';

/** Reviewed works whose title starts with the prefix (any case), for the review form's suggestions. */
export async function worksByPrefix(db: DbOrTx, prefix: string, limit: number): Promise<Work[]> {
  const rows = await db
    .selectFrom('works')
    .select('id')
    .where(likeText('title', prefix, 'starts'))
    .orderBy('title')
    .orderBy('id')
    .limit(limit)
    .execute();
  const works = await loadWorks(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => works.get(r.id)!);
}

/** People whose name, or a word in it, starts with the prefix (any case). */
export async function peopleByPrefix(db: DbOrTx, prefix: string, limit: number): Promise<PersonSummary[]> {
  return db
    .selectFrom('people')
    .select(['id', 'slug', 'name'])
    .where((eb) => eb.or([likeText('name', prefix, 'starts'), likeText('name', prefix, 'word-starts')]))
    .orderBy('name')
    .orderBy('id')
    .limit(limit)
    .execute();
}
