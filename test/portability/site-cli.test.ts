import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import type { DatabaseConfig } from '../../src/config/schema.js';
import { openStore } from '../../src/db/client.js';
import { runCli } from '../support/cli.js';
import { dialects, freshDatabase } from '../support/stores.js';

/** A document of `count` short posts by one author in one section, as `masthead export` writes it. */
function documentOf(count: number): string {
  const posts = Array.from({ length: count }, (_, i) => ({
    post: { title: `Dispatch ${i}`, slug: `dispatch-${i}`, body: `The harbour on day ${i}: boats, gulls and rain.`, status: 'published', publishedAt: '2026-01-01T00:00:00.000Z', authors: ['ada'], tags: ['news'] },
    redirectsFrom: [],
  }));
  const document = { masthead: { version: 2 }, settings: {}, tags: [{ name: 'News', slug: 'news', description: '', isSection: true }], authors: [{ name: 'Ada', slug: 'ada' }], works: [], posts, users: [] };
  return `${JSON.stringify(document, null, 2)}\n`;
}

const entry = path.resolve('src/cli/run.ts');

async function rowCount(config: DatabaseConfig, table: 'posts' | 'tags' | 'authors'): Promise<number> {
  const store = openStore(config);
  try {
    const { n } = await store.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(n);
  } catch (error) {
    // The import was killed before the schema was made: nothing of it is there either.
    if (/no such table/.test(String(error))) return 0;
    throw error;
  } finally {
    await store.close();
  }
}

describe.each(dialects)('masthead import of a site document on %s', { timeout: 300_000 }, (dialect) => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });
  const target = async () => {
    const database = await freshDatabase(dialect);
    cleanups.push(database.drop);
    const env: Record<string, string> = { DATA_DIR: database.dataDir, ...(database.config.kind === 'postgres' ? { DATABASE_URL: database.config.url } : {}) };
    const config: DatabaseConfig = database.config.kind === 'postgres' ? database.config : { kind: 'sqlite', file: path.join(database.dataDir, 'masthead.db') };
    return { dir: database.dataDir, env, config };
  };

  it('keeps nothing of an import killed with -9 halfway, and the same file then imports whole', async () => {
    const site = await target();
    const file = path.join(site.dir, 'site.json');
    fs.writeFileSync(file, documentOf(1500));

    const child = spawn(process.execPath, ['--import', 'tsx', entry, 'import', file], { env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...site.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    // Progress is how much of the file has been read, and the file is read only as fast as posts are written.
    const halfway = await new Promise<string>((resolve, reject) => {
      readline.createInterface({ input: child.stderr! }).on('line', (line) => {
        const match = /Importing \(kB read\): \d+\/\d+ \((\d+)%\)/.exec(line);
        if (match && Number(match[1]) >= 30 && Number(match[1]) <= 70) resolve(line);
      });
      void exited.then(() => reject(new Error('the import ended before it was halfway')));
    });
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(halfway).toMatch(/\((30|40|50|60|70)%\)/);
    expect([await rowCount(site.config, 'posts'), await rowCount(site.config, 'tags'), await rowCount(site.config, 'authors')]).toEqual([0, 0, 0]);

    const again = await runCli(['import', file], site.env);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toBe('Imported 1500 posts and pages.\n');
    expect(await rowCount(site.config, 'posts')).toBe(1500);

    const out = path.join(site.dir, 'out.json');
    const exported = await runCli(['export', out], site.env);
    expect(exported.stdout).toBe(`Exported 1500 posts and pages to ${out}\n`);
    const document = JSON.parse(fs.readFileSync(out, 'utf8')) as { posts: Array<{ post: { slug: string } }> };
    expect(document.posts.map((p) => p.post.slug)).toEqual(Array.from({ length: 1500 }, (_, i) => `dispatch-${i}`));
    expect(fs.existsSync(`${out}.partial`)).toBe(false);
  });
});
