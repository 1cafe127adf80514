import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../support/app.js';
import { runCli } from '../support/cli.js';
import { freshDatabase } from '../support/stores.js';
import { oldSiteServer, photo, smallMagazine, writeFile } from './wordpress-support.js';

describe('masthead import wordpress', { timeout: 180_000 }, () => {
  let env: Record<string, string>;
  let dataDir: string;
  let drop: () => Promise<void>;
  let server: Awaited<ReturnType<typeof oldSiteServer>>;
  let file: string;

  beforeAll(async () => {
    const database = await freshDatabase('sqlite');
    dataDir = database.dataDir;
    drop = database.drop;
    env = { DATA_DIR: dataDir };
    server = await oldSiteServer({ '/wp-content/uploads/2024/01/harbour.jpg': await photo(320, 200) });
    file = writeFile(dataDir, 'export.xml', smallMagazine(server.origin));
  });
  afterAll(async () => {
    await server.close();
    await drop();
  });

  it('changes nothing in a dry run and says what it would do', async () => {
    const result = await runCli(['import', 'wordpress', file, '--dry-run'], env);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Dry run of an import from WordPress site "Old Magazine" \(http:\/\/127\.0\.0\.1:\d+\): nothing was changed\.\n {2}posts: 2 to create\n/);
    const again = await runCli(['import', 'wordpress', file, '--dry-run'], env);
    expect(again.stdout).toContain('posts: 2 to create');
  });

  it('imports with progress on stderr and the report on stdout, then adds nothing the second time', async () => {
    const result = await runCli(['import', 'wordpress', file], env);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/Reading the export: \d+\/\d+ \(100%\)/);
    expect(result.stderr).toMatch(/Bringing images: 2\/2 \(100%\)/);
    expect(result.stderr).toMatch(/Writing posts and pages: 3\/3 \(100%\)/);
    expect(result.stdout).toContain('  posts: 2 created\n  pages: 1 created\n  sections: 2 created\n  tags: 1 created\n  authors: 1 created\n  images: 1 created, 1 skipped\n');
    expect(result.stdout).toMatch(/Skipped \(1\):\n {2}image 12 http:\/\/127\.0\.0\.1:\d+\/wp-content\/uploads\/2024\/01\/lost\.jpg: not brought over: the old site answered 404 for it/);

    const again = await runCli(['import', 'wordpress', file], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('  posts: 0 created, 2 already here\n');
  });

  it('ends with one line and exit code 1 for a missing file, a missing uploads folder or a file that is no export', async () => {
    const missing = await runCli(['import', 'wordpress', `${dataDir}/nothing.xml`], env);
    expect([missing.code, missing.stderr]).toEqual([1, `error: Cannot read ${dataDir}/nothing.xml: no such file.\n`]);
    const noUploads = await runCli(['import', 'wordpress', file, '--uploads', `${dataDir}/no-uploads`], env);
    expect([noUploads.code, noUploads.stderr]).toEqual([1, `error: Cannot read the uploads folder ${dataDir}/no-uploads: no such folder.\n`]);
    const json = writeFile(dataDir, 'site.json', '{"masthead": {"version": 1}}');
    const notExport = await runCli(['import', 'wordpress', json], env);
    expect(notExport.code).toBe(1);
    expect(notExport.stderr).toMatch(/^error: This is not a WordPress export \(WXR\): it is not readable as XML \([^\n]*\)\.\n$/);
    expect(fs.existsSync(json)).toBe(true);
  });
});

describe('masthead import wordpress beside a running site on PostgreSQL', { timeout: 180_000 }, () => {
  it('makes the running site redraw its pages, so the imported pieces show at once', async () => {
    const t = await testApp('postgres');
    const server = await oldSiteServer({});
    try {
      expect((await t.app.inject('/')).body).not.toContain('Harbour notes');
      const file = writeFile(t.dataDir, 'export.xml', smallMagazine(server.origin));
      const env = { DATA_DIR: t.dataDir, DATABASE_URL: (t.config as { url: string }).url };
      const result = await runCli(['import', 'wordpress', file], env);
      expect(result.code, result.stderr).toBe(0);
      await expect.poll(async () => (await t.app.inject('/')).body, { timeout: 10_000, interval: 250 }).toContain('Harbour notes');
    } finally {
      await server.close();
      await t.close();
    }
  });
});
