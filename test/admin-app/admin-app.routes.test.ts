import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminAppRoutes } from '../../src/admin-app/admin-app.routes.js';
import { testApp, type AppContext } from '../support/app.js';

describe('the admin app at /admin/', () => {
  let context: AppContext;
  beforeAll(async () => {
    context = await testApp();
  });
  afterAll(() => context.close());

  it('serves the app page with a strict content security policy, never cached', async () => {
    const response = await context.app.inject('/admin/');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain('<div id="root">');
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('answers the app page for its own addresses so a reload keeps the screen', async () => {
    for (const url of ['/admin/posts', '/admin/posts/12', '/admin/reset-password?token=abc']) {
      const response = await context.app.inject(url);
      expect(response.statusCode, url).toBe(200);
      expect(response.body).toContain('<div id="root">');
    }
  });

  it('redirects /admin to /admin/', async () => {
    const response = await context.app.inject('/admin');
    expect(response.statusCode).toBe(301);
    expect(response.headers.location).toBe('/admin/');
  });

  it('serves the built scripts with a long cache life', async () => {
    const index = (await context.app.inject('/admin/')).body;
    const script = /src="(\/admin\/assets\/[^"]+\.js)"/.exec(index)?.[1];
    expect(script).toBeDefined();
    const response = await context.app.inject(script!);
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toContain('immutable');
  });

  it('leaves unknown API and asset addresses as JSON 404s, not the app page', async () => {
    for (const url of ['/admin/api/no-such-thing', '/admin/assets/missing.js']) {
      const response = await context.app.inject(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.body).not.toContain('<div id="root">');
    }
    const api = await context.app.inject('/admin/api/no-such-thing');
    expect(api.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });
});

describe('an admin app that was never built', () => {
  it('says how to build it instead of failing obscurely', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-admin-'));
    const app = Fastify();
    await app.register(adminAppRoutes, { dir: empty });
    const response = await app.inject('/admin/');
    expect(response.statusCode).toBe(503);
    expect(response.body).toContain('npm run build');
    await app.close();
    fs.rmSync(empty, { recursive: true, force: true });
  });
});
