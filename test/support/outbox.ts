import fs from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';

/**
 * The reader sign-in link last written to the outbox (DATA_DIR/outbox, where email goes without
 * SMTP) for the address, pointed at the site listening at `base`.
 */
export async function outboxSignInLink(dataDir: string, base: string, to: string): Promise<string> {
  const dir = path.join(dataDir, 'outbox');
  for (const file of fs.readdirSync(dir).sort().reverse()) {
    const mail = await simpleParser(fs.readFileSync(path.join(dir, file)));
    const address = Array.isArray(mail.to) ? mail.to[0] : mail.to;
    const link = /https?:\/\/\S+(\/members\/signin\/verify\/\?token=\S+)/.exec(mail.text ?? '')?.[1];
    if (address?.value[0]?.address === to && link) return base + link;
  }
  throw new Error(`no sign-in email to ${to}`);
}
