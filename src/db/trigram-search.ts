import { SqliteAdapter, sql, type Kysely, type SelectQueryBuilder } from 'kysely';

/** Tables with a SQLite FTS5 trigram index of their `email` and `name` (migration 0074). */
export type TrigramIndex = 'subscriber_trigrams' | 'member_trigrams';

/** A list's query narrowed by a text search, and the column that gives its order (newest first). */
export interface TrigramSearch<Q> {
  query: Q;
  order: string;
}

/**
 * The search text as a stored address (addresses are kept in lower case) when it is a whole email
 * address. Such a search finds that one address through the table's unique email index instead
 * of matching parts of every address and name.
 */
export function wholeEmail(text: string): string | undefined {
  const address = text.trim().toLowerCase();
  return /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(address) ? address : undefined;
}

/** Up to this many matches a search reads the index's matches first; past it the index drives the query. */
const FEW_MATCHES = 10_000;

/**
 * On SQLite, narrows a list's query to the rows its table's trigram index matches. A search
 * with few matches (up to FEW_MATCHES, found by a bounded look at the index) checks ids against
 * the index's matches, read once. A search with many (a common word) is instead driven by the
 * index: rows come from its matches in descending id order (`order`, the index's rowid), so a
 * page or a bounded count stops after the rows it needs instead of collecting every match. (The
 * index reads a long, rare phrase slowly in descending order, hence the two ways.) Where the
 * index cannot help (PostgreSQL, whose trigram indexes serve the LIKE itself, and text under
 * three characters) the query is returned as it is, ordered by its id. The caller keeps its
 * exact LIKE: this only narrows.
 */
export async function searchByTrigrams<Q extends SelectQueryBuilder<any, any, any>>(db: Kysely<any>, query: Q, index: TrigramIndex, idColumn: string, text: string): Promise<TrigramSearch<Q>> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter) || [...text].length < 3) return { query, order: idColumn };
  const phrase = `"${text.replace(/"/g, '""')}"`;
  const matches = sql`select rowid from ${sql.table(index)} where ${sql.table(index)} match ${phrase}`;
  const { rows } = await sql<{ n: number }>`select count(*) as n from (${matches} limit ${FEW_MATCHES + 1})`.execute(db);
  if (Number(rows[0]!.n) <= FEW_MATCHES) return { query: query.where(sql<boolean>`${sql.ref(idColumn)} in (${matches})`) as Q, order: idColumn };
  const driven = query
    .innerJoin(sql.table(index).as('trigram_match'), (join) => join.onRef(sql.ref('trigram_match.rowid') as never, '=', sql.ref(idColumn) as never))
    .where(sql<boolean>`${sql.ref(`trigram_match.${index}`)} match ${phrase}`) as Q;
  return { query: driven, order: 'trigram_match.rowid' };
}
