import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../src/app.js';
import { createLogger } from '../../src/logger.js';
import { testServices, type TestContext } from '../support/stores.js';

describe('request logs', () => {
  let t: TestContext;
  const lines: string[] = [];
  let app: Awaited<ReturnType<typeof buildApp>>;

  beforeAll(async () => {
    t = await testServices('sqlite');
    const logger = createLogger({ logLevel: 'info' }, { write: (line: string) => void lines.push(line) });
    app = await buildApp({ config: { publicUrl: 'http://localhost:3000', themeDir: undefined, dataDir: t.dataDir }, services: t.services, logger });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it('never contain Content API keys or link tokens from the address, nor credentials from headers', async () => {
    await app.inject({ url: '/api/content/posts/?limit=2&key=mhc_secretkey_123' });
    await app.inject({ url: '/ghost/api/v4/content/posts/?key=ghost_secret_000' });
    await app.inject({ url: '/newsletter/confirm?token=tok_secret_456&x=1' });
    await app.inject({ url: '/admin/api/posts', headers: { authorization: 'Bearer mh_admin_secret_789', cookie: 'masthead_staff=cookie_secret' } });
    await vi.waitFor(() => expect(lines.join('')).toContain('/admin/api/posts'));
    const log = lines.join('');
    expect(log).toContain('/api/content/posts/?limit=2&key=[redacted]');
    // An older Ghost client's address is logged as it asked, though the current routes answer it.
    expect(log).toContain('/ghost/api/v4/content/posts/?key=[redacted]');
    expect(log).toContain('/newsletter/confirm?token=[redacted]&x=1');
    for (const secret of ['mhc_secretkey_123', 'ghost_secret_000', 'tok_secret_456', 'mh_admin_secret_789', 'cookie_secret']) expect(log).not.toContain(secret);
  });

  it('write one line per request with what was asked, the answer and how long it took', async () => {
    lines.length = 0;
    await app.inject({ url: '/no-such-piece/?from=%22quoted%22', remoteAddress: '203.0.113.9' });
    await app.inject({ url: '/healthz' });
    await vi.waitFor(() => expect(lines.join('')).toContain('/healthz'));
    const entries = lines
      .join('')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries).toHaveLength(2);
    const [missing, health] = entries;
    expect(missing).toMatchObject({
      level: 30,
      msg: 'request completed',
      req: { method: 'GET', url: '/no-such-piece/?from=%22quoted%22', remoteAddress: '203.0.113.9' },
      res: { statusCode: 404 },
    });
    expect(missing!.responseTime).toBeTypeOf('number');
    expect(missing!.reqId).not.toBe(health!.reqId);
    expect(health).toMatchObject({ req: { method: 'GET', url: '/healthz' }, res: { statusCode: 200 } });
  });

  it('keep every line whole and in order, also for addresses longer than the lines kept in memory', async () => {
    lines.length = 0;
    const long = `/search/?q=${'word+'.repeat(16_000)}`;
    await app.inject({ url: '/healthz' });
    await app.inject({ url: long });
    await app.inject({ url: '/healthz?after' });
    await vi.waitFor(() => expect(lines.join('')).toContain('/healthz?after'));
    const urls = lines
      .join('')
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { req: { url: string } }).req.url);
    expect(urls).toEqual(['/healthz', long, '/healthz?after']);
  });
});
