import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Polls a URL until it answers 200; checks often, so the time it took is a start-up time. */
async function waitFor(url: string, child: ChildProcess, timeoutMs = 120_000): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited with ${child.exitCode}`);
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

export interface Started {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
}

/**
 * Which core each side of a load runs on. On a machine of two or more cores the servers measured
 * (Masthead, nginx, the bare Node server) all run on the last core and wrk on the first, through
 * `taskset`: each server then has one core of its own, as nginx's one worker does, and the
 * scheduler cannot put the load generator on the server's core in one run and beside it in the
 * next (nginx's own figure for the same file moved from 119,000 to 211,000 pages a second
 * between unpinned runs). `BENCH_PIN=0` turns it off.
 */
export const pinning = ((): { server: string; load: string } | undefined => {
  if (process.env.BENCH_PIN === '0' || os.availableParallelism() < 2) return undefined;
  if (spawnSync('taskset', ['-c', '0', 'true']).status !== 0) throw new Error('taskset is missing (apt-get install -y util-linux), or set BENCH_PIN=0 to run unpinned');
  return { server: String(os.availableParallelism() - 1), load: '0' };
})();

/** A command and its arguments, run on the given core when pinning is on. */
export function onCore(core: 'server' | 'load', command: string, args: string[]): [string, string[]] {
  return pinning ? ['taskset', ['-c', pinning[core], command, ...args]] : [command, args];
}

const cli = path.resolve('bin/masthead.js');

/** The Node options `npm start` runs bin/masthead.js with (package.json "start"), so the benchmark measures that process. */
function startNodeOptions(): string[] {
  const scripts = (JSON.parse(fs.readFileSync(path.resolve('package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const run = /\bnode((?:\s+--[\w-]+(?:=\S+)?)*)\s+bin\/masthead\.js\b/.exec(scripts.start ?? '');
  if (!run) throw new Error('package.json "start" does not run node … bin/masthead.js: the benchmark cannot start Masthead the way npm start does');
  return run[1]!.trim().split(/\s+/).filter(Boolean);
}

/** Builds the JavaScript that bin/masthead.js runs (as `npm start` does first) when it is missing. */
export function ensureBuilt(force = false): void {
  if (!force && fs.existsSync(path.resolve('dist/bundle/masthead.js'))) return;
  process.stderr.write('building (npm run build)\n');
  const build = spawnSync('npm', ['run', 'build', '--silent'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) throw new Error(`npm run build failed (exit ${build.status})`);
}

/**
 * The environment `npm start` gives Masthead on a fresh machine: SQLite in the data folder and the
 * default log level, whatever the shell running the benchmark has set.
 */
function mastheadEnv(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['LOG_LEVEL', 'TRUST_PROXY', 'PUBLIC_URL', 'NODE_OPTIONS']) delete env[name];
  return { ...env, DATA_DIR: dataDir, DATABASE_URL: '', HOST: '127.0.0.1', ...extra };
}

/** Runs one CLI command of the built Masthead on a data folder and returns what it printed. */
export function masthead(dataDir: string, args: string[]): string {
  const run = spawnSync(process.execPath, [cli, ...args], { env: mastheadEnv(dataDir), encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`masthead ${args.join(' ')} failed (exit ${run.status}): ${run.stderr}`);
  return run.stdout;
}

export interface StartedMasthead extends Started {
  /** Milliseconds from spawning the process to the first 200 answer of `firstPage`. */
  startMs: number;
}

/**
 * Masthead as `npm start` runs it (the built bin/masthead.js, `start --demo`, SQLite, default log
 * level) in its own process on a random port; its log goes to a file, as under a service manager.
 */
export async function startMasthead(
  dataDir: string,
  options: { firstPage?: string; logFile?: string; env?: Record<string, string> /** On the servers' core (default) or wherever the system puts it. */; pinned?: boolean } = {},
): Promise<StartedMasthead> {
  ensureBuilt();
  const port = await freePort();
  const log = fs.openSync(options.logFile ?? `${dataDir}.log`, 'a');
  const began = process.hrtime.bigint();
  const command: [string, string[]] = [process.execPath, [...startNodeOptions(), cli, 'start', '--demo']];
  const child = spawn(...(options.pinned === false ? command : onCore('server', ...command)), { env: mastheadEnv(dataDir, { ...options.env, PORT: String(port) }), stdio: ['ignore', log, log] });
  fs.closeSync(log);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`${url}${options.firstPage ?? '/'}`, child);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return { url, pid: child.pid!, startMs: Number(process.hrtime.bigint() - began) / 1e6, stop: stopper(child) };
}

/** nginx from the system package serving a folder on loopback (one worker, like one Node process). */
export async function startNginx(root: string, workDir: string): Promise<Started> {
  const binary = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => fs.existsSync(p));
  if (!binary) throw new Error('nginx is not installed: apt-get install -y nginx');
  const port = await freePort();
  const conf = path.join(workDir, 'nginx.conf');
  fs.writeFileSync(
    conf,
    `worker_processes 1;
daemon off;
pid ${workDir}/nginx.pid;
error_log ${workDir}/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${workDir}/body;
  proxy_temp_path ${workDir}/proxy;
  fastcgi_temp_path ${workDir}/fastcgi;
  uwsgi_temp_path ${workDir}/uwsgi;
  scgi_temp_path ${workDir}/scgi;
  types { text/html html; application/rss+xml xml; application/json json; }
  charset utf-8;
  charset_types application/rss+xml application/json;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:${port};
    root ${root};
  }
}
`,
    { mode: 0o644 },
  );
  const child = spawn(...onCore('server', binary, ['-p', workDir, '-c', conf]), { stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/${fs.readdirSync(root)[0]}`, child);
  return { url, pid: child.pid!, stop: stopper(child) };
}

/** A bare node:http server answering the files of a folder from memory (bench/support/bare-server.ts). */
export async function startBareNode(root: string): Promise<Started> {
  const child = spawn(...onCore('server', process.execPath, ['--import', 'tsx', path.resolve('bench/support/bare-server.ts'), root]), { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the bare Node server exited with ${code}`)));
    readline.createInterface({ input: child.stdout! }).once('line', resolve);
  });
  return { url: `http://127.0.0.1:${port.trim()}`, pid: child.pid!, stop: stopper(child) };
}

/** Clock ticks per second of /proc's CPU times (USER_HZ). */
const TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

/**
 * CPU time a process and its descendants have used (user and system, all threads), in
 * microseconds, from /proc: nginx's master counts with its workers.
 */
export function cpuTimeOf(pid: number): number {
  const ticksOf = (id: number): number => {
    // utime and stime, the 14th and 15th fields, counted after the command's closing parenthesis.
    const fields = fs.readFileSync(`/proc/${id}/stat`, 'utf8').split(') ')[1]!.split(' ');
    let ticks = Number(fields[11]) + Number(fields[12]);
    for (const task of fs.readdirSync(`/proc/${id}/task`)) {
      const children = fs.readFileSync(`/proc/${id}/task/${task}/children`, 'utf8').trim();
      for (const child of children ? children.split(' ') : []) ticks += ticksOf(Number(child));
    }
    return ticks;
  };
  return (ticksOf(pid) * 1e6) / TICKS;
}

/** Resident memory of a process from /proc, in MB: now (VmRSS) and its peak (VmHWM). */
export function memoryOf(pid: number): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}
