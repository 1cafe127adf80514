import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { freshDatabase } from '../support/stores.js';

describe('the masthead command', { timeout: 180_000 }, () => {
  let dataDir: string;
  let env: Record<string, string>;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const database = await freshDatabase('sqlite');
    dataDir = database.dataDir;
    drop = database.drop;
    env = { DATA_DIR: dataDir };
  });
  afterAll(async () => drop());

  it('migrates once and then says the database is up to date', async () => {
    const first = await runCli(['migrate'], env);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Applied \d+ migration\(s\): 0001-create-content/);
    const second = await runCli(['migrate'], env);
    expect(second.stdout).toBe('The database is up to date.\n');
  });

  it('creates staff users and refuses duplicates and bad roles with one clear line', async () => {
    const created = await runCli(['user', 'create', '--email', 'Editor@Halcyon.example', '--name', 'Rae Editor', '--role', 'administrator', '--password-stdin'], env, 'correct horse battery\n');
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('Created administrator Rae Editor <editor@halcyon.example>.');
    const again = await runCli(['user', 'create', '--email', 'editor@halcyon.example', '--name', 'X', '--role', 'editor'], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe('error: A staff user with editor@halcyon.example already exists.\n');
    const badRole = await runCli(['user', 'create', '--email', 'a@b.example', '--name', 'A', '--role', 'owner'], env);
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toMatch(/^error: Invalid input — role: must be one of contributor, author, editor, administrator\n$/);
    const missing = await runCli(['user', 'create', '--email', 'a@b.example'], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("required option '--name <name>' not specified");
  });

  it('stops on bad configuration, naming the variable', async () => {
    const result = await runCli(['migrate'], { ...env, PORT: 'eighty', LOG_LEVEL: 'chatty' });
    expect(result.code).toBe(78);
    expect(result.stderr).toContain('PORT');
    expect(result.stderr).toContain('LOG_LEVEL');
    expect(result.stderr).not.toMatch(/\s+at /);
  });

  it('loads the demo magazine once, exports it, and imports it into an empty site unchanged', async () => {
    const demo = await runCli(['demo'], env);
    expect(demo.code, demo.stderr).toBe(0);
    expect(demo.stderr).toMatch(/Loading demo: \d+\/\d+ \(100%\)/);
    const twice = await runCli(['demo'], env);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toBe('error: The site already has content; the demo loads only into an empty site.\n');

    const file = path.join(dataDir, 'site.json');
    const exported = await runCli(['export', file], env);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toMatch(/Exported \d+ posts and pages/);

    const otherDir = path.join(dataDir, 'other');
    const imported = await runCli(['import', file], { DATA_DIR: otherDir });
    expect(imported.code, imported.stderr).toBe(0);
    const file2 = path.join(dataDir, 'site2.json');
    await runCli(['export', file2], { DATA_DIR: otherDir });
    expect(fs.readFileSync(file2, 'utf8')).toBe(fs.readFileSync(file, 'utf8'));

    const intoFull = await runCli(['import', file], { DATA_DIR: otherDir });
    expect(intoFull.code).toBe(1);
    expect(intoFull.stderr).toBe('error: The site already has content; imports go into an empty site.\n');
  });

  it('rejects a missing, malformed or invalid import file and writes nothing', async () => {
    const target = { DATA_DIR: path.join(dataDir, 'empty') };
    const missing = await runCli(['import', path.join(dataDir, 'nope.json')], target);
    expect(missing.stderr).toMatch(/^error: Cannot read .*nope\.json: no such file\.\n$/);
    fs.writeFileSync(path.join(dataDir, 'bad.json'), '{"masthead": ');
    expect((await runCli(['import', path.join(dataDir, 'bad.json')], target)).stderr).toMatch(/not valid JSON/);

    const document = JSON.parse(fs.readFileSync(path.join(dataDir, 'site.json'), 'utf8'));
    document.posts[3].post.authors = ['someone-unknown'];
    fs.writeFileSync(path.join(dataDir, 'invalid.json'), JSON.stringify(document));
    const invalid = await runCli(['import', path.join(dataDir, 'invalid.json')], target);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr.trimEnd().split('\n').at(-1)).toBe('error: posts.3: Invalid input — authors.0: no author has the slug "someone-unknown"');
    const exportAfter = await runCli(['export', path.join(dataDir, 'after.json')], target);
    expect(exportAfter.stdout).toContain('Exported 0 posts and pages');
    const after = JSON.parse(fs.readFileSync(path.join(dataDir, 'after.json'), 'utf8'));
    expect([after.tags.length, after.authors.length, after.works.length]).toEqual([0, 0, 0]);
  });

  it('imports subscribers from a CSV file read as a stream, with progress and the rows it left out', async () => {
    const file = path.join(dataDir, 'subscribers.csv');
    fs.writeFileSync(file, `email,name\n${Array.from({ length: 3000 }, (_, i) => `cli${i}@example.com,Reader ${i}`).join('\n')}\nnot-an-address,Bad\n`);
    const result = await runCli(['subscribers', 'import', file], env);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/Reading the file \(bytes\): \d+\/\d+ \(\d0%\)/);
    expect(result.stderr).toContain('Importing subscribers: 3000/3000 (100%)');
    expect(result.stdout).toBe('CSV layout, 3001 rows: 3000 added, 0 already there, 1 rejected.\n  line 3002: not-an-address: not a valid email address\n');
    const missing = await runCli(['subscribers', 'import', path.join(dataDir, 'nope.csv')], env);
    expect(missing.stderr).toBe(`error: Cannot read ${path.join(dataDir, 'nope.csv')}: no such file.\n`);
  });
});
