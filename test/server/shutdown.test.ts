import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { cliEntry, startServerProcess } from '../support/cli.js';
import { freshDatabase } from '../support/stores.js';

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
    const { child, url, exited, logs } = await startServerProcess(['--demo'], { DATA_DIR: database.dataDir, PORT: '0', LOG_LEVEL: 'info' });
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

  it('exits 0 on a SIGTERM sent the instant it says it is running (a supervisor may be that quick)', async () => {
    const outcomes: string[] = [];
    for (let attempt = 0; attempt < 4; attempt++) {
      const child = spawn(process.execPath, ['--import', 'tsx', cliEntry, 'start'], {
        env: { PATH: process.env.PATH ?? '', DATA_DIR: database.dataDir, PORT: '0', LOG_LEVEL: 'warn' },
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      // Signalled from the very chunk that carries the line, before anything else runs here.
      child.stdout!.on('data', (chunk: Buffer) => {
        if (chunk.includes('Masthead is running at') && child.exitCode === null && !child.killed) child.kill('SIGTERM');
      });
      await new Promise<void>((resolve) => child.once('exit', () => resolve()));
      outcomes.push(child.signalCode ?? `exit ${child.exitCode}`);
    }
    expect(outcomes).toEqual(Array(4).fill('exit 0'));
  });
});
