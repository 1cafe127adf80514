import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { PageView } from '../analytics/index.js';
import { headerBlock, sendPrepared } from '../http/prepared-response.js';
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
  /** Header lines of the full answer in each stored form, and of a 304. */
  full: Record<StoredEncoding, string>;
  unchanged: string;
  piece: string | null;
  /** How its log line names the request, by method. */
  logged: { GET: string; HEAD: string };
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
 * current; brotli or gzip as stored), its read counted and its log line written as there. Its
 * header lines and the start of its log line are made once per page, so a hit only adds the Date
 * and connection lines and hands Node one header string and the stored body. Any
 * request with a cookie (a member's or staff session, or anything else), with a query string or
 * an address the router would rewrite, forwarded through a trusted proxy, or for an address not in
 * the cache goes to the application, which answers it as before.
 */
export function cachedFront(deps: CachedFrontDeps): CachedFront {
  const prepared = new WeakMap<CachedResponse, Answers>();
  let open = true;
  // Node's Date line, made once a second.
  let second = -1;
  let dateLine = '';
  const dateLineAt = (now: number) => {
    const current = Math.floor(now / 1000);
    if (current !== second) {
      second = current;
      dateLine = `Date: ${new Date(current * 1000).toUTCString()}\r\n`;
    }
    return dateLine;
  };

  const answersFor = (page: CachedResponse, path: string): Answers => {
    let answers = prepared.get(page);
    if (!answers) {
      const common = [...deps.securityHeaders, ...Object.entries(cachingHeaders(page))];
      const full = (encoding: StoredEncoding) =>
        headerBlock([
          ...common,
          ['content-type', page.contentType],
          ...(encoding === 'identity' ? [] : [['content-encoding', encoding] as const]),
          ['content-length', storedBody(page, encoding).length],
        ]);
      answers = {
        full: { identity: full('identity'), br: full('br'), gzip: full('gzip') },
        unchanged: headerBlock(common),
        piece: deps.pieceAt(path),
        logged: { GET: deps.requests.describe('GET', path), HEAD: deps.requests.describe('HEAD', path) },
      };
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
      const now = Date.now();
      const answers = answersFor(page, url);
      let status: 200 | 304 = 200;
      if (notModified(headers, page)) {
        status = 304;
        sendPrepared(response, 304, answers.unchanged, dateLineAt(now));
      } else {
        const encoding = storedEncoding(headers['accept-encoding']);
        sendPrepared(response, 200, answers.full[encoding], dateLineAt(now), storedBody(page, encoding));
      }
      const address = request.socket.remoteAddress;
      if (status === 200 && method === 'GET' && answers.piece !== null) {
        deps.countView({ slug: answers.piece, address: address ?? '', userAgent: headers['user-agent'] ?? '' });
      }
      deps.requests.answeredAs(answers.logged[method], status, address, performance.now() - started, now);
      return true;
    },
  };
}
