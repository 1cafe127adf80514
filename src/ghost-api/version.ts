import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error.js';

/** The version of Ghost's APIs these answer as (Content-Version). */
export const API_VERSION = 'v6.0';

const versionPattern = /^v(\d{1,3})(?:\.(\d{1,4}))?$/;

/**
 * The address prefix of an older client (`version: 'v4'` … makes `/ghost/api/v4/content/…`), in
 * front of the Content or Admin API: those are the current APIs under another name.
 */
const olderVersionPrefix = /^(\/+ghost\/+api\/+)(v2|v3|v4|canary)\/+(?=(?:content|admin)(?:[/?#]|$))/;

/**
 * The address a request is routed by: an older version's address as the current one, so a single
 * set of routes answers every version (Fastify's rewriteUrl; the request keeps its originalUrl).
 */
export function currentVersionAddress(url: string): string {
  return url.replace(olderVersionPrefix, '$1');
}

/** The older version a request's address names (`/v4`), or '' for the current one. */
export function versionPrefixOf(url: string): string {
  const older = olderVersionPrefix.exec(url)?.[2];
  return older === undefined ? '' : `/${older}`;
}

/**
 * Ghost's version handshake: clients send `Accept-Version: v6.0`; every answer says
 * `Content-Version: v6.0` and varies by Accept-Version. A malformed version is refused.
 */
export function installVersionHeaders(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    const wanted = request.headers['accept-version'];
    if (wanted !== undefined && (Array.isArray(wanted) || !versionPattern.test(wanted))) {
      throw new AppError('ACCEPT_VERSION_INVALID', `Accept-Version must look like ${API_VERSION}, not "${String(wanted).slice(0, 40)}".`);
    }
  });
  app.addHook('onSend', async (_request, reply) => {
    reply.header('content-version', API_VERSION);
    const vary = reply.getHeader('vary');
    reply.header('vary', vary ? `${String(vary)}, Accept-Version` : 'Accept-Version');
  });
}

/**
 * What an unknown address under the API answers: 404, or, as Ghost does, 406 when the client
 * asked for another version (the endpoint may exist in that version).
 */
export function unknownEndpoint(request: FastifyRequest): AppError {
  const wanted = request.headers['accept-version'];
  if (typeof wanted === 'string' && major(wanted) !== major(API_VERSION)) {
    const side = major(wanted) > major(API_VERSION) ? 'ahead of' : 'behind';
    return new AppError('ACCEPT_VERSION_MISMATCH', `Request could not be served, the endpoint was not found. Provided client accept-version ${wanted} is ${side} the served version ${API_VERSION}.`);
  }
  return new AppError('NOT_FOUND', 'Resource not found.');
}

function major(version: string): number {
  return Number(versionPattern.exec(version)?.[1] ?? 0);
}
