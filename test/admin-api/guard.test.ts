import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { staffOnly } from '../../src/admin-api/guard.js';
import { testServices, silentLogger, type TestContext } from '../support/stores.js';
import { staffClient } from './support/admin-client.js';
import type { FastifyInstance } from 'fastify';

describe('staffOnly guard for admin endpoints of other areas', () => {
  let t: TestContext;
  let app: FastifyInstance;

  beforeAll(async () => {
    t = await testServices('sqlite');
    app = await buildApp({ config: { publicUrl: 'http://localhost:3000', themeDir: undefined, dataDir: t.dataDir }, services: t.services, logger: silentLogger });
    app.post('/admin/api/example/things', { preHandler: staffOnly('editor') }, async (request) => ({
      by: request.staff?.email,
      viewer: request.viewer.kind,
    }));
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it('lets an editor in, with the staff user and a staff viewer set', async () => {
    const { user, client } = await staffClient(app, t.services, 'editor');
    const res = await client.call('POST', '/admin/api/example/things', {});
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ by: user.email, viewer: 'staff' });
  });

  it('answers 403 naming the role needed when the role is too low', async () => {
    const { client } = await staffClient(app, t.services, 'author');
    const res = await client.call('POST', '/admin/api/example/things', {});
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('editor role') });
  });

  it('refuses a stranger before reading the body, though staffOnly is given as a preHandler', async () => {
    const BIG = 48 * 1024 * 1024;
    let pulled = 0;
    const body = new Readable({
      read() {
        if (pulled >= BIG) return void this.push(null);
        pulled += 64 * 1024;
        this.push(Buffer.alloc(64 * 1024, ' '));
      },
    });
    const res = await app.inject({ method: 'POST', url: '/admin/api/example/things', headers: { 'content-type': 'application/json' }, payload: body });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('NOT_SIGNED_IN');
    expect(pulled).toBeLessThan(BIG / 4);
  });

  it('answers 401 without a session and 403 without the CSRF header', async () => {
    expect((await app.inject({ method: 'POST', url: '/admin/api/example/things', payload: {} })).statusCode).toBe(401);
    const { client } = await staffClient(app, t.services, 'administrator');
    client.csrf = '';
    expect((await client.call('POST', '/admin/api/example/things', {})).json().error.code).toBe('CSRF_INVALID');
  });
});

describe('OpenAPI document', () => {
  it('describes every admin endpoint with schemas generated from the validators', async () => {
    const t = await testServices('sqlite');
    const app = await buildApp({ config: { publicUrl: 'http://localhost:3000', themeDir: undefined, dataDir: t.dataDir }, services: t.services, logger: silentLogger });
    const res = await app.inject('/admin/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/admin/api/session'].post.requestBody.content['application/json'].schema.required).toEqual(['email', 'password']);
    expect(doc.paths['/admin/api/staff/{id}'].patch.parameters[0]).toMatchObject({ name: 'id', in: 'path', required: true });
    expect(Object.keys(doc.paths).length).toBeGreaterThan(8);
    await app.close();
    await t.close();
  });
});

describe('admin API answers are never kept by caches', () => {
  let t: TestContext;
  let app: FastifyInstance;
  beforeAll(async () => {
    t = await testServices('sqlite');
    app = await buildApp({ config: { publicUrl: 'http://localhost:3000', themeDir: undefined, dataDir: t.dataDir }, services: t.services, logger: silentLogger });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it('marks successes and errors alike no-store', async () => {
    const { client } = await staffClient(app, t.services, 'editor');
    const answers = {
      ok: await client.call('GET', '/admin/api/posts'),
      missing: await client.call('GET', '/admin/api/posts/999999'),
      malformed: await client.call('GET', '/admin/api/posts?limit=banana'),
      anonymous: await app.inject({ url: '/admin/api/posts' }),
    };
    expect(Object.fromEntries(Object.entries(answers).map(([name, res]) => [name, [res.statusCode, res.headers['cache-control']]]))).toEqual({
      ok: [200, 'no-store'],
      missing: [404, 'no-store'],
      malformed: [400, 'no-store'],
      anonymous: [401, 'no-store'],
    });
  });
});
