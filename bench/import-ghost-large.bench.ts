// Memory of `masthead import ghost` on a large export: a generated Ghost 5 export (editor
// documents only, two tags and an author per post, members) imported by the command line in a
// process of its own, on SQLite and PostgreSQL, its peak resident memory (VmHWM) sampled.
// Usage: node --import tsx bench/import-ghost-large.bench.ts [-- --posts 5000 --body 10000 --members 20000
//   --format lexical|mobiledoc --only sqlite|postgres --root DIR --heap MB]
// --root runs the command line of another copy of the source (e.g. the code before a change);
// --heap caps the command's JavaScript heap, so an import that holds the bodies fails.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startCluster } from '../test/support/postgres-cluster.js';
import { writeLargeGhostExport } from '../test/portability/ghost-large.js';
import { watchPeak } from './support/process-peak.js';

const argv = process.argv.slice(2);
const option = (name: string) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : undefined);
const count = (name: string, fallback: number) => Number(option(name)) || fallback;
const root = path.resolve(option('root') ?? '.');
const heap = option('heap');
const only = option('only');
const format = option('format') === 'mobiledoc' ? 'mobiledoc' : 'lexical';

/** Runs `masthead import ghost FILE` against the database in `env`; answers its exit code, seconds and peak RSS. */
function importWith(file: string, env: Record<string, string>): Promise<{ code: number | null; seconds: number; peakMb: number }> {
  return new Promise((resolve, reject) => {
    const began = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src/cli/run.ts'), 'import', 'ghost', file], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env, ...(heap ? { NODE_OPTIONS: `--max-old-space-size=${heap}` } : {}) },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const peak = watchPeak(child.pid!);
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, seconds: (performance.now() - began) / 1000, peakMb: Math.round(peak.stop()) }));
  });
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-ghost-large-'));
try {
  const file = path.join(dir, 'ghost.json');
  const posts = count('posts', 5000);
  writeLargeGhostExport(file, { posts, members: count('members', 20_000), bodyChars: count('body', 10_000), format });
  const size = `${(fs.statSync(file).size / 1048576).toFixed(0)} MB`;
  const rows: string[] = [];
  if (only !== 'postgres') {
    const run = await importWith(file, { DATA_DIR: path.join(dir, 'sqlite') });
    rows.push(`| SQLite | ${posts.toLocaleString('en')} posts, ${size} | ${run.code} | ${run.seconds.toFixed(0)} | ${run.peakMb} MB |`);
  }
  if (only !== 'sqlite') {
    const cluster = await startCluster();
    try {
      const client = new pg.Client({ connectionString: cluster.url });
      await client.connect();
      await client.query('create database ghost_large');
      await client.end();
      const run = await importWith(file, { DATA_DIR: path.join(dir, 'postgres'), DATABASE_URL: cluster.url.replace(/\/[^/]*$/, '/ghost_large') });
      rows.push(`| PostgreSQL | ${posts.toLocaleString('en')} posts, ${size} | ${run.code} | ${run.seconds.toFixed(0)} | ${run.peakMb} MB |`);
    } finally {
      cluster.stop();
    }
  }
  console.log(`\nmasthead import ghost, source ${root}${heap ? `, heap capped at ${heap} MB` : ''}; load average ${os.loadavg()[0]!.toFixed(1)}\n`);
  console.log('| database | export | exit code | seconds | peak RSS |\n|---|---|---:|---:|---:|');
  for (const row of rows) console.log(row);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
