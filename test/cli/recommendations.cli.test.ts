import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { freshDatabase } from '../support/stores.js';

describe('masthead recommendations rebuild', () => {
  let env: Record<string, string>;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const database = await freshDatabase('sqlite');
    drop = database.drop;
    env = { DATA_DIR: database.dataDir };
  });
  afterAll(async () => drop());

  it('recomputes every list with progress', async () => {
    expect((await runCli(['demo'], env)).code).toBe(0);
    const result = await runCli(['recommendations', 'rebuild'], env);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/Computing recommendations: (\d+)\/\1 \(100%\)/);
    expect(result.stdout).toMatch(/^Computed recommendations for \d+ posts\.\n$/);
  });
});
