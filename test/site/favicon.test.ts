import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type AppContext } from '../support/app.js';
import { makeAuthor, postFields } from '../support/factories.js';
import { dialects } from '../support/stores.js';

const shippedIcon = fs.readFileSync(path.resolve(import.meta.dirname, '../../themes/default/favicon.ico'));

describe.each(dialects)('the site icon (%s)', (dialect) => {
  let t: AppContext;
  let article: string;

  beforeAll(async () => {
    t = await testApp(dialect);
    const author = await makeAuthor(t.services, { name: 'Ada Obi' });
    article = (await t.services.posts.create(postFields([author.slug], { title: 'A piece with a tab icon', status: 'published' }))).slug;
  });
  afterAll(async () => t.close());

  it('serves the theme icon at /favicon.ico as an image browsers may keep, and answers 304 to a browser that has it', async () => {
    const res = await t.app.inject('/favicon.ico');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/x-icon');
    expect(res.headers['cache-control']).toBe('public, max-age=86400');
    expect(res.rawPayload.subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));
    expect(res.rawPayload.equals(shippedIcon)).toBe(true);
    const again = await t.app.inject({ url: '/favicon.ico', headers: { 'if-none-match': String(res.headers.etag) } });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
  });

  it('names the icon chosen in the settings on every page and sends /favicon.ico to it', async () => {
    const before = await t.app.inject(`/${article}/`);
    expect(before.body).toMatch(/<link rel="icon" href="data:image\/svg\+xml,/);

    await t.services.settings.updateSite({ iconUrl: '/media/2026/12/tab-icon.png' });
    const page = await t.app.inject(`/${article}/`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<link rel="icon" href="/media/2026/12/tab-icon.png">');
    const icon = await t.app.inject('/favicon.ico');
    expect(icon.statusCode).toBe(302);
    expect(icon.headers.location).toBe('/media/2026/12/tab-icon.png');

    await t.services.settings.updateSite({ iconUrl: null });
    expect((await t.app.inject('/favicon.ico')).statusCode).toBe(200);
  });

  it('refuses an icon address that is not a link', async () => {
    for (const bad of ['javascript:alert(1)', 'data:image/svg+xml,<svg onload=alert(1)>', 'x'.repeat(5000)]) {
      await expect(t.services.settings.updateSite({ iconUrl: bad })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    }
    expect((await t.services.settings.site()).iconUrl).toBeNull();
  });
});
