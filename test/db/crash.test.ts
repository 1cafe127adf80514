import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/db/client.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { dialects, freshDatabase } from '../support/stores.js';

const writer = path.resolve('test/support/crash-writer.ts');

describe.each(dialects)('a writer killed with SIGKILL on %s', (dialect) => {
  it('leaves a consistent database that holds every post it reported committed', async () => {
    const database = await freshDatabase(dialect);
    const setup = openStore(database.config);
    await migrateToLatest(setup.db);
    await setup.close();

    const child = spawn(process.execPath, ['--import', 'tsx', writer, JSON.stringify(database.config)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const committed: number[] = [];
    await new Promise<void>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`writer exited early: ${code}`))));
      readline.createInterface({ input: child.stdout! }).on('line', (line) => {
        const match = /^committed (\d+)$/.exec(line);
        if (match) committed.push(Number(match[1]));
        // Kill at an arbitrary point once plenty has been written; it is usually mid-transaction.
        if (committed.length === 60) setTimeout(() => child.kill('SIGKILL'), 7);
      });
    });

    const store = openStore(database.config);
    try {
      if (dialect === 'sqlite') {
        const check = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(store.db);
        expect(check.rows[0]?.integrity_check).toBe('ok');
      }
      const posts = await store.db.selectFrom('posts').select(['id', 'work_id']).execute();
      const ids = new Set(posts.map((p) => p.id));
      for (const id of committed) expect(ids.has(id), `committed post ${id} is missing`).toBe(true);
      expect(posts.length).toBeGreaterThanOrEqual(committed.length);
      // Every post that exists is whole: its authors, tags and reviewed work were written with it.
      const tagCounts = await store.db
        .selectFrom('post_tags')
        .select(['post_id', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy('post_id')
        .execute();
      const authorCounts = await store.db
        .selectFrom('post_authors')
        .select(['post_id', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy('post_id')
        .execute();
      expect(tagCounts.filter((r) => Number(r.n) === 3).length).toBe(posts.length);
      expect(authorCounts.filter((r) => Number(r.n) === 2).length).toBe(posts.length);
      expect(posts.every((p) => p.work_id !== null)).toBe(true);
      const credits = await store.db.selectFrom('work_credits').select('work_id').execute();
      expect(new Set(credits.map((c) => c.work_id)).size).toBe(posts.length);
    } finally {
      await store.close();
      await database.drop();
    }
  });
});
