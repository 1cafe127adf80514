import { createHash, createPrivateKey, sign, type KeyObject } from 'node:crypto';

export interface DkimKey {
  domain: string;
  selector: string;
  privateKey: string;
}

const SIGNED_HEADERS = ['from', 'to', 'subject', 'date', 'message-id', 'mime-version', 'content-type', 'reply-to', 'list-unsubscribe', 'list-unsubscribe-post', 'list-id'];

function relaxedBody(body: string): string {
  const lines = body.split('\r\n').map((l) => l.replace(/[ \t]+/g, ' ').replace(/ $/, ''));
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.length === 0 ? '' : `${lines.join('\r\n')}\r\n`;
}

function relaxedHeader(name: string, value: string): string {
  return `${name.toLowerCase()}:${value.replace(/\r\n(?=[ \t])/g, '').replace(/[ \t]+/g, ' ').trim()}`;
}

/** Splits a CRLF message into its header fields (unfolded) and body. */
function splitMessage(message: string): { fields: Array<[string, string]>; body: string } {
  const end = message.indexOf('\r\n\r\n');
  const head = message.slice(0, end);
  const fields: Array<[string, string]> = [];
  for (const raw of head.split(/\r\n(?![ \t])/)) {
    const colon = raw.indexOf(':');
    fields.push([raw.slice(0, colon), raw.slice(colon + 1)]);
  }
  return { fields, body: message.slice(end + 4) };
}

/**
 * Signs a message with DKIM (rsa-sha256, relaxed/relaxed, RFC 6376) and returns it with the
 * DKIM-Signature header in front. Pure computation, so it runs equally well in a worker thread.
 */
export class DkimSigner {
  private readonly key: KeyObject;

  constructor(private readonly config: DkimKey) {
    this.key = createPrivateKey(config.privateKey.replace(/\\n/g, '\n'));
  }

  sign(message: string, now = new Date()): string {
    const { fields, body } = splitMessage(message);
    const bodyHash = createHash('sha256').update(relaxedBody(body)).digest('base64');
    const present = fields.filter(([name]) => SIGNED_HEADERS.includes(name.toLowerCase()));
    const names = present.map(([name]) => name.toLowerCase());
    const unsigned =
      `v=1; a=rsa-sha256; c=relaxed/relaxed; d=${this.config.domain}; s=${this.config.selector}; ` +
      `t=${Math.floor(now.getTime() / 1000)}; h=${names.join(':')}; bh=${bodyHash}; b=`;
    const data = present.map(([name, value]) => `${relaxedHeader(name, value)}\r\n`).join('') + relaxedHeader('DKIM-Signature', unsigned);
    const signature = sign('sha256', Buffer.from(data), this.key).toString('base64');
    return `DKIM-Signature: ${unsigned}${signature}\r\n${message}`;
  }
}
