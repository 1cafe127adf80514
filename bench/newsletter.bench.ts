// npm run bench:newsletter — one digest to N subscribers (default 100,000) into a local SMTP sink
// running in its own process: messages per second with DKIM off and on, peak RSS, and the rate a
// bare nodemailer client pushes the same number of pre-built messages into the same sink.
import { spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';
import pino from 'pino';
import { openStore, type Store } from '../src/db/client.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { smtpMailer, type Mailer } from '../src/email/index.js';
import { createServices } from '../src/services.js';

const N = Number(process.env.BENCH_N ?? 100_000);
const CONNECTIONS = 5;
const logger = pino({ level: 'silent' });

async function startSink(): Promise<{ url: string; stop(): void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('bench/newsletter-sink.ts')], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve) => child.stdout.once('data', (d: Buffer) => resolve(d.toString().trim())));
  return { url: `smtp://127.0.0.1:${port}`, stop: () => child.kill() };
}

async function seed(store: Store): Promise<void> {
  const now = new Date().toISOString();
  await store.db.transaction().execute(async (tx) => {
    for (let i = 0; i < N; i += 1000) {
      const rows = Array.from({ length: Math.min(1000, N - i) }, (_, j) => ({
        email: `reader${i + j}@example.com`,
        name: `Reader ${i + j}`,
        status: 'confirmed',
        source: 'bench',
        confirmed_at: now,
        created_at: now,
        updated_at: now,
      }));
      const ids = await tx.insertInto('subscribers').values(rows).returning('id').execute();
      await tx.insertInto('subscriber_newsletters').values(ids.map((r) => ({ subscriber_id: r.id, newsletter_id: 1, created_at: now, unsubscribed_at: null }))).execute();
    }
  });
}

function servicesWith(store: Store, mailer: Mailer) {
  return createServices(store, { logger, mailer, publicUrl: 'https://magazine.example', mailFrom: 'The Magazine <news@magazine.example>' });
}

async function timedDigestSend(store: Store, mailer: Mailer, slot: string): Promise<{ rate: number; delivered: number; sample: string }> {
  const services = servicesWith(store, mailer);
  await services.sends.updateSettings({ messagesPerSecond: 100_000 });
  const digest = await services.newsletter.assemble(new Date(slot));
  // Rendering the digest and writing a delivery row per recipient happen once per send; timed apart.
  const preparing = performance.now();
  const sendId = await services.newsletter.sendNow(digest.id);
  process.stdout.write(`  prepared send ${sendId} (render + ${N.toLocaleString('en')} delivery rows) in ${((performance.now() - preparing) / 1000).toFixed(1)} s\n`);
  const started = performance.now();
  const report = await services.sends.deliver(sendId);
  const seconds = (performance.now() - started) / 1000;
  const send = await store.db.selectFrom('newsletter_sends').select('content').where('id', '=', sendId).executeTakeFirstOrThrow();
  await mailer.close();
  return { rate: report.delivered / seconds, delivered: report.delivered, sample: (JSON.parse(send.content) as { html: string }).html };
}

/** A post to a small newsletter, with DKIM on: compiles the hot paths here and in the sink before anything is timed. */
async function warmUp(store: Store, url: string, dkim: { domain: string; selector: string; privateKey: string }): Promise<void> {
  const mailer = smtpMailer({ smtpUrl: url, mailFrom: undefined, dkim }, { maxConnections: CONNECTIONS });
  const services = servicesWith(store, mailer);
  const warm = await services.subscribers.createNewsletter({ slug: 'warm-up', name: 'Warm-up' });
  const now = new Date().toISOString();
  const ids = await store.db.selectFrom('subscribers').select('id').orderBy('id').limit(3000).execute();
  await store.db.insertInto('subscriber_newsletters').values(ids.map((r) => ({ subscriber_id: r.id, newsletter_id: warm.id, created_at: now, unsubscribed_at: null }))).execute();
  const [post] = (await services.posts.list({}, { limit: 1 })).posts;
  const { sendId } = await services.newsletter.sendPost(post!.slug, 'warm-up');
  await services.sends.deliver(sendId!);
  await mailer.close();
}

async function bareClient(url: string, raw: string): Promise<number> {
  const transport = nodemailer.createTransport({ url, pool: true, maxConnections: CONNECTIONS, maxMessages: Infinity } as Parameters<typeof nodemailer.createTransport>[0]);
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (next < N) {
        const i = next++;
        await transport.sendMail({ envelope: { from: 'news@magazine.example', to: [`reader${i}@example.com`] }, raw });
      }
    }),
  );
  const rate = N / ((performance.now() - started) / 1000);
  transport.close();
  return rate;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-bench-newsletter-'));
const sink = await startSink();
const store = openStore({ kind: 'sqlite', file: path.join(dir, 'bench.db') });
try {
  await migrateToLatest(store.db);
  const seeding = performance.now();
  await seed(store);
  const setup = servicesWith(store, smtpMailer({ smtpUrl: sink.url, mailFrom: undefined, dkim: undefined }));
  const author = await setup.taxonomy.createAuthor({ name: 'Bench Writer', slug: 'bench-writer' });
  for (let i = 0; i < 8; i += 1) {
    await setup.posts.create({
      title: `Piece ${i} of the week`,
      body: `An opening paragraph for piece ${i}. `.repeat(20),
      authors: [author.slug],
      status: 'published',
      publishedAt: new Date(Date.now() - (i + 1) * 3_600_000).toISOString(),
      featured: i === 0,
    });
  }
  process.stdout.write(`Seeded ${N.toLocaleString('en')} subscribers in ${((performance.now() - seeding) / 1000).toFixed(1)} s\n`);

  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const dkim = { domain: 'magazine.example', selector: 'bench', privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
  // A short warm-up send first, so neither measured run pays for the sink's and this process's JIT.
  await warmUp(store, sink.url, dkim);
  const signed = await timedDigestSend(store, smtpMailer({ smtpUrl: sink.url, mailFrom: undefined, dkim }, { maxConnections: CONNECTIONS }), new Date(Date.now() + 120_000).toISOString());
  const plain = await timedDigestSend(store, smtpMailer({ smtpUrl: sink.url, mailFrom: undefined, dkim: undefined }, { maxConnections: CONNECTIONS }), new Date(Date.now() + 60_000).toISOString());
  const raw = `From: news@magazine.example\r\nTo: reader@example.com\r\nSubject: Bench\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n${Buffer.from(plain.sample).toString('base64').replace(/.{76}/g, '$&\r\n')}\r\n`;
  const bare = await bareClient(sink.url, raw);
  const peakMb = process.resourceUsage().maxRSS / 1024;

  const rows = [
    ['digest send, DKIM off', `${plain.rate.toFixed(0)} msg/s`, `${plain.delivered.toLocaleString('en')} delivered`],
    ['digest send, DKIM on (rsa-sha256)', `${signed.rate.toFixed(0)} msg/s`, `${signed.delivered.toLocaleString('en')} delivered`],
    ['bare nodemailer pool, pre-built', `${bare.toFixed(0)} msg/s`, `DKIM off = ${((plain.rate / bare) * 100).toFixed(0)}% of it`],
    ['peak RSS (whole run)', `${peakMb.toFixed(0)} MB`, ''],
  ];
  process.stdout.write(`\nNewsletter benchmark: ${N.toLocaleString('en')} recipients, ${CONNECTIONS} SMTP connections, ${os.cpus().length} cores\n`);
  for (const [name, value, note] of rows) process.stdout.write(`  ${name!.padEnd(36)} ${value!.padStart(12)}  ${note}\n`);
} finally {
  await store.close();
  sink.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
