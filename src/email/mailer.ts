import fs from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Transporter } from 'nodemailer';
import type { Config } from '../config/schema.js';
import type { DkimKey } from './dkim.js';
import type { RawSmtpPool } from './smtp-pool.js';

export interface OutgoingMessage {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Extra headers such as List-Unsubscribe; names and values are checked for line breaks. */
  headers?: Record<string, string>;
  from?: string;
  replyTo?: string;
}

export interface SentMessage {
  messageId: string;
}

/** A complete message (headers and body, CRLF, signed when DKIM is on) and its envelope. */
export interface RawMessage {
  from: string;
  to: string;
  /** The message's bytes, whole or in pieces (pieces shared between messages are written as they are, never copied). */
  raw: Buffer | readonly Buffer[];
  /**
   * The message is not completed (its SMTP DATA not ended, so the server cannot accept it)
   * before this settles; if it rejects, the message is abandoned with that error.
   */
  holdEnd?: Promise<unknown>;
}

/** Sends one email. The SMTP mailer and the outbox mailer are the two implementations. */
export interface Mailer {
  readonly kind: 'smtp' | 'outbox';
  /** How many messages may be on the way at once (open SMTP connections). */
  readonly connections: number;
  /** The DKIM key bulk messages are signed with, when one is configured. */
  readonly dkim: DkimKey | undefined;
  send(message: OutgoingMessage): Promise<SentMessage>;
  /** Sends a message built (and signed) by the caller, as the newsletter does in bulk. */
  sendRaw(message: RawMessage): Promise<void>;
  close(): Promise<void>;
}

export class MailHeaderError extends Error {}

// nodemailer's message composer and transports load with the first message, not at start.
let nodemailerModule: Promise<typeof import('nodemailer')> | undefined;
const loadNodemailer = () => (nodemailerModule ??= import('nodemailer'));

function assertSafeHeaders(message: OutgoingMessage): void {
  const values = [message.to, message.subject, message.from ?? '', message.replyTo ?? '', ...Object.entries(message.headers ?? {}).flat()];
  if (values.some((v) => /[\r\n]/.test(v))) throw new MailHeaderError('email headers may not contain line breaks');
}

/**
 * SMTP: single emails through a pooled nodemailer transport (DKIM-signed when a key is
 * configured); bulk messages, built and signed by the caller, through connections of their own.
 */
export function smtpMailer(config: Pick<Config, 'mailFrom' | 'dkim'> & { smtpUrl: string }, options: { maxConnections?: number } = {}): Mailer {
  const connections = options.maxConnections ?? 5;
  // Raw messages arrive signed already, so DKIM is given per message to the ones nodemailer builds.
  let transport: Promise<Transporter> | undefined;
  const pooled = () =>
    (transport ??= loadNodemailer().then((nodemailer) =>
      nodemailer.createTransport({ url: config.smtpUrl, pool: true, maxConnections: connections, maxMessages: Infinity } as Parameters<typeof nodemailer.createTransport>[0]),
    ));
  // Bulk connections (nodemailer's SMTP connection code) are loaded with the first newsletter sent.
  let bulk: Promise<RawSmtpPool> | undefined;
  const bulkPool = () => (bulk ??= import('./smtp-pool.js').then(({ RawSmtpPool }) => new RawSmtpPool(config.smtpUrl, connections)));
  const dkim = config.dkim ? { domainName: config.dkim.domain, keySelector: config.dkim.selector, privateKey: config.dkim.privateKey.replace(/\\n/g, '\n') } : undefined;
  return {
    kind: 'smtp',
    connections,
    dkim: config.dkim,
    async send(message) {
      assertSafeHeaders(message);
      const info = await (await pooled()).sendMail({ ...message, from: message.from ?? config.mailFrom, ...(dkim ? { dkim } : {}) });
      return { messageId: String(info.messageId) };
    },
    async sendRaw(message) {
      await (await bulkPool()).send(message);
    },
    async close() {
      if (transport) (await transport).close();
      if (bulk) await (await bulk).close();
    },
  };
}

/** Without SMTP: each message becomes an .eml file in DATA_DIR/outbox, to read or hand on. */
export function outboxMailer(config: Pick<Config, 'dataDir' | 'mailFrom'>): Mailer {
  const dir = path.join(config.dataDir, 'outbox');
  let transport: Promise<Transporter> | undefined;
  const streaming = () => (transport ??= loadNodemailer().then((nodemailer) => nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' })));
  const write = async (content: Buffer | string) => {
    await fs.mkdir(dir, { recursive: true });
    const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}.eml`);
    await fs.writeFile(`${file}.partial`, content);
    await fs.rename(`${file}.partial`, file);
  };
  return {
    kind: 'outbox',
    connections: 1,
    dkim: undefined,
    async send(message) {
      assertSafeHeaders(message);
      const info = (await (await streaming()).sendMail({ ...message, from: message.from ?? config.mailFrom ?? 'masthead@localhost' })) as {
        messageId: string;
        message: Buffer;
      };
      await write(info.message);
      return { messageId: info.messageId };
    },
    async sendRaw(message) {
      await message.holdEnd;
      await write(Buffer.isBuffer(message.raw) ? message.raw : Buffer.concat(message.raw));
    },
    async close() {},
  };
}

export function createMailer(config: Pick<Config, 'smtpUrl' | 'mailFrom' | 'dkim' | 'dataDir'>): Mailer {
  return config.smtpUrl ? smtpMailer({ ...config, smtpUrl: config.smtpUrl }) : outboxMailer(config);
}
