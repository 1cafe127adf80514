import { execFile, spawn } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { promisify } from 'node:util';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../../bench/member-signin.js';
import { deferred, loadedModules, moduleRecorder, notLoaded } from '../support/deferred-modules.js';
import { freshDatabase } from '../support/stores.js';

const run = promisify(execFile);

/**
 * The bundle `npm run build` makes (scripts/bundle-server.ts), built into a folder of its own:
 * every file the code finds from its own location (themes, locales, the admin app, the newsletter
 * worker) and every chunk loaded on first use must be there when it runs from the bundle.
 */
describe('the bundled server and CLI', { timeout: 180_000 }, () => {
  const outdir = path.resolve('test-output', `bundle-${process.pid}-${randomBytes(4).toString('hex')}`);
  const entry = path.join(outdir, 'masthead.js');
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  const env = () => ({ PATH: process.env.PATH ?? '', DATA_DIR: database.dataDir, LOG_LEVEL: 'warn' });
  const cli = (args: string[]) => run(process.execPath, [entry, ...args], { env: env() });
  // The Node options `npm start` gives the server (its young generation and heap limit).
  const startScript = (JSON.parse(fs.readFileSync('package.json', 'utf8')) as { scripts: { start: string } }).scripts.start;
  const startOptions = /\bnode ((?:--\S+ )*)bin\/masthead\.js start\b/.exec(startScript)![1]!.trim().split(' ').filter(Boolean);

  beforeAll(async () => {
    await run(process.execPath, ['--import', 'tsx', 'scripts/bundle-server.ts', '--outdir', path.relative(process.cwd(), outdir)]);
    database = await freshDatabase('sqlite');
  });
  afterAll(async () => {
    fs.rmSync(outdir, { recursive: true, force: true });
    await database.drop();
  });

  /** `masthead start --demo` from the bundle on a free port, once it prints its address. */
  async function startBundled(nodeOptions: string[], extraEnv: Record<string, string> = {}) {
    const child = spawn(process.execPath, [...nodeOptions, entry, 'start', '--demo'], { env: { ...env(), PORT: '0', ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const url = await new Promise<string>((resolve, reject) => {
      void exited.then((code) => reject(new Error(`the bundled server exited with ${code}`)));
      readline.createInterface({ input: child.stdout }).on('line', (line) => {
        const match = /Masthead is running at (http:\/\/\S+)/.exec(line);
        if (match) resolve(match[1]!);
      });
    });
    return { child, url, exited };
  }

  it('migrates a new database, runs commands, and, started as npm start starts it, serves every kind of page from the demo it loads', async () => {
    expect((await cli(['migrate'])).stdout).toMatch(/^Applied \d+ migration\(s\): 0001-/);
    await cli(['user', 'create', '--email', 'editor@example.com', '--name', 'Editor', '--role', 'administrator']);
    const key = (await cli(['content-key', 'create', 'site'])).stdout.trim();
    expect(key).toMatch(/^\S+$/);

    const { child, url, exited } = await startBundled(startOptions);
    try {
      const page = async (address: string, headers: Record<string, string> = {}) => {
        const response = await fetch(`${url}${address}`, { headers });
        expect(response.status, address).toBe(200);
        return response.text();
      };

      expect(await page('/')).toContain('Halcyon');
      const feed = await page('/rss/');
      expect(feed).toMatch(/^<\?xml[\s\S]*<item>/);
      const article = /<link>https?:\/\/[^/]+([^<]+)<\/link>\s*<guid/.exec(feed)![1]!;
      expect(await page(article)).toContain('<article');
      const home = await page('/');
      const section = /href="(\/tag\/[^"]+\/)"/.exec(home)![1]!;
      expect(await page(section)).toContain('<main');
      const author = /href="(\/author\/[^"]+\/)"/.exec(await page(article))![1]!;
      expect(await page(author)).toContain('<main');
      expect(await page('/search/?q=the')).toContain('<main');
      expect(await page('/sitemap.xml')).toContain('<sitemapindex');
      expect(await page('/sitemap-posts-1.xml')).toContain('<urlset');
      // The theme's style sheet, read from the theme folder, is inlined.
      expect(home).toMatch(/<style[^>]*>[^<]{200,}<\/style>/);
      expect(await page('/admin/')).toMatch(/<script[^>]+src="\/admin\/assets\//);
      expect(JSON.parse(await page(`/ghost/api/content/posts/?key=${key}&limit=15`)).posts).toHaveLength(15);
      // Signing a reader in sends an email through the theme's MJML template, then shows a member's page.
      const cookie = await signIn(url, database.dataDir, 'reader@example.com');
      expect(await page(article, { cookie })).toContain('<article');
    } finally {
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }

    const file = path.join(database.dataDir, 'export.json');
    await cli(['export', file]);
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).posts.length).toBeGreaterThan(10);
  });

  it('starts on the existing site without loading what only email, feeds, the demo, PostgreSQL, saving, tokens, exports or a terminal need', async () => {
    const record = path.join(database.dataDir, 'loaded.json');
    const { child, url, exited } = await startBundled(['--import', 'tsx', '--import', moduleRecorder], { LOADED_MODULES_FILE: record });
    try {
      expect((await fetch(url)).status).toBe(200);
      const atStart = await loadedModules(child, record);
      expect(atStart.some((file) => file.endsWith(path.join(path.basename(outdir), 'masthead.js')))).toBe(true);
      expect(notLoaded(atStart)).toEqual(deferred.map(([name]) => name));
    } finally {
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
  });

  it('is written in ASCII, so the engine keeps each chunk’s source text at one byte a character', () => {
    const chunks = fs.readdirSync(outdir).filter((name) => name.endsWith('.js'));
    expect(chunks.length).toBeGreaterThan(3);
    for (const name of chunks) {
      const text = fs.readFileSync(path.join(outdir, name), 'utf8');
      const at = text.search(/[^\x00-\x7f]/);
      expect(at, `${name}: ${text.slice(Math.max(0, at - 40), at + 10)}`).toBe(-1);
    }
  });

  it('signs newsletter messages on its worker thread', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const worker = new Worker(path.join(outdir, 'build.worker.js'), {
      workerData: {
        content: { html: '<p>Hello</p>', text: 'Hello', newsletterName: 'Weekly', newsletterSlug: 'weekly' },
        settings: {
          subject: 'Hello',
          from: { name: 'Editor', address: 'editor@example.com' },
          dkim: { domain: 'example.com', selector: 'mail', privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() },
          date: '2026-12-05T07:00:00.000Z',
          sendId: 1,
          idPrefix: 'bundle',
        },
      },
    });
    try {
      const answer = new Promise<{ id: number; signatures: string[] }>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      });
      worker.postMessage({ id: 7, recipients: [{ to: 'reader@example.com', links: { unsubscribe: 'https://example.com/u', preferences: 'https://example.com/p' }, uniqueId: 'one' }] });
      const { id, signatures } = await answer;
      expect(id).toBe(7);
      expect(signatures[0]).toMatch(/^DKIM-Signature: [\s\S]*d=example\.com[\s\S]*s=mail[\s\S]*b=[A-Za-z0-9+/]/);
    } finally {
      await worker.terminate();
    }
  });
});
