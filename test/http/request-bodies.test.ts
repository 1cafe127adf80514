import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type AppContext } from '../support/app.js';
import { jsonListPiece, upload } from './support/upload.js';

const BIG = 48 * 1024 * 1024;
const IMPORT = '/admin/api/newsletter/subscribers/import';

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
