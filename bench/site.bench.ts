// Public site speed: cached article vs nginx serving the same file, uncached render throughput,
// and uncached archive pages over a 100,000-post corpus. One run; compare the ratios.
// Usage: npm run bench:site [-- --posts 100000 --seconds 10]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import pino from 'pino';
import { anonymous, type Post } from '../src/content/index.js';
import { openStore } from '../src/db/client.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { loadDemoContent } from '../src/demo/index.js';
import { outboxMailer } from '../src/email/index.js';
import { createServices, type Services } from '../src/services.js';
import { ListingMemo } from '../src/site/listing-memo.js';
import type { SiteDeps } from '../src/site/page.js';
import { archivePage } from '../src/site/pages/archive.page.js';
import { homeArchivePage, homePage } from '../src/site/pages/home.page.js';
import { postPage } from '../src/site/pages/post.page.js';
import { renderPage } from '../src/site/render.js';
import { loadTheme } from '../src/site/theme.js';
import { startMasthead, startNginx } from './site-support.js';

const argv = process.argv.slice(2);
const option = (name: string, fallback: number) => Number(argv[argv.indexOf(`--${name}`) + 1] ?? 0) || fallback;
const corpusSize = option('posts', 100_000);
const seconds = option('seconds', 10);
const logger = pino({ level: 'silent' });
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-site-bench-'));
fs.chmodSync(work, 0o755);
const results: string[] = [];
/** CPU time of this process (all threads), in ms: on a shared machine, what the work itself cost. */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const report = (line: string) => {
  results.push(line);
  process.stderr.write(`${line}\n`);
};

async function load(url: string) {
  const result = await autocannon({ url, connections: 32, duration: seconds, pipelining: 1 });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

async function servingBench() {
  const app = await startMasthead(path.join(work, 'app-data'));
  const root = path.join(work, 'static');
  fs.mkdirSync(root, { mode: 0o755 });
  try {
    const feed = await (await fetch(`${app.url}/rss/`)).text();
    const article = /<link>([^<]+)<\/link>\s*<guid/.exec(feed)?.[1]?.replace(/^https?:\/\/[^/]+/, '') ?? '/';
    const html = await (await fetch(`${app.url}${article}`)).text();
    fs.writeFileSync(path.join(root, 'index.html'), html, { mode: 0o644 });
    const nginx = await startNginx(root, work);
    try {
      await autocannon({ url: `${app.url}${article}`, connections: 32, duration: 2 });
      const staticFile = await load(`${nginx.url}/`);
      const cached = await load(`${app.url}${article}`);
      report(`article page: ${article} (${(html.length / 1024).toFixed(1)} KB of HTML, no compression requested)`);
      report(`nginx static file:     ${staticFile.rps.toFixed(0)} req/s, p50 ${staticFile.p50} ms, p99 ${staticFile.p99} ms`);
      report(`Masthead cached page:  ${cached.rps.toFixed(0)} req/s, p50 ${cached.p50} ms, p99 ${cached.p99} ms`);
      report(`ratio Masthead:nginx = ${((cached.rps / staticFile.rps) * 100).toFixed(0)}% (target >= 50%); p99 ${cached.p99} ms (target < 10 ms)`);
    } finally {
      await nginx.stop();
    }
  } finally {
    await app.stop();
  }
}

function openServices(name: string): Services {
  const store = openStore({ kind: 'sqlite', file: path.join(work, `${name}.db`) });
  return createServices(store, { logger, mailer: outboxMailer({ dataDir: work, mailFrom: undefined }), dataDir: work });
}

function siteDeps(services: Services, listings: ListingMemo): SiteDeps {
  return { posts: services.posts, taxonomy: services.taxonomy, settings: services.settings, listings, theme: loadTheme(), publicUrl: 'https://halcyon.example' };
}

async function renderBench() {
  const services = openServices('demo');
  await migrateToLatest(services.store.db);
  await loadDemoContent(services, { artwork: true });
  const memo = new ListingMemo({ posts: services.posts, recommendations: services.recommendations });
  const deps = siteDeps(services, memo);
  const posts = (await services.posts.list({}, { limit: 500 })).posts;
  const render = async (post: Post) => {
    const found = await services.posts.lookupPublic(post.slug);
    if (found.kind !== 'post') throw new Error(`${post.slug} is not published`);
    return renderPage(deps, await services.settings.site(), await postPage(deps, found.post, anonymous));
  };
  const rate = async (name: string, before: () => void) => {
    for (const post of posts) await render(post);
    const began = process.hrtime.bigint();
    const cpuBefore = cpuMs();
    let pages = 0;
    while (Number(process.hrtime.bigint() - began) < 3e9) {
      before();
      await render(posts[pages % posts.length]!);
      pages += 1;
    }
    const perSecond = pages / (Number(process.hrtime.bigint() - began) / 1e9);
    const perCpuSecond = pages / ((cpuMs() - cpuBefore) / 1000);
    report(`uncached article render, ${name}: ${perSecond.toFixed(0)} pages/s, ${perCpuSecond.toFixed(0)} per CPU-second (target >= 2,000)`);
  };
  await rate('"More from" lists in memory (as in the running app)', () => {});
  await rate('every list read from the database', () => memo.clear());
  const page = await postPage(deps, posts[0]!, anonymous);
  const site = await services.settings.site();
  const began = process.hrtime.bigint();
  const cpuBefore = cpuMs();
  let count = 0;
  while (Number(process.hrtime.bigint() - began) < 2e9) {
    renderPage(deps, site, page);
    count += 1;
  }
  const wall = count / (Number(process.hrtime.bigint() - began) / 1e9);
  report(`article template alone (data ready): ${wall.toFixed(0)} pages/s, ${(count / ((cpuMs() - cpuBefore) / 1000)).toFixed(0)} per CPU-second`);
  await services.store.close();
}

const sections = ['film', 'television', 'books', 'music', 'culture', 'politics', 'life', 'news'];
const words = 'light city river portrait summer quiet novel stage archive letter harbour window orchard ballad morning'.split(' ');

const BASE = option('base', 5_000);
const STEP_MINUTES = 47;

/** The first pieces go through the post service like real ones; the rest are SQL copies of them. */
async function seed(services: Services) {
  await services.settings.updateSite({ title: 'Bench', navigation: sections.map((s) => ({ label: s, url: `/tag/${s}/` })) });
  for (const [i, slug] of sections.entries()) await services.taxonomy.createTag({ name: slug, slug, isSection: true, navOrder: i });
  for (let a = 0; a < 40; a += 1) await services.taxonomy.createAuthor({ name: `Writer ${a}`, slug: `writer-${a}` });
  const start = Date.parse('2016-01-01T00:00:00Z');
  const base = Math.min(BASE, corpusSize);
  for (let i = 0; i < base; i += 1) {
    const paragraph = (n: number) => Array.from({ length: 60 }, (_, k) => words[(i * 7 + n * 13 + k) % words.length]).join(' ');
    await services.posts.create({
      title: `Piece number ${i} about ${words[i % words.length]}`,
      body: `${paragraph(1)}.\n\n${paragraph(2)}.`,
      authors: [`writer-${i % 40}`],
      tags: [sections[i % sections.length]!, sections[(i + 3) % sections.length]!],
      status: 'published',
      featured: i % 50 === 0,
      publishedAt: new Date(start + i * 60_000 * STEP_MINUTES).toISOString(),
      featureImage: { url: `/media/bench/${i}.jpg`, alt: `Picture ${i}` },
    });
    if (i % 1000 === 999) process.stderr.write(`\rseeded ${i + 1}/${corpusSize}`);
  }
  const db = services.store.db;
  const columns = (await sql<{ name: string }>`select name from pragma_table_info('posts')`.execute(db)).rows
    .map((r) => r.name)
    .filter((name) => name !== 'id');
  for (let copy = 1; copy * base < corpusSize; copy += 1) {
    const count = Math.min(base, corpusSize - copy * base);
    const shift = `+${copy * base * STEP_MINUTES} minutes`;
    const values = columns.map((c) => {
      if (c === 'slug') return sql`slug || ${`-c${copy}`}`;
      if (c === 'published_at') return sql`strftime('%Y-%m-%dT%H:%M:%fZ', published_at, ${shift})`;
      return sql.ref(c);
    });
    await db.transaction().execute(async (tx) => {
      await sql`insert into posts (${sql.join(columns.map((c) => sql.ref(c)))}) select ${sql.join(values)} from posts where id <= ${count} order by id`.execute(tx);
      for (const table of ['post_tags', 'post_authors'] as const) {
        const link = table === 'post_tags' ? 'tag_id' : 'author_id';
        await sql`insert into ${sql.table(table)} (post_id, ${sql.ref(link)}, position, listed, published_at)
          select copy.id, l.${sql.ref(link)}, l.position, l.listed, copy.published_at
          from ${sql.table(table)} l join posts p on p.id = l.post_id join posts copy on copy.slug = p.slug || ${`-c${copy}`}
          where p.id <= ${count}`.execute(tx);
      }
    });
    process.stderr.write(`\rseeded ${copy * base + count}/${corpusSize}`);
  }
  process.stderr.write('\n');
}

async function archiveBench() {
  const services = openServices('corpus');
  await migrateToLatest(services.store.db);
  await seed(services);
  const memo = new ListingMemo({ posts: services.posts, recommendations: services.recommendations });
  const deps = siteDeps(services, memo);
  const site = await services.settings.site();
  const film = await services.taxonomy.getTag('film');
  const author = await services.taxonomy.getAuthor('writer-7');
  const last = (count: number) => Math.ceil(count / 12);
  const sectionPages = last(await services.posts.count({ tagId: film.id }));
  const authorPages = last(await services.posts.count({ authorId: author.id }));
  const allPages = last(await services.posts.count({}));
  const cases: Array<[string, () => Promise<unknown>]> = [
    ['home', async () => renderPage(deps, site, await homePage(deps))],
    ...[2, Math.min(100, allPages), Math.floor(allPages / 2), allPages].map((n): [string, () => Promise<unknown>] => [
      `archive /page/${n}/`,
      async () => renderPage(deps, site, (await homeArchivePage(deps, n))!),
    ]),
    ...[1, Math.min(50, sectionPages), Math.floor(sectionPages / 2), sectionPages].map((n): [string, () => Promise<unknown>] => [
      `section /tag/film/ page ${n}`,
      async () => renderPage(deps, site, (await archivePage(deps, { kind: 'tag', tag: film }, n))!),
    ]),
    ...[1, Math.max(1, Math.floor(authorPages / 2)), authorPages].map((n): [string, () => Promise<unknown>] => [
      `author /author/writer-7/ page ${n}`,
      async () => renderPage(deps, site, (await archivePage(deps, { kind: 'author', author }, n))!),
    ]),
  ];
  report(`uncached pages over ${corpusSize.toLocaleString('en')} posts (ms; median / p95 of 50 renders; target < 20):`);
  report(`  ${''.padEnd(36)} after a change (memory cleared)   later (page marks kept)`);
  const measure = async (run: () => Promise<unknown>, clear: boolean) => {
    const times: number[] = [];
    for (let i = 0; i < 55; i += 1) {
      if (clear) memo.clear();
      const began = process.hrtime.bigint();
      await run();
      if (i >= 5) times.push(Number(process.hrtime.bigint() - began) / 1e6);
    }
    times.sort((a, b) => a - b);
    return `${times[25]!.toFixed(2)} / ${times[Math.floor(times.length * 0.95)]!.toFixed(2)}`;
  };
  for (const [name, run] of cases) {
    const cold = await measure(run, true);
    const warm = name === 'home' ? '(short lists cleared each time)' : await measure(run, false);
    report(`  ${name.padEnd(36)} ${cold.padEnd(33)} ${warm}`);
  }
  await services.store.close();
}

try {
  report(`machine: ${os.cpus().length} cores, load average before the run ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')}`);
  await servingBench();
  await renderBench();
  await archiveBench();
  process.stdout.write(`\n${results.join('\n')}\n`);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
