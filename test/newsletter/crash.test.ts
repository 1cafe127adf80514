import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/db/client.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { outboxMailer } from '../../src/email/index.js';
import { createServices } from '../../src/services.js';
import { makeAuthor, postFields } from '../support/factories.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';
import { freshDatabase, silentLogger } from '../support/stores.js';

const RECIPIENTS = 400;
const CONNECTIONS = 5;

describe('a newsletter send killed mid-way', () => {
  let smtp: TestSmtp;
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let slug: string;

  beforeAll(async () => {
    smtp = await startSmtp();
    database = await freshDatabase('sqlite');
    const store = openStore(database.config);
    await migrateToLatest(store.db);
    const services = createServices(store, { logger: silentLogger, mailer: outboxMailer({ dataDir: database.dataDir, mailFrom: undefined }) });
    const emails = Array.from({ length: RECIPIENTS }, (_, i) => `reader${i}@example.com`);
    await services.subscribers.importCsv(Buffer.from(`email\n${emails.join('\n')}\n`));
    await services.sends.updateSettings({ messagesPerSecond: 200 });
    const author = await makeAuthor(services);
    slug = (await services.posts.create(postFields([author.slug], { status: 'published' }))).slug;
    await store.close();
  });
  afterAll(async () => {
    await smtp.close();
    await database.drop();
  });

  function sendProcess() {
    const file = (database.config as { file: string }).file;
    return spawn(process.execPath, ['--import', 'tsx', path.resolve('src/cli/run.ts'), 'newsletter', 'send', '--post', slug], {
      env: { PATH: process.env.PATH ?? '', DATA_DIR: database.dataDir, DATABASE_URL: `sqlite:${file}`, SMTP_URL: smtp.url, MAIL_FROM: 'news@magazine.example', LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  }

  it('resumes without gaps, repeating at most the messages that were in flight', async () => {
    const first = sendProcess();
    const firstExit = new Promise((resolve) => first.once('exit', resolve));
    await smtp.waitFor(RECIPIENTS / 4, 60_000);
    first.kill('SIGKILL');
    await firstExit;
    const beforeRestart = smtp.received.length;
    expect(beforeRestart).toBeLessThan(RECIPIENTS);

    const second = sendProcess();
    let output = '';
    second.stdout.on('data', (d) => (output += d));
    second.stderr.on('data', (d) => (output += d));
    const code = await new Promise((resolve) => second.once('exit', resolve));
    expect(code, output).toBe(0);
    expect(output).toContain(`${RECIPIENTS} delivered`);

    const perRecipient = new Map<string, number>();
    for (const r of smtp.received) perRecipient.set(r.to, (perRecipient.get(r.to) ?? 0) + 1);
    expect(perRecipient.size).toBe(RECIPIENTS);
    const duplicates = [...perRecipient.values()].reduce((sum, n) => sum + n - 1, 0);
    expect(duplicates).toBeLessThanOrEqual(CONNECTIONS);
    expect(Math.max(...perRecipient.values())).toBeLessThanOrEqual(2);
  }, 120_000);
});
