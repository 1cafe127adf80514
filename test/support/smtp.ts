import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface Received {
  to: string;
  raw: Buffer;
  /** Who sent it, as the `identify` option named the connection's client when it connected. */
  client?: string;
}

export interface TestSmtp {
  url: string;
  received: Received[];
  /** Answers RCPT TO for an address with this SMTP code (e.g. 451 or 550) instead of accepting. */
  refuse(address: string, code: number): void;
  accept(address: string): void;
  /** Waits until at least `count` messages have arrived. */
  waitFor(count: number, timeoutMs?: number): Promise<void>;
  parsed(index?: number): Promise<ParsedMail>;
  close(): Promise<void>;
}

/**
 * A real SMTP server on loopback that keeps every message it accepts. `identify` names the client
 * of each connection from its port, while it is connected (e.g. the process that opened it).
 */
export async function startSmtp(options: { identify?: (remotePort: number) => string | undefined } = {}): Promise<TestSmtp> {
  const received: Received[] = [];
  const clients = new Map<string, string | undefined>();
  const refusals = new Map<string, number>();
  const waiters: Array<() => void> = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onConnect(session, callback) {
      if (options.identify) clients.set(session.id, options.identify(session.remotePort));
      callback();
    },
    onClose(session) {
      clients.delete(session.id);
    },
    onRcptTo(address, _session, callback) {
      const code = refusals.get(address.address.toLowerCase());
      if (code) {
        const error = Object.assign(new Error(code >= 500 ? 'mailbox unavailable' : 'try again later'), { responseCode: code });
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('error', () => undefined);
      stream.on('end', () => {
        const client = clients.get(session.id);
        for (const rcpt of session.envelope.rcptTo) received.push({ to: rcpt.address.toLowerCase(), raw: Buffer.concat(chunks), ...(client ? { client } : {}) });
        for (const w of waiters.splice(0)) w();
        callback();
      });
    },
  });
  // A client killed mid-send (the crash test) resets its connections; that is expected here.
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuse: (address, code) => refusals.set(address.toLowerCase(), code),
    accept: (address) => refusals.delete(address.toLowerCase()),
    async waitFor(count, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} messages, got ${received.length}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 100);
        });
      }
    },
    parsed: (index = received.length - 1) => simpleParser(received[index]!.raw),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
