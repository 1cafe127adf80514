import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../support/stores.js';
import { testApp, type AppContext } from '../support/app.js';
import { token } from './support/server.js';

const older = ['v2', 'v3', 'v4', 'canary'];

describe.each(dialects)('older Ghost clients’ versioned addresses on %s', (dialect) => {
  let t: AppContext;
  let contentKey: string;
  let adminKey: string;

  beforeAll(async () => {
    t = await testApp(dialect);
    const owner = await t.services.users.create({ email: 'owner@masthead.example', name: 'Owner', role: 'administrator' });
    contentKey = (await t.services.contentKeys.create({ name: 'Front end' }, owner.id)).secret;
    adminKey = (await t.services.apiKeys.create({ name: 'Migration', role: 'administrator' }, owner)).secret;
  });
  afterAll(async () => t.close());

  it('answers every older version exactly as the current one, from one set of routes', async () => {
    const current = await t.app.inject({ url: `/ghost/api/content/settings/?key=${contentKey}` });
    expect(current.statusCode).toBe(200);
    for (const version of older) {
      const res = await t.app.inject({ url: `/ghost/api/${version}/content/settings/?key=${contentKey}` });
      expect(res.statusCode, version).toBe(200);
      expect(res.body, version).toBe(current.body);
      expect(res.headers['content-version'], version).toBe('v6.0');
      expect(t.app.hasRoute({ method: 'GET', url: `/ghost/api/${version}/content/settings/` }), version).toBe(false);
      expect(t.app.hasRoute({ method: 'GET', url: `/ghost/api/${version}/admin/site/` }), version).toBe(false);
    }
    expect((await t.app.inject({ url: `/ghost/api/v5/content/settings/?key=${contentKey}` })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/ghost/api/v4/members/?key=${contentKey}` })).statusCode).toBe(404);
  });

  it('takes an Admin API token only at the version address it was made for', async () => {
    const at = async (version: string, audience: string) => (await t.app.inject({ url: `/ghost/api${version}/admin/posts/`, headers: { authorization: `Ghost ${await token(adminKey, { aud: audience })}` } })).statusCode;
    expect(await at('', '/admin/')).toBe(200);
    expect(await at('/v4', '/v4/admin/')).toBe(200);
    expect(await at('/canary', 'canary/admin')).toBe(200);
    expect(await at('/v4', '/admin/')).toBe(401);
    expect(await at('', '/v4/admin/')).toBe(401);
    expect(await at('/v3', '/v4/admin/')).toBe(401);
  });

  it('counts requests at every version address against one rate limit', async () => {
    const address = '203.0.113.7';
    const ask = (version: string) => t.app.inject({ url: `/ghost/api${version}/content/settings/?key=${contentKey}`, remoteAddress: address });
    for (let i = 0; i < 600; i += 1) expect((await ask(i % 2 === 0 ? '' : '/v4')).statusCode).toBe(200);
    for (const version of ['', ...older.map((v) => `/${v}`)]) {
      const limited = await ask(version);
      expect(limited.statusCode, version).toBe(429);
      expect(limited.json().errors[0].code).toBe('RATE_LIMITED');
    }
  });
});
