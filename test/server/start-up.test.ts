import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startServerProcess } from '../support/cli.js';
import { deferred, loadedModules, moduleRecorder, notLoaded } from '../support/deferred-modules.js';
import { freshDatabase } from '../support/stores.js';

describe('starting the server on an existing site', { timeout: 120_000 }, () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => {
    database = await freshDatabase('sqlite');
    const demo = await runCli(['demo'], { DATA_DIR: database.dataDir });
    expect(demo.code, demo.stderr).toBe(0);
  });
  afterAll(async () => database.drop());

  it('serves pages without loading what only email, feeds, the demo, PostgreSQL, saving, tokens, exports, a terminal or a Fastify schema need, and loads the XML builder for the first feed', async () => {
    const record = path.join(database.dataDir, 'loaded.json');
    const { child, url, exited } = await startServerProcess(['--demo'], { DATA_DIR: database.dataDir, PORT: '0', LOG_LEVEL: 'warn', LOADED_MODULES_FILE: record }, ['--import', moduleRecorder]);
    const home = await fetch(url);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('Halcyon');
    const atStart = await loadedModules(child, record);
    expect(atStart.some((file) => file.endsWith('src/server.ts'))).toBe(true);
    expect(notLoaded(atStart)).toEqual(deferred.map(([name]) => name));

    const feed = await fetch(`${url}/rss/`);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\s*<rss[^>]*>[\s\S]*<item>/);
    expect(notLoaded(await loadedModules(child, record))).not.toContain('xmlbuilder2');

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
