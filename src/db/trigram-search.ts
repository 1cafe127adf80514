import { SqliteAdapter, sql, type Kysely, type RawBuilder } from 'kysely';

/** Tables with a SQLite FTS5 trigram index of their `email` and `name` (migration 0074). */
export type TrigramIndex = 'subscriber_trigrams' | 'member_trigrams';

/**
 * On SQLite, `idColumn in (rows whose email or name contains text)` answered from the table's
 * trigram index, to narrow a LIKE search before it reads rows; null where it cannot help (on
 * PostgreSQL, whose trigram indexes serve the LIKE itself, and for text under three characters).
 * The caller keeps its exact LIKE: this only narrows.
 */
export function trigramCandidates(db: Kysely<any>, index: TrigramIndex, idColumn: string, text: string): RawBuilder<boolean> | null {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter) || [...text].length < 3) return null;
  const phrase = `"${text.replace(/"/g, '""')}"`;
  return sql<boolean>`${sql.ref(idColumn)} in (select rowid from ${sql.table(index)} where ${sql.table(index)} match ${phrase})`;
}
