import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { freshDatabase } from '../support/stores.js';
import { contentFolder, ghostFixtures } from './ghost-support.js';
import { writeFile } from './wordpress-support.js';

describe('masthead import ghost', { timeout: 180_000 }, () => {
  let env: Record<string, string>;
  let dataDir: string;
  let drop: () => Promise<void>;
  let content: string;

  beforeAll(async () => {
    const database = await freshDatabase('sqlite');
    dataDir = database.dataDir;
    drop = database.drop;
    env = { DATA_DIR: dataDir };
    content = await contentFolder(`${dataDir}/ghost-content`);
  });
  afterAll(async () => {
    await drop();
  });

  it('changes nothing in a dry run and says what it would do', async () => {
    const result = await runCli(['import', 'ghost', ghostFixtures.lexical, '--content', content, '--dry-run'], env);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Dry run of an import from Ghost site "Harbour Weekly" \(Ghost 5\.75\.0\): nothing was changed\.\n {2}posts: 6 to create\n/);
    const again = await runCli(['import', 'ghost', ghostFixtures.lexical, '--content', content, '--dry-run'], env);
    expect(again.stdout).toContain('posts: 6 to create');
  });

  it('imports with progress on stderr and the report on stdout, then adds nothing the second time', async () => {
    const result = await runCli(['import', 'ghost', ghostFixtures.lexical, '--content', content], env);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/Bringing images: 3\/3 \(100%\)/);
    expect(result.stderr).toMatch(/Writing posts and pages: 7\/7 \(100%\)/);
    expect(result.stdout).toContain('  posts: 6 created\n  pages: 1 created\n  sections: 2 created\n  tags: 1 created\n  authors: 2 created\n  images: 2 created, 1 skipped\n  old addresses: 1 created\n');
    expect(result.stdout).not.toContain('#feature-slot');
    expect(result.stdout).toMatch(/\n {2}post "For the crew tier": it was for chosen tiers in Ghost; it is for paying members here/);

    const again = await runCli(['import', 'ghost', ghostFixtures.lexical, '--content', content], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('  posts: 0 created, 6 already here\n');
  });

  it('ends with one line and exit code 1 for a missing file, a missing content folder or a file that is no export', async () => {
    const missing = await runCli(['import', 'ghost', `${dataDir}/nothing.json`], env);
    expect([missing.code, missing.stderr]).toEqual([1, `error: Cannot read ${dataDir}/nothing.json: no such file.\n`]);
    const noContent = await runCli(['import', 'ghost', ghostFixtures.lexical, '--content', `${dataDir}/no-content`], env);
    expect([noContent.code, noContent.stderr]).toEqual([1, `error: Cannot read the content folder ${dataDir}/no-content: no such folder.\n`]);
    const xml = writeFile(dataDir, 'site.xml', '<?xml version="1.0"?><rss></rss>');
    const notExport = await runCli(['import', 'ghost', xml], env);
    expect(notExport.code).toBe(1);
    expect(notExport.stderr).toMatch(/^error: This is not a Ghost export that can be imported: it is not valid JSON \([^\n]*\)\. Nothing was changed\.\n$/);
  });
});
