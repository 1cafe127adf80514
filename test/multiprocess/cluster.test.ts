import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/db/client.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { outboxMailer } from '../../src/email/index.js';
import { MEDIA_POLICY } from '../../src/site/media-files.routes.js';
import { createServices } from '../../src/services.js';
import { connectionOwner, freePort, HttpClient, startMasthead, startNginx, type MastheadProcess, type Nginx } from '../support/cluster.js';
import { makeAuthor } from '../support/factories.js';
import { runCli } from '../support/cli.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';
import { freshDatabase, silentLogger } from '../support/stores.js';

const EMAIL = 'editor@magazine.example';
const PASSWORD = 'correct horse battery';
const READERS = 20_000;
/** Messages one process has in flight at most (its SMTP connections): what a kill -9 may repeat. */
const CONNECTIONS = 5;

const readers = `email\n${Array.from({ length: READERS }, (_, i) => `reader${i}@example.com`).join('\n')}\n`;

describe('three Masthead processes on one PostgreSQL behind nginx as the deploy guide sets it up', { timeout: 240_000 }, () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let env: Record<string, string>;
  let ports: number[];
  let processes: MastheadProcess[];
  let proxy: Nginx;
  let author: string;
  let smtp: TestSmtp;

  beforeAll(async () => {
    // Each message is put down to the process whose SMTP connection brought it.
    smtp = await startSmtp({
      identify: (port) =>
        String(
          connectionOwner(
            port,
            (processes ?? []).map((p) => p.child.pid!),
          ) ?? 'another process',
        ),
    });
    database = await freshDatabase('postgres');
    const store = openStore(database.config);
    await migrateToLatest(store.db);
    const services = createServices(store, { logger: silentLogger, mailer: outboxMailer({ dataDir: database.dataDir, mailFrom: undefined }) });
    await services.users.create({ email: EMAIL, name: 'Rae Editor', role: 'editor', password: PASSWORD });
    author = (await makeAuthor(services)).slug;
    await services.subscribers.importCsv(Buffer.from(readers));
    await services.sends.updateSettings({ messagesPerSecond: 100_000 });
    await store.close();
    const media = path.join(database.dataDir, 'media');
    fs.mkdirSync(path.join(media, '2026', '12'), { recursive: true });
    fs.writeFileSync(path.join(media, '2026', '12', 'cover.png'), Buffer.from('89504e470d0a1a0a', 'hex'));
    // nginx's workers run as an unprivileged user: the media folder must be readable by anyone.
    for (const dir of [database.dataDir, media, path.join(media, '2026'), path.join(media, '2026', '12')]) fs.chmodSync(dir, 0o755);

    ports = [await freePort(), await freePort(), await freePort()];
    proxy = await startNginx(ports, { mediaRoot: media });
    env = { DATA_DIR: database.dataDir, DATABASE_URL: (database.config as { url: string }).url, PUBLIC_URL: proxy.url, SMTP_URL: smtp.url, MAIL_FROM: 'news@magazine.example', TRUST_PROXY: '127.0.0.1' };
    processes = await Promise.all(ports.map((port) => startMasthead(port, env)));
  }, 240_000);
  afterAll(async () => {
    for (const p of processes ?? []) p.child.kill('SIGKILL');
    await Promise.all((processes ?? []).map((p) => p.exited));
    await proxy?.close();
    await smtp?.close();
    await database?.drop();
  }, 60_000);

  /** How many times each address got the message with this subject. */
  function deliveries(subject: string): Map<string, number> {
    const counts = new Map<string, number>();
    for (const message of smtp.received) {
      if (message.raw.includes(`Subject: ${subject}`)) counts.set(message.to, (counts.get(message.to) ?? 0) + 1);
    }
    return counts;
  }

  async function signedIn(via: string): Promise<HttpClient> {
    const client = new HttpClient();
    client.csrf = (await (await client.call(via, 'GET', '/admin/api/session')).json()).csrfToken;
    const res = await client.call(via, 'POST', '/admin/api/session', { email: EMAIL, password: PASSWORD });
    expect(res.status, await res.clone().text()).toBe(200);
    return client;
  }

  it('keeps a session and its CSRF token good whichever process answers', async () => {
    const [a, b, c] = processes;
    const client = new HttpClient();
    client.csrf = (await (await client.call(a!.url, 'GET', '/admin/api/session')).json()).csrfToken;
    expect((await client.call(b!.url, 'POST', '/admin/api/session', { email: EMAIL, password: PASSWORD })).status).toBe(200);
    const listed = await client.call(c!.url, 'GET', '/admin/api/posts');
    expect(listed.status).toBe(200);
    const created = await client.call(a!.url, 'POST', '/admin/api/posts', { title: 'Made through the first', body: 'Text.', authors: [author] });
    expect(created.status).toBe(201);

    const forged = new HttpClient();
    for (const [name, value] of client.cookies) forged.cookies.set(name, value);
    const refused = await forged.call(c!.url, 'POST', '/admin/api/posts', { title: 'No token', body: 'Text.', authors: [author] });
    expect(refused.status).toBe(403);
  });

  it('serves uploads from disk through nginx with a year of caching and the policy Masthead gives them', async () => {
    const res = await fetch(`${proxy.url}/media/2026/12/cover.png`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('content-security-policy')).toBe(MEDIA_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await res.arrayBuffer()).toString('hex')).toBe('89504e470d0a1a0a');
    expect((await fetch(`${proxy.url}/media/2026/.hidden`)).status).toBe(404);
    // Everything else is Masthead's, through the upstream.
    expect((await fetch(`${proxy.url}/healthz`)).status).toBe(200);
  });

  it('serves a post published through one process from every process within 2 s', async () => {
    for (const p of processes) expect((await fetch(`${p.url}/`)).status).toBe(200);
    const client = await signedIn(processes[1]!.url);
    const title = 'Dispatch from the second process';
    const published = await client.call(processes[1]!.url, 'POST', '/admin/api/posts', { title, body: 'Fresh news.', authors: [author], status: 'published' });
    expect(published.status).toBe(201);
    const publishedAt = Date.now();
    const seenAfter = await Promise.all(
      processes.map(async (p) => {
        for (;;) {
          if ((await (await fetch(`${p.url}/`)).text()).includes(title)) return Date.now() - publishedAt;
          if (Date.now() - publishedAt > 10_000) return Infinity;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }),
    );
    for (const ms of seenAfter) expect(ms).toBeLessThan(2000);
  });

  it('counts a rate limit across the processes, by the address nginx saw whatever X-Forwarded-For a client sends', async () => {
    // Signups allow ten a minute per address; the balancer spreads these over all three processes.
    const answers = [];
    for (let n = 0; n < 13; n += 1) {
      const headers = { 'content-type': 'application/json', 'x-forwarded-for': `203.0.113.${n}` };
      answers.push((await fetch(`${proxy.url}/newsletter/subscribe`, { method: 'POST', headers, body: JSON.stringify({ email: `reader${n}@example.com` }) })).status);
    }
    expect(answers.filter((s) => s === 202)).toHaveLength(10);
    expect(answers.slice(10)).toEqual([429, 429, 429]);
  });

  it('publishes a scheduled post exactly once', async () => {
    const client = await signedIn(proxy.url);
    const title = 'Scheduled for every process';
    const publishedAt = new Date(Date.now() + 3000).toISOString();
    const created = await client.call(proxy.url, 'POST', '/admin/api/posts', { title, body: 'On time.', authors: [author], status: 'scheduled', publishedAt });
    expect(created.status, await created.clone().text()).toBe(201);
    const { post } = await created.json();

    for (const p of processes) {
      const deadline = Date.now() + 30_000;
      while (!(await (await fetch(`${p.url}/`)).text()).includes(title)) {
        expect(Date.now()).toBeLessThan(deadline);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    // Every runner has had time to look at the due jobs more than once.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const store = openStore(database.config);
    const jobs = await store.db.selectFrom('jobs').select(['state', 'attempts']).where('key', '=', `post.publish:${post.id}`).execute();
    await store.close();
    expect(jobs).toEqual([{ state: 'done', attempts: 1 }]);
  });

  it('spreads a large send over the processes, with no gap and no more repeats than were in flight when one is killed with -9', async () => {
    const client = await signedIn(proxy.url);
    const title = 'A letter to twenty thousand';
    const created = await client.call(proxy.url, 'POST', '/admin/api/posts', { title, body: 'Read on.', authors: [author], status: 'published' });
    const { post } = await created.json();
    const before = smtp.received.length;
    expect((await client.call(proxy.url, 'POST', `/admin/api/newsletter/posts/${post.slug}/send`, {})).status).toBe(202);
    await smtp.waitFor(before + READERS / 4, 120_000);

    // Every process has joined in by now; one of those holding a batch dies mid-send.
    const senders = new Set(smtp.received.slice(before).map((m) => m.client));
    expect([...senders].filter((c) => processes.some((p) => String(p.child.pid) === c)).length, `senders: ${[...senders]}`).toBeGreaterThanOrEqual(2);
    const store = openStore(database.config);
    const send = await store.db.selectFrom('newsletter_sends').select('id').where('post_id', '=', post.id).executeTakeFirstOrThrow();
    const held = await store.db.selectFrom('newsletter_send_batches').select('owner').where('send_id', '=', send.id).where('state', '=', 'pending').where('owner', 'is not', null).execute();
    const holders = new Set(held.map((b) => Number(b.owner!.split(':')[1])));
    const index = processes.findIndex((p) => holders.has(p.child.pid!));
    expect(index).toBeGreaterThanOrEqual(0);
    processes[index]!.child.kill('SIGKILL');
    await processes[index]!.exited;
    expect(deliveries(title).size).toBeLessThan(READERS);

    // The others take over its batches at once (it is known dead on this machine, its leases notwithstanding).
    const deadline = Date.now() + 120_000;
    while ((await store.db.selectFrom('newsletter_sends').select('state').where('id', '=', send.id).executeTakeFirstOrThrow()).state !== 'done') {
      expect(Date.now()).toBeLessThan(deadline);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await store.close();
    const counts = deliveries(title);
    expect(counts.size).toBe(READERS);
    const repeats = [...counts.values()].reduce((sum, n) => sum + n - 1, 0);
    expect(repeats).toBeLessThanOrEqual(CONNECTIONS);

    const report = await runCli(['newsletter', 'send', '--post', post.slug, '--wait', '0'], env);
    expect(report.code, report.stderr).toBe(0);
    expect(report.stdout).toContain(`${READERS} delivered`);
    processes[index] = await startMasthead(processes[index]!.port, env);
  });

  it('drops no request while the processes are restarted one at a time under load', async () => {
    let running = true;
    const statuses: number[] = [];
    const load = Array.from({ length: 4 }, async () => {
      while (running)
        statuses.push(
          await fetch(`${proxy.url}/`).then(
            (res) => res.status,
            () => 0,
          ),
        );
    });
    try {
      for (const [index, old] of processes.entries()) {
        const served = statuses.length;
        expect({ code: old.child.exitCode, signal: old.child.signalCode }, `process ${index} ended before it was asked to: ${old.logs.join('\n')}`).toEqual({ code: null, signal: null });
        old.child.kill('SIGTERM');
        const code = await old.exited;
        expect(code, `process ${index} ended by ${old.child.signalCode ?? 'exit'}: ${old.logs.join('\n')}`).toBe(0);
        processes[index] = await startMasthead(old.port, env);
        // Let the load reach the new process before the next one stops.
        while (statuses.length < served + 30) await new Promise((resolve) => setTimeout(resolve, 20));
      }
    } finally {
      running = false;
      await Promise.all(load);
    }
    expect(statuses.length).toBeGreaterThan(90);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
  });
});
