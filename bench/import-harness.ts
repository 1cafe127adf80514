// What every import benchmark shares: each import runs (twice: the second run of the same file
// must add nothing) in a child process of its own, on SQLite and on PostgreSQL, so the peak memory
// measured is that import's alone; the parent prints one table.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import type { DatabaseConfig } from '../src/config/schema.js';
import { openStore } from '../src/db/client.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { outboxMailer } from '../src/email/index.js';
import type { ImportReport } from '../src/portability/import-report.js';
import { createServices, type Services } from '../src/services.js';
import { startCluster } from '../test/support/postgres-cluster.js';

export type Progress = (now: string, done: number, total: number) => void;
/** Runs one import of the file; `onProgress` is given on the first run only. */
export type RunImport = (services: Services, file: string, onProgress?: Progress) => Promise<ImportReport>;

export interface ChildJob {
  name: string;
  database: DatabaseConfig;
  file: string;
  dataDir: string;
}

export interface ChildResult {
  name: string;
  seconds: number;
  againSeconds: number;
  peakMb: number;
  peakHeapMb: number;
  counts: Record<string, Record<string, number>>;
  againCreated: number;
}

/** One import and a second run of the same file in this process; prints its figures as JSON. */
export async function measureImport(job: ChildJob, run: RunImport): Promise<void> {
  let peak = 0;
  let peakHeap = 0;
  const sampler = setInterval(() => {
    const usage = process.memoryUsage();
    peak = Math.max(peak, usage.rss);
    peakHeap = Math.max(peakHeap, usage.heapUsed);
  }, 50);
  const store = openStore(job.database);
  await migrateToLatest(store.db);
  const services = createServices(store, { logger: pino({ level: 'silent' }), mailer: outboxMailer({ dataDir: job.dataDir, mailFrom: undefined }), dataDir: job.dataDir });
  let step = '';
  const onProgress: Progress = (now, done, total) => {
    if (now !== step) process.stderr.write(`\n${job.name}: ${(step = now)} `);
    if (done === total || done % 1000 === 0) process.stderr.write(`${done}/${total} `);
  };
  const began = Date.now();
  const report = await run(services, job.file, onProgress);
  const seconds = (Date.now() - began) / 1000;
  const againBegan = Date.now();
  const again = await run(services, job.file);
  const againSeconds = (Date.now() - againBegan) / 1000;
  await services.runner.stop();
  await services.recommendations.settled();
  await store.close();
  clearInterval(sampler);
  const result: ChildResult = {
    name: job.name,
    seconds,
    againSeconds,
    peakMb: Math.round(peak / 1024 / 1024),
    peakHeapMb: Math.round(peakHeap / 1024 / 1024),
    counts: report.counts as ChildResult['counts'],
    againCreated: again.counts.post?.created ?? 0,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/** Runs `script --child JOB` in a process of its own and reads the figures it prints last. */
function runChild(script: string, job: ChildJob): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, '--child', JSON.stringify(job)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!) as ChildResult) : reject(new Error(`${job.name} import exited with ${code}`))));
  });
}

/**
 * Builds the file once in a temporary folder (`prepare` answers its path), imports it on SQLite
 * and on a throwaway PostgreSQL cluster, and answers the figures of both; the folder is removed.
 */
export async function onBothDatabases(script: string, label: string, prepare: (dir: string) => Promise<string>): Promise<{ results: ChildResult[]; bytes: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `masthead-${label}-bench-`));
  const cluster = await startCluster();
  try {
    const file = await prepare(dir);
    const results: ChildResult[] = [];
    for (const [name, database] of [
      ['SQLite', { kind: 'sqlite', file: path.join(dir, 'sqlite', 'masthead.db') }],
      ['PostgreSQL', { kind: 'postgres', url: cluster.url }],
    ] as Array<[string, DatabaseConfig]>) {
      const dataDir = path.join(dir, name.toLowerCase());
      fs.mkdirSync(dataDir, { recursive: true });
      results.push(await runChild(script, { name, database, file, dataDir }));
    }
    process.stderr.write('\n');
    return { results, bytes: fs.statSync(file).size };
  } finally {
    cluster.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The figures as a Markdown table, one column per database. */
export function printTable(results: ChildResult[], extra: Array<[string, (r: ChildResult) => string]> = []): void {
  console.log('| | SQLite | PostgreSQL |');
  console.log('|---|---:|---:|');
  const row = (label: string, value: (r: ChildResult) => string) => console.log(`| ${label} | ${results.map(value).join(' | ')} |`);
  row('import, seconds', (r) => r.seconds.toFixed(1));
  row('posts and pages per second', (r) => Math.round(((r.counts.post?.created ?? 0) + (r.counts.page?.created ?? 0)) / r.seconds).toLocaleString('en'));
  row('peak RSS of the importing process, MB', (r) => String(r.peakMb));
  row('peak JavaScript heap in use, MB', (r) => String(r.peakHeapMb));
  row('second run of the same file (adds nothing), seconds', (r) => `${r.againSeconds.toFixed(1)} (${r.againCreated} created)`);
  for (const [label, value] of extra) row(label, value);
}
