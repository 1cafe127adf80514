import type { IncomingHttpHeaders } from 'node:http';
import { createRequire } from 'node:module';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { cdnKeyHeaders } from '../cdn/index.js';
import type { CachedResponse } from './page-cache.js';

/**
 * Browsers revalidate every time (cheap: a 304 from memory); a CDN may keep a page for a minute
 * and serve it stale while it fetches a fresh one, so edits show within a minute at the edge.
 */
export const SHARED_CACHE_CONTROL = 'public, max-age=0, s-maxage=60, stale-while-revalidate=600';
/** Teasers of gated pieces: a CDN must not hand them to members, browsers revalidate. */
export const PRIVATE_CACHE_CONTROL = 'private, no-cache';
/** Pages rendered for a signed-in reader. */
export const PERSONAL_CACHE_CONTROL = 'private, no-store';
/**
 * A redirect whose target can change (a renamed piece, an address kept from an earlier platform):
 * kept briefly, since a browser keeps a permanent redirect without one for as long as it likes.
 */
export const MOVED_CACHE_CONTROL = 'public, max-age=600, s-maxage=60';
/** A redirect the address scheme itself makes (a missing trailing slash): it never changes. */
export const CANONICAL_CACHE_CONTROL = 'public, max-age=86400';

/** The codings pages are stored in besides plain, best first: what the compression plugin is set to choose from as well. */
export const STORED_CODINGS: Array<'br' | 'gzip'> = ['br', 'gzip'];

type Negotiate = (header: string, supported: string[]) => string | null;
// The compression plugin's own negotiation, so a stored page goes out in the coding the plugin would
// choose: on the application's path the plugin then finds the answer already encoded (or finds no
// coding acceptable) and never encodes it again, and the cached front answers alike.
const compressRequire = createRequire(createRequire(import.meta.url).resolve('@fastify/compress'));
const negotiate = (compressRequire('@fastify/accept-negotiator') as { negotiate: Negotiate }).negotiate;

/** A stored form of a cached response. */
export type StoredEncoding = 'br' | 'gzip' | 'identity';

let lastAccepted = '';
let lastChosen: StoredEncoding = 'identity';

/**
 * The stored form for an Accept-Encoding header, as the compression plugin reads it: names and
 * parameters in any case, `*` and `x-gzip` as gzip, the highest q-value first and brotli on a tie,
 * nothing with q=0; plain when no stored coding is acceptable.
 */
export function storedEncoding(accepted: string | undefined): StoredEncoding {
  if (!accepted) return 'identity';
  if (accepted !== lastAccepted) {
    const chosen = negotiate(accepted.toLowerCase().replace(/\*|x-gzip/g, 'gzip'), STORED_CODINGS);
    lastChosen = chosen === 'br' || chosen === 'gzip' ? chosen : 'identity';
    lastAccepted = accepted;
  }
  return lastChosen;
}

export function storedBody(response: CachedResponse, encoding: StoredEncoding): Buffer {
  return encoding === 'identity' ? response.body : response[encoding];
}

/** Whether the client's copy is current, by ETag (If-None-Match wins) or by date (where the date names one page). */
export function notModified(headers: IncomingHttpHeaders, response: CachedResponse): boolean {
  const match = headers['if-none-match'];
  if (match !== undefined) {
    return match
      .split(',')
      .map((tag) => tag.trim().replace(/^W\//, ''))
      .some((tag) => tag === '*' || tag === response.etag);
  }
  const since = headers['if-modified-since'];
  if (since === undefined || !response.datable) return false;
  const time = Date.parse(since);
  return Number.isFinite(time) && time >= Date.parse(response.lastModified);
}

/** The validators and caching policy a cached response carries, on full answers and on 304s alike. */
export function cachingHeaders(response: CachedResponse): Record<string, string> {
  return {
    etag: response.etag,
    'last-modified': response.lastModified,
    'cache-control': response.shareable ? SHARED_CACHE_CONTROL : PRIVATE_CACHE_CONTROL,
    vary: 'Accept-Encoding',
    // Shared copies are named for CDNs by what they show, so a change purges exactly them.
    ...(response.shareable ? cdnKeyHeaders(response.keys) : {}),
  };
}

/** Sends a cached response: 304 when the client's copy is current, else the best stored encoding. */
export function sendCached(request: FastifyRequest, reply: FastifyReply, response: CachedResponse): FastifyReply {
  reply.headers(cachingHeaders(response));
  if (notModified(request.headers, response)) return reply.code(304).send();
  reply.type(response.contentType);
  const encoding = storedEncoding(request.headers['accept-encoding']);
  if (encoding !== 'identity') reply.header('content-encoding', encoding);
  return reply.send(storedBody(response, encoding));
}
