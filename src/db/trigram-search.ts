import { SqliteAdapter, sql, type Kysely, type SelectQueryBuilder } from 'kysely';

/** Tables with a SQLite FTS5 trigram index of their `email` and `name` (migration 0074). */
export type TrigramIndex = 'subscriber_trigrams' | 'member_trigrams';

/** A list's query narrowed by a text search, and the column that gives its order (newest first). */
export interface TrigramSearch<Q> {
  query: Q;
  order: string;
}

/**
 * On SQLite, joins a list's query to its table's trigram index, which then drives it: rows come
 * from the index's matches, read in descending id order (`order`, the index's rowid), so a page
 * or a bounded count of a common word stops after the rows it needs instead of collecting every
 * match first. Where the index cannot help (PostgreSQL, whose trigram indexes serve the LIKE
 * itself, and text under three characters) the query is returned as it is, ordered by its id.
 * The caller keeps its exact LIKE: this only narrows.
 */
export function searchByTrigrams<Q extends SelectQueryBuilder<any, any, any>>(db: Kysely<any>, query: Q, index: TrigramIndex, idColumn: string, text: string): TrigramSearch<Q> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter) || [...text].length < 3) return { query, order: idColumn };
  const phrase = `"${text.replace(/"/g, '""')}"`;
  const narrowed = query
    .innerJoin(sql.table(index).as('trigram_match'), (join) => join.onRef(sql.ref('trigram_match.rowid') as never, '=', sql.ref(idColumn) as never))
    .where(sql<boolean>`${sql.ref(`trigram_match.${index}`)} match ${phrase}`) as Q;
  return { query: narrowed, order: 'trigram_match.rowid' };
}
