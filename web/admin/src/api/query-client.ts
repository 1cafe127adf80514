import { QueryClient } from '@tanstack/react-query';
import { ApiError, onChanged } from './client';

/** Reads whose failure another try may cure: the network or the server, never a refusal (4xx). */
function worthRetrying(failures: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status < 500) return false;
  return failures < 2;
}

/**
 * The one cache of the admin app's reads. Queries are GETs, so they may be retried; changes are
 * sent once. A query whose screen moved on (another search, another page) has its request
 * aborted, so a late answer never shows.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: worthRetrying, refetchOnWindowFocus: false },
    mutations: { retry: false },
  },
});

/**
 * Marks a read that a screen takes once and then edits as its own copy (the post in the editor) or
 * that cannot change while the app runs (the API's own description): reading it again after each
 * change would only cost a request.
 */
export const readOnce = { readOnce: true } as const;

// After any change: what is on screen is read again, and what is not is forgotten, so a screen
// opened later never shows a list from before the change while its own read is on the way.
onChanged(() => {
  queryClient.removeQueries({ type: 'inactive' });
  void queryClient.invalidateQueries({ type: 'active', predicate: (query) => query.meta?.readOnce !== true });
});
