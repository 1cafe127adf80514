import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { answerAddress, etagMatches, sendKept, type AnswerCache } from './answer-cache.js';
import { CONTENT_API_KEY, setCdnKeys } from '../cdn/index.js';

/** Answers for anonymous readers may sit in a shared cache, but are revalidated on every use, so a revoked key stops at once. */
const PUBLIC_CACHE_CONTROL = 'public, max-age=0, must-revalidate';
/** Answers shaped for a signed-in member (gated pieces in full) stay in that reader's browser. */
const MEMBER_CACHE_CONTROL = 'private, no-cache';
/** Answers differ by the member's session cookie and by whether a (valid) key came. */
const VARY = 'Cookie, X-Content-Key';
const JSON_TYPE = 'application/json; charset=utf-8';

export type ContentHandler = (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>;
/** Registers a GET endpoint at its Ghost-style address with a trailing slash, and without one. */
export type ContentRoute = (path: string, handler: ContentHandler) => void;

/** Query fields every Content API endpoint accepts. */
export const keyField = { key: z.string().optional() };

export const pageFields = {
  page: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(100_000, 'must be at most 100000').default(1),
  limit: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(100, 'must be at most 100').default(15),
};

export const slugParams = z.object({ slug: z.string().min(1).max(200) }).strict();

export interface Pagination {
  page: number;
  limit: number;
  pages: number;
  total: number;
  next: number | null;
  prev: number | null;
}

export function pagination(page: number, limit: number, total: number): Pagination {
  const pages = Math.max(1, Math.ceil(total / limit));
  return { page, limit, pages, total, next: page < pages ? page + 1 : null, prev: page > 1 ? page - 1 : null };
}

/**
 * Sends a JSON answer with a strong ETag of its bytes; a client (or CDN) whose copy matches gets
 * 304 with no body.
 */
export function sendJson(request: FastifyRequest, reply: FastifyReply, body: unknown): FastifyReply {
  const text = JSON.stringify(body);
  const etag = `"${createHash('sha256').update(text).digest('base64url').slice(0, 27)}"`;
  reply
    .header('etag', etag)
    .header('cache-control', request.viewer.kind === 'anonymous' ? PUBLIC_CACHE_CONTROL : MEMBER_CACHE_CONTROL)
    .header('vary', VARY);
  if (request.viewer.kind === 'anonymous') setCdnKeys(reply, [], [CONTENT_API_KEY]);
  if (etagMatches(request.headers['if-none-match'], etag)) return reply.code(304).send();
  return reply.type(JSON_TYPE).send(text);
}

/**
 * Sends the answer produce gives, as sendJson does; an anonymous caller's answer is kept in the
 * cache and later anonymous callers get the kept bytes (or a 304) without it being produced again.
 * Answers that depend on more than content (the time, a member's access) pass `cacheable: false`
 * or are never kept, since only anonymous answers are.
 */
export async function sendPublicJson(request: FastifyRequest, reply: FastifyReply, cache: AnswerCache | undefined, produce: () => Promise<unknown>, cacheable = true): Promise<FastifyReply> {
  const address = cache && cacheable && request.viewer.kind === 'anonymous' ? answerAddress(request) : undefined;
  if (!cache || address === undefined) return sendJson(request, reply, await produce());
  setCdnKeys(reply, [], [CONTENT_API_KEY]);
  const kept = await cache.fetch(address, JSON_TYPE, async () => JSON.stringify(await produce()));
  return sendKept(request, reply, kept, { cacheControl: PUBLIC_CACHE_CONTROL, vary: VARY });
}
