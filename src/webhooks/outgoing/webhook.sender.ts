import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { AppError } from '../../errors/app-error.js';
import { resolveTarget } from './address-guard.js';

export const TIMEOUT_MS = 10_000;
/** The receiver's answer is read up to this much and then dropped; only its status matters. */
export const MAX_RESPONSE_BYTES = 64 * 1024;

export interface Attempt {
  status: number | null;
  error: string | null;
  durationMs: number;
  /** The address was refused: trying again cannot help. */
  refused?: true;
}

type Outcome = Omit<Attempt, 'durationMs'>;

/**
 * POSTs one body to a webhook URL and reports what happened; it never throws. Redirects are not
 * followed (a 3xx is an answer like any other), resolving the name and the whole exchange have
 * ten seconds together, and the connection goes only to the address the guard checked.
 */
export async function post(target: string, body: string, headers: Record<string, string>, allowPrivate: boolean): Promise<Attempt> {
  const started = performance.now();
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<Outcome>((resolve) => {
    timer = setTimeout(() => {
      abort.abort();
      resolve({ status: null, error: `no answer within ${TIMEOUT_MS / 1000} s` });
    }, TIMEOUT_MS);
  });
  const outcome = await Promise.race([exchange(new URL(target), body, headers, allowPrivate, abort.signal), deadline]);
  clearTimeout(timer);
  abort.abort();
  return { ...outcome, durationMs: Math.round(performance.now() - started) };
}

async function exchange(url: URL, body: string, headers: Record<string, string>, allowPrivate: boolean, signal: AbortSignal): Promise<Outcome> {
  let pinned: { address: string; family: 4 | 6 };
  try {
    pinned = await resolveTarget(url, allowPrivate);
  } catch (error) {
    if (error instanceof AppError) return { status: null, error: error.message, refused: true };
    return { status: null, error: error instanceof Error ? error.message : String(error) };
  }
  const lookup: LookupFunction = (_host, options, callback) => {
    if (options.all) callback(null, [pinned]);
    else callback(null, pinned.address, pinned.family);
  };
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<Outcome>((resolve) => {
    const request = client.request(
      url,
      {
        method: 'POST',
        lookup,
        agent: false,
        signal,
        headers: { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) },
      },
      (response) => {
        const status = response.statusCode ?? null;
        let read = 0;
        const done = () => {
          resolve({ status, error: null });
          request.destroy();
        };
        response.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read > MAX_RESPONSE_BYTES) done();
        });
        response.on('end', done);
        response.on('error', done);
      },
    );
    request.on('error', (error) => resolve({ status: null, error: error.message }));
    request.end(body);
  });
}
