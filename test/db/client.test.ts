import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, reusingStatements, type Store } from '../../src/db/client.js';

describe('SQLite store', () => {
  let store: Store | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await store?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  function open(): Store {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-db-'));
    store = openStore({ kind: 'sqlite', file: path.join(dir, 'test.db') });
    return store;
  }

  it('answers a repeated query with the rows as they are now, not as when it was first run', async () => {
    const { db } = open();
    await sql`create table notes (id integer primary key, body text not null)`.execute(db);
    const read = () => sql<{ body: string }>`select body from notes order by id`.execute(db);
    expect((await read()).rows).toEqual([]);
    await sql`insert into notes (body) values (${'first'})`.execute(db);
    expect((await read()).rows).toEqual([{ body: 'first' }]);
    await sql`alter table notes add column tag text`.execute(db);
    await sql`insert into notes (body, tag) values (${'second'}, ${'x'})`.execute(db);
    expect((await read()).rows.map((r) => r.body)).toEqual(['first', 'second']);
  });

  it('gives a query of the same text its own statement while an earlier one is still being read', () => {
    const sqlite = new SqliteDatabase(':memory:');
    const database = reusingStatements(sqlite);
    sqlite.exec(`create table notes (id integer primary key, body text not null); insert into notes (body) values ('a'), ('b'), ('c')`);
    const text = 'select body from notes order by id';
    const seen: string[] = [];
    for (const row of (database.prepare(text) as SqliteDatabase.Statement).iterate() as Iterable<{ body: string }>) {
      const again = (database.prepare(text) as SqliteDatabase.Statement).all() as Array<{ body: string }>;
      seen.push(`${row.body}:${again.map((r) => r.body).join('')}`);
    }
    expect(seen).toEqual(['a:abc', 'b:abc', 'c:abc']);
    database.close();
  });
});
