import fs from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../config/schema.js';

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

/** Sends one email. The SMTP mailer and the outbox mailer are the two implementations. */
export interface Mailer {
  readonly kind: 'smtp' | 'outbox';
  send(message: OutgoingMessage): Promise<SentMessage>;
  close(): Promise<void>;
}

export class MailHeaderError extends Error {}

function assertSafeHeaders(message: OutgoingMessage): void {
  const values = [message.to, message.subject, message.from ?? '', message.replyTo ?? '', ...Object.entries(message.headers ?? {}).flat()];
  if (values.some((v) => /[\r\n]/.test(v))) throw new MailHeaderError('email headers may not contain line breaks');
}

/** SMTP through a pooled nodemailer transport, DKIM-signed when a key is configured. */
export function smtpMailer(config: Pick<Config, 'smtpUrl' | 'mailFrom' | 'dkim'>, options: { maxConnections?: number } = {}): Mailer {
  const transport: Transporter = nodemailer.createTransport({
    url: config.smtpUrl,
    pool: true,
    maxConnections: options.maxConnections ?? 5,
    ...(config.dkim
      ? { dkim: { domainName: config.dkim.domain, keySelector: config.dkim.selector, privateKey: config.dkim.privateKey } }
      : {}),
  } as Parameters<typeof nodemailer.createTransport>[0]);
  return {
    kind: 'smtp',
    async send(message) {
      assertSafeHeaders(message);
      const info = await transport.sendMail({ ...message, from: message.from ?? config.mailFrom });
      return { messageId: String(info.messageId) };
    },
    async close() {
      transport.close();
    },
  };
}

/** Without SMTP: each message becomes an .eml file in DATA_DIR/outbox, to read or hand on. */
export function outboxMailer(config: Pick<Config, 'dataDir' | 'mailFrom'>): Mailer {
  const dir = path.join(config.dataDir, 'outbox');
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    kind: 'outbox',
    async send(message) {
      assertSafeHeaders(message);
      const info = (await transport.sendMail({ ...message, from: message.from ?? config.mailFrom ?? 'masthead@localhost' })) as {
        messageId: string;
        message: Buffer;
      };
      await fs.mkdir(dir, { recursive: true });
      const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}.eml`);
      await fs.writeFile(`${file}.partial`, info.message);
      await fs.rename(`${file}.partial`, file);
      return { messageId: info.messageId };
    },
    async close() {},
  };
}

export function createMailer(config: Pick<Config, 'smtpUrl' | 'mailFrom' | 'dkim' | 'dataDir'>): Mailer {
  return config.smtpUrl ? smtpMailer(config) : outboxMailer(config);
}
