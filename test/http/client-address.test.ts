import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type AppContext } from '../support/app.js';

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
