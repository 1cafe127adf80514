import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { smtpMailer, type Mailer } from '../../../src/email/index.js';

/**
 * A real SMTP server on loopback that keeps what it receives, and a mailer pointed at it.
 * `answerAfterMs` makes it accept each message only after that long, as a slow server would.
 */
export async function mailCatcher(options: { answerAfterMs?: number } = {}): Promise<{
  mailer: Mailer;
  messages: ParsedMail[];
  next(to: string): Promise<ParsedMail>;
  close(): Promise<void>;
}> {
  const messages: ParsedMail[] = [];
  const waiters: Array<() => void> = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then(async (mail) => {
          if (options.answerAfterMs) await new Promise((resolve) => setTimeout(resolve, options.answerAfterMs));
          messages.push(mail);
          for (const wake of waiters.splice(0)) wake();
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  const mailer = smtpMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, mailFrom: 'Masthead <staff@masthead.example>', dkim: undefined });
  const recipient = (mail: ParsedMail) => (Array.isArray(mail.to) ? mail.to : [mail.to]).flatMap((a) => a?.value.map((v) => v.address) ?? []);
  return {
    mailer,
    messages,
    async next(to) {
      for (;;) {
        const found = messages.find((m) => recipient(m).includes(to));
        if (found) {
          messages.splice(messages.indexOf(found), 1);
          return found;
        }
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
    },
    async close() {
      await mailer.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The link in an email whose path ends as given, e.g. "/admin/accept-invite". */
export function linkIn(mail: ParsedMail, path: string): URL {
  const match = new RegExp(`https?://[^\\s"<>]*${path}\\?token=[A-Za-z0-9_%-]+`).exec(mail.text ?? '');
  if (!match) throw new Error(`no ${path} link in: ${mail.text}`);
  return new URL(match[0]);
}
