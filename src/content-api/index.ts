import cors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors/app-error.js';
import type { AnswerCache } from './answer-cache.js';
import type { Services } from '../services.js';
import type { ContentRoute } from './http.js';
import { contentApiPostRoutes } from './posts.routes.js';
import { contentApiSiteRoutes } from './site.routes.js';

export interface ContentApiOptions {
  services: Pick<Services, 'posts' | 'taxonomy' | 'catalogue' | 'settings' | 'contentKeys' | 'comments'>;
  publicUrl: string;
  /** Requests per minute from one client address (default 600). */
  rateLimit?: number;
  /** Where anonymous callers' post and page answers are kept (not kept without one). */
  answers?: AnswerCache;
}

export const CONTENT_KEY_HEADER = 'x-content-key';

/**
 * The public, read-only Content API under /api/content: published posts and pages, tags,
 * authors, reviewed works and their people, and public settings, as JSON. Every request needs a
 * Content API key; gated pieces come in full only to a signed-in member who may read them.
 */
export async function contentApi(app: FastifyInstance, { services, publicUrl, rateLimit = 600, answers }: ContentApiOptions): Promise<void> {
  // Front ends on other origins read with GET; no cookies cross origins (a "*" origin forbids them).
  // An OPTIONS request that is not a preflight gets the same empty answer rather than a plain-text 400.
  await app.register(cors, { origin: '*', methods: ['GET', 'HEAD'], allowedHeaders: [CONTENT_KEY_HEADER], maxAge: 86_400, strictPreflight: false });
  app.addHook('onRequest', app.rateLimit({ max: rateLimit, timeWindow: 60_000, errorResponseBuilder: () => new AppError('RATE_LIMITED') }));
  app.addHook('preHandler', async (request) => {
    const fromQuery = (request.query as { key?: unknown }).key;
    const secret = typeof fromQuery === 'string' ? fromQuery : request.headers[CONTENT_KEY_HEADER];
    if (typeof secret !== 'string' || secret === '') throw new AppError('CONTENT_KEY_REQUIRED');
    if (!(await services.contentKeys.authenticate(secret))) throw new AppError('CONTENT_KEY_INVALID');
  });

  const route: ContentRoute = (path, handler) => {
    app.get(`${path}/`, handler);
    app.get(path, handler);
  };
  contentApiPostRoutes(route, { posts: services.posts, taxonomy: services.taxonomy, comments: services.comments, publicUrl, answers });
  contentApiSiteRoutes(route, { taxonomy: services.taxonomy, catalogue: services.catalogue, settings: services.settings, publicUrl });
}
