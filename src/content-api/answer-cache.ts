import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ContentChange } from '../content/index.js';
import { storedBody, storedEncoding } from '../site/http-cache.js';
import { PageCache, type CachedResponse } from '../site/page-cache.js';

/** The bytes of kept Content API answers (all encodings) one process holds at most. */
export const API_ANSWER_BYTES = 12 * 1024 * 1024;
/** The same for search pages, kept apart (the two hold what one cache of 16 MB held): a stranger can ask for any number of words. */
export const SEARCH_ANSWER_BYTES = 4 * 1024 * 1024;
/** Requests with a longer normalised address are answered afresh rather than kept under it. */
const MAX_ADDRESS_LENGTH = 1024;

/**
 * Public answers (Content API lists and items, search pages) as an anonymous caller gets them,
 * kept serialised and compressed under their normalised address. They depend on content alone,
 * so every content change (here or, in scale mode, in another process) empties the cache; an
 * answer produced while a change committed is served but not kept.
 */
export class AnswerCache {
  private readonly pages: PageCache;

  /** `bytes`: what its answers may take in all. */
  constructor(bytes: number) {
    this.pages = new PageCache(bytes);
  }

  clear(): void {
    this.pages.clear();
  }

  /** The kept answer at the address, or a new one from produce. Concurrent misses share one production; errors are never kept. */
  async fetch(address: string, contentType: string, produce: () => Promise<string>): Promise<CachedResponse> {
    const render = async () => ({ kind: 'rendered' as const, body: await produce(), contentType, keys: new Set<string>(), shareable: true });
    return (await this.pages.fetch(address, render, () => new Date())) as CachedResponse;
  }
}

/**
 * Whether a change can alter what anonymous callers see. A post or page that neither was nor is
 * published (a draft's saves, a scheduled piece's edits) cannot; every other change may.
 */
export function changesPublicAnswers(change: ContentChange): boolean {
  if (change.kind !== 'post' || change.status === undefined) return true;
  return change.status.before === 'published' || change.status.after === 'published';
}

/**
 * The address an answer is kept under: the path (repeated slashes folded) and every query
 * parameter but the key, sorted, since every valid key sees the same public content. Undefined
 * when the address is too long to keep.
 */
export function answerAddress(request: FastifyRequest): string | undefined {
  const at = request.url.indexOf('?');
  const path = (at === -1 ? request.url : request.url.slice(0, at)).replace(/\/{2,}/g, '/');
  const query = Object.entries((request.query ?? {}) as Record<string, unknown>)
    .filter(([name]) => name !== 'key')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const address = query.length === 0 ? path : `${path}?${JSON.stringify(query)}`;
  return address.length > MAX_ADDRESS_LENGTH ? undefined : address;
}

/** Whether an If-None-Match header names this entity tag (weak or strong), or any. */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed.replace(/^W\//, '') === etag;
  });
}

/** Sends a kept answer: 304 when the caller's copy is current, else the best stored encoding. */
export function sendKept(request: FastifyRequest, reply: FastifyReply, kept: CachedResponse, headers: { cacheControl: string; vary: string }): FastifyReply {
  reply.header('etag', kept.etag).header('cache-control', headers.cacheControl).header('vary', `${headers.vary}, Accept-Encoding`);
  if (etagMatches(request.headers['if-none-match'], kept.etag)) return reply.code(304).send();
  reply.type(kept.contentType);
  const encoding = storedEncoding(request.headers['accept-encoding']);
  if (encoding !== 'identity') reply.header('content-encoding', encoding);
  return reply.send(storedBody(kept, encoding));
}
