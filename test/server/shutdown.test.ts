import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import readline from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../support/stores.js';

const entry = path.resolve('src/cli/run.ts');
const BIG = 24 * 1024 * 1024;

describe('the server process', { timeout: 120_000 }, () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => {
    database = await freshDatabase('sqlite');
    fs.mkdirSync(path.join(database.dataDir, 'media'), { recursive: true });
    fs.writeFileSync(path.join(database.dataDir, 'media', 'big.bin'), randomBytes(BIG));
  });
  afterAll(async () => database.drop());

  it('starts with the demo magazine, prints its address, and on SIGTERM finishes an in-flight response before exiting 0', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', entry, 'start', '--demo'], {
      env: { PATH: process.env.PATH ?? '', DATA_DIR: database.dataDir, PORT: '0', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const logs: string[] = [];
    readline.createInterface({ input: child.stderr! }).on('line', (line) => logs.push(line));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const url = await new Promise<string>((resolve, reject) => {
      void exited.then((code) => reject(new Error(`server exited with ${code}: ${logs.join('\n')}`)));
      readline.createInterface({ input: child.stdout! }).on('line', (line) => {
        logs.push(line);
        const match = /Masthead is running at (http:\/\/\S+)/.exec(line);
        if (match) resolve(match[1]!);
      });
    });
    const home = await fetch(url);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('Halcyon');

    // A large download read slowly is certainly in flight when the signal arrives.
    const received = await new Promise<number>((resolve, reject) => {
      http
        .get(`${url}/media/big.bin`, (res) => {
          let bytes = 0;
          res.once('data', (chunk: Buffer) => {
            bytes += chunk.length;
            res.pause();
            child.kill('SIGTERM');
            setTimeout(() => {
              expect(child.exitCode).toBeNull(); // still finishing the response
              res.on('data', (more: Buffer) => (bytes += more.length));
              res.resume();
            }, 300);
          });
          res.on('end', () => resolve(bytes));
          res.on('error', reject);
        })
        .on('error', reject);
    });
    expect(received).toBe(BIG);
    expect(await exited).toBe(0);
    expect(logs.some((l) => l.includes('shutting down'))).toBe(true);
  });
});
