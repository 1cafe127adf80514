// npm run bench:large — the admin lists of a large site through the real admin API, on SQLite and
// PostgreSQL: 100,000 posts, 1,000,000 newsletter subscribers and 100,000 members, seeded with bulk
// inserts. Each list (first page, a deep page, sorted or filtered, searched) is asked for many times
// by a signed-in administrator; p50 and p95 of the answer times are reported with the load average.
// Usage: npm run bench:large [-- --posts 100000 --subscribers 1000000 --members 100000 --runs 40 --only sqlite|postgres]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pino from 'pino';
import { buildApp } from '../src/app.js';
import type { DatabaseConfig } from '../src/config/schema.js';
import { openStore } from '../src/db/client.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { outboxMailer } from '../src/email/index.js';
import { createServices } from '../src/services.js';
import { staffClient } from '../test/admin-api/support/admin-client.js';
import { startCluster } from '../test/support/postgres-cluster.js';
import { seedMembers, seedPosts, seedSubscribers } from './support/large-site.js';

const argv = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const at = argv.indexOf(`--${name}`);
  return at >= 0 ? Number(argv[at + 1]) || fallback : fallback;
};
const sizes = { posts: flag('posts', 100_000), subscribers: flag('subscribers', 1_000_000), members: flag('members', 100_000) };
const RUNS = flag('runs', 40);
const logger = pino({ level: 'silent' });

interface Probe {
  list: string;
  label: string;
  url: string;
  /** For a page read by cursor: the page before it, whose `next` the probe passes as `after`. */
  before?: string;
}

function probes(): Probe[] {
  const deep = (n: number, limit: number) => Math.max(0, Math.floor((n * 0.8) / limit) * limit);
  return [
    { list: 'posts', label: 'first page', url: '/admin/api/posts?limit=20' },
    { list: 'posts', label: 'deep page (80% in)', url: `/admin/api/posts?limit=20&offset=${deep(sizes.posts, 20)}` },
    { list: 'posts', label: 'deep page (80% in) by cursor', url: '/admin/api/posts?limit=20', before: `/admin/api/posts?limit=20&offset=${deep(sizes.posts, 20) - 20}` },
    { list: 'posts', label: 'filtered by status (drafts)', url: '/admin/api/posts?limit=20&status=draft' },
    { list: 'posts', label: 'filtered by status, deep page', url: `/admin/api/posts?limit=20&status=published&offset=${deep(sizes.posts * 0.9, 20)}` },
    { list: 'posts', label: 'searched by a title word', url: '/admin/api/posts?limit=20&q=orchard' },
    { list: 'posts', label: 'searched, no match', url: '/admin/api/posts?limit=20&q=zeppelin' },
    { list: 'subscribers', label: 'first page', url: '/admin/api/newsletter/subscribers?limit=50' },
    { list: 'subscribers', label: 'deep page (80% in)', url: `/admin/api/newsletter/subscribers?limit=50&offset=${deep(sizes.subscribers, 50)}` },
    { list: 'subscribers', label: 'deep page (80% in) by cursor', url: '/admin/api/newsletter/subscribers?limit=50', before: `/admin/api/newsletter/subscribers?limit=50&offset=${deep(sizes.subscribers, 50) - 50}` },
    { list: 'subscribers', label: 'filtered by status (unsubscribed)', url: '/admin/api/newsletter/subscribers?limit=50&status=unsubscribed' },
    { list: 'subscribers', label: 'filtered by newsletter', url: '/admin/api/newsletter/subscribers?limit=50&newsletter=film-notes' },
    { list: 'subscribers', label: 'searched by an exact email', url: `/admin/api/newsletter/subscribers?limit=50&q=reader${Math.floor(sizes.subscribers / 3)}@example.com` },
    { list: 'subscribers', label: 'searched by a name word', url: '/admin/api/newsletter/subscribers?limit=50&q=harbour' },
    { list: 'members', label: 'first page', url: '/admin/api/members?limit=50' },
    { list: 'members', label: 'deep page (80% in)', url: `/admin/api/members?limit=50&offset=${deep(sizes.members, 50)}` },
    { list: 'members', label: 'deep page (80% in) by cursor', url: '/admin/api/members?limit=50', before: `/admin/api/members?limit=50&offset=${deep(sizes.members, 50) - 50}` },
    { list: 'members', label: 'searched by an exact email', url: `/admin/api/members?limit=50&q=member${Math.floor(sizes.members / 3)}@example.com` },
    { list: 'members', label: 'searched by a name word', url: '/admin/api/members?limit=50&q=harbour' },
  ];
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function measure(name: string, config: DatabaseConfig, dataDir: string): Promise<Map<string, { p50: number; p95: number }>> {
  const store = openStore(config);
  await migrateToLatest(store.db);
  const began = performance.now();
  const progress = (what: string) => (done: number, total: number) => process.stderr.write(`\r${name}: ${what} ${done.toLocaleString('en')}/${total.toLocaleString('en')}   `);
  await seedPosts(store.db, sizes.posts, progress('posts'));
  await seedSubscribers(store.db, sizes.subscribers, progress('subscribers'));
  await seedMembers(store.db, sizes.members, progress('members'));
  // What autovacuum does after a bulk load: statistics for the planner (and its row estimates).
  if (config.kind === 'postgres') await sql`analyze`.execute(store.db);
  process.stderr.write(`\r${name}: seeded in ${Math.round((performance.now() - began) / 1000)} s${' '.repeat(30)}\n`);
  const services = createServices(store, { logger, dataDir, mailer: outboxMailer({ dataDir, mailFrom: undefined }) });
  const app = await buildApp({ config: { publicUrl: 'http://localhost:3000', themeDir: undefined, dataDir }, services, logger });
  await app.ready();
  const { client } = await staffClient(app, services, 'administrator');
  const results = new Map<string, { p50: number; p95: number }>();
  try {
    for (const probe of probes()) {
      const times: number[] = [];
      const before = probe.before === undefined ? undefined : (await client.call('GET', probe.before)).json();
      const url = before === undefined ? probe.url : `${probe.url}&after=${before.page?.next ?? before.next}`;
      for (let i = 0; i < RUNS + 3; i += 1) {
        const started = performance.now();
        const res = await client.call('GET', url);
        const took = performance.now() - started;
        if (res.statusCode !== 200) throw new Error(`${url} answered ${res.statusCode}: ${res.body}`);
        if (i >= 3) times.push(took);
      }
      times.sort((a, b) => a - b);
      results.set(`${probe.list}: ${probe.label}`, { p50: percentile(times, 50), p95: percentile(times, 95) });
      process.stderr.write(`${name}: ${probe.list}: ${probe.label}: p95 ${percentile(times, 95).toFixed(1)} ms\n`);
    }
  } finally {
    await app.close();
    await services.runner.stop();
    await store.close();
  }
  return results;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-large-'));
const cluster = await startCluster();
try {
  const loadBefore = os.loadavg();
  const only = argv[argv.indexOf('--only') + 1];
  const none = new Map<string, { p50: number; p95: number }>();
  const sqlite = only === 'postgres' ? none : await measure('SQLite', { kind: 'sqlite', file: path.join(dir, 'large.db') }, dir);
  const postgres = only === 'sqlite' ? none : await measure('PostgreSQL', { kind: 'postgres', url: cluster.url }, dir);
  const loadAfter = os.loadavg();
  const ms = (n: number) => n.toFixed(1);
  const count = (n: number) => n.toLocaleString('en');
  console.log(`\nLarge site: ${count(sizes.posts)} posts, ${count(sizes.subscribers)} subscribers, ${count(sizes.members)} members; ${RUNS} requests per row; ${os.cpus().length} cores`);
  console.log(`Load average (1/5/15 min): ${loadBefore.map((l) => l.toFixed(1)).join(' ')} at the start, ${loadAfter.map((l) => l.toFixed(1)).join(' ')} at the end\n`);
  console.log('| admin list | SQLite p50 | SQLite p95 | PostgreSQL p50 | PostgreSQL p95 |');
  console.log('|---|---:|---:|---:|---:|');
  const cells = (r: { p50: number; p95: number } | undefined) => (r ? `${ms(r.p50)} ms | ${ms(r.p95)} ms` : '– | –');
  for (const label of new Set([...sqlite.keys(), ...postgres.keys()])) console.log(`| ${label} | ${cells(sqlite.get(label))} | ${cells(postgres.get(label))} |`);
} finally {
  cluster.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
