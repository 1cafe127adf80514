import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { signInLimits } from '../../src/staff/index.js';
import { testApp, type AppContext } from '../support/app.js';
import { silentLogger, testServices, type TestContext } from '../support/stores.js';

describe('client addresses behind no configured proxy', () => {
  let t: AppContext;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(async () => t.close());

  it('ignores forged X-Forwarded-For headers, so per-address rate limits still hold', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 14; i += 1) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/newsletter/subscribe',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `203.0.113.${i + 1}` },
        payload: { email: `reader${i}@example.org` },
      });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 5).every((s) => s < 300)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe('client addresses behind a trusted proxy (TRUST_PROXY=127.0.0.1)', () => {
  let t: TestContext;
  let app: FastifyInstance;
  beforeAll(async () => {
    t = await testServices('sqlite');
    app = await buildApp({
      config: { publicUrl: 'http://localhost:3000', themeDir: undefined, dataDir: t.dataDir, trustProxy: ['127.0.0.1'] },
      services: t.services,
      logger: silentLogger,
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  /** A failed staff sign-in from the address, as a browser that loaded the sign-in page sends it. */
  async function failSignIn(address: string, n: number) {
    const session = await app.inject({ url: '/admin/api/session', headers: { 'x-forwarded-for': address } });
    const csrf = session.cookies.find((c) => c.name === '_csrf')!.value;
    const res = await app.inject({
      method: 'POST',
      url: '/admin/api/session',
      headers: { 'x-forwarded-for': address, cookie: `_csrf=${csrf}`, 'x-csrf-token': session.json().csrfToken },
      payload: { email: `nobody-${n}@example.org`, password: 'guess' },
    });
    return res.json().error.code as string;
  }

  it('counts failed sign-ins from every address of one IPv6 /64 together', async () => {
    const codes: string[] = [];
    for (let i = 0; i < signInLimits.address.max; i += 1) codes.push(await failSignIn(`2001:db8:77:1::${(i + 1).toString(16)}`, i));
    expect(new Set(codes)).toEqual(new Set(['SIGN_IN_FAILED']));
    // A fresh address of the same /64 is paused; one of another /64 is not.
    expect(await failSignIn('2001:db8:77:1:ffff:ffff:ffff:fffe', 100)).toBe('SIGN_IN_THROTTLED');
    expect(await failSignIn('2001:db8:77:2::1', 101)).toBe('SIGN_IN_FAILED');
  });

  it('counts newsletter signups from one IPv6 /64, and from one IPv4 address however written, under one limit', async () => {
    const signup = async (address: string, n: number) =>
      (
        await app.inject({
          method: 'POST',
          url: '/newsletter/subscribe',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
          payload: { email: `reader${n}@example.org` },
        })
      ).statusCode;
    const sixes: number[] = [];
    const fours: number[] = [];
    for (let i = 0; i < 12; i += 1) {
      sixes.push(await signup(`2001:db8:88:1:${i + 1}::1`, i));
      fours.push(await signup(i % 2 ? '::ffff:198.51.100.4' : '198.51.100.4', 100 + i));
    }
    expect(sixes.slice(0, 10).every((s) => s === 202)).toBe(true);
    expect(sixes.slice(10)).toEqual([429, 429]);
    expect(fours.slice(0, 10).every((s) => s === 202)).toBe(true);
    expect(fours.slice(10)).toEqual([429, 429]);
  });
});
