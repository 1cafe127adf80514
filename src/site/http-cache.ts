import type { IncomingHttpHeaders } from 'node:http';
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

export function acceptsEncoding(header: string | undefined, encoding: 'br' | 'gzip'): boolean {
  if (!header) return false;
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().split(';');
    if (name?.trim().toLowerCase() !== encoding) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  }
  return false;
}

/** A stored form of a cached response. */
export type StoredEncoding = 'br' | 'gzip' | 'identity';

/** The best stored form for an Accept-Encoding header: brotli, else gzip, else plain. */
export function storedEncoding(accepted: string | undefined): StoredEncoding {
  if (!accepted) return 'identity';
  if (acceptsEncoding(accepted, 'br')) return 'br';
  return acceptsEncoding(accepted, 'gzip') ? 'gzip' : 'identity';
}

export function storedBody(response: CachedResponse, encoding: StoredEncoding): Buffer {
  return encoding === 'identity' ? response.body : response[encoding];
}

/** Whether the client's copy is current, by ETag (If-None-Match wins) or by date. */
export function notModified(headers: IncomingHttpHeaders, response: CachedResponse): boolean {
  const match = headers['if-none-match'];
  if (match !== undefined) {
    return match
      .split(',')
      .map((tag) => tag.trim().replace(/^W\//, ''))
      .some((tag) => tag === '*' || tag === response.etag);
  }
  const since = headers['if-modified-since'];
  if (since === undefined) return false;
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
