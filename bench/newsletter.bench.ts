// npm run bench:newsletter — one digest to N subscribers (default 100,000) into a local SMTP sink
// running in its own process. Each send runs as production runs it: the compiled CLI
// (`node bin/masthead.js newsletter send --digest`) in its own process, whose peak RSS (worker
// threads included) is read from /proc. The bare client (nodemailer's SMTPConnection, one loop per
// connection, nothing else) pushes the same number of copies of one message of that digest, built
// beforehand, into the same sink, between the sends and after them.
// BENCH_N sets the number of subscribers; BENCH_CPU_PROF=DIR writes CPU profiles of the sends there.
import { execFileSync, spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import pino from 'pino';
import { openStore, type Store } from '../src/db/client.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { outboxMailer } from '../src/email/index.js';
import { MessageBuilder } from '../src/newsletter/message.builder.js';
import { parseMailFrom } from '../src/newsletter/send.service.js';
import type { SendContent } from '../src/newsletter/send.types.js';
import { createServices } from '../src/services.js';

const N = Number(process.env.BENCH_N ?? 100_000);
const CONNECTIONS = 5;
const MAIL_FROM = 'The Magazine <news@magazine.example>';

async function startSink(): Promise<{ url: string; port: number; stop(): void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('bench/newsletter-sink.ts')], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = Number(await new Promise<string>((resolve) => child.stdout.once('data', (d: Buffer) => resolve(d.toString().trim()))));
  return { url: `smtp://127.0.0.1:${port}`, port, stop: () => child.kill() };
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
      await tx
        .insertInto('subscriber_newsletters')
        .values(ids.map((r) => ({ subscriber_id: r.id, newsletter_id: 1, created_at: now, unsubscribed_at: null })))
        .execute();
    }
  });
}

/** Peak RSS (VmHWM) of a running process in MB, and the CPU seconds it has used (all threads); zeros once it is gone. */
function processUsage(pid: number): { peakMb: number; cpuSeconds: number } {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    // Fields 14 and 15 of /proc/PID/stat (after the parenthesised name): user and system time in ticks.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const [utime, stime] = stat
      .slice(stat.lastIndexOf(')') + 2)
      .split(' ')
      .slice(11, 13)
      .map(Number);
    return { peakMb: match ? Number(match[1]) / 1024 : 0, cpuSeconds: (utime! + stime!) / 100 };
  } catch {
    return { peakMb: 0, cpuSeconds: 0 };
  }
}

interface SendRun {
  rate: number;
  delivered: number;
  peakMb: number;
  seconds: number;
  /** CPU time of the sending process per delivered message, in microseconds (start-up and preparation included). */
  cpuPerMessage: number;
}

/** Runs `masthead newsletter send --digest` (compiled) and reads its rate from the delivery records. */
async function cliDigestSend(store: Store, env: Record<string, string>): Promise<SendRun> {
  const started = performance.now();
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`] : [];
  const child = spawn(process.execPath, [...profile, path.resolve('bin/masthead.js'), 'newsletter', 'send', '--digest'], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  let peakMb = 0;
  let cpuSeconds = 0;
  const poll = setInterval(() => {
    const usage = processUsage(child.pid!);
    peakMb = Math.max(peakMb, usage.peakMb);
    cpuSeconds = Math.max(cpuSeconds, usage.cpuSeconds);
  }, 100);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearInterval(poll);
  if (code !== 0) throw new Error(`the send failed (${code}):\n${output}`);
  const send = await store.db.selectFrom('newsletter_sends').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow();
  const span = await store.db
    .selectFrom('newsletter_deliveries')
    .select((eb) => [eb.fn.min('sent_at').as('first'), eb.fn.max('sent_at').as('last'), eb.fn.countAll<number>().as('n')])
    .where('send_id', '=', send.id)
    .where('state', '=', 'sent')
    .executeTakeFirstOrThrow();
  const delivered = Number(span.n);
  const spanSeconds = (Date.parse(span.last!) - Date.parse(span.first!)) / 1000;
  return { rate: (delivered - 1) / spanSeconds, delivered, peakMb, seconds: (performance.now() - started) / 1000, cpuPerMessage: (cpuSeconds * 1e6) / delivered };
}

/** Messages per second, and this process's CPU time per message in microseconds. */
async function bareClient(port: number, raw: Buffer, count: number): Promise<{ rate: number; cpuPerMessage: number }> {
  const connections = await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      const connection = new SMTPConnection({ host: '127.0.0.1', port });
      await new Promise<void>((resolve, reject) => {
        connection.once('error', reject);
        connection.connect(() => resolve());
      });
      return connection;
    }),
  );
  let next = 0;
  const started = performance.now();
  const cpu = process.cpuUsage();
  await Promise.all(
    connections.map(async (connection) => {
      while (next < count) {
        const i = next++;
        await new Promise<void>((resolve, reject) => connection.send({ from: 'news@magazine.example', to: [`reader${i}@example.com`] }, raw, (error) => (error ? reject(error) : resolve())));
      }
    }),
  );
  const rate = count / ((performance.now() - started) / 1000);
  const used = process.cpuUsage(cpu);
  for (const connection of connections) connection.quit();
  return { rate, cpuPerMessage: (used.user + used.system) / count };
}

/** One recipient's message of the last send, built as the send built it (no DKIM): what the bare client pushes. */
async function oneMessageOfLastSend(store: Store): Promise<Buffer> {
  const send = await store.db.selectFrom('newsletter_sends').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
  const content = JSON.parse(send.content) as SendContent;
  const builder = new MessageBuilder(content, { subject: send.subject, from: parseMailFrom(MAIL_FROM), date: send.started_at, sendId: send.id });
  const token = 'x'.repeat(120);
  // Every link of the send goes through its own signed click address, as the send writes them.
  const clicks = Array.from({ length: content.links ?? 0 }, (_, n) => `https://magazine.example/newsletter/click/${token}${n}/`);
  return Buffer.concat(
    builder.build({
      to: 'reader0@example.com',
      links: { unsubscribe: `https://magazine.example/newsletter/unsubscribe/?token=${token}`, preferences: `https://magazine.example/newsletter/preferences/?token=${token}`, clicks },
    }),
  );
}

// bin/masthead.js runs the bundle, so the bundle is made from this source as `npm run build` makes it.
process.stdout.write('Building the CLI (tsc -p tsconfig.build.json, then the bundle), so the sends run as in production…\n');
execFileSync(process.execPath, [path.resolve('node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
execFileSync(process.execPath, ['--import', 'tsx', path.resolve('scripts/bundle-server.ts')], { stdio: 'inherit' });

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-bench-newsletter-'));
const file = path.join(dir, 'bench.db');
const sink = await startSink();
const store = openStore({ kind: 'sqlite', file });
try {
  await migrateToLatest(store.db);
  const seeding = performance.now();
  await seed(store);
  const services = createServices(store, { logger: pino({ level: 'silent' }), mailer: outboxMailer({ dataDir: dir, mailFrom: undefined }), publicUrl: 'https://magazine.example', mailFrom: MAIL_FROM });
  await services.sends.updateSettings({ messagesPerSecond: 100_000 });
  const author = await services.taxonomy.createAuthor({ name: 'Bench Writer', slug: 'bench-writer' });
  for (let i = 0; i < 8; i += 1) {
    await services.posts.create({
      title: `Piece ${i} of the week`,
      body: `An opening paragraph for piece ${i}. `.repeat(20),
      authors: [author.slug],
      status: 'published',
      publishedAt: new Date(Date.now() - (i + 1) * 3_600_000).toISOString(),
      featured: i === 0,
    });
  }
  process.stdout.write(`Seeded ${N.toLocaleString('en')} subscribers in ${((performance.now() - seeding) / 1000).toFixed(1)} s\n`);

  // The first send takes this draft (slot in a minute); the second finds it sent and assembles one
  // for now, whose week still holds every piece because the previous slot lies after it.
  await services.newsletter.assemble(new Date(Date.now() + 60_000));

  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const env = { DATA_DIR: dir, DATABASE_URL: `sqlite:${file}`, SMTP_URL: sink.url, MAIL_FROM, PUBLIC_URL: 'https://magazine.example' };
  const dkimEnv = { ...env, DKIM_DOMAIN: 'magazine.example', DKIM_SELECTOR: 'bench', DKIM_PRIVATE_KEY: pem.replace(/\n/g, '\\n') };

  // Warms the sink up before the first measured send.
  await bareClient(sink.port, Buffer.from(`Subject: warm-up\r\n\r\n${`${'x'.repeat(74)}\r\n`.repeat(600)}`), Math.min(N, 3000));
  const plain = await cliDigestSend(store, env);
  process.stdout.write(`  digest, DKIM off: ${plain.rate.toFixed(0)} msg/s\n`);
  const raw = await oneMessageOfLastSend(store);
  const bareBefore = await bareClient(sink.port, raw, N);
  process.stdout.write(`  bare client (${(raw.length / 1024).toFixed(1)} KB messages): ${bareBefore.rate.toFixed(0)} msg/s\n`);
  const signed = await cliDigestSend(store, dkimEnv);
  process.stdout.write(`  digest, DKIM on: ${signed.rate.toFixed(0)} msg/s\n`);
  const bareAfter = await bareClient(sink.port, raw, N);
  const bare = (bareBefore.rate + bareAfter.rate) / 2;
  const bareCpu = (bareBefore.cpuPerMessage + bareAfter.cpuPerMessage) / 2;

  const rows = [
    [
      'digest send, DKIM off',
      `${plain.rate.toFixed(0)} msg/s`,
      `${((plain.rate / bare) * 100).toFixed(0)}% of the bare client; ${plain.cpuPerMessage.toFixed(0)} µs CPU/msg; peak RSS ${plain.peakMb.toFixed(0)} MB; ${plain.seconds.toFixed(0)} s in all`,
    ],
    [
      'digest send, DKIM on (rsa-sha256)',
      `${signed.rate.toFixed(0)} msg/s`,
      `${((signed.rate / bare) * 100).toFixed(0)}% of the bare client; ${signed.cpuPerMessage.toFixed(0)} µs CPU/msg; peak RSS ${signed.peakMb.toFixed(0)} MB; ${signed.seconds.toFixed(0)} s in all`,
    ],
    [
      'bare client, one pre-built message',
      `${bare.toFixed(0)} msg/s`,
      `${(raw.length / 1024).toFixed(1)} KB; ${bareCpu.toFixed(0)} µs CPU/msg; between the sends ${bareBefore.rate.toFixed(0)} msg/s, after ${bareAfter.rate.toFixed(0)}`,
    ],
  ];
  process.stdout.write(`\nNewsletter benchmark: ${N.toLocaleString('en')} recipients, ${CONNECTIONS} SMTP connections, ${os.availableParallelism()} cores, load average ${os.loadavg()[0]!.toFixed(1)}\n`);
  for (const [name, value, note] of rows) process.stdout.write(`  ${name!.padEnd(36)} ${value!.padStart(12)}  ${note}\n`);
  if (plain.delivered !== N || signed.delivered !== N) process.stdout.write(`  NOTE: delivered ${plain.delivered} / ${signed.delivered} of ${N}\n`);
} finally {
  await store.close();
  sink.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
