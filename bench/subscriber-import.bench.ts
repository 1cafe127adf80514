// node --import tsx bench/subscriber-import.bench.ts — a subscriber CSV of 1,000,000 rows imported
// through the CLI (`masthead subscribers import FILE`) and through the admin API's upload (a real
// HTTP request from this process streaming the file to a server in a process of its own, run
// with the Node options `npm start` uses), on SQLite and PostgreSQL. Each importing process's peak
// RSS (all threads) is read from /proc; the server's resident memory once it is up and signed in,
// before the upload, is reported beside it.
// Usage: node --import tsx bench/subscriber-import.bench.ts [--rows 1000000] [--only sqlite|postgres] [--way cli|upload]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import pg from 'pg';
import pino from 'pino';
import { buildApp } from '../src/app.js';
import type { DatabaseConfig } from '../src/config/schema.js';
import { openStore } from '../src/db/client.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { outboxMailer } from '../src/email/index.js';
import { createServices } from '../src/services.js';
import { staffClient } from '../test/admin-api/support/admin-client.js';
import { startCluster } from '../test/support/postgres-cluster.js';
import { watchPeak } from './support/process-peak.js';

const argv = process.argv.slice(2);
const option = (name: string) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : undefined);

/** How the measuring process reaches the server child: where it listens and a signed-in session. */
interface Serving {
  port: number;
  cookie: string;
  csrf: string;
  idleMb: number;
}

/**
 * In a child process: serve the admin API with a signed-in administrator, say where on stdout,
 * and stop when stdin closes. The upload comes from the measuring process, so this process's
 * peak is the server's alone.
 */
async function serveChild(database: DatabaseConfig, dataDir: string): Promise<void> {
  const logger = pino({ level: 'silent' });
  const store = openStore(database);
  await migrateToLatest(store.db);
  const services = createServices(store, { logger, dataDir, mailer: outboxMailer({ dataDir, mailFrom: undefined }) });
  const app = await buildApp({ config: { publicUrl: 'http://localhost:3000', themeDir: undefined, dataDir }, services, logger });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { client } = await staffClient(app, services, 'administrator');
  const { port } = app.server.address() as { port: number };
  const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const serving: Serving = { port, cookie, csrf: client.csrf, idleMb: process.memoryUsage().rss / 1024 / 1024 };
  process.stdout.write(`${JSON.stringify(serving)}\n`);
  process.stdin.resume();
  await once(process.stdin, 'end');
  await app.close();
  await services.runner.stop();
  await store.close();
}

/** Uploads the file to a serving child as the admin app does (the file itself, text/csv); answers the report's counts. */
async function upload(serving: Serving, file: string): Promise<string> {
  const request = http.request({
    host: '127.0.0.1',
    port: serving.port,
    method: 'POST',
    path: '/admin/api/newsletter/subscribers/import',
    headers: { 'content-type': 'text/csv', 'content-length': fs.statSync(file).size, cookie: serving.cookie, 'x-csrf-token': serving.csrf },
  });
  fs.createReadStream(file).pipe(request);
  const [response] = (await once(request, 'response')) as [http.IncomingMessage];
  let body = '';
  for await (const piece of response) body += piece;
  if (response.statusCode !== 200) throw new Error(`the upload answered ${response.statusCode}: ${body.slice(0, 300)}`);
  const report = JSON.parse(body) as { rows: number; added: number; updated: number; rejectedTotal: number };
  return `${report.rows} rows: ${report.added} added, ${report.updated} already there, ${report.rejectedTotal} rejected.`;
}

/** A CSV of `rows` rows: every 100th repeats an earlier address, every 1,000th is not an address. */
async function writeCsv(file: string, rows: number): Promise<void> {
  const out = fs.createWriteStream(file);
  out.write('email,name\n');
  for (let i = 0; i < rows; i += 1) {
    const line = i % 1000 === 999 ? `not-an-address-${i},Nobody\n` : i % 100 === 50 ? `reader${i - 25}@example.com,Again ${i}\n` : `reader${i}@example.com,Reader ${i}\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

interface Run {
  seconds: number;
  peakMb: number;
  /** The server's resident memory before the upload began (admin uploads only). */
  idleMb?: number;
  summary: string;
}

/** The Node options the server runs with (`npm start`; README, Operations → Memory). */
const serverNodeOptions = ['--max-semi-space-size=2', '--max-old-space-size=1536'];

function start(args: string[], env: Record<string, string>, stdin: 'ignore' | 'pipe', nodeOptions: string[] = []) {
  const child = spawn(process.execPath, [...nodeOptions, '--import', 'tsx', ...args], { env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env }, stdio: [stdin, 'pipe', 'pipe'] });
  const peak = watchPeak(child.pid!);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const exited = async () => {
    const [code] = (await once(child, 'exit')) as [number | null];
    const peakMb = peak.stop();
    if (code !== 0) throw new Error(`${args.join(' ')} failed (${code}):\n${stderr.slice(-2000)}`);
    return { peakMb, stdout };
  };
  return { child, exited, stdout: () => stdout };
}

async function run(args: string[], env: Record<string, string>): Promise<Run> {
  const started = performance.now();
  const { peakMb, stdout } = await start(args, env, 'ignore').exited();
  return { seconds: (performance.now() - started) / 1000, peakMb, summary: stdout.split('\n')[0]! };
}

/** Starts a server child, uploads the file to it from this process, and stops it. */
async function runUpload(database: DatabaseConfig, dataDir: string, file: string): Promise<Run> {
  const server = start([path.resolve('bench/subscriber-import.bench.ts'), '--child-serve', JSON.stringify(database), dataDir], {}, 'pipe', serverNodeOptions);
  const ended = server.exited();
  while (!server.stdout().includes('\n')) await Promise.race([once(server.child.stdout!, 'data'), ended]);
  const serving = JSON.parse(server.stdout().split('\n')[0]!) as Serving;
  const started = performance.now();
  const summary = await upload(serving, file);
  const seconds = (performance.now() - started) / 1000;
  server.child.stdin!.end();
  const { peakMb } = await ended;
  return { seconds, peakMb, idleMb: serving.idleMb, summary };
}

if (argv[0] === '--child-serve') {
  await serveChild(JSON.parse(argv[1]!) as DatabaseConfig, argv[2]!);
} else {
  const rows = Number(option('rows') ?? 1_000_000);
  const only = option('only');
  const way = option('way');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-import-bench-'));
  const file = path.join(dir, 'subscribers.csv');
  await writeCsv(file, rows);
  const mb = (fs.statSync(file).size / 1024 / 1024).toFixed(1);
  const cluster = only === 'sqlite' ? undefined : await startCluster();
  const results: Array<[string, Run]> = [];
  const loadBefore = os.loadavg();
  try {
    const databases: Array<[string, (name: string) => Promise<DatabaseConfig>]> = [];
    if (only !== 'postgres') databases.push(['SQLite', async (name) => ({ kind: 'sqlite', file: path.join(dir, name, 'masthead.db') })]);
    if (cluster) {
      databases.push([
        'PostgreSQL',
        async (name) => {
          const admin = new pg.Client({ connectionString: cluster.url });
          await admin.connect();
          await admin.query(`create database ${name}`);
          await admin.end();
          return { kind: 'postgres', url: cluster.url.replace(/\/postgres$/, `/${name}`) };
        },
      ]);
    }
    for (const [label, database] of databases) {
      if (way !== 'upload') {
        const cli = await database('cli');
        const cliUrl = cli.kind === 'postgres' ? cli.url : `sqlite:${cli.file}`;
        results.push([`${label}, CLI`, await run([path.resolve('src/cli/run.ts'), 'subscribers', 'import', file], { DATA_DIR: path.join(dir, 'cli'), DATABASE_URL: cliUrl })]);
        process.stderr.write(`${label}, CLI: ${JSON.stringify(results.at(-1)![1])}\n`);
      }
      if (way === 'cli') continue;
      const uploadTo = await database('upload');
      fs.mkdirSync(path.join(dir, 'upload'), { recursive: true });
      results.push([`${label}, admin upload`, await runUpload(uploadTo, path.join(dir, 'upload'), file)]);
      process.stderr.write(`${label}, admin upload: ${JSON.stringify(results.at(-1)![1])}\n`);
    }
  } finally {
    cluster?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const loadAfter = os.loadavg();
  console.log(`\nSubscriber CSV import: ${rows.toLocaleString('en')} rows (${mb} MB); ${os.cpus().length} cores`);
  console.log(`Load average (1/5/15 min): ${loadBefore.map((l) => l.toFixed(1)).join(' ')} at the start, ${loadAfter.map((l) => l.toFixed(1)).join(' ')} at the end\n`);
  console.log('| import | time | rows/s | peak RSS | RSS before the upload | report |');
  console.log('|---|---:|---:|---:|---:|---|');
  for (const [label, r] of results) {
    const idle = r.idleMb === undefined ? '' : `${r.idleMb.toFixed(0)} MB`;
    console.log(`| ${label} | ${r.seconds.toFixed(0)} s | ${Math.round(rows / r.seconds).toLocaleString('en')} | ${r.peakMb.toFixed(0)} MB | ${idle} | ${r.summary} |`);
  }
}
