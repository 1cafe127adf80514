import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
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

export interface RoundRobinProxy {
  url: string;
  /** Requests that found no process to answer them. */
  failures: number;
  close(): Promise<void>;
}

/**
 * A small load balancer: each request goes to the next process in turn, and a process that
 * refuses the connection (or drops it before answering) is passed over for the next one.
 */
export async function startProxy(ports: number[]): Promise<RoundRobinProxy> {
  let next = 0;
  const proxy: RoundRobinProxy = { url: '', failures: 0, close: async () => undefined };
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      const attempt = (left: number) => {
        const port = ports[next++ % ports.length]!;
        const upstream = http.request(
          { host: '127.0.0.1', port, method: request.method, path: request.url, headers: { ...request.headers, 'x-forwarded-for': request.socket.remoteAddress ?? '' }, agent: false },
          (answer) => {
            response.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(response);
          },
        );
        upstream.on('error', (error: NodeJS.ErrnoException) => {
          const passable = !response.headersSent && (error.code === 'ECONNREFUSED' || error.code === 'ECONNRESET');
          if (passable && left > 0) {
            setTimeout(() => attempt(left - 1), 20);
            return;
          }
          proxy.failures += 1;
          if (!response.headersSent) response.writeHead(502).end();
          else response.destroy();
        });
        upstream.end(body);
      };
      attempt(ports.length * 10);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
  proxy.close = () => new Promise((resolve) => server.close(() => resolve()));
  return proxy;
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
