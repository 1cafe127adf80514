import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { Readable } from 'node:stream';
import { AppError, isAppError } from '../errors/app-error.js';
import { resolveTarget } from '../webhooks/outgoing/index.js';
import type { OldSiteFetch } from './wordpress/media.gather.js';

/**
 * Asks an old site for a file the way outgoing webhooks reach their receivers: the host must
 * resolve to public addresses only (unless private ones are allowed, WEBHOOKS_ALLOW_PRIVATE_ADDRESSES),
 * and the connection goes to the address that was checked, so a name cannot answer differently
 * between the check and the connection. Redirects are answered as they are, each one checked anew
 * when followed. An export names whatever hosts it likes; this keeps its fetches off the server's
 * own network.
 */
export function guardedFetch(allowPrivate: boolean): OldSiteFetch {
  return async (address, init) => {
    const url = new URL(address);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new AppError('WEBHOOK_ADDRESS_REFUSED', `not fetched: ${url.protocol} is not http or https`);
    let pinned: { address: string; family: 4 | 6 };
    try {
      pinned = await resolveTarget(url, allowPrivate);
    } catch (error) {
      if (isAppError(error)) throw new AppError(error.code, `not fetched: ${error.message}`);
      throw error;
    }
    const lookup: LookupFunction = (_host, options, callback) => {
      if (options.all) callback(null, [pinned]);
      else callback(null, pinned.address, pinned.family);
    };
    const client = url.protocol === 'https:' ? https : http;
    return new Promise<Response>((resolve, reject) => {
      const request = client.request(url, { method: 'GET', lookup, agent: false, signal: init.signal }, (answer) => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(answer.headers)) {
          if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
        }
        const status = answer.statusCode ?? 502;
        const empty = status === 204 || status === 304;
        if (empty) answer.resume();
        resolve(new Response(empty ? null : (Readable.toWeb(answer) as ReadableStream<Uint8Array>), { status, headers }));
      });
      request.once('error', reject);
      request.end();
    });
  };
}
