import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { openStore, type Store } from '../../src/db/client.js';
import { databaseRateLimitStore } from '../../src/http/rate-limit-store.js';
import { createServices } from '../../src/services.js';
import { testApp, type AppContext } from '../support/app.js';
import { manualClock, silentLogger, testServices, type TestContext } from '../support/stores.js';

describe.each(['sqlite', 'postgres'] as const)('rate limits shared by two processes on one database (%s)', (dialect) => {
  let first: AppContext;
  let secondStore: Store;
  let second: FastifyInstance;
  const time = manualClock();

  beforeEach(async () => {
    time.set('2026-11-25T12:00:00.000Z');
    first = await testApp(dialect, { clock: time.clock });
    // A second process: its own connections and app, the same database.
    secondStore = openStore(first.config);
    const services = createServices(secondStore, { logger: silentLogger, mailer: first.services.mailer, clock: time.clock, dataDir: first.dataDir });
    second = await buildApp({ config: { publicUrl: 'http://localhost:3000', themeDir: undefined, dataDir: first.dataDir }, services, logger: silentLogger });
    await second.ready();
  });
  afterEach(async () => {
    await second.close();
    await secondStore.close();
    await first.close();
  });

  const signup = (app: FastifyInstance, n: number, remoteAddress = '203.0.113.7') =>
    app.inject({ method: 'POST', url: '/newsletter/subscribe', payload: { email: `reader${n}@example.com` }, headers: { 'content-type': 'application/json' }, remoteAddress });

  it('holds the limit in total when the hits are split between the processes, even all at once', async () => {
    // Signups allow ten a minute per address.
    const answers = await Promise.all(Array.from({ length: 16 }, (_, n) => signup(n % 2 === 0 ? first.app : second, n)));
    expect(answers.filter((a) => a.statusCode === 202)).toHaveLength(10);
    const refused = answers.filter((a) => a.statusCode === 429);
    expect(refused).toHaveLength(6);
    expect(refused[0]!.headers['retry-after']).toBeDefined();
    expect((await signup(second, 100, '203.0.113.8')).statusCode).toBe(202);
    expect((await signup(first.app, 101)).statusCode).toBe(429);
  });

  it('keeps the counts of each route apart', async () => {
    for (let n = 0; n < 10; n += 1) expect((await signup(n < 5 ? first.app : second, n)).statusCode).toBe(202);
    expect((await signup(second, 10)).statusCode).toBe(429);
    const preferences = await first.app.inject({ method: 'GET', url: '/newsletter/preferences/?token=nothing', remoteAddress: '203.0.113.7' });
    expect(preferences.statusCode).not.toBe(429);
  });

  it('starts a new window once the minute has passed and removes counts whose window ended', async () => {
    for (let n = 0; n < 10; n += 1) expect((await signup(n % 2 === 0 ? first.app : second, n)).statusCode).toBe(202);
    expect((await signup(first.app, 10)).statusCode).toBe(429);
    time.advance(61_000);
    expect((await signup(second, 11)).statusCode).toBe(202);

    const stale = await first.store.db.selectFrom('rate_limit_hits').select('key').where('key', 'like', '%203.0.113.9').execute();
    expect(stale).toHaveLength(0);
    expect((await signup(first.app, 12, '203.0.113.9')).statusCode).toBe(202);
    time.advance(3 * 61_000);
    expect((await signup(second, 13, '203.0.113.10')).statusCode).toBe(202);
    const deadline = Date.now() + 10_000;
    let left = await first.store.db.selectFrom('rate_limit_hits').select('key').where('key', 'like', '%203.0.113.9').execute();
    while (left.length > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      left = await first.store.db.selectFrom('rate_limit_hits').select('key').where('key', 'like', '%203.0.113.9').execute();
    }
    expect(left).toHaveLength(0);
  });
});

describe.each(['sqlite', 'postgres'] as const)('limiters made without a route (%s)', (dialect) => {
  let t: TestContext;
  let app: FastifyInstance;

  beforeEach(async () => {
    t = await testServices(dialect);
    app = Fastify();
    await app.register(rateLimit, { global: false, store: databaseRateLimitStore(t.store.db, t.services.clock) });
    app.get('/one', { onRequest: app.rateLimit({ max: 2, timeWindow: 60_000 }) }, async () => 'one');
    app.get('/two', { onRequest: app.rateLimit({ max: 2, timeWindow: 60_000 }) }, async () => 'two');
    await app.ready();
  });
  afterEach(async () => {
    await app.close();
    await t.close();
  });

  it('keeps each limiter’s counts apart', async () => {
    const statuses = async (url: string) => {
      const answers = [];
      for (let n = 0; n < 3; n += 1) answers.push((await app.inject({ url, remoteAddress: '198.51.100.4' })).statusCode);
      return answers;
    };
    expect(await statuses('/one')).toEqual([200, 200, 429]);
    expect(await statuses('/two')).toEqual([200, 200, 429]);
  });
});
