// Store throughput on SQLite and PostgreSQL with a 100,000-post corpus.
// Usage: npm run bench [-- --posts 100000]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { openStore, type Store } from '../src/db/client.js';
import type { DatabaseConfig } from '../src/config/schema.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { outboxMailer } from '../src/email/index.js';
import { createServices, type Services } from '../src/services.js';
import { startCluster } from '../test/support/postgres-cluster.js';

const argv = process.argv.slice(2);
const total = Number(argv[argv.indexOf('--posts') + 1] ?? 0) || 100_000;
const logger = pino({ level: 'silent' });

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);

const sections = ['film', 'television', 'books', 'music', 'culture', 'politics', 'life', 'news'];
const words = 'light city river portrait summer quiet novel stage archive letter harbour window orchard ballad morning'.split(' ');

function body(i: number): string {
  const paragraph = (n: number) => Array.from({ length: 60 }, (_, k) => words[(i * 7 + n * 13 + k) % words.length]).join(' ');
  return `${paragraph(1)}.\n\n## A subheading\n\n${paragraph(2)}.\n\n> ${paragraph(3).slice(0, 120)}\n\n${paragraph(4)}.`;
}

async function seed(services: Services, report: (done: number) => void): Promise<number[]> {
  for (const [i, slug] of sections.entries()) await services.taxonomy.createTag({ name: slug, slug, isSection: true, navOrder: i });
  for (let a = 0; a < 40; a += 1) await services.taxonomy.createAuthor({ name: `Writer ${a}`, slug: `writer-${a}` });
  const start = Date.parse('2016-01-01T00:00:00Z');
  const ids: number[] = [];
  for (let i = 0; i < total; i += 1) {
    const review = i % 4 === 0;
    const post = await services.posts.create({
      title: `Piece number ${i} about ${words[i % words.length]}`,
      body: body(i),
      authors: [`writer-${i % 40}`, ...(i % 9 === 0 ? [`writer-${(i + 1) % 40}`] : [])],
      tags: [sections[i % sections.length]!, sections[(i + 3) % sections.length]!],
      status: 'published',
      publishedAt: new Date(start + i * 60_000 * 47).toISOString(),
      format: review ? 'review' : 'article',
      ...(review
        ? {
            review: {
              work: {
                type: 'movie',
                title: `Film ${i}`,
                year: 1990 + (i % 35),
                runtimeMinutes: 80 + (i % 70),
                credits: [
                  { name: `Director ${i % 500}`, role: 'director' },
                  { name: `Actor ${i % 900}`, role: 'cast', character: 'Lead' },
                  { name: `Actor ${(i + 7) % 900}`, role: 'cast', character: 'Friend' },
                ],
              },
              rating: { value: i % 5, scale: 5 },
            },
          }
        : {}),
    });
    ids.push(post.id);
    if (i % 1000 === 999) report(i + 1);
  }
  return ids;
}

async function timed<T>(count: number, run: (i: number) => Promise<T>): Promise<number> {
  const began = process.hrtime.bigint();
  for (let i = 0; i < count; i += 1) await run(i);
  return count / (Number(process.hrtime.bigint() - began) / 1e9);
}

async function measure(name: string, config: DatabaseConfig) {
  const store: Store = openStore(config);
  await migrateToLatest(store.db);
  const services = createServices(store, { logger, mailer: outboxMailer({ dataDir: os.tmpdir(), mailFrom: undefined }) });
  const began = process.hrtime.bigint();
  const ids = await seed(services, (done) => process.stderr.write(`\r${name}: inserted ${done}/${total}`));
  const insertSeconds = Number(process.hrtime.bigint() - began) / 1e9;
  process.stderr.write('\n');
  const random = (i: number) => ids[(i * 7919) % ids.length]!;
  const tagIds = (await services.taxonomy.listTags()).map((t) => t.id);
  const postReads = await timed(5000, async (i) => services.posts.get(random(i)));
  const firstPages = await timed(2000, async (i) => services.posts.list({ tagId: tagIds[i % tagIds.length]! }, { limit: 12 }));
  const deepPages = await timed(500, async (i) => services.posts.list({ tagId: tagIds[i % tagIds.length]! }, { limit: 12, offset: 12 * (500 + (i % 1500)) }));
  const homePages = await timed(2000, async (i) => services.posts.list({}, { limit: 12, offset: 12 * (i % 50) }));
  await store.close();
  return { name, insertPerSecond: total / insertSeconds, postReads, firstPages, deepPages, homePages };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-bench-'));
const cluster = await startCluster();
try {
  const results = [await measure('SQLite', { kind: 'sqlite', file: path.join(dir, 'bench.db') }), await measure('PostgreSQL', { kind: 'postgres', url: cluster.url })];
  clearInterval(sampler);
  const fmt = (n: number) => Math.round(n).toLocaleString('en');
  console.log(`\nStore benchmark: ${total.toLocaleString('en')} posts (a quarter of them film reviews with credits), ${os.cpus().length} cores\n`);
  console.log('| | SQLite | PostgreSQL |');
  console.log('|---|---:|---:|');
  const row = (label: string, key: keyof (typeof results)[number]) => console.log(`| ${label} | ${fmt(results[0]![key] as number)} | ${fmt(results[1]![key] as number)} |`);
  row('posts inserted per second (through the post service: validation, rendering, links, review facts)', 'insertPerSecond');
  row('whole posts read per second (authors, tags, review facts)', 'postReads');
  row('section archive, first page of 12, per second', 'firstPages');
  row('section archive, pages 500–2000, per second', 'deepPages');
  row('home archive pages 1–50 per second', 'homePages');
  console.log(`\nPeak RSS of the benchmark process: ${Math.round(peakRss / 1024 / 1024)} MB`);
} finally {
  cluster.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
