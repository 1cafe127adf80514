import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_CHARS } from '../../src/content/index.js';
import { AdminClient, staffClient } from '../admin-api/support/admin-client.js';
import { testApp, type AppContext } from '../support/app.js';
import { makeAuthor, postFields } from '../support/factories.js';
import { dialects } from '../support/stores.js';
import { jsonList, listBody, upload } from './support/upload.js';

const BIG = 48 * 1024 * 1024;
const IMPORT = '/admin/api/newsletter/subscribers/import';
const bodyLimitsPublic = 64 * 1024;
const csvList = (total: number, head = 'email,name\n') => listBody(total, { head, item: 'reader@example.org,A Reader\n', tail: '' });

/** The headers a signed-in browser sends with a state-changing request. */
const signedIn = (client: AdminClient) => ({
  cookie: [...client.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
  'x-csrf-token': client.csrf,
});

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
        piece: jsonList(BIG),
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
      // The answer came while most of the body was still unsent, and the server hung up rather than read it.
      expect(result.bodyComplete).toBe(false);
      expect(result.sentWhenAnswered).toBeLessThan(BIG / 4);
      expect(result.head).toMatch(/\r\nconnection: close/i);
    }
    const home = await page!;
    expect(home.status).toBe(200);
    expect(home.html).toContain('</html>');
  });

  it('keeps the connection of a small refused body, so the client surely reads its 401', async () => {
    const json = Buffer.from('{"title":"A draft saved after the session ended"}');
    const result = await upload({ port, path: '/admin/api/posts', headers: { 'content-type': 'application/json' }, total: json.length, piece: () => json });
    expect(result.status).toBe(401);
    expect(result.head).toMatch(/\r\nconnection: keep-alive/i);
    expect(result.bodyComplete).toBe(true);
  });

  it('refuses a contributor’s 48 MB import with 403 before reading it', async () => {
    const { client } = await staffClient(t.app, t.services, 'contributor');
    const result = await upload({ port, path: IMPORT, headers: { 'content-type': 'text/csv', ...signedIn(client) }, total: BIG, piece: csvList(BIG) });
    expect([result.status, JSON.parse(result.body).error.code]).toEqual([403, 'FORBIDDEN']);
    expect(result.bodyComplete).toBe(false);
    expect(result.sentWhenAnswered).toBeLessThan(BIG / 4);
  });

  it('reads an editor’s import as it arrives: a file without an email column is refused before the rest is sent', async () => {
    const { client } = await staffClient(t.app, t.services, 'editor');
    const result = await upload({ port, path: IMPORT, headers: { 'content-type': 'text/csv', ...signedIn(client) }, total: BIG, piece: csvList(BIG, 'mail,name\n') });
    expect([result.status, JSON.parse(result.body).error]).toEqual([400, { code: 'CSV_INVALID', message: expect.stringContaining('No email column found') }]);
    expect(result.bodyComplete).toBe(false);
    expect(await t.services.subscribers.list({})).toMatchObject({ total: 0 });
  });

  it('refuses an editor’s import over 50 MB, or JSON sent to it, before reading it', async () => {
    const { client } = await staffClient(t.app, t.services, 'editor');
    const huge = 60 * 1024 * 1024;
    const tooLarge = await upload({ port, path: IMPORT, headers: { 'content-type': 'text/csv', ...signedIn(client) }, total: huge, piece: csvList(huge) });
    const json = await upload({ port, path: IMPORT, headers: { 'content-type': 'application/json', ...signedIn(client) }, total: BIG, piece: jsonList(BIG) });
    for (const result of [tooLarge, json]) {
      expect([result.status, JSON.parse(result.body).error.code]).toEqual([413, 'BODY_TOO_LARGE']);
      expect(result.bodyComplete).toBe(false);
      expect(result.sentWhenAnswered).toBeLessThan(BIG / 4);
    }
  });

  it('imports an editor’s CSV sent in pieces over a real connection', async () => {
    const { client } = await staffClient(t.app, t.services, 'editor');
    const rows = Array.from({ length: 3000 }, (_, i) => `reader${i}@example.org,Reader ${i}\n`);
    const file = Buffer.from(`email,name\n${rows.join('')}`);
    const result = await upload({ port, path: IMPORT, headers: { 'content-type': 'text/csv', ...signedIn(client) }, total: file.length, piece: (offset, size) => file.subarray(offset, offset + size) });
    expect(result.status).toBe(200);
    expect(JSON.parse(result.body)).toMatchObject({ layout: 'CSV', rows: 3000, added: 3000, rejected: [] });
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

  it('takes only the file itself at the import: JSON gets 415, a file of no declared length 413 once past 50 MB', async () => {
    const { client } = await staffClient(t.app, t.services, 'editor');
    const json = await client.call('POST', IMPORT, { email: 'reader@example.org' });
    expect([json.statusCode, json.json().error.code]).toEqual([415, 'CONTENT_TYPE_UNSUPPORTED']);

    const total = 51 * 1024 * 1024;
    // Blank lines after the header: cheap to read, so the test spends its time on the limit.
    const piece = listBody(total, { head: 'email,name\n', item: '\n', tail: '' });
    let pulled = 0;
    const file = new Readable({
      read() {
        if (pulled === total) return void this.push(null);
        const size = Math.min(1024 * 1024, total - pulled);
        this.push(piece(pulled, size));
        pulled += size;
      },
    });
    const res = await t.app.inject({ method: 'POST', url: IMPORT, headers: { 'content-type': 'text/csv', ...signedIn(client) }, payload: file });
    expect([res.statusCode, res.json().error]).toEqual([413, { code: 'BODY_TOO_LARGE', message: 'The file is larger than 50 MB.' }]);
    expect(await t.services.subscribers.list({})).toMatchObject({ total: 0 });
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

describe.each(dialects)('a long subscriber import on %s', (dialect) => {
  let t: AppContext;
  let port: number;
  beforeAll(async () => {
    t = await testApp(dialect);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as AddressInfo).port;
  });
  afterAll(async () => t.close());

  it('lets the site answer readers between its batches', async () => {
    expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(200);
    const file = Buffer.from(`email\n${Array.from({ length: 4000 }, (_, i) => `reader${i}@example.org\n`).join('')}`);
    const order: string[] = [];
    let page: Promise<void> | undefined;
    const report = await t.services.subscribers.importCsv(file, {
      // A reader asks for the home page once the first batch is written.
      onProgress: () => {
        page ??= fetch(`http://127.0.0.1:${port}/`).then((res) => void order.push(`page ${res.status}`));
      },
    });
    order.push('import done');
    await page;
    expect(report).toMatchObject({ rows: 4000, added: 4000 });
    expect(order).toEqual(['page 200', 'import done']);
  });
});
