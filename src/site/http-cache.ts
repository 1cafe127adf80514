import type { FastifyReply, FastifyRequest } from 'fastify';
import { setCdnKeys } from '../cdn/index.js';
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

function notModified(request: FastifyRequest, response: CachedResponse): boolean {
  const match = request.headers['if-none-match'];
  if (match !== undefined) {
    return match
      .split(',')
      .map((tag) => tag.trim().replace(/^W\//, ''))
      .some((tag) => tag === '*' || tag === response.etag);
  }
  const since = request.headers['if-modified-since'];
  if (since === undefined) return false;
  const time = Date.parse(since);
  return Number.isFinite(time) && time >= Date.parse(response.lastModified);
}

/** Sends a cached response: 304 when the client's copy is current, else the best stored encoding. */
export function sendCached(request: FastifyRequest, reply: FastifyReply, response: CachedResponse): FastifyReply {
  reply
    .header('etag', response.etag)
    .header('last-modified', response.lastModified)
    .header('cache-control', response.shareable ? SHARED_CACHE_CONTROL : PRIVATE_CACHE_CONTROL)
    .header('vary', 'Accept-Encoding');
  if (response.shareable) setCdnKeys(reply, response.keys);
  if (notModified(request, response)) return reply.code(304).send();
  reply.type(response.contentType);
  const accepted = request.headers['accept-encoding'];
  if (acceptsEncoding(accepted, 'br')) return reply.header('content-encoding', 'br').send(response.br);
  if (acceptsEncoding(accepted, 'gzip')) return reply.header('content-encoding', 'gzip').send(response.gzip);
  return reply.send(response.body);
}
