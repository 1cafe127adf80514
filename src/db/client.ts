import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresAdapter, PostgresDialect, SqliteDialect, type SqliteDatabase as KyselySqlite, type Transaction } from 'kysely';
import { LRUCache } from 'lru-cache';
import type pg from 'pg';
import type { DatabaseConfig } from '../config/schema.js';
import { refuseNulText } from './nul-guard.js';
import { indexingAtCommit } from './sqlite-index-at-commit.js';
import type { Database } from './tables.js';

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Either the database or an open transaction: repositories accept both. */
export type DbOrTx = Db | Tx;

/** Whether the queries run on PostgreSQL (else SQLite), for the few that must differ. */
export function onPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export interface Store {
  db: Db;
  dialect: 'sqlite' | 'postgres';
  close(): Promise<void>;
}

// The PostgreSQL client is loaded only by a store that uses it: a SQLite site never carries it.
const requirePg = () => createRequire(import.meta.url)('pg') as typeof pg;

const INT8_OID = 20;
const NUMERIC_OID = 1700;

export interface StoreOptions {
  poolSize?: number;
  /** Told when an idle PostgreSQL connection breaks (server restart, network); the pool replaces it. */
  onConnectionError?: (error: Error) => void;
}

export function openStore(config: DatabaseConfig, options: StoreOptions = {}): Store {
  if (config.kind === 'postgres') {
    const { Pool, types } = requirePg();
    const pool = new Pool({
      connectionString: config.url,
      max: options.poolSize ?? 10,
      // count(*) and sums arrive as numbers, not strings, without touching pg's global parsers.
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === INT8_OID || oid === NUMERIC_OID ? (value: string) => Number(value) : types.getTypeParser(oid, format))) as typeof types.getTypeParser,
      },
    });
    pool.on('error', options.onConnectionError ?? (() => {}));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [refuseNulText] });
    return { db, dialect: 'postgres', close: () => db.destroy() };
  }

  if (config.file !== ':memory:') fs.mkdirSync(path.dirname(config.file), { recursive: true });
  const sqlite = new SqliteDatabase(config.file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: indexingAtCommit(sqlite, reusingStatements(sqlite)) }), plugins: [refuseNulText] });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

/** How many distinct statements stay prepared; a site uses a few hundred. */
const PREPARED_STATEMENTS = 1000;

/**
 * The SQLite database as Kysely sees it, keeping each statement prepared by its SQL text: Kysely
 * prepares every query anew, which for a short read costs as much as running it. A statement still
 * being iterated (a streamed query) is busy, so another query with the same text gets its own.
 */
export function reusingStatements(sqlite: SqliteDatabase.Database): KyselySqlite {
  const statements = new LRUCache<string, SqliteDatabase.Statement>({ max: PREPARED_STATEMENTS });
  return {
    close: () => sqlite.close(),
    prepare(text: string) {
      const kept = statements.get(text);
      if (kept && !kept.busy) return kept;
      const statement = sqlite.prepare(text);
      if (!kept) statements.set(text, statement);
      return statement;
    },
  };
}

/**
 * Runs work in a transaction, or directly in the caller's transaction when the database handle
 * already is one (services built over a transaction, as the importer does).
 */
export function inTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db as Tx) : db.transaction().execute(work);
}
