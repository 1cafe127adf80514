import type { FastifyInstance } from 'fastify';
import type { AnswerCache } from '../content-api/answer-cache.js';
import type { Services } from '../services.js';
import { ghostAdminApi } from './admin/index.js';
import { ghostContentApi } from './content/index.js';
import { installGhostErrors } from './errors.js';
import { refuseControlCharacters } from './http.js';
import { GhostQueries } from './query/index.js';
import { installVersionHeaders, unknownEndpoint } from './version.js';

export { currentVersionAddress } from './version.js';

export interface GhostApiOptions {
  services: Services;
  publicUrl: string;
  /** Requests per minute from one client address (default 600). */
  rateLimit?: number;
  /** Where the Content API keeps anonymous callers' post and page answers. */
  answers?: AnswerCache;
}

/**
 * Ghost-compatible Content and Admin APIs under /ghost/api, so Ghost's official clients, themes'
 * front ends and migration tools work unchanged. Masthead's own APIs stay at /api/content and
 * /admin/api. Older clients' addresses (`/ghost/api/v4/content/…`) reach these same routes: the
 * application routes them by currentVersionAddress.
 */
export async function ghostApi(app: FastifyInstance, { services, publicUrl, rateLimit = 600, answers }: GhostApiOptions): Promise<void> {
  installGhostErrors(app, unknownEndpoint);
  installVersionHeaders(app);
  refuseControlCharacters(app);
  const queries = new GhostQueries({ db: services.store.db });
  await app.register(ghostContentApi, { prefix: '/content', services, queries, publicUrl, rateLimit, answers });
  await app.register(ghostAdminApi, { prefix: '/admin', services, queries, publicUrl, rateLimit });
}
