// Search latency and recommendation cost on SQLite and PostgreSQL with a 100,000-post corpus.
// Usage: npm run bench:search [-- --posts 100000] [-- --only sqlite|postgres]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pino from 'pino';
import type { DatabaseConfig } from '../src/config/schema.js';
import { openStore } from '../src/db/client.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { outboxMailer } from '../src/email/index.js';
import { createServices, type Services } from '../src/services.js';
import { startCluster } from '../test/support/postgres-cluster.js';
import { loadCorpus, random, sections } from './support/corpus.js';

const argv = process.argv.slice(2);
const total = Number(argv[argv.indexOf('--posts') + 1] ?? 0) || 100_000;
/** `--only sqlite` or `--only postgres` measures one database. */
const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : undefined;
const SAMPLES = 300;

type Query = Record<string, string>;

/** Typical queries: a distinctive word, a common one, two words, a prefix, a filtered one. */
function queries(words: string[]): Record<string, Query[]> {
  const next = random(99);
  // Ranks 20–2,000 of the vocabulary: neither stop-word-like nor vanishingly rare.
  const word = () => words[20 + Math.floor(next() * 1980)]!;
  // Ranks 2,000–20,000: names and distinctive words, what readers of a magazine mostly search for.
  const rarer = () => words[2000 + Math.floor(next() * 18000)]!;
  return {
    'one distinctive word': Array.from({ length: SAMPLES }, () => ({ q: rarer() })),
    'one common word': Array.from({ length: SAMPLES }, () => ({ q: word() })),
    'two words': Array.from({ length: SAMPLES }, () => ({ q: `${word()} ${word()}` })),
    'prefix (as you type)': Array.from({ length: SAMPLES }, () => ({ q: word().slice(0, 4) })),
    'one word, section and date range': Array.from({ length: SAMPLES }, () => ({
      q: word(),
      section: sections[Math.floor(next() * sections.length)]!,
      from: '2018-01-01',
      to: '2023-12-31',
    })),
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function timings(run: (i: number) => Promise<unknown>, count: number): Promise<{ p50: number; p95: number }> {
  const ms: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const began = process.hrtime.bigint();
    await run(i);
    ms.push(Number(process.hrtime.bigint() - began) / 1e6);
  }
  ms.sort((a, b) => a - b);
  return { p50: percentile(ms, 50), p95: percentile(ms, 95) };
}

async function measure(name: string, config: DatabaseConfig) {
  const store = openStore(config);
  await migrateToLatest(store.db);
  const services: Services = createServices(store, { logger: pino({ level: 'silent' }), mailer: outboxMailer({ dataDir: os.tmpdir(), mailFrom: undefined }) });
  const began = Date.now();
  const { words } = await loadCorpus(store.db, { posts: total, onProgress: (done) => process.stderr.write(`\r${name}: loaded ${done}/${total}`) });
  process.stderr.write(`\n${name}: corpus and search index built in ${Math.round((Date.now() - began) / 1000)} s\n`);
  // A running site has planner statistics and, on PostgreSQL, vacuumed tables (autovacuum); a
  // fresh bulk load has neither yet, and autovacuum would otherwise run during the measurement.
  await sql.raw(config.kind === 'postgres' ? 'vacuum analyze' : 'analyze').execute(store.db);
  const results: Record<string, { p50: number; p95: number; hits: number }> = {};
  for (const [label, list] of Object.entries(queries(words))) {
    let hits = 0;
    // One untimed pass warms the caches the way a running site has them warm.
    for (const query of list.slice(0, 20)) await services.search.search(query);
    const timed = await timings(async (i) => {
      hits += (await services.search.search(list[i]!)).total;
    }, list.length);
    results[label] = { ...timed, hits: Math.round(hits / list.length) };
  }
  const ids = (await store.db.selectFrom('posts').select('id').orderBy('id').execute()).map((r) => r.id);
  const pick = random(5);
  const recommendations = await timings(async () => {
    await services.recommendations.update(ids[Math.floor(pick() * ids.length)]!);
  }, 100);
  await store.close();
  return { name, results, recommendations };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-search-bench-'));
// Sized as a server for a site of this size would be (a quarter of a small server's memory; the
// default 128 MB holds about a fifth of the search table and its indexes, 580 MB at 100,000 posts).
const cluster = await startCluster({ shared_buffers: '1GB' });
try {
  const runs = [
    only === 'postgres' ? undefined : await measure('SQLite', { kind: 'sqlite', file: path.join(dir, 'bench.db') }),
    only === 'sqlite' ? undefined : await measure('PostgreSQL', { kind: 'postgres', url: cluster.url }),
  ];
  const ms = (n: number) => n.toFixed(1);
  const cell = (r: { p50: number; p95: number } | undefined) => (r ? `${ms(r.p50)} ms | ${ms(r.p95)} ms` : '– | –');
  console.log(`\nSearch benchmark: ${total.toLocaleString('en')} published posts (~300 words each, Zipf vocabulary of 30,000 words), ${SAMPLES} queries per kind, ${os.cpus().length} cores\n`);
  console.log('| query | matches (mean) | SQLite p50 | SQLite p95 | PostgreSQL p50 | PostgreSQL p95 |');
  console.log('|---|---:|---:|---:|---:|---:|');
  const measured = runs.find((r) => r !== undefined)!;
  for (const label of Object.keys(measured.results)) {
    const [a, b] = [runs[0]?.results[label], runs[1]?.results[label]];
    console.log(`| ${label} | ${(a ?? b)!.hits.toLocaleString('en')} | ${cell(a)} | ${cell(b)} |`);
  }
  console.log(`| recommendations for one post (compute and store) | | ${cell(runs[0]?.recommendations)} | ${cell(runs[1]?.recommendations)} |`);
} finally {
  cluster.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
