import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';

const entry = path.resolve('src/cli/run.ts');

/** A port nothing listens on right now. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface MastheadProcess {
  port: number;
  url: string;
  child: ChildProcess;
  logs: string[];
  exited: Promise<number | null>;
}

/** Starts `masthead start` as its own process on the port and waits until it answers. */
export async function startMasthead(port: number, env: Record<string, string>): Promise<MastheadProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', entry, 'start'], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: string[] = [];
  readline.createInterface({ input: child.stderr! }).on('line', (line) => logs.push(line));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    void exited.then((code) => reject(new Error(`masthead on port ${port} exited with ${code}: ${logs.join('\n')}`)));
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      logs.push(line);
      if (line.includes('Masthead is running at')) resolve();
    });
  });
  return { port, url: `http://127.0.0.1:${port}`, child, logs, exited };
}

export interface Nginx {
  url: string;
  /** The configuration it runs, as taken from the deploy guide with this test's ports and folders. */
  site: string;
  /** What nginx has logged (warnings and errors), for failure messages. */
  errorLog(): string;
  close(): Promise<void>;
}

const NGINX = '/usr/sbin/nginx';

/**
 * The site configuration of docs/deploy.md (the nginx block marked as tested), with this
 * machine's ports and folders in place of the ones the guide shows. Every replaced line must be
 * there, so the guide and the test cannot drift apart.
 */
export function deployGuideSite(options: { port: number; upstreams: number[]; mediaRoot: string }): string {
  const guide = fs.readFileSync(path.resolve('docs/deploy.md'), 'utf8');
  const block = /<!-- tested: nginx-site -->\n```nginx\n([\s\S]*?)\n```/.exec(guide)?.[1];
  if (!block) throw new Error('docs/deploy.md has no nginx block marked <!-- tested: nginx-site -->');
  const replace = (text: string, pattern: RegExp, by: string) => {
    if (!pattern.test(text)) throw new Error(`docs/deploy.md's nginx block no longer has ${pattern}`);
    return text.replace(pattern, by);
  };
  const upstream = /^ *server 127\.0\.0\.1:\d+(?<parameters>[^;\n]*);\n(?: *server 127\.0\.0\.1:\d+[^;\n]*;\n)*/m;
  const parameters = upstream.exec(block)?.groups?.parameters ?? '';
  let site = replace(block, upstream, options.upstreams.map((port) => `    server 127.0.0.1:${port}${parameters};\n`).join(''));
  site = replace(site, /include \/etc\/nginx\/masthead-tls\.conf;/, `listen 127.0.0.1:${options.port};`);
  return replace(site, /alias \/srv\/masthead\/data\/media\/;/, `alias ${options.mediaRoot}/;`);
}

/** Starts nginx, unprivileged in a folder of its own, in front of the processes on these ports. */
export async function startNginx(upstreams: number[], options: { mediaRoot: string }): Promise<Nginx> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-nginx-'));
  const port = await freePort();
  const site = deployGuideSite({ port, upstreams, mediaRoot: options.mediaRoot });
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `  ${kind}_temp_path ${dir}/${kind};`).join('\n');
  fs.writeFileSync(
    path.join(dir, 'nginx.conf'),
    `daemon off;\nworker_processes 1;\npid ${dir}/nginx.pid;\nerror_log ${dir}/error.log warn;\nevents { worker_connections 1024; }\nhttp {\n  access_log off;\n${temp}\n  include /etc/nginx/mime.types;\n  default_type application/octet-stream;\n${site}\n}\n`,
  );
  const child = spawn(NGINX, ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', path.join(dir, 'error.log')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  child.stderr!.on('data', (d) => (errors += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 10_000;
  for (;;) {
    const up = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (up) break;
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`nginx did not start: ${errors}${fs.existsSync(path.join(dir, 'error.log')) ? fs.readFileSync(path.join(dir, 'error.log'), 'utf8') : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    site,
    errorLog: () => errors + (fs.existsSync(path.join(dir, 'error.log')) ? fs.readFileSync(path.join(dir, 'error.log'), 'utf8') : ''),
    close: async () => {
      child.kill('SIGQUIT');
      await exited;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A browser-like client over fetch: keeps cookies and sends the CSRF token it was given. */
export class HttpClient {
  readonly cookies = new Map<string, string>();
  csrf = '';

  async call(base: string, method: string, url: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = {};
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (this.csrf) headers['x-csrf-token'] = this.csrf;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${base}${url}`, { method, headers, redirect: 'manual', ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    for (const cookie of res.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, ...value] = pair!.split('=');
      this.cookies.set(name!.trim(), value.join('='));
    }
    return res;
  }
}

/**
 * Which of these processes holds the loopback TCP connection whose local port is `port` (found in
 * /proc: the socket's inode in /proc/net/tcp, then that inode among each process's open files).
 */
export function connectionOwner(port: number, pids: number[]): number | undefined {
  const hexPort = `:${port.toString(16).toUpperCase().padStart(4, '0')}`;
  const line = fs
    .readFileSync('/proc/net/tcp', 'latin1')
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .find((fields) => fields[1]?.endsWith(hexPort));
  const inode = line?.[9];
  if (!inode) return undefined;
  return pids.find((pid) => {
    try {
      return fs.readdirSync(`/proc/${pid}/fd`).some((fd) => {
        try {
          return fs.readlinkSync(`/proc/${pid}/fd/${fd}`) === `socket:[${inode}]`;
        } catch {
          return false;
        }
      });
    } catch {
      return false;
    }
  });
}
