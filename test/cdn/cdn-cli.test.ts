import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/db/client.js';
import { runCli } from '../support/cli.js';
import { freshDatabase } from '../support/stores.js';

describe('the masthead command behind a CDN', { timeout: 180_000 }, () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;

  beforeAll(async () => {
    database = await freshDatabase('sqlite');
  });
  afterAll(async () => database.drop());

  it('queues purges for the running server when a command changes content', async () => {
    const file = database.config.kind === 'sqlite' ? database.config.file : '';
    const env = { DATA_DIR: database.dataDir, DATABASE_URL: `sqlite:${file}`, CDN_PURGE: 'webhook', CDN_PURGE_URL: 'http://127.0.0.1:9/purge', CDN_PURGE_SECRET: 'a-long-enough-secret' };
    const demo = await runCli(['demo'], env);
    expect(demo.code, demo.stderr).toBe(0);
    const store = openStore(database.config);
    try {
      const keys = (await store.db.selectFrom('cdn_purge_keys').select('key').execute()).map((row) => row.key);
      expect(keys).toEqual(expect.arrayContaining(['home', 'sitemaps', 'post-1']));
      const job = await store.db.selectFrom('jobs').selectAll().where('key', '=', 'cdn-purge').executeTakeFirst();
      expect(job).toMatchObject({ name: 'cdn.purge', state: 'pending' });
    } finally {
      await store.close();
    }
  });
});
