import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './client';

/** Reads whose failure another try may cure: the network or the server, never a refusal (4xx). */
function worthRetrying(failures: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status < 500) return false;
  return failures < 2;
}

/**
 * The one cache of the admin app's reads. Queries are GETs, so they may be retried; changes
 * (mutations) are sent once and invalidate the reads they touch. A query whose screen moved on
 * (another search, another page) has its request aborted, so a late answer never shows.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: worthRetrying, refetchOnWindowFocus: false, staleTime: 5_000 },
    mutations: { retry: false },
  },
});
