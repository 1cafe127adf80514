import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * A throwaway PostgreSQL cluster from the system packages: initdb into a temp dir, loopback only,
 * removed on stop. Installs the packages with apt-get when they are missing and we are root;
 * otherwise fails with a message saying what to install. Never skips.
 */
export interface Cluster {
  url: string;
  stop(): void;
}

export function findPostgresBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return undefined;
  const versions = fs
    .readdirSync(root)
    .filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], 'bin') : undefined;
}

function ensurePostgres(): string {
  let bin = findPostgresBin();
  if (bin) return bin;
  const isRoot = process.getuid?.() === 0;
  if (isRoot) {
    const apt = spawnSync('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql'], {
      stdio: 'inherit',
    });
    bin = findPostgresBin();
    if (apt.status === 0 && bin) return bin;
  }
  throw new Error('PostgreSQL server binaries are missing: install the "postgresql" package (apt-get install postgresql), version 15 or newer.');
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** `settings` are server settings on top of the defaults (benchmarks size the buffer cache as a server would). */
export async function startCluster(settings: Record<string, string> = {}): Promise<Cluster> {
  const bin = ensurePostgres();
  const isRoot = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-pg-'));
  const port = await freePort();
  const run = (command: string, args: string[]) => {
    if (isRoot) {
      const quoted = [command, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
      execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', quoted], { stdio: 'pipe' });
    } else {
      execFileSync(command, args, { stdio: 'pipe' });
    }
  };
  if (isRoot) execFileSync('chown', ['postgres:postgres', dir]);
  fs.chmodSync(dir, 0o700);
  run(path.join(bin, 'initdb'), ['-D', dir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  run(path.join(bin, 'pg_ctl'), [
    '-D',
    dir,
    '-l',
    path.join(dir, 'log'),
    '-w',
    '-o',
    [`-k ${dir} -p ${port} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`, ...Object.entries(settings).map(([k, v]) => `-c ${k}=${v}`)].join(' '),
    'start',
  ]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        run(path.join(bin, 'pg_ctl'), ['-D', dir, '-m', 'immediate', '-w', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
