import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApp, type AppContext } from '../support/app.js';

describe('newsletter signup abuse protection', () => {
  let t: AppContext;

  beforeEach(async () => {
    t = await testApp('sqlite');
  });
  afterEach(async () => t.close());

  const signup = (email: string, remoteAddress: string) => t.app.inject({ method: 'POST', url: '/newsletter/subscribe', payload: { email }, headers: { 'content-type': 'application/json' }, remoteAddress });

  it('limits signups per IP address without slowing down other addresses', async () => {
    for (let i = 0; i < 10; i += 1) expect((await signup(`flood${i}@example.com`, '203.0.113.7')).statusCode).toBe(202);
    expect((await signup('flood10@example.com', '203.0.113.7')).statusCode).toBe(429);
    expect((await signup('neighbour@example.com', '203.0.113.8')).statusCode).toBe(202);
  });

  it('sends at most one email per address in ten minutes, however often it is entered', async () => {
    for (let i = 0; i < 5; i += 1) await signup('target@example.com', `198.51.100.${i}`);
    expect(await t.services.runner.drain()).toBe(1);
  });
});
