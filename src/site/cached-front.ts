import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { PageView } from '../analytics/index.js';
import type { RequestLog } from '../http/request-log.js';
import { cachingHeaders, notModified, storedBody, storedEncoding, type StoredEncoding } from './http-cache.js';
import type { CachedResponse, PageCache } from './page-cache.js';

export interface CachedFrontDeps {
  cache: PageCache;
  /** The security headers of every page (Content-Security-Policy …). */
  securityHeaders: ReadonlyArray<readonly [string, string]>;
  requests: RequestLog;
  /** Forwarding headers are believed from some proxies: a forwarded request's address needs their rules. */
  trustsProxies: boolean;
  /** The slug of the post or page shown at a path, or null: reads of pieces are counted. */
  pieceAt(path: string): string | null;
  countView(view: PageView): void;
}

/** What a cached page is answered with, worked out once per page. */
interface Answers {
  full: Record<StoredEncoding, OutgoingHttpHeaders>;
  unchanged: OutgoingHttpHeaders;
  piece: string | null;
}

export interface CachedFront {
  /** Answers the request from the page cache when it can; false leaves it to the application. */
  answer(request: IncomingMessage, response: ServerResponse): boolean;
  /** From now on leaves every request to the application (which answers it with Connection: close while it drains). */
  close(): void;
}

/**
 * Cached pages for readers who bring no credentials, answered before the application sees the
 * request: the page cache only ever holds pages rendered for anonymous readers, and a request with
 * no Cookie and no Authorization header cannot be anyone else, so it gets exactly what the
 * application would send (same bytes, validators, caching policy and security headers; 304 when
 * current; brotli or gzip as stored), its read counted and its log line written as there. Any
 * request with a cookie (a member's or staff session, or anything else), with a query string or
 * an address the router would rewrite, forwarded through a trusted proxy, or for an address not in
 * the cache goes to the application, which answers it as before.
 */
export function cachedFront(deps: CachedFrontDeps): CachedFront {
  const prepared = new WeakMap<CachedResponse, Answers>();
  let open = true;

  const answersFor = (page: CachedResponse, path: string): Answers => {
    let answers = prepared.get(page);
    if (!answers) {
      const common = { ...Object.fromEntries(deps.securityHeaders), ...cachingHeaders(page) };
      const full = (encoding: StoredEncoding): OutgoingHttpHeaders => ({
        ...common,
        'content-type': page.contentType,
        ...(encoding === 'identity' ? {} : { 'content-encoding': encoding }),
        'content-length': storedBody(page, encoding).length,
      });
      answers = { full: { identity: full('identity'), br: full('br'), gzip: full('gzip') }, unchanged: common, piece: deps.pieceAt(path) };
      prepared.set(page, answers);
    }
    return answers;
  };

  return {
    close() {
      open = false;
    },
    answer(request, response) {
      const { method, url, headers } = request;
      if (!open || (method !== 'GET' && method !== 'HEAD') || url === undefined) return false;
      if (url.includes('?') || url.includes('//')) return false;
      if (headers.cookie !== undefined || headers.authorization !== undefined) return false;
      if (deps.trustsProxies && headers['x-forwarded-for'] !== undefined) return false;
      const page = deps.cache.get(url);
      if (!page) return false;

      const started = performance.now();
      const answers = answersFor(page, url);
      let status = 200;
      if (notModified(headers, page)) {
        status = 304;
        response.writeHead(304, answers.unchanged).end();
      } else {
        const encoding = storedEncoding(headers['accept-encoding']);
        response.writeHead(200, answers.full[encoding]);
        if (method === 'HEAD') response.end();
        else response.end(storedBody(page, encoding));
      }
      const address = request.socket.remoteAddress;
      if (status === 200 && method === 'GET' && answers.piece !== null) {
        deps.countView({ slug: answers.piece, address: address ?? '', userAgent: headers['user-agent'] ?? '' });
      }
      deps.requests.answered({ id: deps.requests.nextId(), method, url, status, remoteAddress: address, responseTime: performance.now() - started });
      return true;
    },
  };
}
