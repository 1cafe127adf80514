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

/**
 * POSTs one body to a webhook URL and reports what happened; it never throws. Redirects are not
 * followed (a 3xx is an answer like any other), the whole exchange has ten seconds, and the
 * connection goes only to the address the guard checked.
 */
export async function post(target: string, body: string, headers: Record<string, string>, allowPrivate: boolean): Promise<Attempt> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const url = new URL(target);
  let pinned: { address: string; family: 4 | 6 };
  try {
    pinned = await resolveTarget(url, allowPrivate);
  } catch (error) {
    if (error instanceof AppError) return { status: null, error: error.message, durationMs: elapsed(), refused: true };
    return { status: null, error: error instanceof Error ? error.message : String(error), durationMs: elapsed() };
  }
  const lookup: LookupFunction = (_host, options, callback) => {
    if (options.all) callback(null, [pinned]);
    else callback(null, pinned.address, pinned.family);
  };
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<Attempt>((resolve) => {
    let settled = false;
    const finish = (status: number | null, error: string | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.destroy();
      resolve({ status, error, durationMs: elapsed() });
    };
    const request = client.request(
      url,
      {
        method: 'POST',
        lookup,
        agent: false,
        headers: { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) },
      },
      (response) => {
        const status = response.statusCode ?? null;
        let read = 0;
        response.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read > MAX_RESPONSE_BYTES) finish(status, null);
        });
        response.on('end', () => finish(status, null));
        response.on('error', () => finish(status, null));
      },
    );
    const timer = setTimeout(() => finish(null, `no answer within ${TIMEOUT_MS / 1000} s`), TIMEOUT_MS);
    request.on('error', (error) => finish(null, error.message));
    request.end(body);
  });
}
