import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { CONTENT_API_KEY, setCdnKeys } from '../cdn/index.js';

/** Answers for anonymous readers may sit in a shared cache, but are revalidated on every use, so a revoked key stops at once. */
const PUBLIC_CACHE_CONTROL = 'public, max-age=0, must-revalidate';
/** Answers shaped for a signed-in member (gated pieces in full) stay in that reader's browser. */
const MEMBER_CACHE_CONTROL = 'private, no-cache';

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
    .header('vary', 'Cookie, X-Content-Key');
  if (request.viewer.kind === 'anonymous') setCdnKeys(reply, [], [CONTENT_API_KEY]);
  const match = request.headers['if-none-match'];
  if (match && match.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag || tag.trim() === '*')) {
    return reply.code(304).send();
  }
  return reply.type('application/json; charset=utf-8').send(text);
}
