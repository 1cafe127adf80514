import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import type { PageView } from '../analytics/index.js';
import { skipDraining, PreparedHead } from '../http/prepared-response.js';
import type { RequestLog } from '../http/request-log.js';
import { cachingHeaders, notModified, storedBody, storedEncoding, type StoredEncoding } from './http-cache.js';
import type { CachedResponse, PageCache } from './page-cache.js';

type ProxyAddr = typeof import('@fastify/proxy-addr');
// Fastify's own module for a client's address behind proxies, so both paths read it alike.
const proxyAddr = createRequire(createRequire(import.meta.url).resolve('fastify'))('@fastify/proxy-addr') as ProxyAddr;

export interface CachedFrontDeps {
  cache: PageCache;
  /** The security headers of every page (Content-Security-Policy …). */
  securityHeaders: ReadonlyArray<readonly [string, string]>;
  requests: RequestLog;
  /** The proxies whose X-Forwarded-For is believed (TRUST_PROXY), as Fastify is given them. */
  trustedProxies: readonly string[];
  /** The slug of the post or page shown at a path, or null: reads of pieces are counted. */
  pieceAt(path: string): string | null;
  countView(view: PageView): void;
}

/** What a cached page is answered with, worked out once per page. */
interface Answers {
  /** Heads of the full answer in each stored form, and of a 304. */
  full: Record<StoredEncoding, PreparedHead>;
  unchanged: PreparedHead;
  piece: string | null;
  /** How its log line names the request, by method. */
  logged: { GET: string; HEAD: string };
}

type HeaderLines = Array<readonly [string, string | number]>;

/** The header lines of a cached page's answers: in each stored encoding, and of a 304. */
function headLines(securityHeaders: CachedFrontDeps['securityHeaders'], page: CachedResponse): Record<StoredEncoding | 'unchanged', HeaderLines> {
  const common: HeaderLines = [...securityHeaders, ...Object.entries(cachingHeaders(page))];
  const full = (encoding: StoredEncoding): HeaderLines => [
    ...common,
    ['content-type', page.contentType],
    ...(encoding === 'identity' ? [] : [['content-encoding', encoding] as const]),
    ['content-length', storedBody(page, encoding).length],
  ];
  return { identity: full('identity'), br: full('br'), gzip: full('gzip'), unchanged: common };
}

/**
 * The bytes the heads of a cached page's answers take once made (each full head is kept as text
 * and as the bytes last sent), for the page cache to count with its bodies.
 */
export function preparedHeadBytes(securityHeaders: CachedFrontDeps['securityHeaders'], page: CachedResponse): number {
  const heads = headLines(securityHeaders, page);
  const length = (lines: HeaderLines) => lines.reduce((sum, [name, value]) => sum + name.length + String(value).length + 4, 0);
  return 2 * (length(heads.identity) + length(heads.br) + length(heads.gzip)) + length(heads.unchanged);
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
 * head and the start of its log line are made once per page (the head's bytes once a second), so
 * a hit hands Node two stored buffers to write at once. Any
 * request with a cookie (a member's or staff session, or anything else), with a query string or
 * an address the router would rewrite, or for an address not in the cache goes to the
 * application, which answers it as before. A request forwarded by a trusted proxy is answered
 * here too (pages name the site by PUBLIC_URL, never by forwarding headers), its reader's address
 * read from X-Forwarded-For by the same rules and module as Fastify's request.ip.
 */
export function cachedFront(deps: CachedFrontDeps): CachedFront {
  const prepared = new WeakMap<CachedResponse, Answers>();
  let open = true;
  const trusted = deps.trustedProxies.length > 0 ? proxyAddr.compile([...deps.trustedProxies]) : undefined;
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
      const heads = headLines(deps.securityHeaders, page);
      answers = {
        full: { identity: new PreparedHead(200, heads.identity), br: new PreparedHead(200, heads.br), gzip: new PreparedHead(200, heads.gzip) },
        unchanged: new PreparedHead(304, heads.unchanged),
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
      const page = deps.cache.get(url);
      if (!page) return false;

      const started = performance.now();
      const now = Date.now();
      const answers = answersFor(page, url);
      skipDraining(request);
      let status: 200 | 304 = 200;
      if (notModified(headers, page)) {
        status = 304;
        answers.unchanged.send(response, dateLineAt(now));
      } else {
        const encoding = storedEncoding(headers['accept-encoding']);
        answers.full[encoding].send(response, dateLineAt(now), storedBody(page, encoding));
      }
      const address = trusted === undefined || headers['x-forwarded-for'] === undefined ? request.socket.remoteAddress : proxyAddr(request, trusted);
      if (status === 200 && method === 'GET' && answers.piece !== null) {
        deps.countView({ slug: answers.piece, address: address ?? '', userAgent: headers['user-agent'] ?? '' });
      }
      deps.requests.answeredAs(answers.logged[method], status, address, performance.now() - started, now);
      return true;
    },
  };
}
