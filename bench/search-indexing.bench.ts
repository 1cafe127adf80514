// What writing the search index costs a Ghost import and editor saves, with the index written as
// before migration 0092 (a database at 0091: SQLite rewrote a post's row for the post and for
// each of its link rows, and both databases for any save naming a searched column) and as now,
// side by side in one run on SQLite and PostgreSQL. Each pair runs twice, in both orders.
// Usage: node --import tsx bench/search-indexing.bench.ts [-- --posts 2000 --saves 300]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Migrator } from 'kysely';
import pg from 'pg';
import pino from 'pino';
import type { DatabaseConfig } from '../src/config/schema.js';
import { openStore } from '../src/db/client.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { migrationProvider } from '../src/db/migrations/index.js';
import { outboxMailer } from '../src/email/index.js';
import { importGhost } from '../src/portability/ghost/ghost.importer.js';
import { createServices } from '../src/services.js';
import { writeLargeGhostExport } from '../test/portability/ghost-large.js';
import { startCluster } from '../test/support/postgres-cluster.js';

const argv = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = argv.indexOf(name);
  return at === -1 ? fallback : Math.max(1, Number(argv[at + 1]) || fallback);
};
const POSTS = option('--posts', 2_000);
const SAVES = option('--saves', 300);
type Variant = 'before' | 'now';

interface Figures {
  importMsPerPost: number;
  saveMs: number;
  unsearchedSaveMs: number;
}

async function measure(database: DatabaseConfig, dataDir: string, file: string, variant: Variant): Promise<Figures> {
  const store = openStore(database);
  await migrateToLatest(store.db);
  if (variant === 'before') {
    const { error } = await new Migrator({ db: store.db, provider: migrationProvider, allowUnorderedMigrations: true }).migrateTo('0091-create-follow-alert-posts');
    if (error) throw error;
  }
  const services = createServices(store, { logger: pino({ level: 'silent' }), mailer: outboxMailer({ dataDir, mailFrom: undefined }), dataDir });
  try {
    const began = performance.now();
    const report = await importGhost(services, file);
    const imported = report.counts.post?.created ?? 0;
    const importMsPerPost = (performance.now() - began) / imported;
    const ids = (await store.db.selectFrom('posts').select('id').where('type', '=', 'post').orderBy('id').limit(SAVES).execute()).map((r) => r.id);
    // Each save alone: the recommendations it sets off run between saves, outside the timing.
    const timedSaves = async (change: (n: number) => Record<string, unknown>) => {
      let spent = 0;
      for (const [n, id] of ids.entries()) {
        await services.recommendations.settled();
        const start = performance.now();
        await services.posts.update(id, change(n));
        spent += performance.now() - start;
      }
      return spent / ids.length;
    };
    const saveMs = await timedSaves((n) => ({ title: `Retitled piece ${n}` }));
    const unsearchedSaveMs = await timedSaves(() => ({ featured: true }));
    return { importMsPerPost, saveMs, unsearchedSaveMs };
  } finally {
    await services.runner.stop();
    await services.recommendations.settled();
    await store.close();
  }
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-search-indexing-'));
  const cluster = await startCluster();
  try {
    const file = path.join(dir, 'ghost.json');
    writeLargeGhostExport(file, { posts: POSTS, members: 0, bodyChars: 3_000, format: 'lexical' });
    let fresh = 0;
    const databases: Record<string, () => Promise<DatabaseConfig>> = {
      SQLite: async () => ({ kind: 'sqlite', file: path.join(dir, `db-${(fresh += 1)}`, 'masthead.db') }),
      PostgreSQL: async () => {
        const name = `bench_${(fresh += 1)}`;
        const admin = new pg.Client({ connectionString: cluster.url });
        await admin.connect();
        await admin.query(`create database ${name}`);
        await admin.end();
        return { kind: 'postgres', url: cluster.url.replace(/\/[^/]*$/, `/${name}`) };
      },
    };
    console.log(`${POSTS} posts imported from Ghost (two tags and an author each), then ${SAVES} saves of a title and ${SAVES} saves of an unsearched field`);
    console.log('| database | figure | before 0092 | now | now / before |');
    console.log('|---|---|---:|---:|---:|');
    for (const [name, fresh] of Object.entries(databases)) {
      const runs: Record<Variant, Figures[]> = { before: [], now: [] };
      for (const order of [
        ['before', 'now'],
        ['now', 'before'],
      ] as Array<[Variant, Variant]>) {
        for (const variant of order) {
          const dataDir = fs.mkdtempSync(path.join(dir, 'data-'));
          const figures = await measure(await fresh(), dataDir, file, variant);
          runs[variant].push(figures);
          process.stderr.write(`${name} ${variant}: ${JSON.stringify(figures)}\n`);
        }
      }
      const mean = (variant: Variant, figure: keyof Figures) => runs[variant].reduce((sum, run) => sum + run[figure], 0) / runs[variant].length;
      for (const [figure, label] of [
        ['importMsPerPost', 'import, ms per post'],
        ['saveMs', 'save of a title, ms'],
        ['unsearchedSaveMs', 'save of an unsearched field, ms'],
      ] as Array<[keyof Figures, string]>) {
        const before = mean('before', figure);
        const now = mean('now', figure);
        console.log(`| ${name} | ${label} | ${before.toFixed(2)} | ${now.toFixed(2)} | ${(now / before).toFixed(2)} |`);
      }
    }
  } finally {
    cluster.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
