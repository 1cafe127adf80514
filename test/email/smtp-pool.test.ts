import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { RawSmtpPool } from '../../src/email/smtp-pool.js';

interface Sink {
  port: number;
  connections: number;
  received: Array<{ to: string; raw: Buffer; session: string }>;
  close(): Promise<void>;
}

async function startSink(options: Partial<SMTPServerOptions> = {}): Promise<Sink> {
  const sink: Sink = { port: 0, connections: 0, received: [], close: async () => undefined };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onConnect(_session, callback) {
      sink.connections += 1;
      callback();
    },
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('refused')) return callback(Object.assign(new Error('no such mailbox'), { responseCode: 550 }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        sink.received.push({ to: session.envelope.rcptTo[0]!.address, raw: Buffer.concat(chunks), session: session.id });
        callback();
      });
    },
    ...options,
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  sink.port = (server.server.address() as AddressInfo).port;
  sink.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return sink;
}

const message = (n: number) => Buffer.from(`From: news@magazine.example\r\nTo: r${n}@example.com\r\nSubject: ${n}\r\n\r\n.A line with a dot\r\nMessage ${n}\r\n`);

describe('bulk SMTP connections', () => {
  const cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  async function pool(sink: Sink, size: number, credentials = '') {
    const p = new RawSmtpPool(`smtp://${credentials}127.0.0.1:${sink.port}`, size);
    cleanup.push(() => p.close());
    return p;
  }

  it('delivers every message intact over no more connections than its size', async () => {
    const sink = await startSink();
    cleanup.push(() => sink.close());
    const smtp = await pool(sink, 3);
    await Promise.all(Array.from({ length: 30 }, (_, n) => smtp.send({ from: 'news@magazine.example', to: `r${n}@example.com`, raw: message(n) })));
    expect(sink.received).toHaveLength(30);
    expect(sink.connections).toBeLessThanOrEqual(3);
    for (const { to, raw } of sink.received) expect(raw.toString()).toBe(message(Number(/\d+/.exec(to)![0])).toString());
  });

  it('reports a refused recipient with its code and keeps using the connection', async () => {
    const sink = await startSink();
    cleanup.push(() => sink.close());
    const smtp = await pool(sink, 1);
    await smtp.send({ from: 'news@magazine.example', to: 'r1@example.com', raw: message(1) });
    await expect(smtp.send({ from: 'news@magazine.example', to: 'refused@example.com', raw: message(2) })).rejects.toMatchObject({ responseCode: 550 });
    await smtp.send({ from: 'news@magazine.example', to: 'r3@example.com', raw: message(3) });
    expect(sink.received.map((r) => r.to)).toEqual(['r1@example.com', 'r3@example.com']);
    expect(sink.connections).toBe(1);
  });

  it('opens a fresh connection when the server dropped an idle one', async () => {
    const sink = await startSink({ socketTimeout: 300 });
    cleanup.push(() => sink.close());
    const smtp = await pool(sink, 1);
    await smtp.send({ from: 'news@magazine.example', to: 'r1@example.com', raw: message(1) });
    await sleep(700);
    await smtp.send({ from: 'news@magazine.example', to: 'r2@example.com', raw: message(2) });
    expect(sink.received.map((r) => r.to)).toEqual(['r1@example.com', 'r2@example.com']);
    expect(new Set(sink.received.map((r) => r.session)).size).toBe(2);
  });

  it('signs in with the credentials in the URL, and fails clearly with wrong ones', async () => {
    const sink = await startSink({
      authOptional: false,
      allowInsecureAuth: true,
      onAuth(auth, _session, callback) {
        if (auth.username === 'mailer' && auth.password === 's3cret') return callback(null, { user: 'mailer' });
        callback(new Error('invalid credentials'));
      },
    });
    cleanup.push(() => sink.close());
    await (await pool(sink, 1, 'mailer:s3cret@')).send({ from: 'news@magazine.example', to: 'r1@example.com', raw: message(1) });
    expect(sink.received).toHaveLength(1);
    await expect((await pool(sink, 1, 'mailer:wrong@')).send({ from: 'news@magazine.example', to: 'r2@example.com', raw: message(2) })).rejects.toThrow(/invalid credentials/i);
  });

  it('holds a message short of its end until told, and abandons it when that fails', async () => {
    const sink = await startSink();
    cleanup.push(() => sink.close());
    const smtp = await pool(sink, 1);
    let release!: () => void;
    const held = smtp.send({ from: 'news@magazine.example', to: 'r1@example.com', raw: message(1), holdEnd: new Promise<void>((resolve) => (release = resolve)) });
    await sleep(200);
    expect(sink.received).toHaveLength(0);
    release();
    await held;
    expect(sink.received).toHaveLength(1);
    await expect(smtp.send({ from: 'news@magazine.example', to: 'r2@example.com', raw: message(2), holdEnd: Promise.reject(new Error('recording failed')) })).rejects.toThrow();
    await smtp.send({ from: 'news@magazine.example', to: 'r3@example.com', raw: message(3) });
    expect(sink.received.map((r) => r.to)).toEqual(['r1@example.com', 'r3@example.com']);
  });
});
