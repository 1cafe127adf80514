import type { Logger } from 'pino';
import type { Services } from '../services.js';
import { CacheInvalidator } from './cache-invalidation.js';
import { CacheSync } from './cache-sync.js';
import { ListingMemo } from './listing-memo.js';
import { PageCache } from './page-cache.js';

/**
 * The page cache of this process, kept in step with content changes: changes made here apply at
 * once; in scale mode (PostgreSQL, several processes) they are also shared through the database
 * and changes made elsewhere apply within about a second.
 */
export function createSiteCache(services: Pick<Services, 'store' | 'posts' | 'events' | 'clock' | 'recommendations'>, logger: Logger) {
  const cache = new PageCache();
  const memo = new ListingMemo({ posts: services.posts, recommendations: services.recommendations });
  const invalidator = new CacheInvalidator({ cache, memo, posts: services.posts });
  const apply = (change: Parameters<CacheInvalidator['apply']>[0]) =>
    invalidator.apply(change).catch((error: unknown) => logger.warn({ err: error }, 'cache invalidation failed'));
  const sync =
    services.store.dialect === 'postgres'
      ? new CacheSync({ db: services.store.db, clock: services.clock, logger, apply })
      : undefined;
  const unsubscribe = services.events.on((change) => {
    void apply(change);
    void sync?.publish(change);
  });
  sync?.start();
  return {
    cache,
    memo,
    sync,
    async close() {
      unsubscribe();
      await sync?.stop();
    },
  };
}
