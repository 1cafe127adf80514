import cors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';
import type { AnswerCache } from '../../content-api/answer-cache.js';
import { CONTENT_KEY_HEADER } from '../../content-api/index.js';
import { AppError } from '../../errors/app-error.js';
import type { Services } from '../../services.js';
import type { GhostQueries } from '../query/index.js';
import { ghostContentPostRoutes } from './posts.routes.js';
import { ghostContentSiteRoutes } from './site.routes.js';

export interface GhostContentOptions {
  services: Pick<Services, 'posts' | 'plans' | 'settings' | 'contentKeys' | 'comments'>;
  queries: GhostQueries;
  publicUrl: string;
  /** Requests per minute from one client address. */
  rateLimit: number;
  /** Where anonymous callers' post and page answers are kept (not kept without one). */
  answers?: AnswerCache;
}

/**
 * Ghost's Content API: what the public site shows, read with a Content API key (`?key=`), in
 * Ghost's shapes. Like Masthead's own Content API, answers are public and cacheable, and gated
 * bodies come only to a signed-in member who may read them.
 */
export async function ghostContentApi(app: FastifyInstance, { services, queries, publicUrl, rateLimit, answers }: GhostContentOptions): Promise<void> {
  // Browsers on other origins send Accept-Version, which needs a preflight; no cookies cross origins.
  // An OPTIONS request that is not a preflight gets the same empty answer rather than a plain-text 400.
  await app.register(cors, { origin: '*', methods: ['GET', 'HEAD'], allowedHeaders: ['accept-version', CONTENT_KEY_HEADER], exposedHeaders: ['content-version'], maxAge: 86_400, strictPreflight: false });
  app.addHook('onRequest', app.rateLimit({ max: rateLimit, timeWindow: 60_000, errorResponseBuilder: () => new AppError('RATE_LIMITED') }));
  app.addHook('preHandler', async (request) => {
    const fromQuery = (request.query as { key?: unknown }).key;
    const key = typeof fromQuery === 'string' ? fromQuery : request.headers[CONTENT_KEY_HEADER];
    if (typeof key !== 'string' || key === '') throw new AppError('CONTENT_KEY_REQUIRED', 'Authorization failed: send the Content API key as ?key=….');
    if (key.length > 200 || !(await services.contentKeys.authenticate(key))) throw new AppError('CONTENT_KEY_INVALID', 'Unknown Content API Key.');
  });
  ghostContentPostRoutes(app, { posts: services.posts, queries, comments: services.comments, publicUrl, answers });
  ghostContentSiteRoutes(app, { queries, plans: services.plans, settings: services.settings, publicUrl });
}
