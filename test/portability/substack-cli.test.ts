import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { freshDatabase } from '../support/stores.js';
import { writeFile } from './wordpress-support.js';
import { substackExport, zip, type PostRow } from './substack-support.js';

const posts: PostRow[] = [
  { id: 11, slug: 'first-letter', title: 'First letter', subtitle: 'Hello', body: '<p>Hello.</p>' },
  { id: 12, slug: 'paid-letter', title: 'Paid letter', audience: 'only_paid', body: '<p>Thanks.</p>' },
  { id: 13, slug: 'episode', title: 'Episode', type: 'podcast' },
];

describe('masthead import substack', { timeout: 180_000 }, () => {
  let env: Record<string, string>;
  let dataDir: string;
  let drop: () => Promise<void>;
  let file: string;

  beforeAll(async () => {
    const database = await freshDatabase('sqlite');
    dataDir = database.dataDir;
    drop = database.drop;
    env = { DATA_DIR: dataDir };
    file = writeFile(dataDir, 'export.zip', substackExport(posts, { subscribers: [{ email: 'ana@example.com' }, { email: 'ben@example.com', paid: true }] }));
  });
  afterAll(async () => {
    await drop();
  });

  it('changes nothing in a dry run and says what it would do', async () => {
    const result = await runCli(['import', 'substack', file, '--dry-run'], env);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Dry run of an import from the Substack export of "harbourletter" \(export\.zip\): nothing was changed\.\n {2}posts: 2 to create, 1 skipped\n/);
    expect(result.stdout).toContain('  subscribers (email_list.harbourletter.csv): 2 to add, 0 already here, 0 not taken\n');
    const again = await runCli(['import', 'substack', file, '--dry-run'], env);
    expect(again.stdout).toContain('posts: 2 to create, 1 skipped');
  });

  it('imports with progress on stderr and the report on stdout, then adds nothing the second time', async () => {
    const result = await runCli(['import', 'substack', file], env);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('Reading the export: 1/1 (100%)');
    expect(result.stderr).toContain('Writing posts: 2/2 (100%)');
    expect(result.stderr).toContain('Importing subscribers: 2/2 (100%)');
    expect(result.stdout).toContain('  posts: 2 created, 1 skipped\n  authors: 1 created\n  old addresses: 2 created\n');
    expect(result.stdout).toContain('paying subscribers (email_list.harbourletter.csv): 1 pay on Substack and are free subscribers here');
    expect(result.stdout).toContain('Skipped (1):\n  1 podcast post: Masthead has no podcasts');

    const again = await runCli(['import', 'substack', file], env);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('  posts: 0 created, 2 already here, 1 skipped\n');
    expect(again.stdout).toContain('subscribers (email_list.harbourletter.csv): 0 added, 2 already here, 0 not taken');
  });

  it('ends with one line and exit code 1 for a missing file, a file that is no zip, or a zip that is no Substack export', async () => {
    const missing = await runCli(['import', 'substack', `${dataDir}/nothing.zip`], env);
    expect([missing.code, missing.stderr]).toEqual([1, `error: Cannot read ${dataDir}/nothing.zip: no such file.\n`]);
    const text = writeFile(dataDir, 'notes.zip', 'just some words');
    const notZip = await runCli(['import', 'substack', text], env);
    expect([notZip.code, notZip.stderr]).toEqual([1, 'error: This is not a readable Substack export: it is not a zip archive, or it was cut short.\n']);
    const other = writeFile(dataDir, 'photos.zip', zip([{ name: 'holiday/beach.jpg', data: 'jpeg' }]));
    const notSubstack = await runCli(['import', 'substack', other], env);
    expect(notSubstack.code).toBe(1);
    expect(notSubstack.stderr).toMatch(/^error: This is not a readable Substack export: it has no posts\.csv [^\n]*\.\n$/);
  });
});
