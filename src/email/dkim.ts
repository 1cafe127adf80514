import { createHash, createPrivateKey, sign, type KeyObject } from 'node:crypto';
import type { ComposedMessage } from './mime.js';

export interface DkimKey {
  domain: string;
  selector: string;
  privateKey: string;
}

const SIGNED_HEADERS = ['from', 'to', 'subject', 'date', 'message-id', 'mime-version', 'content-type', 'reply-to', 'list-unsubscribe', 'list-unsubscribe-post', 'list-id', 'feedback-id'];

function relaxedHeader(name: string, value: string): string {
  return `${name.toLowerCase()}:${value
    .replace(/\r\n(?=[ \t])/g, '')
    .replace(/[ \t]+/g, ' ')
    .trim()}`;
}

/** Splits a header block into its fields, unfolded. */
function headerFields(head: string): Array<[string, string]> {
  return head.split(/\r\n(?![ \t])/).map((raw) => {
    const colon = raw.indexOf(':');
    return [raw.slice(0, colon), raw.slice(colon + 1)];
  });
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

  /**
   * The DKIM-Signature header line (no line end) for a composed message. The body must already be
   * in relaxed canonical form, as QuotedPrintableBody makes it.
   */
  header(message: ComposedMessage, now = new Date()): string {
    const hash = createHash('sha256');
    for (const piece of message.body) hash.update(piece);
    const bodyHash = hash.digest('base64');
    const present = headerFields(message.head).filter(([name]) => SIGNED_HEADERS.includes(name.toLowerCase()));
    const names = present.map(([name]) => name.toLowerCase());
    const unsigned = `v=1; a=rsa-sha256; c=relaxed/relaxed; d=${this.config.domain}; s=${this.config.selector}; ` + `t=${Math.floor(now.getTime() / 1000)}; h=${names.join(':')}; bh=${bodyHash}; b=`;
    const data = present.map(([name, value]) => `${relaxedHeader(name, value)}\r\n`).join('') + relaxedHeader('DKIM-Signature', unsigned);
    return `DKIM-Signature: ${unsigned}${sign('sha256', Buffer.from(data), this.key).toString('base64')}`;
  }

  /** The message with its DKIM-Signature header in front. */
  sign(message: ComposedMessage, now = new Date()): ComposedMessage {
    return { head: `${this.header(message, now)}\r\n${message.head}`, body: message.body };
  }
}
