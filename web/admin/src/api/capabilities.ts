import { request } from './client';

let documented: Promise<Set<string>> | null = null;

/**
 * Whether the server documents an endpoint in its OpenAPI document, e.g.
 * `has('get', '/admin/api/posts/{id}/preview')`. Lets screens offer a feature only where the
 * server has it.
 */
export async function has(method: string, path: string): Promise<boolean> {
  documented ??= request<{ paths?: Record<string, Record<string, unknown>> }>('GET', '/openapi.json').then(
    (doc) => new Set(Object.entries(doc.paths ?? {}).flatMap(([p, methods]) => Object.keys(methods).map((m) => `${m} ${p}`))),
    () => new Set<string>(),
  );
  return (await documented).has(`${method.toLowerCase()} ${path}`);
}
