import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { startServer } from '../../src/server.js';
import { silentLogger } from '../support/stores.js';
import { startFakeCdnApi } from './fake-cdn-api.js';

describe('starting behind a CDN', () => {
  let api: Awaited<ReturnType<typeof startFakeCdnApi>>;
  let dataDir: string;

  beforeAll(async () => {
    api = await startFakeCdnApi();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-cdn-'));
  });
  afterAll(async () => {
    await api.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('purges everything once the server runs (a new version or theme draws pages anew)', async () => {
    const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', CDN_PURGE: 'webhook', CDN_PURGE_URL: `${api.url}/purge`, CDN_PURGE_SECRET: 'a-long-enough-secret' });
    const server = await startServer(config, silentLogger);
    try {
      await vi.waitFor(() => expect(api.requests.map((r) => JSON.parse(r.body))).toEqual([{ everything: true }]), { timeout: 30_000, interval: 100 });
    } finally {
      await server.stop();
    }
  }, 60_000);
});
