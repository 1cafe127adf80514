import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { themeScripts } from '../../src/http/inline-scripts.js';
import { staffClient } from '../admin-api/support/admin-client.js';
import { testApp, type AppContext } from '../support/app.js';
import { makeAuthor, postFields } from '../support/factories.js';
import { silentLogger, testServices } from '../support/stores.js';

/** A Content-Security-Policy header as directive → sources. */
function policy(header: string | string[] | number | undefined): Record<string, string[]> {
  return Object.fromEntries(
    String(header ?? '')
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name!, sources]),
  );
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

describe('security headers', () => {
  let t: AppContext;
  beforeAll(async () => {
    t = await testApp('sqlite');
  });
  afterAll(async () => t.close());

  it('give every public page a strict Content-Security-Policy and the other protective headers', async () => {
    // The last three are refused before any route runs (a broken escape, a slug past the length limit).
    for (const url of ['/', '/search/?q=film', '/no-such-page/', '/members/signin/', '/members/print/', '/newsletter/check-your-inbox/', '/%E0%A4%A/', '/tag/%/', `/${'a'.repeat(70_000)}/`]) {
      const res = await t.app.inject(url);
      const csp = policy(res.headers['content-security-policy']);
      expect(csp['script-src']?.[0], url).toBe("'self'");
      expect(
        csp['script-src']!.slice(1).every((source) => source.startsWith("'sha256-")),
        url,
      ).toBe(true);
      expect(csp, url).toMatchObject({
        'default-src': ["'self'"],
        'script-src-attr': ["'none'"],
        'object-src': ["'none'"],
        'base-uri': ["'none'"],
        'frame-ancestors': ["'none'"],
        'connect-src': ["'self'"],
        'frame-src': ["'self'", 'https://www.youtube.com', 'https://www.youtube-nocookie.com', 'https://player.vimeo.com'],
        'form-action': ["'self'", 'https://checkout.stripe.com', 'https://billing.stripe.com'],
      });
      expect(res.headers, url).toMatchObject({
        'x-frame-options': 'DENY',
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'strict-origin-when-cross-origin',
        'permissions-policy': expect.stringContaining('camera=()'),
      });
      expect(res.headers['strict-transport-security'], url).toBeUndefined();
    }
  });

  it('allows the theme’s inline scripts by their hashes and nothing else inline', async () => {
    const res = await t.app.inject('/search/?q=film');
    const inline = [...res.body.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(inline.length).toBeGreaterThan(0);
    const csp = policy(res.headers['content-security-policy']);
    expect(csp['script-src']).toEqual(["'self'", ...inline.map(sha256)]);
    expect(csp['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it('keep the headers on the admin API’s refusals, and let only the site frame its previews', async () => {
    const refused = await t.app.inject('/admin/api/posts');
    expect(refused.statusCode).toBe(401);
    expect(policy(refused.headers['content-security-policy'])['frame-ancestors']).toEqual(["'none'"]);
    expect(refused.headers['x-frame-options']).toBe('DENY');

    const adminPage = await t.app.inject('/admin/');
    expect(policy(adminPage.headers['content-security-policy'])).toMatchObject({ 'frame-ancestors': ["'none'"], 'img-src': expect.arrayContaining(['blob:']) });

    const { client } = await staffClient(t.app, t.services, 'editor');
    const author = await makeAuthor(t.services);
    const post = (await client.call('POST', '/admin/api/posts', postFields([author.slug]))).json().post;
    const preview = await client.call('GET', `/admin/api/posts/${post.id}/preview`);
    expect(preview.statusCode).toBe(200);
    expect(policy(preview.headers['content-security-policy'])).toMatchObject({ 'frame-ancestors': ["'self'"], 'script-src': expect.arrayContaining(["'self'"]) });
    expect(preview.headers['x-frame-options']).toBe('SAMEORIGIN');
  });
});

describe('security headers of a site served over https', () => {
  let app: FastifyInstance;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const t = await testServices('sqlite');
    app = await buildApp({ config: { publicUrl: 'https://magazine.example', themeDir: undefined, dataDir: t.dataDir }, services: t.services, logger: silentLogger });
    close = async () => {
      await app.close();
      await t.close();
    };
  });
  afterAll(async () => close());

  it('tell browsers to keep to https for a year and to upgrade http links', async () => {
    const res = await app.inject('/');
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000');
    const csp = policy(res.headers['content-security-policy']);
    expect(csp['upgrade-insecure-requests']).toEqual([]);
    expect(csp['img-src']).not.toContain('http:');
  });
});

describe('hashes of a theme’s inline scripts', () => {
  it('hash scripts the browser runs, skip data blocks and files, and name scripts that change per page', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-theme-'));
    try {
      fs.mkdirSync(path.join(dir, 'partials'));
      fs.writeFileSync(path.join(dir, 'layout.eta'), '<script type="application/ld+json"><%~ it.jsonLd %></script>\n<script src="/app.js"></script>\n<script>\nconsole.log("hi");\n</script>');
      fs.writeFileSync(path.join(dir, 'partials', 'menu.eta'), '<SCRIPT type="module">menu()</SCRIPT><script>go(<%= it.id %>)</script>');
      expect(themeScripts(dir)).toEqual({ hashes: [sha256('\nconsole.log("hi");\n'), sha256('menu()')], unhashable: ['partials/menu.eta'] });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
