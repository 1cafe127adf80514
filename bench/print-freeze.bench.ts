// npm run bench:print — freezing a print issue's fulfilment list and exporting it as CSV, on SQLite
// and on a throwaway PostgreSQL cluster, for this source and (with --baseline) another copy of it
// (e.g. the code before a change: `git archive REV | tar -x -C DIR` with node_modules linked), in
// one run. Each freeze runs on a database of its own seeded alike with bulk inserts: members with a
// complete address (three countries, many postcodes) and one yearly print subscription each, half of
// them gifts or cancelled on their last issue but one (so reminded). The two frozen lists and their
// reminders are compared. The export is the command line (`masthead print export`), its peak
// resident memory sampled; --heap caps its JavaScript heap.
// Usage: npm run bench:print [-- --members 20000 --baseline DIR --only sqlite|postgres --heap MB --rounds 2]
// Each source runs --rounds times, in turn with the other, and its fastest run counts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import type { DatabaseConfig } from '../src/config/schema.js';
import { openStore } from '../src/db/client.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { outboxMailer } from '../src/email/index.js';
import type { Services } from '../src/services.js';
import { startCluster } from '../test/support/postgres-cluster.js';
import { seedPrintList } from '../test/support/print-list.js';
import { silentLoggerFor } from '../test/support/silent-logger.js';
import { watchPeak } from './support/process-peak.js';

const argv = process.argv.slice(2);
const option = (name: string) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : undefined);
const members = Number(option('members')) || 20_000;
const baseline = option('baseline');
const only = option('only');
const heap = option('heap');
const rounds = Number(option('rounds')) || 2;
const roots = [...(baseline ? [{ label: 'baseline', dir: path.resolve(baseline) }] : []), { label: 'this source', dir: path.resolve('.') }];
const cutoff = '2026-01-01T00:00:00.000Z';

interface Run {
  freezeSeconds: number;
  report: unknown;
  list: string;
  reminders: string;
  exportSeconds: number;
  exportPeakMb: number;
  csvBytes: number;
}

/** Freezes the seeded issue with the services of the source at `root`, and reads back what it wrote. */
async function freezeWith(root: string, config: DatabaseConfig, issueId: number): Promise<Pick<Run, 'freezeSeconds' | 'report' | 'list' | 'reminders'>> {
  const { createServices } = (await import(path.join(root, 'src/services.ts'))) as { createServices: (store: unknown, options: unknown) => Services };
  const store = openStore(config);
  try {
    const services = createServices(store, { logger: silentLoggerFor(), mailer: outboxMailer({ dataDir: os.tmpdir(), mailFrom: undefined }) });
    const began = performance.now();
    const report = await services.print.freeze(issueId);
    const freezeSeconds = (performance.now() - began) / 1000;
    const list = await store.db.selectFrom('fulfilment_items').select(['member_id', 'name', 'line1', 'line2', 'city', 'region', 'postcode', 'country', 'quantity']).orderBy('member_id').execute();
    const reminders = await store.db.selectFrom('jobs').select(['key', 'payload', 'state']).where('key', 'like', 'renewal-reminder:%').orderBy('key').execute();
    return { freezeSeconds, report, list: JSON.stringify(list), reminders: JSON.stringify(reminders) };
  } finally {
    await store.close();
  }
}

/** `masthead print export` of the source at `root`, timed, its peak RSS sampled. */
function exportWith(root: string, config: DatabaseConfig, file: string): Promise<Pick<Run, 'exportSeconds' | 'exportPeakMb' | 'csvBytes'>> {
  return new Promise((resolve, reject) => {
    const began = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src/cli/run.ts'), 'print', 'export', 'winter', file], {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        DATA_DIR: path.dirname(file),
        DATABASE_URL: config.kind === 'postgres' ? config.url : `sqlite:${config.file}`,
        ...(heap ? { NODE_OPTIONS: `--max-old-space-size=${heap}` } : {}),
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const peak = watchPeak(child.pid!);
    let errors = '';
    child.stderr.on('data', (d: Buffer) => (errors = (errors + d.toString()).slice(-2000)));
    child.once('error', reject);
    child.once('close', (code) => {
      const exportPeakMb = Math.round(peak.stop());
      if (code !== 0) reject(new Error(`print export exited with ${code}: ${errors}`));
      else resolve({ exportSeconds: (performance.now() - began) / 1000, exportPeakMb, csvBytes: fs.statSync(file).size });
    });
  });
}

/** Seeds a fresh database, freezes it and exports it with the source at `root`. */
async function runOnce(root: string, config: DatabaseConfig): Promise<Run> {
  const store = openStore(config);
  let issueId: number;
  try {
    await migrateToLatest(store.db);
    ({ issueId } = await seedPrintList(store.db, { members, varied: false }, cutoff));
  } finally {
    await store.close();
  }
  const frozen = await freezeWith(root, config, issueId);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-print-bench-'));
  const exported = await exportWith(root, config, path.join(dir, 'winter.csv'));
  fs.rmSync(dir, { recursive: true, force: true });
  return { ...frozen, ...exported };
}

/** Each source in turn, `rounds` times over, keeping each one's fastest run (the machine is shared). */
async function measure(dialect: 'sqlite' | 'postgres', database: () => Promise<DatabaseConfig>): Promise<void> {
  const best = new Map<string, Run>();
  for (let round = 0; round < rounds; round += 1) {
    for (const root of roots) {
      const run = await runOnce(root.dir, await database());
      const kept = best.get(root.label);
      best.set(
        root.label,
        kept
          ? { ...run, freezeSeconds: Math.min(kept.freezeSeconds, run.freezeSeconds), exportSeconds: Math.min(kept.exportSeconds, run.exportSeconds), exportPeakMb: Math.max(kept.exportPeakMb, run.exportPeakMb) }
          : run,
      );
      if (kept && (kept.list !== run.list || kept.reminders !== run.reminders)) throw new Error(`${root.label} froze differently in round ${round + 1}`);
    }
  }
  for (const [label, run] of best) {
    console.log(
      `${dialect}, ${label}: freeze ${run.freezeSeconds.toFixed(2)} s ${JSON.stringify(run.report)}; export ${run.exportSeconds.toFixed(2)} s, peak RSS ${run.exportPeakMb} MB, ${(run.csvBytes / 1e6).toFixed(1)} MB of CSV`,
    );
  }
  if (best.size === 2) {
    const [before, after] = [...best.values()] as [Run, Run];
    const same = before.list === after.list && before.reminders === after.reminders && JSON.stringify(before.report) === JSON.stringify(after.report);
    console.log(`${dialect}: freeze ${(before.freezeSeconds / after.freezeSeconds).toFixed(1)}× faster; lists and reminders ${same ? 'identical' : 'DIFFER'}`);
  }
}

console.log(`${members} members with a print subscription, ${members / 2} of them on their last issue but one and reminded`);
if (only !== 'postgres') {
  const dirs: string[] = [];
  await measure('sqlite', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-print-bench-'));
    dirs.push(dir);
    return { kind: 'sqlite', file: path.join(dir, 'bench.db') };
  });
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
}
if (only !== 'sqlite') {
  const cluster = await startCluster();
  try {
    let n = 0;
    const pg = (await import('pg')).default;
    await measure('postgres', async () => {
      const name = `print_bench_${(n += 1)}`;
      const admin = new pg.Client({ connectionString: cluster.url });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      return { kind: 'postgres', url: cluster.url.replace(/\/postgres$/, `/${name}`) };
    });
  } finally {
    cluster.stop();
  }
}
