import net from 'node:net';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../src/app.js';
import { createLogger } from '../../src/logger.js';
import { MEMBER_COOKIE } from '../../src/site/member-pages.routes.js';
import { staffClient } from '../admin-api/support/admin-client.js';
import { MEMBERS_SECRET, memberCookie } from '../members/helpers.js';
import { anotherProcess, testApp, type AppContext } from '../support/app.js';
import { makeAuthor, makeTag, postFields } from '../support/factories.js';
import { dialects, manualClock, testServices } from '../support/stores.js';

interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * One request written out by hand (any request target, any header bytes) on its own connection,
 * and the answer read until the server closes it.
 */
function rawRequest(base: string, target: string, headers: Record<string, string> = {}, method = 'GET'): Promise<RawAnswer> {
  const head = [`${method} ${target} HTTP/1.1`, 'Host: localhost', ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`), 'Connection: close', '', ''].join('\r\n');
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(new URL(base).port), '127.0.0.1', () => socket.write(Buffer.from(head, 'latin1')));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const all = Buffer.concat(chunks);
      const end = all.indexOf('\r\n\r\n');
      const [status = '', ...lines] = all.subarray(0, end).toString('latin1').split('\r\n');
      const fields = lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()] as const);
      resolve({ status: Number(status.split(' ')[1]), headers: Object.fromEntries(fields), body: all.subarray(end + 4) });
    });
  });
}

/**
 * The public site's caches (the page cache, the cached front answering before routing, the
 * Content API's answer cache) attacked as an outsider and a signed-in reader would.
 */
describe.each(dialects)('the public site’s caches under attack (%s)', (dialect) => {
  let t: AppContext;
  let base: string;
  let author: string;
  const time = manualClock();

  beforeAll(async () => {
    t = await testApp(dialect, { clock: time.clock });
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    author = (await makeAuthor(t.services)).slug;
  });
  afterAll(async () => t.close());

  const publish = (fields: Record<string, unknown> = {}) => t.services.posts.create(postFields([author], { status: 'published', ...fields }));

  it('answers every spelling of an address from the one page kept for it, so odd spellings neither fill the cache nor push real pages out', async () => {
    const tag = await makeTag(t.services);
    const post = await publish({ tags: [tag.slug] });
    for (let i = 0; i < 12; i += 1) await publish({ tags: [tag.slug] });
    const spelled = (text: string) => text.replace(/[a-z]/, (letter) => `%${letter.charCodeAt(0).toString(16)}`);
    const addresses = [`/${post.slug}/`, `/tag/${tag.slug}/`, `/tag/${tag.slug}/page/2/`, '/rss/', '/sitemap-posts-1.xml'];
    const kept = new Map<string, RawAnswer>();
    for (const address of addresses) kept.set(address, await rawRequest(base, address));
    // A page rendered anew from here on would say so in its Last-Modified.
    time.advance(3_600_000);
    const spellings: Array<[string, string]> = [
      [`/${spelled(post.slug)}/`, `/${post.slug}/`],
      [`//${post.slug}/`, `/${post.slug}/`],
      [`/${post.slug}//`, `/${post.slug}/`],
      [`/${post.slug}/#fragment`, `/${post.slug}/`],
      [`http://elsewhere.example/${post.slug}/`, `/${post.slug}/`],
      [`/t%61g/${tag.slug}/`, `/tag/${tag.slug}/`],
      [`/tag//${spelled(tag.slug)}/page/%32/`, `/tag/${tag.slug}/page/2/`],
      ['/r%73s/', '/rss/'],
      ['/sitemap-posts-%31.xml', '/sitemap-posts-1.xml'],
    ];
    for (const [spelling, address] of spellings) {
      const answer = await rawRequest(base, spelling);
      const original = kept.get(address)!;
      expect([spelling, answer.status, answer.headers['last-modified']]).toEqual([spelling, 200, original.headers['last-modified']]);
      expect(answer.headers.etag).toBe(original.headers.etag);
      expect(answer.body.equals(original.body)).toBe(true);
    }
    // A page number has one spelling: the others are not pages of the listing.
    for (const number of ['02', '2.0', '0x2', '2e0', '%202']) {
      expect([number, (await rawRequest(base, `/tag/${tag.slug}/page/${number}/`)).status]).toEqual([number, 404]);
    }
    // Nor has a slug: capitals, a trailing dot, parameters, dot segments and other Unicode forms name nothing.
    for (const spelling of [post.slug.toUpperCase(), `${post.slug}.`, `${post.slug};v=1`, `x/../${post.slug}`, `${post.slug}%E2%80%8B`, `${post.slug.slice(0, 1)}%CC%81${post.slug.slice(1)}`]) {
      const answer = await rawRequest(base, `/${spelling}/`);
      expect([spelling, answer.status]).toEqual([spelling, 404]);
      expect(answer.headers['cache-control'] ?? '').not.toContain('public');
    }
  });

  it('never hands a page read before an unpublish to a reader who asks after it, even while that render is still under way', async () => {
    const post = await publish({ title: 'Soon withdrawn' });
    const posts = t.services.posts;
    const lookup = posts.lookupPublic;
    // The first render reads the piece, then takes its time (a slow disk, a busy process).
    let read!: () => void;
    let finish!: () => void;
    const hasRead = new Promise<void>((resolve) => (read = resolve));
    const slowRender = new Promise<void>((resolve) => (finish = resolve));
    posts.lookupPublic = async (slug) => {
      const found = await lookup.call(posts, slug);
      read();
      await slowRender;
      return found;
    };
    try {
      const before = rawRequest(base, `/${post.slug}/`);
      await hasRead;
      posts.lookupPublic = lookup;
      await posts.update(post.id, { status: 'draft' });
      const after = rawRequest(base, `/${post.slug}/`);
      // Answered without waiting for the render that began before the change.
      const early = await Promise.race([after, new Promise<null>((resolve) => setTimeout(() => resolve(null), 2000))]);
      finish();
      expect((early ?? (await after)).status).toBe(404);
      expect((await before).status).toBe(200);
      expect((await rawRequest(base, `/${post.slug}/`)).status).toBe(404);
    } finally {
      posts.lookupPublic = lookup;
      finish();
    }
  });

  it('never gives a members’ render to a reader it was not made for: no credentials, an empty or foreign cookie, an unknown scheme, a stale validator, an erased member', async () => {
    const piece = await publish({ title: 'Gated piece', excerpt: 'The open teaser.', body: `${MEMBERS_SECRET}.\n\nMore.`, visibility: 'members' });
    const path = `/${piece.slug}/`;
    const email = `gate-${dialect}@example.com`;
    const cookie = await memberCookie(t.services, email);
    const member = await rawRequest(base, path, { Cookie: cookie });
    expect(member.body.toString()).toContain(MEMBERS_SECRET);
    expect(member.headers['cache-control']).toBe('private, no-store');
    expect(member.headers.etag).toBeUndefined();
    const teaser = await rawRequest(base, path);
    const { client: contributor } = await staffClient(t.app, t.services, 'contributor');
    expect(contributor.cookies.get('masthead_staff')).toMatch(/^\S{20,}$/);
    const shown = (answer: RawAnswer) => {
      const coding = answer.headers['content-encoding'];
      return (coding === 'br' ? zlib.brotliDecompressSync(answer.body) : coding === 'gzip' ? zlib.gunzipSync(answer.body) : answer.body).toString();
    };
    const attempts: Array<Record<string, string>> = [
      {},
      { 'Accept-Encoding': 'br' },
      { 'Accept-Encoding': 'gzip, br;q=0' },
      { Cookie: '' },
      { Cookie: `${MEMBER_COOKIE}=` },
      { Cookie: `${MEMBER_COOKIE}=${'0'.repeat(64)}` },
      { Cookie: 'theme=dark' },
      { Authorization: 'Negotiate abc' },
      { Authorization: `Bearer ${cookie.split('=')[1]}` },
      // Staff sessions are for the admin: on the site a contributor reads as anyone else.
      { Cookie: `masthead_staff=${contributor.cookies.get('masthead_staff')}` },
      { 'If-None-Match': teaser.headers.etag! },
    ];
    for (const headers of attempts) {
      const answer = await rawRequest(base, path, headers);
      expect([headers, answer.status === 200 || answer.status === 304, shown(answer).includes(MEMBERS_SECRET)]).toEqual([headers, true, false]);
      if (answer.status === 200) expect(answer.headers['cache-control']).toBe('private, no-cache');
    }
    // A member whose browser holds the teaser's validator gets the piece, never a 304 keeping the teaser.
    const revalidated = await rawRequest(base, path, { Cookie: cookie, 'If-None-Match': teaser.headers.etag! });
    expect([revalidated.status, shown(revalidated).includes(MEMBERS_SECRET)]).toEqual([200, true]);
    const { id } = await t.services.members.get({ email });
    await t.services.memberData.erase(id);
    const erased = await rawRequest(base, path, { Cookie: cookie });
    expect([erased.status, erased.body.toString().includes(MEMBERS_SECRET)]).toEqual([200, false]);
  });

  it('shows every change at once, on the cached front and in the Content API: access, address, settings, scheduled publishing, unpublishing and deletion', async () => {
    const owner = await t.services.users.create({ email: `owner-${dialect}@masthead.example`, name: 'Owner', role: 'administrator' });
    const { secret } = await t.services.contentKeys.create({ name: 'Front end' }, owner.id);
    const api = async () => (await rawRequest(base, `/api/content/posts/?key=${secret}&limit=100`)).body.toString();
    const piece = await publish({ title: 'Free for now', excerpt: 'An open excerpt.', body: 'Words anyone may read today.' });
    const path = `/${piece.slug}/`;
    for (let i = 0; i < 2; i += 1) await rawRequest(base, path);
    await api();
    await t.services.posts.update(piece.id, { visibility: 'paid' });
    const gated = await rawRequest(base, path);
    expect([gated.status, gated.headers['cache-control'], gated.body.toString().includes('Words anyone may read today.')]).toEqual([200, 'private, no-cache', false]);
    expect(await api()).not.toContain('Words anyone may read today.');

    const renamed = await publish({ title: 'Renamed piece' });
    for (let i = 0; i < 2; i += 1) await rawRequest(base, `/${renamed.slug}/`);
    await t.services.posts.update(renamed.id, { slug: `${renamed.slug}-moved` });
    const moved = await rawRequest(base, `/${renamed.slug}/`);
    expect([moved.status, moved.headers.location]).toEqual([301, `/${renamed.slug}-moved/`]);
    expect((await rawRequest(base, `/${renamed.slug}-moved/`)).status).toBe(200);

    for (let i = 0; i < 2; i += 1) await rawRequest(base, '/');
    await t.services.settings.updateSite({ title: `Retitled ${dialect}` });
    expect((await rawRequest(base, '/')).body.toString()).toContain(`Retitled ${dialect}`);

    const later = await t.services.posts.create(postFields([author], { title: 'Out at its hour', status: 'scheduled', publishedAt: new Date(time.clock().getTime() + 60_000).toISOString() }));
    for (let i = 0; i < 2; i += 1) expect((await rawRequest(base, `/${later.slug}/`)).status).toBe(404);
    expect(await api()).not.toContain('Out at its hour');
    time.advance(120_000);
    expect(await t.services.posts.publishScheduled(later.id)).toBe(true);
    expect((await rawRequest(base, `/${later.slug}/`)).status).toBe(200);
    expect((await rawRequest(base, '/')).body.toString()).toContain('Out at its hour');
    expect(await api()).toContain('Out at its hour');

    await t.services.posts.update(later.id, { status: 'draft' });
    expect((await rawRequest(base, `/${later.slug}/`)).status).toBe(404);
    expect((await rawRequest(base, '/')).body.toString()).not.toContain('Out at its hour');
    expect(await api()).not.toContain('Out at its hour');
    for (let i = 0; i < 2; i += 1) await rawRequest(base, `/${renamed.slug}-moved/`);
    await t.services.posts.delete(renamed.id);
    expect((await rawRequest(base, `/${renamed.slug}-moved/`)).status).not.toBe(200);
    expect(await api()).not.toContain('Renamed piece');
  });

  it('answers odd validators, codings and ranges before routing exactly as the application does, in time that does not grow with the header', async () => {
    const piece = await publish({ title: 'Asked for oddly' });
    const path = `/${piece.slug}/`;
    const first = await rawRequest(base, path);
    const etag = first.headers.etag!;
    const many = Array.from({ length: 1500 }, (_, i) => `"${i.toString(36).padStart(22, 'x')}"`);
    const attempts: Array<Record<string, string>> = [
      { Range: 'bytes=0-9' },
      { Range: 'bytes=-1, 0-0, 5-', 'If-Range': etag },
      { 'If-None-Match': many.join(', ') },
      { 'If-None-Match': [...many.slice(0, 1000), `W/${etag}`].join(',') },
      { 'If-None-Match': '*' },
      { 'If-None-Match': `${etag.slice(0, -1)}` },
      { 'If-Modified-Since': first.headers['last-modified']! },
      { 'If-Modified-Since': 'Fri, 01 Jan 2100 00:00:00 GMT' },
      { 'If-Modified-Since': '3000' },
      { 'If-Modified-Since': 'not a date at all' },
      { 'If-Modified-Since': first.headers['last-modified']!, 'If-None-Match': '"other"' },
      { 'Accept-Encoding': 'br;q=0, gzip;q=0' },
      { 'Accept-Encoding': 'br;Q=0, gzip' },
      { 'Accept-Encoding': 'BR' },
      { 'Accept-Encoding': 'gzip;q=0.001, br;q=0.000' },
      { 'Accept-Encoding': 'br;q=abc, gzip;q=-1, deflate, zstd, *' },
      { 'Accept-Encoding': 'identity;q=0' },
      { 'Accept-Encoding': `${'x, '.repeat(4000)}gzip` },
      { 'X-Forwarded-Host': 'evil.example', 'X-Forwarded-Proto': 'http', 'X-Original-URL': '/admin/', 'X-Rewrite-URL': '/admin/' },
    ];
    for (const headers of attempts) {
      const started = performance.now();
      const front = await rawRequest(base, path, headers);
      const took = performance.now() - started;
      const application = await rawRequest(base, path, { ...headers, Cookie: 'theme=dark' });
      const lasting = (answer: RawAnswer) => ({ status: answer.status, headers: Object.fromEntries(Object.entries(answer.headers).filter(([name]) => name !== 'date')) });
      expect([headers, lasting(front)]).toEqual([headers, lasting(application)]);
      expect(front.body.equals(application.body)).toBe(true);
      expect(front.body.toString('latin1')).not.toContain('evil.example');
      expect(took).toBeLessThan(1000);
    }
    const heads: Array<Record<string, string>> = [{}, { 'Accept-Encoding': 'gzip, br' }, { 'If-None-Match': etag }];
    for (const headers of heads) {
      const front = await rawRequest(base, path, headers, 'HEAD');
      const application = await rawRequest(base, path, { ...headers, Cookie: 'theme=dark' }, 'HEAD');
      // Fastify's HEAD handling adds Content-Length: 0 to a 304, which caches never apply to what they keep (RFC 9111, 3.2).
      const lasting = (answer: RawAnswer) => ({
        status: answer.status,
        headers: Object.fromEntries(Object.entries(answer.headers).filter(([name]) => name !== 'date' && !(answer.status === 304 && name === 'content-length'))),
        body: answer.body.length,
      });
      expect(lasting(front)).toEqual(lasting(application));
    }
    // A coding refused in any spelling is never sent; the one preferred is.
    const coding = async (accepted: string) => (await rawRequest(base, path, { 'Accept-Encoding': accepted })).headers['content-encoding'] ?? 'identity';
    const accepted = ['br;Q=0, gzip', 'gzip;q=1, br;q=0.5', 'GZIP, BR', '*', 'x-gzip', 'br;q=0, gzip;q=0', 'identity', 'zstd'];
    expect(await Promise.all(accepted.map(coding))).toEqual(['gzip', 'gzip', 'br', 'gzip', 'gzip', 'identity', 'identity', 'identity']);
  });

  it('never reads a request hidden in the body of a cached page’s request as a request of its own', async () => {
    const piece = await publish({ title: 'Carrier' });
    const path = `/${piece.slug}/`;
    await rawRequest(base, path);
    const hidden = 'GET /robots.txt HTTP/1.1\r\nHost: localhost\r\n\r\n';
    for (const [framing, body] of [
      [`Content-Length: ${hidden.length}`, hidden],
      ['Transfer-Encoding: chunked', `${hidden.length.toString(16)}\r\n${hidden}\r\n0\r\n\r\n`],
    ] as const) {
      const sent = `GET ${path} HTTP/1.1\r\nHost: localhost\r\n${framing}\r\n\r\n${body}GET ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`;
      const answers = await new Promise<string>((resolve, reject) => {
        const socket = net.connect(Number(new URL(base).port), '127.0.0.1', () => socket.write(sent));
        const chunks: Buffer[] = [];
        socket.on('data', (chunk: Buffer) => chunks.push(chunk));
        socket.on('error', reject);
        socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
      });
      const statuses = answers.match(/^HTTP\/1\.1 \d+/gm) ?? [];
      expect([framing, statuses]).toEqual([framing, ['HTTP/1.1 200', 'HTTP/1.1 200']]);
      expect(answers).not.toContain('User-agent:');
    }
  });

  it('never confirms by date alone a copy made in the same second as a change', async () => {
    const piece = await publish({ title: 'Dated once' });
    const path = `/${piece.slug}/`;
    const before = await rawRequest(base, path);
    const dated = before.headers['last-modified']!;
    // Changed and drawn again within the second the reader's copy is dated.
    await t.services.posts.update(piece.id, { title: 'Dated twice' });
    expect((await rawRequest(base, path)).headers['last-modified']).toBe(dated);
    const revalidations: Array<Record<string, string>> = [{ 'If-Modified-Since': dated }, { 'If-Modified-Since': dated, Cookie: 'theme=dark' }];
    for (const headers of revalidations) {
      const again = await rawRequest(base, path, headers);
      expect([again.status, again.body.toString().includes('Dated twice')]).toEqual([200, true]);
    }
    // A copy of a page drawn in a second with no change is confirmed by its date as before.
    time.advance(1000);
    const settled = await publish({ title: 'Dated calmly' });
    time.advance(1000);
    const calm = await rawRequest(base, `/${settled.slug}/`);
    expect((await rawRequest(base, `/${settled.slug}/`, { 'If-Modified-Since': calm.headers['last-modified']! })).status).toBe(304);
  });
});

describe('the caches of several processes sharing one database', () => {
  it('stop answering a withdrawn or newly gated piece before routing, and in the Content API, within about a second of the change in another process', async () => {
    const first = await testApp('postgres');
    const second = await anotherProcess(first);
    try {
      const base = await second.listen({ port: 0, host: '127.0.0.1' });
      const author = (await makeAuthor(first.services)).slug;
      const owner = await first.services.users.create({ email: 'owner@masthead.example', name: 'Owner', role: 'administrator' });
      const { secret } = await first.services.contentKeys.create({ name: 'Front end' }, owner.id);
      const withdrawn = await first.services.posts.create(postFields([author], { title: 'Soon gone', status: 'published' }));
      const gated = await first.services.posts.create(postFields([author], { title: 'Soon paid', excerpt: 'A teaser.', body: 'Open today, paid tomorrow.', status: 'published' }));
      const api = async () => (await rawRequest(base, `/api/content/posts/?key=${secret}&limit=100`)).body.toString();
      for (let i = 0; i < 2; i += 1) {
        expect((await rawRequest(base, `/${withdrawn.slug}/`)).status).toBe(200);
        expect((await rawRequest(base, `/${gated.slug}/`)).body.toString()).toContain('Open today, paid tomorrow.');
        expect(await api()).toContain('Soon gone');
      }
      await first.services.posts.update(withdrawn.id, { status: 'draft' });
      await first.services.posts.update(gated.id, { visibility: 'paid' });
      await vi.waitFor(async () => expect((await rawRequest(base, `/${withdrawn.slug}/`)).status).toBe(404), { timeout: 5000, interval: 100 });
      await vi.waitFor(async () => expect((await rawRequest(base, `/${gated.slug}/`)).body.toString()).not.toContain('Open today, paid tomorrow.'), { timeout: 5000, interval: 100 });
      await vi.waitFor(async () => expect(await api()).not.toContain('Soon gone'), { timeout: 5000, interval: 100 });
      expect(await api()).not.toContain('Open today, paid tomorrow.');
    } finally {
      await second.close();
      await first.close();
    }
  });
});

describe('the access log under attack', () => {
  interface Line {
    reqId: string;
    req: { method: string; url: string; remoteAddress: string | null };
    res: { statusCode: number };
    msg: string;
  }

  it('keeps one well-formed JSON line per request whatever the address holds, and never a key or token however its name is spelled', async () => {
    const context = await testServices('sqlite');
    const written: string[] = [];
    const logger = createLogger({ logLevel: 'info' }, { write: (line: string) => void written.push(line) });
    const app = await buildApp({ config: { publicUrl: 'http://localhost:3000', themeDir: undefined, dataDir: context.dataDir, trustProxy: ['127.0.0.1'] }, services: context.services, logger });
    try {
      const base = await app.listen({ port: 0, host: '127.0.0.1' });
      const post = await context.services.posts.create(postFields([(await makeAuthor(context.services)).slug], { status: 'published' }));
      const owner = await context.services.users.create({ email: 'owner@masthead.example', name: 'Owner', role: 'administrator' });
      const { secret } = await context.services.contentKeys.create({ name: 'Front end' }, owner.id);
      // Cached first, so later requests are answered (and logged) before routing as well as by the application.
      await rawRequest(base, `/${post.slug}/`);
      const lines = () =>
        written
          .join('')
          .split('\n')
          .filter((line) => line !== '')
          .map((line) => JSON.parse(line) as Line)
          .filter((line) => line.msg === 'request completed');
      const sent: Array<{ target: string; forwarded?: string; logged: string; address?: string }> = [
        // The proxy's header is read as a list: the client is its last entry.
        { target: `/${post.slug}/`, forwarded: '203.0.113.9", "forged": "yes', logged: `/${post.slug}/`, address: '"forged": "yes' },
        { target: `/${post.slug}/`, forwarded: '\\"}\t{"msg":"request completed"', logged: `/${post.slug}/`, address: '\\"}\t{"msg":"request completed"' },
        { target: '/a"b\\c/', logged: '/a"b\\c/' },
        { target: '/%0d%0a{"forged":1}/', logged: '/%0d%0a{"forged":1}/' },
        { target: `/api/content/posts/?%6Bey=${secret}`, logged: '/api/content/posts/?%6Bey=[redacted]' },
        { target: `/api/content/posts/?limit=1&%6b%65%79=${secret}`, logged: '/api/content/posts/?limit=1&%6b%65%79=[redacted]' },
        { target: '/members/signin/verify/?%74oken=one-time-secret', logged: '/members/signin/verify/?%74oken=[redacted]' },
        // Addresses the router refuses before any route (broken UTF-8, an overlong part) are logged too.
        { target: '/%ff%c0%80%ed%a0%80/', logged: '/%ff%c0%80%ed%a0%80/' },
        { target: `/${'a'.repeat(600)}/`, logged: `/${'a'.repeat(600)}/` },
      ];
      const statuses: number[] = [];
      for (const { target, forwarded } of sent) statuses.push((await rawRequest(base, target, forwarded ? { 'X-Forwarded-For': forwarded } : {})).status);
      // The key works under its encoded name, so its value is as secret there.
      expect(statuses.slice(4, 6)).toEqual([200, 200]);
      await vi.waitFor(() => expect(lines().length).toBeGreaterThanOrEqual(sent.length + 1));
      const logged = lines().slice(1);
      expect(logged.map((line) => line.req.url)).toEqual(sent.map((request) => request.logged));
      expect(logged.map((line) => line.res.statusCode)).toEqual(statuses);
      expect(logged.slice(0, 2).map((line) => line.req.remoteAddress)).toEqual(sent.slice(0, 2).map((request) => request.address));
      expect(new Set(logged.map((line) => line.reqId)).size).toBe(sent.length);
      expect(written.join('')).not.toContain(secret);
      expect(written.join('')).not.toContain('one-time-secret');
      // Line breaks, other control characters and bytes that are not ASCII never reach the server as part of an address.
      for (const target of ['/x\r\n{"forged":1}/', '/x\u0001/', '/x\u007f/', '/caf\u00e9\u00ff\u0080/']) expect((await rawRequest(base, target)).status).toBe(400);
      expect(written.join('')).not.toContain('"forged":1}\n');
    } finally {
      await app.close();
      await context.close();
    }
  });
});

describe('searches from a stranger and the Content API’s kept answers', () => {
  it('never push the Content API’s kept answers out, however many different words are searched', async () => {
    const context = await testApp('sqlite');
    try {
      const base = await context.app.listen({ port: 0, host: '127.0.0.1' });
      const author = (await makeAuthor(context.services)).slug;
      await context.services.posts.create(postFields([author], { status: 'published', title: 'Kept for the API' }));
      const owner = await context.services.users.create({ email: 'owner-search@masthead.example', name: 'Owner', role: 'administrator' });
      const { secret } = await context.services.contentKeys.create({ name: 'Front end' }, owner.id);
      const produced = vi.spyOn(context.services.posts, 'count');
      const api = async () => expect((await rawRequest(base, `/api/content/posts/?key=${secret}&limit=15`)).status).toBe(200);
      await api();
      await api();
      expect(produced).toHaveBeenCalledTimes(1);
      // Each search page kept takes some 30 KB with its compressed forms: 700 of them are more than
      // the 4 MB search pages are kept in and the 12 MB of the API's answers together.
      for (let i = 0; i < 700; i += 1) expect((await rawRequest(base, `/search/?q=word${i}`)).status).toBe(200);
      await api();
      expect(produced).toHaveBeenCalledTimes(1);
    } finally {
      await context.close();
    }
  });
});
