import type { Logger } from 'pino';
import type { ContentChange } from '../content/index.js';
import type { Services } from '../services.js';
import { CacheInvalidator } from './cache-invalidation.js';
import { CacheSync } from './cache-sync.js';
import { ListingMemo } from './listing-memo.js';
import { PageCache, type CachedResponse } from './page-cache.js';

/** What processes tell each other: a content change, or that a member's follows changed. */
type SharedChange = ContentChange | { kind: 'member-follows'; id: number };

/**
 * The page cache of this process, kept in step with content changes: changes made here apply at
 * once; in scale mode (PostgreSQL, several processes) they are also shared through the database
 * and changes made elsewhere apply within about a second.
 */
export function createSiteCache(services: Pick<Services, 'store' | 'posts' | 'events' | 'clock' | 'recommendations' | 'follows'>, logger: Logger, headBytes?: (page: CachedResponse) => number) {
  const cache = new PageCache(undefined, headBytes, services.clock);
  const memo = new ListingMemo({ posts: services.posts, recommendations: services.recommendations });
  const invalidator = new CacheInvalidator({ cache, memo, posts: services.posts });
  const followers = new Set<(change: ContentChange) => void>();
  const apply = (change: SharedChange) => {
    if (change.kind === 'member-follows') {
      services.follows.forgetMember(change.id);
      return Promise.resolve();
    }
    // A change that redraws everything (settings, a site import) may have touched anyone's follows.
    if (change.kind === 'settings') services.follows.forgetAll();
    for (const follower of followers) follower(change);
    return invalidator.apply(change).catch((error: unknown) => logger.warn({ err: error }, 'cache invalidation failed'));
  };
  const sync = services.store.dialect === 'postgres' ? new CacheSync<SharedChange>({ db: services.store.db, clock: services.clock, logger, apply }) : undefined;
  const unsubscribe = services.events.on((change) => {
    void apply(change);
    void sync?.publish(change);
  });
  // Members' follows are kept per member (FollowService): changes made here are forgotten there at once.
  const unsubscribeFollows = services.follows.onMemberChange((memberId) => void sync?.publish({ kind: 'member-follows', id: memberId }));
  sync?.start();
  return {
    cache,
    memo,
    sync,
    /** Calls the listener with every content change: made here (at once) or by another process (within about a second). */
    follow(listener: (change: ContentChange) => void): () => void {
      followers.add(listener);
      return () => followers.delete(listener);
    },
    async close() {
      unsubscribe();
      unsubscribeFollows();
      await sync?.stop();
    },
  };
}
