// Public site speed as a reader meets it: Masthead started as `npm start` runs it (built JS,
// SQLite, the demo magazine, default log level) beside nginx serving the same bytes as static
// files and a bare Node http server answering them from memory, all loaded by wrk in one run.
// Each row runs in rounds (Masthead, nginx, bare Node, then again), and its ratios are the median
// of the rounds' ratios: a machine whose speed drifts during the run moves all three alike.
// Usage: npm run bench:site [-- --only article,search --duration 5 --rounds 3 --json out.json --no-build]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cpuTimeOf, ensureBuilt, masthead, memoryOf, pinning, startBareNode, startMasthead, startNginx, type Started } from './site-support.js';
import { signInMember } from './support/member-session.js';
import { wrk, type Load } from './support/wrk.js';

const argv = process.argv.slice(2);
const option = (name: string) => {
  const at = argv.indexOf(`--${name}`);
  return at === -1 ? undefined : argv[at + 1];
};
/** Seconds of each server's load in each round. */
const seconds = Number(option('duration') ?? 5);
const rounds = Number(option('rounds') ?? 3);
if (!(seconds >= 1) || !Number.isInteger(rounds) || rounds < 1) throw new Error('--duration takes seconds (≥ 1) and --rounds a whole number (≥ 1)');
const warmUp = Math.min(3, seconds);
const jsonFile = option('json');

type Goal = { kind: 'nginx'; ratio: number; p99?: number } | { kind: 'rps'; rps: number; p99: number };

interface LoadRow {
  id: string;
  what: string;
  /** Where the page is on Masthead; the same bytes are served as `file` by the baselines. */
  path: string;
  file: string;
  member?: boolean;
  /** Behind a per-address rate limit: every request comes from another address. */
  rotateAddress?: boolean;
  goal: Goal;
}

const loadRows: LoadRow[] = [
  { id: 'article', what: 'cached article, anonymous reader', path: '', file: 'article.html', goal: { kind: 'nginx', ratio: 0.65, p99: 5 } },
  { id: 'home', what: 'cached home page', path: '/', file: 'home.html', goal: { kind: 'nginx', ratio: 0.65 } },
  { id: 'section', what: 'cached section page', path: '/tag/film/', file: 'section.html', goal: { kind: 'nginx', ratio: 0.65 } },
  { id: 'rss', what: 'RSS feed', path: '/rss/', file: 'rss.xml', goal: { kind: 'nginx', ratio: 0.5 } },
  { id: 'member-article', what: 'signed-in member: article', path: '', file: 'member-article.html', member: true, goal: { kind: 'rps', rps: 3000, p99: 15 } },
  { id: 'member-home', what: 'signed-in member: home page', path: '/', file: 'member-home.html', member: true, goal: { kind: 'rps', rps: 3000, p99: 15 } },
  { id: 'member-section', what: 'signed-in member: section page', path: '/tag/film/', file: 'member-section.html', member: true, goal: { kind: 'rps', rps: 2000, p99: 15 } },
  { id: 'content-api', what: 'Content API, list of 15 posts (/api/content/)', path: '/api/content/posts/?limit=15&key=', file: 'content-api.json', rotateAddress: true, goal: { kind: 'rps', rps: 3000, p99: Infinity } },
  {
    id: 'ghost-content-api',
    what: 'Content API, list of 15 posts (/ghost/api/content/)',
    path: '/ghost/api/content/posts/?limit=15&key=',
    file: 'ghost-content-api.json',
    rotateAddress: true,
    goal: { kind: 'rps', rps: 3000, p99: Infinity },
  },
  { id: 'search', what: 'search page, one common word', path: '/search/?q=women', file: 'search.html', goal: { kind: 'rps', rps: 1500, p99: 25 } },
];
const otherRows = ['cold-start', 'memory'];
const only = option('only')?.split(',');
const unknown = only?.filter((id) => !loadRows.some((r) => r.id === id) && !otherRows.includes(id));
if (unknown?.length) throw new Error(`unknown row(s) ${unknown.join(', ')}; rows: ${[...loadRows.map((r) => r.id), ...otherRows].join(', ')}`);
const wanted = (id: string) => !only || only.includes(id);

const loadavg = () => os.loadavg().map((l) => l.toFixed(2));
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-site-bench-'));
// nginx's worker runs as nobody: the folder it serves from must be world-readable.
fs.chmodSync(work, 0o755);
const root = path.join(work, 'static');
fs.mkdirSync(root, { mode: 0o755 });
const dataDir = path.join(work, 'data');
const logFile = path.join(work, 'masthead.log');
const servers: Started[] = [];
const int = (n: number) => Math.round(n).toLocaleString('en');
const ms = (n: number) => (n < 10 ? n.toFixed(1) : n.toFixed(0));
const us = (n: number) => n.toFixed(1);
const ratio = (n: number) => (n < 0.1 ? n.toFixed(3) : n.toFixed(2));
const note = (line: string) => process.stderr.write(`${line}\n`);

/** A load, with the CPU time the server spent per request (µs): steadier than req/s on a shared machine. */
interface Served extends Load {
  cpuPerRequest: number;
}

/** One server's rounds as one figure: median req/s and percentiles, CPU and requests over all rounds. */
interface Combined extends Served {
  rounds: Served[];
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

function combined(served: Served[]): Combined {
  const requests = served.reduce((sum, s) => sum + s.requests, 0);
  return {
    rps: median(served.map((s) => s.rps)),
    p50: median(served.map((s) => s.p50)),
    p99: median(served.map((s) => s.p99)),
    requests,
    errors: served.reduce((sum, s) => sum + s.errors, 0),
    cpuPerRequest: served.reduce((sum, s) => sum + s.cpuPerRequest * s.requests, 0) / requests,
    rounds: served,
  };
}

interface Measured extends LoadRow {
  masthead: Combined;
  nginx: Combined;
  bareNode: Combined;
  /** Median over the rounds of Masthead's req/s divided by each baseline's in the same round. */
  ofNginx: number;
  ofBareNode: number;
  bytes: number;
  pass: boolean;
  loadavgBefore: string[];
}

interface Target {
  url: string;
  pid: number;
}

async function measure(row: LoadRow, masthead: Target, nginxAt: Target, bareAt: Target, headers: Record<string, string>): Promise<Measured> {
  const loadavgBefore = loadavg();
  // The baselines get the same wrk script, so the load generator costs the same in all three.
  const run = async ({ url, pid }: Target, withHeaders: Record<string, string>, warm: boolean): Promise<Served> => {
    if (warm) await wrk(work, url, { seconds: warmUp, headers: withHeaders, rotateAddress: row.rotateAddress });
    const cpuBefore = cpuTimeOf(pid);
    const load = await wrk(work, url, { seconds, headers: withHeaders, rotateAddress: row.rotateAddress });
    const cpuPerRequest = (cpuTimeOf(pid) - cpuBefore) / load.requests;
    if (load.errors > 0) throw new Error(`${url}: ${load.errors} errors or answers other than 2xx/3xx in ${load.requests} requests`);
    return { ...load, cpuPerRequest };
  };
  const served = { masthead: [] as Served[], nginx: [] as Served[], bareNode: [] as Served[] };
  for (let round = 0; round < rounds; round += 1) {
    served.masthead.push(await run(masthead, headers, round === 0));
    served.nginx.push(await run({ url: `${nginxAt.url}/${row.file}`, pid: nginxAt.pid }, {}, round === 0));
    served.bareNode.push(await run({ url: `${bareAt.url}/${row.file}`, pid: bareAt.pid }, {}, round === 0));
  }
  const m = combined(served.masthead);
  const nginx = combined(served.nginx);
  const bareNode = combined(served.bareNode);
  const ofNginx = median(served.masthead.map((s, i) => s.rps / served.nginx[i]!.rps));
  const ofBareNode = median(served.masthead.map((s, i) => s.rps / served.bareNode[i]!.rps));
  const goal = row.goal;
  const pass = goal.kind === 'nginx' ? ofNginx >= goal.ratio && (goal.p99 === undefined || m.p99 < goal.p99) : m.rps >= goal.rps && m.p99 < goal.p99;
  const bytes = fs.statSync(path.join(root, row.file)).size;
  const each = (values: number[]) => values.map(ratio).join(', ');
  note(
    `${row.id}: ${int(m.rps)} req/s (p50 ${ms(m.p50)}, p99 ${ms(m.p99)} ms) = ${ratio(ofNginx)} of nginx (${int(nginx.rps)}), ${ratio(ofBareNode)} of bare Node (${int(bareNode.rps)}) ${pass ? 'pass' : 'FAIL'}; rounds of nginx ${each(served.masthead.map((s, i) => s.rps / served.nginx[i]!.rps))}`,
  );
  note(`${row.id}: CPU per request ${us(m.cpuPerRequest)} µs, nginx ${us(nginx.cpuPerRequest)} µs, bare Node ${us(bareNode.cpuPerRequest)} µs`);
  return { ...row, masthead: m, nginx, bareNode, ofNginx, ofBareNode, bytes, pass, loadavgBefore };
}

const goalText = (goal: Goal) =>
  goal.kind === 'nginx' ? `≥ ${goal.ratio} of nginx${goal.p99 === undefined ? '' : `, p99 < ${goal.p99} ms`}` : `≥ ${int(goal.rps)} req/s${Number.isFinite(goal.p99) ? `, p99 < ${goal.p99} ms` : ''}`;

function table(measured: Measured[], coldStart: number[] | undefined, memory: { idle: number; after?: { rss: number; peak: number } } | undefined): string {
  const verdict = (pass: boolean) => (pass ? 'pass' : '**FAIL**');
  const lines = ['| what | Masthead | nginx | bare Node | ratio | target |', '|---|---:|---:|---:|---:|---|'];
  for (const r of measured) {
    const load = (l: Load) => `${int(l.rps)} req/s`;
    lines.push(
      `| ${r.what} (${(r.bytes / 1024).toFixed(1)} KB) | ${load(r.masthead)}, p50 ${ms(r.masthead.p50)} / p99 ${ms(r.masthead.p99)} ms | ${load(r.nginx)} | ${load(r.bareNode)} | ${ratio(r.ofNginx)} of nginx, ${ratio(r.ofBareNode)} of bare Node | ${goalText(r.goal)}: ${verdict(r.pass)} |`,
    );
  }
  if (coldStart) {
    const median = coldStart[Math.floor(coldStart.length / 2)]!;
    lines.push(`| cold start, existing database, spawn to first page (median of ${coldStart.length}) | ${(median / 1000).toFixed(2)} s | | | | < 0.5 s: ${verdict(median < 500)} |`);
  }
  if (memory) {
    const after = memory.after ? ` / ${memory.after.rss.toFixed(0)} MB (peak ${memory.after.peak.toFixed(0)} MB)` : '';
    const pass = memory.idle < 80 && (!memory.after || memory.after.rss < 150);
    lines.push(`| memory (RSS) idle${memory.after ? ' / after the loads' : ''} | ${memory.idle.toFixed(0)} MB${after} | | | | < 80 MB / < 150 MB: ${verdict(pass)} |`);
  }
  return lines.join('\n');
}

/** CPU time per request of each server, the figure that holds steady when other work shares the cores. */
function cpuTable(measured: Measured[]): string {
  if (measured.length === 0) return '';
  const lines = ['', '', '| CPU µs per request | Masthead | nginx | bare Node |', '|---|---:|---:|---:|'];
  for (const r of measured) lines.push(`| ${r.what} | ${us(r.masthead.cpuPerRequest)} | ${us(r.nginx.cpuPerRequest)} | ${us(r.bareNode.cpuPerRequest)} |`);
  return lines.join('\n');
}

const before = loadavg();
try {
  note(`machine: ${os.cpus().length} cores, load average before the run ${before.join(' / ')}`);
  if (Number(before[0]) > 1) note(`warning: the machine is busy (load ${before[0]}); compare ratios, not req/s`);
  ensureBuilt(!argv.includes('--no-build'));

  // First start on an empty data folder loads the demo magazine; then a staff account and a
  // Content API key, made with the CLI as an administrator would.
  const first = await startMasthead(dataDir, { logFile });
  await first.stop();
  masthead(dataDir, ['user', 'create', '--email', 'bench@example.com', '--name', 'Bench', '--role', 'administrator']);
  const contentKey = masthead(dataDir, ['content-key', 'create', 'bench']).trim();

  let coldStart: number[] | undefined;
  if (wanted('cold-start')) {
    coldStart = [];
    for (let i = 0; i < 5; i += 1) {
      // Unpinned: a process starting on a server has every core, and V8 compiles on helper threads.
      const started = await startMasthead(dataDir, { logFile, pinned: false });
      coldStart.push(started.startMs);
      await started.stop();
    }
    coldStart.sort((a, b) => a - b);
    note(`cold start: ${coldStart.map((t) => t.toFixed(0)).join(', ')} ms`);
  }

  // Behind a trusted proxy on loopback, so the Content API rows can come from many addresses.
  const app = await startMasthead(dataDir, { logFile, env: { TRUST_PROXY: '127.0.0.1' } });
  servers.push(app);
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const idle = memoryOf(app.pid).rss;
  note(`memory idle: ${idle.toFixed(0)} MB`);

  const feed = await (await fetch(`${app.url}/rss/`)).text();
  const article = /<link>([^<]+)<\/link>\s*<guid/.exec(feed)?.[1]?.replace(/^https?:\/\/[^/]+/, '');
  if (!article) throw new Error('no article in the RSS feed');
  const rows = loadRows.filter((r) => wanted(r.id)).map((r) => ({ ...r, path: r.path === '' ? article : r.path.endsWith('key=') ? `${r.path}${contentKey}` : r.path }));
  const memberCookie = rows.some((r) => r.member) ? await signInMember(app.url, dataDir, 'bench-reader@example.com') : '';
  const headersOf = (row: LoadRow): Record<string, string> => (row.member ? { cookie: memberCookie } : {});
  for (const row of rows) {
    const res = await fetch(`${app.url}${row.path}`, { headers: headersOf(row) });
    if (res.status !== 200) throw new Error(`${row.path} answered ${res.status}`);
    fs.writeFileSync(path.join(root, row.file), Buffer.from(await res.arrayBuffer()), { mode: 0o644 });
  }

  const measured: Measured[] = [];
  if (rows.length > 0) {
    const nginx = await startNginx(root, work);
    servers.push(nginx);
    const bare = await startBareNode(root);
    servers.push(bare);
    for (const row of rows) measured.push(await measure(row, { url: `${app.url}${row.path}`, pid: app.pid }, nginx, bare, headersOf(row)));
  }
  const memory = wanted('memory') ? { idle, after: measured.length > 0 ? memoryOf(app.pid) : undefined } : undefined;
  const after = loadavg();
  const output = `${table(measured, coldStart, memory)}${cpuTable(measured)}`;
  const logBytes = fs.statSync(logFile).size;
  process.stdout.write(
    `\nwrk -t1 -c16, ${rounds} rounds of ${seconds} s per server and row (Masthead, nginx, bare Node in turn; req/s and percentiles are medians of the rounds, ratios the median of each round's ratio) after a ${warmUp} s warm-up, no compression, ${pinning ? `every server on core ${pinning.server} and wrk on core ${pinning.load}` : 'unpinned'}; Masthead ${article} as \`npm start\` runs it (default log level, ${(logBytes / 1e6).toFixed(0)} MB of log written to a file).\n` +
      `load average before ${before.join(' / ')}, after ${after.join(' / ')} (${os.cpus().length} cores)\n\n${output}\n`,
  );
  if (Math.max(Number(before[0]), Number(after[0])) > 3) note('warning: the load average was high; other work shared the cores, so read the ratios, not the req/s');
  if (jsonFile) {
    fs.writeFileSync(
      jsonFile,
      `${JSON.stringify({ date: new Date().toISOString(), cores: os.cpus().length, seconds, rounds, loadavg: { before, after }, rows: measured, coldStartMs: coldStart, memoryMB: memory }, null, 2)}\n`,
    );
  }
} finally {
  for (const server of servers.reverse()) await server.stop();
  fs.rmSync(work, { recursive: true, force: true });
}
