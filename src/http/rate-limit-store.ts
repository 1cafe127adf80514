import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';
import { countHit, deleteHitsBefore, readHits } from './rate-limit.repository.js';

/** How often, at most, a process removes counts whose window has ended. */
const PRUNE_EVERY_MS = 60_000;

type Result = { current: number; ttl: number };
type Callback = (error: Error | null, result?: Result) => void;
/** What the plugin passes to a store: its options merged with the route's, and the route (not what its types say). */
interface Params {
  continueExceeding?: boolean;
  exponentialBackoff?: boolean;
  routeInfo?: { method?: string | string[]; url?: string };
}

/**
 * A store for @fastify/rate-limit that counts hits in the database, one upsert per hit, so every
 * process on the database shares each limit instead of keeping its own count in memory.
 * Each route's counts are kept apart by its method and path, as the plugin's own stores do.
 */
export function databaseRateLimitStore(db: Db, clock: Clock): FastifyRateLimitStoreCtor {
  const pruning = { lastMs: 0 };
  // Limiters made with fastify.rateLimit() have no route: they are told apart by the order they
  // are made in, which is the same in every process running this code.
  let unrouted = 0;

  function prune(nowMs: number): void {
    if (nowMs - pruning.lastMs < PRUNE_EVERY_MS) return;
    pruning.lastMs = nowMs;
    // Counts left behind only take room; a failed cleanup is retried at the next chance.
    deleteHitsBefore(db, nowMs).catch(() => (pruning.lastMs = 0));
  }

  class DatabaseStore implements FastifyRateLimitStore {
    constructor(
      options: Params,
      private readonly prefix = '',
    ) {
      // Windows here are fixed; the plugin's sliding variants would need state this store does not keep.
      if (options.continueExceeding || options.exponentialBackoff) {
        throw new Error('The database rate-limit store supports fixed windows only (no continueExceeding or exponentialBackoff).');
      }
    }

    incr(key: string, callback: Callback, timeWindow: number): void {
      const nowMs = clock().getTime();
      prune(nowMs);
      countHit(db, this.prefix + key, nowMs, timeWindow).then(
        ({ hits, expiresAt }) => callback(null, { current: hits, ttl: Math.max(0, expiresAt - nowMs) }),
        (error: Error) => callback(error),
      );
    }

    read(key: string, callback: Callback): void {
      const nowMs = clock().getTime();
      readHits(db, this.prefix + key).then(
        (found) => callback(null, found && found.expiresAt > nowMs ? { current: found.hits, ttl: found.expiresAt - nowMs } : { current: 0, ttl: 0 }),
        (error: Error) => callback(error),
      );
    }

    child(options: Parameters<FastifyRateLimitStore['child']>[0]): FastifyRateLimitStore {
      const routeOptions = options as unknown as Params;
      const route = routeOptions.routeInfo?.url ? `${[routeOptions.routeInfo.method ?? ''].flat().join(',')} ${routeOptions.routeInfo.url}` : `limiter-${(unrouted += 1)}`;
      return new DatabaseStore(routeOptions, `${this.prefix}${route} `);
    }
  }
  return DatabaseStore;
}
