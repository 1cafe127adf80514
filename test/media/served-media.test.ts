import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type AppContext } from '../support/app.js';
import { launchBrowser } from '../support/browser.js';

const policy = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox";

/** An SVG that, were its script to run, would mark the page and call home with the admin session. */
const hostile = [
  '<svg xmlns="http://www.w3.org/2000/svg" xmlns:h="http://www.w3.org/1999/xhtml" width="200" height="100">',
  '<rect width="200" height="100" fill="#3366cc"/>',
  '<script>document.documentElement.setAttribute("data-ran", "svg"); console.log("script ran"); fetch("/admin/api/session");</script>',
  '<h:script>document.documentElement.setAttribute("data-ran", "xhtml"); console.log("script ran");</h:script>',
  '<rect width="10" height="10" onload="console.log(\'script ran\')"/>',
  '</svg>',
].join('\n');

describe('files served under /media/', { timeout: 60_000 }, () => {
  let t: AppContext;
  let folder: string;
  const put = (name: string, data: Buffer | string) => fs.writeFileSync(path.join(folder, name), data);
  const expectSandboxed = (res: { statusCode: number; headers: Record<string, unknown> }, what: string) => {
    expect(res.headers['content-security-policy'], `${what} (${res.statusCode})`).toBe(policy);
    expect(res.headers['x-content-type-options'], `${what} (${res.statusCode})`).toBe('nosniff');
  };

  beforeAll(async () => {
    t = await testApp();
    // Written straight into the media folder, as a file that slipped past the upload checks would be.
    folder = path.join(t.dataDir, 'media', '2026', '11', 'a1b2c3');
    fs.mkdirSync(folder, { recursive: true });
    put('art.svg', hostile);
    put(
      'photo-320.webp',
      await sharp({ create: { width: 320, height: 200, channels: 3, background: '#884422' } })
        .webp()
        .toBuffer(),
    );
    put('.hidden.svg', hostile);
  });
  afterAll(async () => t.close());

  it('carry a sandboxing policy on every answer: files, variants, ranges, revalidations and misses', async () => {
    const base = '/media/2026/11/a1b2c3';
    const svg = await t.app.inject(`${base}/art.svg`);
    expect(svg.statusCode).toBe(200);
    expect(svg.headers['content-type']).toMatch(/^image\/svg\+xml/);
    const webp = await t.app.inject(`${base}/photo-320.webp`);
    expect(webp.statusCode).toBe(200);

    const answers = {
      head: await t.app.inject({ method: 'HEAD', url: `${base}/art.svg` }),
      compressed: await t.app.inject({ url: `${base}/art.svg`, headers: { 'accept-encoding': 'br' } }),
      range: await t.app.inject({ url: `${base}/art.svg`, headers: { range: 'bytes=0-9' } }),
      'bad range': await t.app.inject({ url: `${base}/art.svg`, headers: { range: 'bytes=90000-' } }),
      'by etag': await t.app.inject({ url: `${base}/art.svg`, headers: { 'if-none-match': String(svg.headers.etag) } }),
      'by date': await t.app.inject({ url: `${base}/photo-320.webp`, headers: { 'if-modified-since': String(webp.headers['last-modified']) } }),
      'doubled slash': await t.app.inject(`/${base}/art.svg`),
      missing: await t.app.inject(`${base}/gone.svg`),
      folder: await t.app.inject(`${base}/`),
      dotfile: await t.app.inject(`${base}/.hidden.svg`),
      post: await t.app.inject({ method: 'POST', url: `${base}/art.svg`, payload: { a: 1 } }),
    };
    expect(Object.fromEntries(Object.entries(answers).map(([what, res]) => [what, res.statusCode]))).toEqual({
      head: 200,
      compressed: 200,
      range: 206,
      'bad range': 416,
      'by etag': 304,
      'by date': 304,
      'doubled slash': 200,
      missing: 404,
      folder: 403,
      dotfile: 403,
      post: 404,
    });
    expect(answers.compressed.headers['content-encoding']).toBe('br');
    for (const [what, res] of Object.entries({ svg, variant: webp, ...answers })) expectSandboxed(res, what);
  });

  it('keeps script in an SVG that slipped through from running when it is opened in a browser', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    let browser: Browser | undefined;
    try {
      browser = await launchBrowser();
      const page = await browser.newPage();
      const logged: string[] = [];
      page.on('console', (message) => logged.push(message.text()));
      const asked: string[] = [];
      page.on('request', (request) => asked.push(new URL(request.url()).pathname));

      const res = await page.goto(`${address}/media/2026/11/a1b2c3/art.svg`);
      expect(res?.status()).toBe(200);
      // The drawing itself is shown: the document is the SVG, with its rectangle.
      expect(await page.evaluate(() => [document.documentElement.localName, document.querySelectorAll('rect').length])).toEqual(['svg', 2]);
      await page.waitForTimeout(300);
      expect(await page.evaluate(() => document.documentElement.getAttribute('data-ran'))).toBeNull();
      expect(logged).not.toContain('script ran');
      expect(asked).not.toContain('/admin/api/session');
      expect(res?.headers()['content-security-policy']).toBe(policy);
    } finally {
      await browser?.close();
    }
  });
});
