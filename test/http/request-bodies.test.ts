import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_CHARS } from '../../src/content/index.js';
import { AdminClient, staffClient } from '../admin-api/support/admin-client.js';
import { testApp, type AppContext } from '../support/app.js';
import { makeAuthor, postFields } from '../support/factories.js';
import { jsonListPiece, upload } from './support/upload.js';

const BIG = 48 * 1024 * 1024;
const IMPORT = '/admin/api/newsletter/subscribers/import';
const bodyLimitsPublic = 64 * 1024;

describe('large request bodies on a listening server', { timeout: 120_000 }, () => {
  let t: AppContext;
  let port: number;
  beforeAll(async () => {
    t = await testApp('sqlite');
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as AddressInfo).port;
  });
  afterAll(async () => t.close());

  it('refuses six concurrent anonymous 48 MB bodies before reading them, while pages keep answering', async () => {
    let started = 0;
    let page: Promise<{ status: number; html: string }> | undefined;
    const uploads = Array.from({ length: 6 }, () =>
      upload({
        port,
        path: IMPORT,
        headers: { 'content-type': 'application/json' },
        total: BIG,
        piece: jsonListPiece(BIG),
        // Once all six are in flight, a reader asks for the home page.
        onStarted: () => {
          started += 1;
          if (started === 6) {
            page = fetch(`http://127.0.0.1:${port}/`).then(async (res) => ({ status: res.status, html: await res.text() }));
          }
        },
      }),
    );
    const results = await Promise.all(uploads);
    for (const result of results) {
      expect(result.status).toBe(401);
      expect(JSON.parse(result.body)).toMatchObject({ error: { code: 'NOT_SIGNED_IN' } });
      // The answer came while most of the body was still unsent: the server never waited for it.
      expect(result.bodyComplete).toBe(false);
      expect(result.sentWhenAnswered).toBeLessThan(BIG / 4);
    }
    const home = await page!;
    expect(home.status).toBe(200);
    expect(home.html).toContain('</html>');
  });
});

describe('body limits', () => {
  let t: AppContext;
  beforeAll(async () => {
    t = await testApp('sqlite');
  });
  afterAll(async () => t.close());

  it('answers 413 BODY_TOO_LARGE to bodies over 64 KiB wherever anyone may send them', async () => {
    const long = 'x'.repeat(100_000);
    // A browser that loaded the sign-in page, so its CSRF header is right.
    const visitor = await new AdminClient(t.app).start();
    const signIn = await visitor.call('POST', '/admin/api/session', { email: 'someone@example.org', password: long });
    const subscribe = await t.app.inject({ method: 'POST', url: '/newsletter/subscribe', headers: { accept: 'application/json' }, payload: { email: 'someone@example.org', name: long } });
    const nowhere = await t.app.inject({ method: 'POST', url: '/no-such-page/', headers: { accept: 'application/json' }, payload: { text: long } });
    expect([signIn, subscribe, nowhere].map((res) => [res.statusCode, res.json().error.code])).toEqual([
      [413, 'BODY_TOO_LARGE'],
      [413, 'BODY_TOO_LARGE'],
      [413, 'BODY_TOO_LARGE'],
    ]);
  });

  it('still takes a post body as long as the editor allows from signed-in staff', async () => {
    const { client } = await staffClient(t.app, t.services, 'editor');
    const author = await makeAuthor(t.services);
    const body = 'é'.repeat(MAX_BODY_CHARS);
    expect(Buffer.byteLength(JSON.stringify({ body }))).toBeGreaterThan(bodyLimitsPublic * 10);
    const res = await client.call('POST', '/admin/api/posts', postFields([author.slug], { body }));
    expect(res.statusCode).toBe(201);
    expect(res.json().post.body).toHaveLength(MAX_BODY_CHARS);
  });
});
