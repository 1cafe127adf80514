import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startServerProcess } from '../support/cli.js';
import { freshDatabase } from '../support/stores.js';

const recorder = path.resolve('test/support/loaded-modules.ts');

/** What only sending email, building XML, loading the demo or PostgreSQL needs; a started SQLite server has no use for it yet. */
const deferred: Array<[string, RegExp]> = [
  ['MJML', /node_modules\/mjml\//],
  ['xmlbuilder2', /node_modules\/xmlbuilder2\//],
  ['mailsplit', /node_modules\/@zone-eu\/mailsplit\//],
  ["nodemailer's composer", /node_modules\/nodemailer\/(dist\/(esm|cjs)\/nodemailer|lib\/nodemailer)\.[cm]?js$/],
  ['the demo magazine', /src\/demo\//],
  ['the PostgreSQL client', /node_modules\/pg\//],
];

describe('starting the server on an existing site', { timeout: 120_000 }, () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => {
    database = await freshDatabase('sqlite');
    const demo = await runCli(['demo'], { DATA_DIR: database.dataDir });
    expect(demo.code, demo.stderr).toBe(0);
  });
  afterAll(async () => database.drop());

  it('serves pages without loading the email composer, the XML builder, the demo or the PostgreSQL client, and loads the XML builder for the first feed', async () => {
    const record = path.join(database.dataDir, 'loaded.json');
    const { child, url, exited } = await startServerProcess(['--demo'], { DATA_DIR: database.dataDir, PORT: '0', LOG_LEVEL: 'warn', LOADED_MODULES_FILE: record }, ['--import', recorder]);
    const home = await fetch(url);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('Halcyon');
    const loadedNow = async () => {
      fs.rmSync(record, { force: true });
      child.kill('SIGUSR2');
      while (!fs.existsSync(record)) await new Promise((resolve) => setTimeout(resolve, 20));
      return JSON.parse(fs.readFileSync(record, 'utf8')) as string[];
    };
    const missing = (files: string[]) => deferred.filter(([, pattern]) => !files.some((file) => pattern.test(file))).map(([name]) => name);

    const atStart = await loadedNow();
    expect(atStart.some((file) => file.endsWith('src/server.ts'))).toBe(true);
    expect(missing(atStart)).toEqual(deferred.map(([name]) => name));

    const feed = await fetch(`${url}/rss/`);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\s*<rss[^>]*>[\s\S]*<item>/);
    expect(missing(await loadedNow())).not.toContain('xmlbuilder2');

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
