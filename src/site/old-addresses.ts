import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/client.js';
import { findOldAddress, namesOldItem, oldAddressKey } from '../portability/index.js';
import { MOVED_CACHE_CONTROL } from './http-cache.js';

/**
 * Addresses of a site that moved in (permalinks, `?p=ID`, archives, attachment pages) answer 301
 * with where their content is now. Only requests that would otherwise find nothing, and item
 * queries at the root (`/?p=12`, which the home page would answer), are looked up, so pages that
 * exist cost nothing.
 */
export function installOldAddresses(app: FastifyInstance, deps: { db: Db }): void {
  app.addHook('preHandler', async (request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return;
    if (!request.is404 && !namesOldItem(request.url)) return;
    const key = oldAddressKey(request.url);
    const location = key ? await findOldAddress(deps.db, key) : null;
    if (location) return reply.header('cache-control', MOVED_CACHE_CONTROL).redirect(location, 301);
  });
}
