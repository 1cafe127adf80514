import SqliteDatabase from 'better-sqlite3';
import type { SqliteDatabase as KyselySqlite, SqliteStatement } from 'kysely';

/** Statements SQLite refuses inside a transaction, or ignores there (some PRAGMAs); they run as they are. */
const OUTSIDE_TRANSACTIONS = /^\s*(vacuum|pragma)\b/i;

/**
 * SQLite has no deferred triggers, so the store plays their part for the search index. Triggers
 * (migration 0092) note each post whose search row must change in `post_search_pending`, and
 * emptying that table rewrites the row of each post it held, once (its delete trigger). This
 * empties it just before every commit, and after a write made outside a transaction, in one
 * transaction with that write. So a post is indexed once per transaction however many of its
 * rows the transaction writes, no path that writes through the store can leave it out, and a
 * rolled-back write leaves the index as it was.
 */
export function indexingAtCommit(sqlite: SqliteDatabase.Database, database: KyselySqlite): KyselySqlite {
  const flush = pendingFlush(sqlite);
  const writeAndFlush = sqlite.transaction((write: () => unknown) => {
    const result = write();
    flush();
    return result;
  });
  const withFlush = <T>(write: () => T): T => writeAndFlush(write) as T;
  return {
    close: () => database.close(),
    prepare(text: string): SqliteStatement {
      const statement = database.prepare(text) as SqliteDatabase.Statement;
      if (text === 'commit') {
        return {
          reader: false,
          all: (parameters) => statement.all(parameters),
          run: (parameters) => {
            flush();
            return statement.run(parameters);
          },
          iterate: (parameters) => statement.iterate(parameters),
        };
      }
      if (statement.readonly || OUTSIDE_TRANSACTIONS.test(text)) return statement;
      return {
        reader: statement.reader,
        all: (parameters) => (sqlite.inTransaction ? statement.all(parameters) : withFlush(() => statement.all(parameters))),
        run: (parameters) => (sqlite.inTransaction ? statement.run(parameters) : withFlush(() => statement.run(parameters))),
        iterate: (parameters) => statement.iterate(parameters),
      };
    },
  };
}

/** Empties `post_search_pending` if it holds anything; nothing on a schema that predates it. */
function pendingFlush(sqlite: SqliteDatabase.Database): () => void {
  let statements: { any: SqliteDatabase.Statement; empty: SqliteDatabase.Statement } | undefined;
  return () => {
    try {
      statements ??= { any: sqlite.prepare('select 1 from post_search_pending limit 1'), empty: sqlite.prepare('delete from post_search_pending') };
      if (statements.any.get() !== undefined) statements.empty.run();
    } catch (error) {
      if (!(error instanceof SqliteDatabase.SqliteError) || !/no such table: (main\.)?post_search_pending\b/.test(error.message)) throw error;
      statements = undefined;
    }
  };
}
