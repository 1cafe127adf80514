import GhostAdminAPI from '@tryghost/admin-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type AppContext } from '../support/app.js';
import { failure, listening, token } from './support/server.js';

describe('signing in to the Ghost Admin API with an Admin API key', () => {
  let t: AppContext;
  let url: string;
  let key: string;
  let ownerId: number;

  const withToken = (make: () => Promise<string>) => async () => (await t.app.inject({ url: '/ghost/api/admin/posts/', headers: { authorization: `Ghost ${await make()}` } })).json();

  beforeAll(async () => {
    t = await testApp('sqlite');
    url = await listening(t);
    const owner = await t.services.users.create({ email: 'owner@masthead.example', name: 'Owner', role: 'administrator' });
    ownerId = owner.id;
    key = (await t.services.apiKeys.create({ name: 'Migration', role: 'administrator' }, owner)).secret;
  });
  afterAll(async () => t.close());

  it('lets the official client in with a key, and answers /site/ without one', async () => {
    const api = GhostAdminAPI({ url, key, version: 'v6.0' });
    const site = await api.site.read();
    expect(site).toMatchObject({ title: 'Masthead', url: 'http://localhost:3000/', version: '6.0' });
    const posts = await api.posts.browse();
    expect(posts.meta.pagination).toMatchObject({ page: 1, total: 0 });
    expect((await t.app.inject({ url: '/ghost/api/admin/site/' })).statusCode).toBe(200);
  });

  it('refuses requests without a token, or with something else than a Ghost token', async () => {
    for (const authorization of [undefined, `Bearer ${key}`, 'Ghost', 'Ghost not.a.token', `Ghost ${'x'.repeat(5000)}`]) {
      const res = await t.app.inject({ url: '/ghost/api/admin/posts/', headers: authorization ? { authorization } : {} });
      expect(res.statusCode, authorization).toBe(401);
      expect(res.json().errors[0].type).toBe('UnauthorizedError');
    }
  });

  it('refuses expired, too long-lived, undated, future and wrongly addressed tokens, saying why', async () => {
    const now = Math.floor(Date.now() / 1000);
    const cases: Array<[string, () => Promise<string>, string]> = [
      ['expired', () => token(key, { iat: now - 600, exp: now - 300 }), '"exp" claim timestamp check failed'],
      ['expired a moment ago', () => token(key, { iat: now - 200, exp: now - 5 }), '"exp" claim timestamp check failed'],
      ['too long-lived', () => token(key, { iat: now, exp: now + 3600 }), 'expire at most 5 minutes after it was issued'],
      ['issued long ago', () => token(key, { iat: now - 3600, exp: now + 60 }), 'it was issued more than 5 minutes ago'],
      ['issued in the future', () => token(key, { iat: now + 3600, exp: now + 3700 }), 'it is issued in the future'],
      ['without expiry', () => token(key, { exp: null }), 'missing required "exp" claim'],
      ['without audience', () => token(key, { aud: null }), 'missing required "aud" claim'],
      ['for the Content API', () => token(key, { aud: '/content/' }), 'unexpected "aud" claim value'],
      ['for another site', () => token(key, { aud: 'https://evil.example/admin/' }), 'unexpected "aud" claim value'],
      ['signed with another secret', () => token(key, { secret: 'ab'.repeat(32) }), 'signature verification failed'],
      ['signed with HS512', () => token(key, { alg: 'HS512' }), 'must be signed with HS256'],
      ['naming an unknown key', () => token(key, { kid: '0'.repeat(24) }), 'Unknown Admin API key'],
      ['naming a malformed key', () => token(key, { kid: 'id-of-something' }), '"kid" header must be the id of an Admin API key'],
    ];
    for (const [name, make, reason] of cases) {
      const body = await withToken(make)();
      expect(body.errors?.[0], name).toMatchObject({ type: 'UnauthorizedError', code: 'ADMIN_TOKEN_INVALID' });
      expect(body.errors[0].message, name).toContain(reason);
    }
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', kid: key.split(':')[0] })).toString('base64url')}.${Buffer.from(JSON.stringify({ aud: '/admin/', iat: now, exp: now + 60 })).toString('base64url')}.`;
    expect((await withToken(async () => unsigned)()).errors[0].message).toContain('must be signed with HS256');
    expect((await withToken(() => token(key))()).meta.pagination.page).toBe(1);
    expect((await withToken(() => token(key, { iat: now + 30, exp: now + 300 }))()).meta.pagination.page, 'a client clock a little ahead').toBe(1);
  });

  it('stops a key at once when it is revoked or its maker is suspended', async () => {
    const owner = await t.services.users.get(ownerId);
    const made = await t.services.apiKeys.create({ name: 'Short-lived', role: 'editor' }, owner);
    const api = GhostAdminAPI({ url, key: made.secret, version: 'v6.0' });
    expect(await api.posts.browse()).toHaveLength(0);
    await t.services.apiKeys.revoke(made.key.id);
    expect(await failure(api.posts.browse())).toMatchObject({ type: 'UnauthorizedError', message: 'Unknown Admin API key: it does not exist or was revoked.' });

    const second = await t.services.users.create({ email: 'second@masthead.example', name: 'Second', role: 'administrator' });
    const theirs = GhostAdminAPI({ url, key: (await t.services.apiKeys.create({ name: 'Theirs', role: 'editor' }, second)).secret, version: 'v6.0' });
    expect(await theirs.posts.browse()).toHaveLength(0);
    await t.services.users.suspend(second.id);
    expect(await failure(theirs.posts.browse())).toMatchObject({ type: 'UnauthorizedError' });
  });

  it('serves older clients at their versioned address, with tokens made for it', async () => {
    const v4 = GhostAdminAPI({ url, key, version: 'v4' });
    expect((await v4.site.read()).title).toBe('Masthead');
    expect(await v4.posts.browse()).toHaveLength(0);
    const misaddressed = await t.app.inject({ url: '/ghost/api/v4/admin/posts/', headers: { authorization: `Ghost ${await token(key, { aud: '/admin/' })}` } });
    expect(misaddressed.statusCode).toBe(401);
  });
});
