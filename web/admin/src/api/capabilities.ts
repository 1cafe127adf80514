import { queryOptions } from '@tanstack/react-query';
import { request } from './client';
import { readOnce } from './query-client';

/** Every `method path` the server documents in its OpenAPI document, e.g. `get /admin/api/posts/{id}/preview`. */
const documented = queryOptions({
  queryKey: ['openapi'],
  queryFn: ({ signal }) =>
    request<{ paths?: Record<string, Record<string, unknown>> }>('GET', '/openapi.json', undefined, { signal }).then(
      (doc) => new Set(Object.entries(doc.paths ?? {}).flatMap(([p, methods]) => Object.keys(methods).map((m) => `${m} ${p}`))),
    ),
  staleTime: Infinity,
  meta: readOnce,
});

/**
 * Whether the server documents an endpoint, e.g. `capability('get', '/admin/api/posts/{id}/preview')`
 * with useQuery: lets screens offer a feature only where the server has it.
 */
export const capability = (method: string, path: string) => queryOptions({ ...documented, select: (endpoints: Set<string>) => endpoints.has(`${method.toLowerCase()} ${path}`) });
