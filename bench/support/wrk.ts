import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { onCore } from '../site-support.js';

/** What one wrk run measured: requests per second and latency percentiles in milliseconds. */
export interface Load {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  /** Answers that were not 2xx/3xx, plus connect, read, write and timeout errors. */
  errors: number;
}

// wrk calls done() once at the end with its own summary; printing it as one JSON line keeps the
// parsing exact (wrk's human-readable output rounds and changes units).
const REPORT = `done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('\\n{"requests":%d,"duration":%d,"p50":%d,"p99":%d,"errors":%d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.connect + e.read + e.write + e.status + e.timeout))
end
`;

// A different client address on every request, through a trusted proxy's X-Forwarded-For, for
// routes with a per-address rate limit (run Masthead with TRUST_PROXY=127.0.0.1).
const ROTATE = `local n = 0
request = function()
  n = n + 1
  return wrk.format(nil, nil, { ["X-Forwarded-For"] = string.format("10.%d.%d.%d", math.floor(n / 65536) % 256, math.floor(n / 256) % 256, n % 256) })
end
`;

export interface LoadOptions {
  seconds: number;
  connections?: number;
  headers?: Record<string, string>;
  /** Send each request from another address (X-Forwarded-For); replaces `headers`. */
  rotateAddress?: boolean;
}

/** Loads one URL with wrk (one thread, 16 connections unless told) and returns what it measured. */
export function wrk(workDir: string, url: string, options: LoadOptions): Promise<Load> {
  const script = path.join(workDir, options.rotateAddress ? 'wrk-rotate.lua' : 'wrk-report.lua');
  if (!fs.existsSync(script)) fs.writeFileSync(script, options.rotateAddress ? `${REPORT}${ROTATE}` : REPORT);
  const headers = Object.entries(options.headers ?? {}).flatMap(([name, value]) => ['-H', `${name}: ${value}`]);
  const args = ['-t1', `-c${options.connections ?? 16}`, `-d${options.seconds}s`, '--latency', '-s', script, ...headers, url];
  return new Promise((resolve, reject) => {
    const child = spawn(...onCore('load', 'wrk', args), { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => reject(new Error(`wrk could not run (apt-get install -y wrk): ${error.message}`)));
    child.on('exit', (code) => {
      const line = output.split('\n').find((l) => l.startsWith('{"requests"'));
      if (code !== 0 || !line) return reject(new Error(`wrk ${url} exited with ${code}:\n${output}`));
      const raw = JSON.parse(line) as { requests: number; duration: number; p50: number; p99: number; errors: number };
      resolve({ rps: raw.requests / (raw.duration / 1e6), p50: raw.p50 / 1000, p99: raw.p99 / 1000, requests: raw.requests, errors: raw.errors });
    });
  });
}
