import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { freshDatabase } from '../support/stores.js';

describe('the key commands', { timeout: 120_000 }, () => {
  let env: Record<string, string>;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const database = await freshDatabase('sqlite');
    drop = database.drop;
    env = { DATA_DIR: database.dataDir, PUBLIC_URL: 'http://127.0.0.1:1' };
  });
  afterAll(async () => drop());

  it('refuses to make keys before the site has an administrator, in one line', async () => {
    const result = await runCli(['content-key', 'create', 'Front end'], env);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^error: The site has no active administrator to own the key; .*\n$/);
  });

  it('prints a Content API key of 26 hex characters and an Admin API key as id:secret, each alone on stdout', async () => {
    const admin = await runCli(['user', 'create', '--email', 'owner@halcyon.example', '--name', 'Owner', '--role', 'administrator'], env);
    expect(admin.code, admin.stderr).toBe(0);

    const content = await runCli(['content-key', 'create', 'Front end'], env);
    expect(content.code, content.stderr).toBe(0);
    expect(content.stdout).toMatch(/^[0-9a-f]{26}\n$/);
    expect(content.stderr).toContain('Created Content API key "Front end"');

    const adminKey = await runCli(['admin-key', 'create', 'Migration', '--role', 'editor'], env);
    expect(adminKey.code, adminKey.stderr).toBe(0);
    expect(adminKey.stdout).toMatch(/^[0-9a-f]{24}:[0-9a-f]{64}\n$/);
    expect(adminKey.stderr).toContain('acting as editor for Owner <owner@halcyon.example>');
  });

  it('refuses a bad role or a missing one with a clear line', async () => {
    const bad = await runCli(['admin-key', 'create', 'Bot', '--role', 'owner'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe('error: Invalid input — role: must be one of contributor, author, editor, administrator\n');
    const missing = await runCli(['admin-key', 'create', 'Bot'], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("required option '--role <role>' not specified");
    const noName = await runCli(['content-key', 'create', ''], env);
    expect(noName.code).toBe(1);
    expect(noName.stderr).toMatch(/^error: Invalid input — name: /);
  });
});
