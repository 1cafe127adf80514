import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/db/client.js';
import { smtpMailer } from '../../src/email/index.js';
import { createServices, type Services } from '../../src/services.js';
import { makeAuthor, makeTag } from '../support/factories.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';
import { dialects, manualClock, silentLogger, testServices, type TestContext } from '../support/stores.js';

const publisher = path.resolve('test/support/alert-publisher.ts');
const HOUR = 3_600_000;

describe.each(dialects)('follow alerts come from the database, not from the process that published (%s)', (dialect) => {
  let t: TestContext;
  let smtp: TestSmtp;
  let otherStore: Store;
  let other: Services;
  const time = manualClock(new Date().toISOString());
  let tagSlug: string;
  let authorSlug: string;

  beforeAll(async () => {
    smtp = await startSmtp();
    const mailer = smtpMailer({ smtpUrl: smtp.url, mailFrom: 'Magazine <news@magazine.example>', dkim: undefined });
    t = await testServices(dialect, { clock: time.clock, mailer });
    // A second process of the same site, on the same database.
    otherStore = openStore(t.config);
    other = createServices(otherStore, { logger: silentLogger, mailer, clock: time.clock, pollMs: 50, dataDir: t.dataDir });
    const tag = await makeTag(t.services, { name: 'Oceans' });
    const author = await makeAuthor(t.services);
    tagSlug = tag.slug;
    authorSlug = author.slug;
    const alice = await t.services.members.add({ email: 'alice@example.com', name: '' });
    await t.services.follows.followAsMember(alice.id, { kind: 'tag', id: tag.id });
    await t.services.followAlerts.set({ kind: 'member', id: alice.id }, true);
  });
  afterAll(async () => {
    await other.followAlerts.settled();
    await otherStore.close();
    await t.services.mailer.close();
    await t.close();
    await smtp.close();
  });

  /** Publishes in a process killed with SIGKILL right after the commit. */
  async function publishAndDie(title: string): Promise<void> {
    const child = spawn(process.execPath, ['--import', 'tsx', publisher, JSON.stringify(t.config), title, tagSlug, authorSlug], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    const signal = await new Promise<NodeJS.Signals | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (_code, sig) => resolve(sig));
    });
    expect(signal).toBe('SIGKILL');
    expect(out).toMatch(/^committed \d+\n$/);
  }

  /** Both processes run their due jobs at the same time. */
  async function bothRun(): Promise<void> {
    await Promise.all([t.services.runner.drain(), other.runner.drain()]);
  }

  async function emailsTo(address: string) {
    // Give a duplicate the time to arrive before counting.
    await new Promise((resolve) => setTimeout(resolve, 300));
    return smtp.received.filter((r) => r.to === address);
  }

  it('sends exactly one alert for a piece whose publisher was killed right after the commit', async () => {
    await publishAndDie('Tides and the moon');
    // Both processes start again (or keep running) and scan at once.
    await Promise.all([t.services.followAlerts.schedule(), other.followAlerts.schedule()]);
    await bothRun();
    time.advance(HOUR + 60_000);
    await bothRun();
    await smtp.waitFor(1);
    const received = await emailsTo('alice@example.com');
    expect(received).toHaveLength(1);
    expect((await smtp.parsed(0)).text).toContain('Tides and the moon');

    // A later scan, in either process, finds nothing more to send.
    time.advance(30 * HOUR);
    await bothRun();
    expect(await emailsTo('alice@example.com')).toHaveLength(1);
    expect(await t.store.db.selectFrom('follow_alert_items').selectAll().execute()).toEqual([]);
  });

  it('gathers a piece once while its own process and another scan at the same moment', async () => {
    await Promise.all([other.posts.create({ title: 'Coral in winter', body: 'Text.', authors: [authorSlug], tags: [tagSlug], status: 'published' }), t.services.followAlerts.gather(), other.followAlerts.gather()]);
    await Promise.all([other.followAlerts.settled(), t.services.followAlerts.gather()]);
    time.advance(HOUR + 60_000);
    await bothRun();
    await smtp.waitFor(2);
    const received = await emailsTo('alice@example.com');
    expect(received).toHaveLength(2);
    const second = await smtp.parsed(1);
    expect(second.text).toContain('Coral in winter');
    expect(second.text).not.toContain('Tides and the moon');
  });

  it('sends one alert when the runs for a reader come due together in two processes', async () => {
    const publish = async (title: string) => {
      await t.services.posts.create({ title, body: 'Text.', authors: [authorSlug], tags: [tagSlug], status: 'published' });
      await t.services.followAlerts.settled();
    };
    // Within the day after the last alert: the run waits for the day's end, and a later piece joins it.
    time.advance(2 * HOUR);
    await publish('Kelp forests');
    time.advance(HOUR + 60_000);
    await bothRun();
    time.advance(19 * HOUR);
    await publish('Sea otters');
    time.advance(4 * HOUR);
    await bothRun();
    await smtp.waitFor(3);
    expect(await emailsTo('alice@example.com')).toHaveLength(3);
    const third = await smtp.parsed(2);
    expect(third.text).toContain('Kelp forests');
    expect(third.text).toContain('Sea otters');
  });
});
