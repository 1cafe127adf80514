import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/db/client.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { outboxMailer } from '../../src/email/index.js';
import { ownerTag } from '../../src/newsletter/lease-owner.js';
import { createServices, type Services } from '../../src/services.js';
import { runCli } from '../support/cli.js';
import { makeAuthor, postFields } from '../support/factories.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';
import { freshDatabase, silentLogger } from '../support/stores.js';

const RECIPIENTS = 120;

function stateOf(pid: number): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'latin1');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
  } catch {
    return undefined;
  }
}

async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.each(['sqlite', 'postgres'] as const)('who may resume a newsletter send (%s)', (dialect) => {
  let smtp: TestSmtp;
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let store: Store;
  let services: Services;
  let env: Record<string, string>;
  let author: string;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    smtp = await startSmtp();
    database = await freshDatabase(dialect);
    store = openStore(database.config);
    await migrateToLatest(store.db);
    services = createServices(store, { logger: silentLogger, mailer: outboxMailer({ dataDir: database.dataDir, mailFrom: undefined }) });
    const emails = Array.from({ length: RECIPIENTS }, (_, i) => `reader${i}@example.com`);
    await services.subscribers.importCsv(Buffer.from(`email\n${emails.join('\n')}\n`));
    author = (await makeAuthor(services)).slug;
    const url = database.config.kind === 'sqlite' ? `sqlite:${database.config.file}` : database.config.url;
    env = { DATA_DIR: database.dataDir, DATABASE_URL: url, SMTP_URL: smtp.url, MAIL_FROM: 'news@magazine.example', LOG_LEVEL: 'silent' };
  });
  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await store.close();
    await smtp.close();
    await database.drop();
  });

  /** A published post with a send created for it and nothing delivered yet. */
  async function pendingSend(): Promise<{ slug: string; sendId: number }> {
    const post = await services.posts.create(postFields([author], { status: 'published' }));
    const { sendId } = await services.newsletter.sendPost(post.slug);
    return { slug: post.slug, sendId: sendId! };
  }

  async function holdLease(sendId: number, owner: string, leaseMs: number): Promise<void> {
    await store.db
      .updateTable('newsletter_send_batches')
      .set({ owner, owner_until: new Date(Date.now() + leaseMs).toISOString() })
      .where('send_id', '=', sendId)
      .execute();
  }

  function sleeper(): ChildProcess {
    const child = spawn('sleep', ['300'], { stdio: 'ignore' });
    children.push(child);
    return child;
  }

  it('resumes at once after its sender was killed with -9, while that process is an unreaped zombie and after it is reaped', async () => {
    await services.sends.updateSettings({ messagesPerSecond: 20 });
    const { slug, sendId } = await pendingSend();
    // The shell starts the send, then blocks reading its input and does not reap the sender until told to.
    const script = '"$0" --import tsx "$1" newsletter send --post "$2" >/dev/null 2>&1 & echo $!; read line; wait';
    const parent = spawn('sh', ['-c', script, process.execPath, path.resolve('src/cli/run.ts'), slug], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['pipe', 'pipe', 'ignore'] });
    children.push(parent);
    let printed = '';
    parent.stdout!.on('data', (d) => (printed += d));
    await until(() => /\d+\n/.test(printed), 30_000, 'the sender to start');
    const sender = Number(printed.trim());
    await smtp.waitFor(10, 90_000);
    await until(() => smtp.received.length >= 10, 1000, 'some deliveries');
    process.kill(sender, 'SIGKILL');
    await until(() => stateOf(sender) === 'Z', 10_000, 'the sender to become a zombie');
    const row = await store.db.selectFrom('newsletter_send_batches').select(['owner', 'owner_until']).where('send_id', '=', sendId).executeTakeFirstOrThrow();
    expect(row.owner).toMatch(new RegExp(`^${os.hostname()}:${sender}:`));
    expect(new Date(row.owner_until!).getTime()).toBeGreaterThan(Date.now());

    await services.sends.updateSettings({ messagesPerSecond: 100_000 });
    const resumed = await runCli(['newsletter', 'send', '--post', slug, '--wait', '0'], env);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stdout).toContain(`${RECIPIENTS} delivered`);
    expect(stateOf(sender)).toBe('Z');

    parent.stdin!.end('reap\n');
    await until(() => stateOf(sender) === undefined, 10_000, 'the zombie to be reaped');
    const again = await runCli(['newsletter', 'send', '--post', slug, '--wait', '0'], env);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain(`${RECIPIENTS} delivered`);
  }, 240_000);

  it('refuses while a live process on this machine holds the lease, and not when its pid now belongs to another process', async () => {
    const { slug, sendId } = await pendingSend();
    const live = sleeper();
    await holdLease(sendId, ownerTag(live.pid!), 3_600_000);
    const refused = await runCli(['newsletter', 'send', '--post', slug, '--wait', '1'], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`Send ${sendId} is being delivered by another process`);
    expect(refused.stderr).toContain(`waiting for process ${live.pid} on host ${os.hostname()}, lease ends in`);

    // Same host and pid, but recorded with another start time: the holder has gone and the pid was reused.
    const space = ownerTag(live.pid!).split(':')[3];
    await holdLease(sendId, `${os.hostname()}:${live.pid}:1:${space}:0badcafe`, 3_600_000);
    const taken = await runCli(['newsletter', 'send', '--post', slug, '--wait', '0'], env);
    expect(taken.code, taken.stderr).toBe(0);
    expect(taken.stdout).toContain(`${RECIPIENTS} delivered`);
  }, 240_000);

  it('waits out the lease of a process on another machine, saying whose it is', async () => {
    const { slug, sendId } = await pendingSend();
    // Long enough to outlast the CLI's start on a busy machine, short enough to wait out.
    await holdLease(sendId, 'press-2.example:4242:98765:4026531836:abcd1234', 15_000);
    const waited = await runCli(['newsletter', 'send', '--post', slug], env);
    expect(waited.code, waited.stderr).toBe(0);
    expect(waited.stderr).toMatch(/waiting for process 4242 on host press-2\.example, lease ends in ([1-9]|1[0-5])s/);
    expect(waited.stdout).toContain(`${RECIPIENTS} delivered`);

    const other = await pendingSend();
    await holdLease(other.sendId, 'press-2.example:4242:98765:4026531836:abcd1234', 3_600_000);
    const gaveUp = await runCli(['newsletter', 'send', '--post', other.slug, '--wait', '1'], env);
    expect(gaveUp.code).toBe(1);
    expect(gaveUp.stderr).toContain('press-2.example:4242');
    // A container sharing this host name runs its own pids: its holder is not judged from here.
    const gone = spawn('true');
    await new Promise((resolve) => gone.once('exit', resolve));
    await holdLease(other.sendId, `${os.hostname()}:${gone.pid}:1:1:abcd1234`, 3_600_000);
    const elsewhere = await runCli(['newsletter', 'send', '--post', other.slug, '--wait', '0'], env);
    expect(elsewhere.code).toBe(1);
    expect(elsewhere.stderr).toContain(`${os.hostname()}:${gone.pid}:1:1:abcd1234`);
    const bad = await runCli(['newsletter', 'send', '--post', other.slug, '--wait', 'soon'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--wait takes a whole number of seconds');
  }, 240_000);
});
