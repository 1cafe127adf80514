import type { FastifyInstance } from 'fastify';
import http from 'node:http';
import net from 'node:net';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../src/app.js';
import { createLogger } from '../../src/logger.js';
import { memberCookie } from '../members/helpers.js';
import { testApp, type AppContext } from '../support/app.js';
import { makeAuthor, postFields } from '../support/factories.js';
import { dialects, testServices, type TestContext } from '../support/stores.js';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A request over a real connection, as a browser or load balancer makes it (nothing decompressed). */
function request(base: string, path: string, options: { method?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const sent = http.request(new URL(path, base), { method: options.method ?? 'GET', headers: options.headers ?? {} }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('end', () => resolve({ status: answer.statusCode ?? 0, headers: answer.headers, body: Buffer.concat(chunks) }));
      answer.on('error', reject);
    });
    sent.on('error', reject);
    sent.end();
  });
}

/** The one header that differs between two answers of the same page. */
const lasting = (headers: http.IncomingHttpHeaders) => Object.fromEntries(Object.entries(headers).filter(([name]) => name !== 'date'));

interface RawAnswer {
  status: string;
  /** Header lines as sent, without Date. */
  lines: string[];
  body: Buffer;
}

/**
 * Sends requests written out by hand on one connection and reads every answer until the server
 * closes it, as the last request asks (each answer's body is as long as its Content-Length, none
 * for HEAD).
 */
function exchange(base: string, requests: Array<{ head: string; bodyless?: boolean }>): Promise<RawAnswer[]> {
  const { port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), '127.0.0.1', () => socket.write(requests.map((r) => r.head).join('')));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      let rest = Buffer.concat(chunks);
      const answers: RawAnswer[] = [];
      for (const sent of requests) {
        const end = rest.indexOf('\r\n\r\n');
        if (end === -1) break;
        const [status = '', ...lines] = rest.subarray(0, end).toString('latin1').split('\r\n');
        const length = sent.bodyless ? 0 : Number(/^content-length: (\d+)$/im.exec(lines.join('\n'))?.[1] ?? 0);
        answers.push({ status, lines: lines.filter((line) => !/^date:/i.test(line)), body: rest.subarray(end + 4, end + 4 + length) });
        rest = rest.subarray(end + 4 + length);
      }
      resolve(answers);
    });
  });
}

describe.each(dialects)('cached pages for readers without credentials (%s)', (dialect) => {
  let t: AppContext;
  let base: string;
  let author: string;

  beforeAll(async () => {
    t = await testApp(dialect);
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    author = (await makeAuthor(t.services)).slug;
  });
  afterAll(async () => t.close());

  const publish = (fields: Record<string, unknown>) => t.services.posts.create(postFields([author], { status: 'published', ...fields }));

  it('get the same bytes and headers as the application sends, security headers included', async () => {
    const post = await publish({ title: 'Same answer' });
    const first = await request(base, `/${post.slug}/`);
    const cached = await request(base, `/${post.slug}/`);
    const withCookie = await request(base, `/${post.slug}/`, { headers: { cookie: 'theme=dark' } });
    expect(cached.status).toBe(200);
    expect(cached.body.equals(first.body)).toBe(true);
    expect(cached.body.equals(withCookie.body)).toBe(true);
    expect(lasting(cached.headers)).toEqual(lasting(withCookie.headers));
    expect(cached.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(cached.headers['x-frame-options']).toBe('DENY');
    expect(cached.headers['content-length']).toBe(String(cached.body.length));
    expect(Math.abs(Date.parse(String(cached.headers.date)) - Date.now())).toBeLessThan(2000);
    // A CDN in front learns what the page shows from the fast path as well.
    expect(String(cached.headers['surrogate-key']).split(' ')).toContain(`post-${post.id}`);
  });

  it('get the connection handling the application gives, on pipelined, closing and HTTP/1.0 requests', async () => {
    const post = await publish({ title: 'On one connection' });
    const path = `/${post.slug}/`;
    await request(base, path);
    const application = await exchange(base, [{ head: `GET ${path} HTTP/1.1\r\nHost: x\r\nCookie: theme=dark\r\nConnection: close\r\n\r\n` }]);
    const [get, head, closing] = await exchange(base, [
      { head: `GET ${path} HTTP/1.1\r\nHost: x\r\n\r\n` },
      { head: `HEAD ${path} HTTP/1.1\r\nHost: x\r\n\r\n`, bodyless: true },
      { head: `GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n` },
    ]);
    expect(get!.status).toBe('HTTP/1.1 200 OK');
    expect(get!.lines).toContain('Connection: keep-alive');
    expect(get!.lines).toContain('Keep-Alive: timeout=72');
    expect(get!.body.equals(application[0]!.body)).toBe(true);
    expect(head!.status).toBe('HTTP/1.1 200 OK');
    expect(head!.lines).toEqual(get!.lines);
    expect(closing!.lines).toContain('Connection: close');
    expect(closing!.lines.filter((line) => !/^(connection|keep-alive):/i.test(line)).sort()).toEqual(application[0]!.lines.filter((line) => !/^(connection|keep-alive):/i.test(line)).sort());
    expect(closing!.body.equals(application[0]!.body)).toBe(true);
    const [old] = await exchange(base, [{ head: `GET ${path} HTTP/1.0\r\n\r\n` }]);
    expect(old!.lines).toContain('Connection: close');
    expect(old!.body.equals(get!.body)).toBe(true);
    const revalidated = await exchange(base, [{ head: `GET ${path} HTTP/1.1\r\nHost: x\r\nIf-None-Match: ${String(/^etag: (.*)$/im.exec(get!.lines.join('\n'))?.[1])}\r\nConnection: close\r\n\r\n`, bodyless: true }]);
    expect(revalidated.map((answer) => answer.status)).toEqual(['HTTP/1.1 304 Not Modified']);
    expect(revalidated[0]!.lines.some((line) => /^content-(length|type):/i.test(line))).toBe(false);
  });

  it('are answered on a connection that goes on serving, whether a request carries a body or not', async () => {
    const post = await publish({ title: 'Bodies and no bodies' });
    const path = `/${post.slug}/`;
    const page = await request(base, path);
    // Larger than a request stream buffers (16 KB): unread, it would stop the connection.
    const large = 'x'.repeat(200_000);
    const chunked = `${(40_000).toString(16)}\r\n${'y'.repeat(40_000)}\r\n0\r\n\r\n`;
    const answers = await exchange(base, [
      { head: `GET ${path} HTTP/1.1\r\nHost: x\r\n\r\n` },
      { head: `GET ${path} HTTP/1.1\r\nHost: x\r\nContent-Length: ${large.length}\r\n\r\n${large}` },
      { head: `GET ${path} HTTP/1.1\r\nHost: x\r\n\r\n` },
      { head: `GET ${path} HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n${chunked}` },
      { head: `HEAD ${path} HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n`, bodyless: true },
      ...Array.from({ length: 50 }, () => ({ head: `GET ${path} HTTP/1.1\r\nHost: x\r\n\r\n` })),
      { head: `GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n` },
    ]);
    expect(answers).toHaveLength(56);
    expect(answers.map((answer) => answer.status)).toEqual(Array(56).fill('HTTP/1.1 200 OK'));
    for (const [i, answer] of answers.entries()) if (i !== 4) expect(answer.body.equals(page.body)).toBe(true);
  });

  it('get brotli and gzip forms that decompress to the exact page, lengths for HEAD, and 304 when current', async () => {
    const post = await publish({ title: 'Compressed once' });
    const plain = await request(base, `/${post.slug}/`);
    const br = await request(base, `/${post.slug}/`, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    const gz = await request(base, `/${post.slug}/`, { headers: { 'accept-encoding': 'gzip;q=1, br;q=0' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.body).equals(plain.body)).toBe(true);
    const head = await request(base, `/${post.slug}/`, { method: 'HEAD', headers: { 'accept-encoding': 'br' } });
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(head.headers['content-length']).toBe(String(br.body.length));
    const current = await request(base, `/${post.slug}/`, { headers: { 'if-none-match': plain.headers.etag as string } });
    expect(current.status).toBe(304);
    expect(current.body.length).toBe(0);
    expect(current.headers['content-security-policy']).toBe(plain.headers['content-security-policy']);
  });

  it('never reach a signed-in member, and a member’s page never reaches anyone else', async () => {
    const post = await publish({ title: 'For members', excerpt: 'The open teaser.', body: 'The members-only body.', visibility: 'members' });
    const cookie = await memberCookie(t.services, `reader-${dialect}@example.com`);
    for (let i = 0; i < 2; i += 1) {
      const anonymous = await request(base, `/${post.slug}/`);
      expect(anonymous.body.toString()).toContain('The open teaser.');
      expect(anonymous.body.toString()).not.toContain('The members-only body.');
    }
    const member = await request(base, `/${post.slug}/`, { headers: { cookie } });
    expect(member.body.toString()).toContain('The members-only body.');
    expect(member.headers['cache-control']).toBe('private, no-store');
    expect(member.headers.etag).toBeUndefined();
    const afterwards = await request(base, `/${post.slug}/`);
    expect(afterwards.body.toString()).not.toContain('The members-only body.');
  });

  it('show a change as soon as it is made', async () => {
    const post = await publish({ title: 'Before the change' });
    await request(base, `/${post.slug}/`);
    expect((await request(base, `/${post.slug}/`)).body.toString()).toContain('Before the change');
    await t.services.posts.update(post.id, { title: 'After the change' });
    await vi.waitFor(async () => expect((await request(base, `/${post.slug}/`)).body.toString()).toContain('After the change'));
    await t.services.posts.update(post.id, { status: 'draft' });
    await vi.waitFor(async () => expect((await request(base, `/${post.slug}/`)).status).toBe(404));
  });
});

describe('cached pages answered before routing', () => {
  /**
   * Runs the test against an application logging at info level into `lines`, with one published
   * post; the application, its services and database are closed afterwards.
   */
  async function withLoggedApp(trustProxy: string[], test: (site: { base: string; path: string; lines: string[]; context: TestContext }) => Promise<void>, beforeListening: (app: FastifyInstance) => void = () => {}) {
    const context = await testServices('sqlite');
    const lines: string[] = [];
    const logger = createLogger({ logLevel: 'info' }, { write: (line: string) => void lines.push(line) });
    const app = await buildApp({ config: { publicUrl: 'http://localhost:3000', themeDir: undefined, dataDir: context.dataDir, trustProxy }, services: context.services, logger });
    beforeListening(app);
    try {
      const base = await app.listen({ port: 0, host: '127.0.0.1' });
      const post = await context.services.posts.create(postFields([(await makeAuthor(context.services)).slug], { status: 'published' }));
      await test({ base, path: `/${post.slug}/`, lines, context });
    } finally {
      await app.close();
      await context.close();
    }
  }

  it('count each read and write one log line per request', () =>
    withLoggedApp([], async ({ base, path, lines, context }) => {
      for (const browser of ['Reader One', 'Reader Two', 'Reader Three']) {
        expect((await request(base, path, { headers: { 'user-agent': browser } })).status).toBe(200);
      }
      await request(base, path, { method: 'HEAD', headers: { 'user-agent': 'Reader Four' } });
      // Through the application: its line is numbered in the same series.
      await request(base, path, { method: 'HEAD', headers: { cookie: 'theme=dark' } });
      expect(context.services.views.waiting).toBe(3);
      await vi.waitFor(() =>
        expect(
          lines
            .join('')
            .split('\n')
            .filter((line) => line.includes('request completed')),
        ).toHaveLength(5),
      );
      const entries = lines
        .join('')
        .split('\n')
        .filter((line) => line.includes('request completed'))
        .map((line) => JSON.parse(line) as { time: number; reqId: string; req: Record<string, unknown>; res: { statusCode: number }; responseTime: number });
      expect(new Set(entries.map((entry) => entry.reqId)).size).toBe(5);
      const [fastest, application] = entries.slice(-2);
      expect(fastest).toMatchObject({ req: { method: 'HEAD', url: path, remoteAddress: '127.0.0.1' }, res: { statusCode: 200 } });
      expect(Object.keys(fastest!)).toEqual(Object.keys(application!));
      expect(Object.keys(fastest!.req)).toEqual(Object.keys(application!.req));
      expect(fastest!.responseTime).toBeTypeOf('number');
      expect(Math.abs(fastest!.time - Date.now())).toBeLessThan(5000);
    }));

  it('answer requests forwarded by a trusted proxy too, counting and logging the reader behind it as the application does', () => {
    const routed: string[] = [];
    return withLoggedApp(
      ['127.0.0.1'],
      async ({ base, path, lines, context }) => {
        // The first answer renders the page (through the application); the others come from the cache.
        const readers = ['203.0.113.5', '203.0.113.5', '198.51.100.7', '192.0.2.1, 198.51.100.9', 'not-an-address'];
        for (const reader of readers) {
          const answer = await request(base, path, { headers: { 'user-agent': 'Reader', 'x-forwarded-for': reader, 'x-forwarded-proto': 'https', 'x-forwarded-host': 'elsewhere.example' } });
          expect(answer.status).toBe(200);
          expect(answer.body.toString()).not.toContain('elsewhere.example');
        }
        expect(routed).toEqual(['203.0.113.5']);
        expect(context.services.views.waiting).toBe(4);
        await vi.waitFor(() => expect(lines.join('')).toContain('not-an-address'));
        const addresses = lines
          .join('')
          .trim()
          .split('\n')
          .map((line) => (JSON.parse(line) as { req?: { remoteAddress?: string } }).req?.remoteAddress)
          .filter(Boolean);
        expect(addresses).toEqual(['203.0.113.5', '203.0.113.5', '198.51.100.7', '198.51.100.9', 'not-an-address']);
      },
      (app) => app.addHook('onRequest', async (request) => void routed.push(request.ip)),
    );
  });

  it('take forwarded addresses only from the proxies trusted', () =>
    withLoggedApp(['10.0.0.0/8'], async ({ base, path, lines, context }) => {
      for (let i = 0; i < 3; i += 1) await request(base, path, { headers: { 'user-agent': 'Reader', 'x-forwarded-for': `203.0.113.${i}` } });
      expect(context.services.views.waiting).toBe(1);
      await vi.waitFor(() => expect(lines.join('').match(/request completed/g)).toHaveLength(3));
      expect(lines.join('')).not.toContain('203.0.113.');
    }));
});
