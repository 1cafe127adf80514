import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { defaultThemeDir } from '../../src/site/theme.js';
import { freeAndPayingReaders, makeGatedPieces, MEMBERS_SECRET, PAID_SECRET, stripeServices } from '../members/helpers.js';
import { silentLogger } from '../support/stores.js';

/**
 * The default theme, changed as a careless or hostile custom theme might be: every page and every
 * card prints all the data it receives, bodies included.
 */
function leakyTheme(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-leaky-theme-'));
  fs.cpSync(defaultThemeDir, dir, { recursive: true });
  const append = (file: string, text: string) => fs.appendFileSync(path.join(dir, file), text);
  const dump = (value: string) => `\n<pre class="everything"><%= JSON.stringify(${value}, (key, v) => (typeof v === 'function' ? undefined : v)) %></pre>\n`;
  for (const page of ['home.eta', 'archive.eta', 'post.eta', 'page.eta', 'search.eta']) append(page, dump('it'));
  append('partials/card.eta', dump('it.card.post'));
  return dir;
}

describe('a custom theme never receives the body of a piece the reader may not read', () => {
  let close: () => Promise<unknown>;
  let app: FastifyInstance;
  let themeDir: string;
  let slugs: { authorSlug: string; membersSlug: string; paidSlug: string };
  let readers: { freeCookie: string; paidCookie: string };

  beforeAll(async () => {
    const { t, stripe, close: stop } = await stripeServices('sqlite');
    slugs = await makeGatedPieces(t.services);
    readers = await freeAndPayingReaders(t.services, stripe);
    themeDir = leakyTheme();
    app = await buildApp({ config: { publicUrl: 'http://localhost:3000', themeDir, dataDir: t.dataDir }, services: t.services, logger: silentLogger });
    close = async () => {
      await app.close();
      await stop();
      fs.rmSync(themeDir, { recursive: true, force: true });
    };
  });
  afterAll(async () => close());

  const get = (url: string, cookie?: string) => app.inject({ url, headers: cookie ? { cookie } : {} });
  const pages = () => ['/', `/author/${slugs.authorSlug}/`, '/articles/', '/an-open-piece/', `/${slugs.membersSlug}/`, `/${slugs.paidSlug}/`, '/search/?q=piece'];

  it('anonymous readers: no gated body anywhere, even where the theme prints everything', async () => {
    for (const url of pages()) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toContain('class="everything"');
      expect(res.body, url).not.toContain(MEMBERS_SECRET);
      expect(res.body, url).not.toContain(PAID_SECRET);
    }
  });

  it('free members: the members-only piece on its own page, never a paid body', async () => {
    for (const url of pages()) {
      const res = await get(url, readers.freeCookie);
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).not.toContain(PAID_SECRET);
      expect(res.body.includes(MEMBERS_SECRET), url).toBe(url === `/${slugs.membersSlug}/`);
    }
  });

  it('paying members read the paid piece on its page; listings and results still carry no bodies of gated pieces', async () => {
    expect((await get(`/${slugs.paidSlug}/`, readers.paidCookie)).body).toContain(PAID_SECRET);
    for (const url of ['/', `/author/${slugs.authorSlug}/`, '/an-open-piece/', '/search/?q=piece']) {
      const res = await get(url, readers.paidCookie);
      expect(res.body, url).not.toContain(PAID_SECRET);
      expect(res.body, url).not.toContain(MEMBERS_SECRET);
    }
  });
});
