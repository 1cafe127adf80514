import type { FastifyInstance } from 'fastify';
import type { AnswerCache } from '../content-api/answer-cache.js';
import type { Services } from '../services.js';
import { ghostAdminApi } from './admin/index.js';
import { ghostContentApi } from './content/index.js';
import { installGhostErrors } from './errors.js';
import { refuseControlCharacters } from './http.js';
import { GhostQueries } from './query/index.js';
import { installVersionHeaders, unknownEndpoint } from './version.js';

export interface GhostApiOptions {
  services: Services;
  publicUrl: string;
  /** Requests per minute from one client address (default 600). */
  rateLimit?: number;
  /** Where the Content API keeps anonymous callers' post and page answers. */
  answers?: AnswerCache;
}

/** Address prefixes of older clients (`version: 'v4'` …), answered like the current ones. */
const legacyVersions = ['v2', 'v3', 'v4', 'canary'];

/**
 * Ghost-compatible Content and Admin APIs under /ghost/api, so Ghost's official clients, themes'
 * front ends and migration tools work unchanged. Masthead's own APIs stay at /api/content and
 * /admin/api.
 */
export async function ghostApi(app: FastifyInstance, { services, publicUrl, rateLimit = 600, answers }: GhostApiOptions): Promise<void> {
  installGhostErrors(app, unknownEndpoint);
  installVersionHeaders(app);
  refuseControlCharacters(app);
  const queries = new GhostQueries({ db: services.store.db });
  for (const prefix of ['', ...legacyVersions.map((v) => `/${v}`)]) {
    await app.register(ghostContentApi, { prefix: `${prefix}/content`, services, queries, publicUrl, rateLimit, answers });
    await app.register(ghostAdminApi, { prefix: `${prefix}/admin`, services, queries, publicUrl, audience: `${prefix}/admin/`, rateLimit });
  }
}
