// npm run bench:portability — `masthead export` and `masthead import` of a large site, each run as
// the command an operator types (its own process), on SQLite and PostgreSQL, at two sizes, so the
// peak memory is that command's alone and shows whether it grows with the site. The site is seeded
// with bulk inserts: posts with bodies of about 4 KB, subscribers (a third on two newsletters),
// members each with a yearly print subscription and on the fulfilment list of one frozen print
// issue, and a reviewed work, tag and author for every 10, 20 and 50 posts; the export is then
// imported into an empty database.
// Usage: npm run bench:portability [-- --posts 10000 --subscribers 40000 --members 10000 --scales 1,4 --only sqlite|postgres --root DIR --heap MB]
// --root runs the command line of another copy of the source (e.g. the code before a change);
// --heap caps each command's JavaScript heap (--max-old-space-size), so a command that holds a
// list whole fails where one that streams it completes.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { DatabaseConfig } from '../src/config/schema.js';
import { openStore } from '../src/db/client.js';
import type { Database } from '../src/db/tables.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { startCluster } from '../test/support/postgres-cluster.js';
import { seedMembers, seedPosts, seedSubscribers } from './support/large-site.js';

const argv = process.argv.slice(2);
const option = (name: string) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : undefined);
const flag = (name: string, fallback: number) => Number(option(name)) || fallback;
const base = { posts: flag('posts', 10_000), subscribers: flag('subscribers', 40_000), members: flag('members', 10_000) };
const scales = (option('scales') ?? '1,4').split(',').map(Number);
const only = option('only');
const root = path.resolve(option('root') ?? '.');
const heap = option('heap');

interface Measured {
  seconds: number;
  peakMb: number;
}

/** Runs the command line with `args`, sampling its peak resident memory (VmHWM) until it exits. */
function runCommand(args: string[], env: Record<string, string>): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const began = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src/cli/run.ts'), ...args], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let peakKb = 0;
    const sample = () => {
      const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
      peakKb = Math.max(peakKb, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
    };
    const sampler = setInterval(() => {
      try {
        sample();
      } catch {
        // The process has just exited.
      }
    }, 25);
    let errors = '';
    child.stderr.on('data', (d: Buffer) => (errors = (errors + d.toString()).slice(-2000)));
    child.once('error', reject);
    child.once('close', (code) => {
      clearInterval(sampler);
      if (code !== 0) reject(new Error(`masthead ${args[0]} exited with ${code}: ${errors}`));
      else resolve({ seconds: (performance.now() - began) / 1000, peakMb: Math.round(peakKb / 1024) });
    });
  });
}

async function seed(config: DatabaseConfig, sizes: typeof base): Promise<void> {
  const store = openStore(config);
  try {
    await migrateToLatest(store.db);
    const quiet = () => undefined;
    await seedPosts(store.db, sizes.posts, quiet);
    // Bodies of about 4 KB (the seeded 40 words, sixteen times), and articles: a review would need its work.
    const body = sql.raw(Array.from({ length: 16 }, () => 'body_source').join(` || ' ' || `));
    await sql`update posts set body_source = ${body}, html = '<p>' || ${body} || '</p>', plaintext = ${body}, format = 'article'`.execute(store.db);
    await seedSubscribers(store.db, sizes.subscribers, quiet);
    await seedMembers(store.db, sizes.members, quiet);
    await seedMembershipsAndPrint(store.db);
    await seedCatalogue(store.db, sizes.posts);
    if (config.kind === 'postgres') await sql`analyze`.execute(store.db);
  } finally {
    await store.close();
  }
}

const stamp = '2026-11-01T00:00:00.000Z';

/** A print plan with every member on it, and a frozen issue posting a copy to every member. */
async function seedMembershipsAndPrint(db: Kysely<Database>): Promise<void> {
  const plan = await db
    .insertInto('plans')
    .values({ slug: 'bench-print', name: 'Print', tier: 'print', currency: 'gbp', monthly_cents: null, yearly_cents: 6000, gift_cents: null, issues_per_year: 4, created_at: stamp, updated_at: stamp })
    .returning('id')
    .executeTakeFirstOrThrow();
  await sql`insert into subscriptions (member_id, plan_id, billing, status, current_period_end, issues_remaining, created_at, updated_at)
    select id, ${plan.id}, 'year', 'active', '2027-11-01T00:00:00.000Z', 3, ${stamp}, ${stamp} from members`.execute(db);
  const issue = await db
    .insertInto('print_issues')
    .values({
      slug: 'bench-winter',
      name: 'Winter',
      cover_image_url: null,
      on_sale_date: '2026-12-10',
      address_cutoff: '2026-12-01T00:00:00.000Z',
      frozen_at: '2026-12-01T00:00:00.000Z',
      created_at: stamp,
      updated_at: stamp,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await sql`insert into fulfilment_items (issue_id, member_id, name, line1, line2, city, region, postcode, country, quantity)
    select ${issue.id}, id, name, '1 Long Harbour Road', 'The flat at the back', 'Portsmouth', '', 'PO1 2AB', 'GB', 1 from members`.execute(db);
}

/** A reviewed work for every 10 posts, a tag for every 20 and an author for every 50. */
async function seedCatalogue(db: Kysely<Database>, posts: number): Promise<void> {
  const rows = <T>(count: number, row: (i: number) => T): T[] => Array.from({ length: count }, (_, i) => row(i));
  const inBatches = async <T>(all: T[], write: (batch: T[]) => Promise<unknown>) => {
    for (let i = 0; i < all.length; i += 500) await write(all.slice(i, i + 500));
  };
  const works = rows(Math.ceil(posts / 10), (i) => ({
    slug: `bench-work-${i}`,
    type: 'movie',
    title: `Bench film ${i}`,
    year: 1950 + (i % 70),
    organization: 'Studio',
    release_date: null,
    runtime_minutes: 90 + (i % 60),
    availability: '[{"label":"Cinemas"}]',
    created_at: stamp,
    updated_at: stamp,
  }));
  await inBatches(works, (batch) => db.insertInto('works').values(batch).execute());
  const tags = rows(Math.ceil(posts / 20), (i) => ({ slug: `bench-tag-${i}`, name: `Bench tag ${i}`, description: 'A tag for the benchmark, with a line of description.', created_at: stamp, updated_at: stamp }));
  await inBatches(tags, (batch) => db.insertInto('tags').values(batch).execute());
  const authors = rows(Math.ceil(posts / 50), (i) => ({ slug: `bench-author-${i}`, name: `Bench Writer ${i}`, bio: 'Writes about film for the benchmark, at some length.', created_at: stamp, updated_at: stamp }));
  await inBatches(authors, (batch) => db.insertInto('authors').values(batch).execute());
}

interface Row {
  database: string;
  sizes: typeof base;
  exported: Measured;
  bytes: number;
  imported: Measured;
}

async function measure(database: string, dir: string, clusterUrl: string, sizes: typeof base, scale: number): Promise<Row> {
  const envFor = async (name: string): Promise<Record<string, string>> => {
    const dataDir = path.join(dir, `${database}-${scale}-${name}`);
    fs.mkdirSync(dataDir, { recursive: true });
    if (database === 'SQLite') return { DATA_DIR: dataDir };
    const admin = openStore({ kind: 'postgres', url: clusterUrl });
    await sql`create database ${sql.id(`${name}_${scale}`)}`.execute(admin.db);
    await admin.close();
    return { DATA_DIR: dataDir, DATABASE_URL: clusterUrl.replace(/\/postgres$/, `/${name}_${scale}`) };
  };
  const configOf = (env: Record<string, string>): DatabaseConfig => (env.DATABASE_URL ? { kind: 'postgres', url: env.DATABASE_URL } : { kind: 'sqlite', file: path.join(env.DATA_DIR!, 'masthead.db') });
  const source = await envFor('source');
  const began = performance.now();
  await seed(configOf(source), sizes);
  process.stderr.write(`${database} ×${scale}: seeded in ${Math.round((performance.now() - began) / 1000)} s\n`);
  const file = path.join(dir, `site-${database}-${scale}.json`);
  const capped = (env: Record<string, string>) => (heap ? { ...env, NODE_OPTIONS: `--max-old-space-size=${heap}` } : env);
  const exported = await runCommand(['export', file], capped(source));
  const bytes = fs.statSync(file).size;
  process.stderr.write(`${database} ×${scale}: exported ${(bytes / 1048576).toFixed(0)} MB in ${exported.seconds.toFixed(1)} s, peak ${exported.peakMb} MB\n`);
  const imported = await runCommand(['import', file], capped(await envFor('target')));
  process.stderr.write(`${database} ×${scale}: imported in ${imported.seconds.toFixed(1)} s, peak ${imported.peakMb} MB\n`);
  fs.rmSync(file);
  return { database, sizes, exported, bytes, imported };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-portability-'));
const cluster = await startCluster();
try {
  const loadBefore = os.loadavg();
  const rows: Row[] = [];
  for (const scale of scales) {
    const sizes = { posts: base.posts * scale, subscribers: base.subscribers * scale, members: base.members * scale };
    if (only !== 'postgres') rows.push(await measure('SQLite', dir, cluster.url, sizes, scale));
    if (only !== 'sqlite') rows.push(await measure('PostgreSQL', dir, cluster.url, sizes, scale));
  }
  const loadAfter = os.loadavg();
  const count = (n: number) => n.toLocaleString('en');
  console.log(`\nExport and import through the command line, source ${root}${heap ? `, heap capped at ${heap} MB` : ''}; ${os.cpus().length} cores`);
  console.log(`Load average (1/5/15 min): ${loadBefore.map((l) => l.toFixed(1)).join(' ')} at the start, ${loadAfter.map((l) => l.toFixed(1)).join(' ')} at the end\n`);
  console.log('| database | posts / subscribers / members | document | export, s | export peak RSS | import, s | import peak RSS |');
  console.log('|---|---|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    const what = `${count(r.sizes.posts)} / ${count(r.sizes.subscribers)} / ${count(r.sizes.members)}`;
    console.log(`| ${r.database} | ${what} | ${(r.bytes / 1048576).toFixed(0)} MB | ${r.exported.seconds.toFixed(1)} | ${r.exported.peakMb} MB | ${r.imported.seconds.toFixed(1)} | ${r.imported.peakMb} MB |`);
  }
} finally {
  cluster.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
