import type { Headers, MimeNode, SplitterChunk } from '@zone-eu/mailsplit';

// mailsplit and its charset tables load with the first report read, not when the server starts.
let mailsplit: Promise<typeof import('@zone-eu/mailsplit')> | undefined;
const loadMailsplit = () => (mailsplit ??= import('@zone-eu/mailsplit'));

/**
 * Reports that mailbox providers send back by email: feedback-loop complaints (ARF, RFC 5965:
 * multipart/report with a message/feedback-report part) and bounces (DSN, RFC 3464: a
 * message/delivery-status part). Either may return the original message, whole
 * (message/rfc822) or its header block only (text/rfc822-headers).
 *
 * Parsed with mailparser's own MIME splitter: mailparser itself folds an embedded message into
 * the text and keeps none of its headers, and those headers are how a report is traced back.
 */
export type MailReport =
  | { kind: 'feedback'; feedbackType: string; originalRcptTo: string; original: Headers | undefined }
  | { kind: 'delivery-status'; recipients: DsnRecipient[]; original: Headers | undefined }
  | { kind: 'none'; contentType: string };

export interface DsnRecipient {
  /** Final-Recipient (else Original-Recipient), without its address type. */
  address: string;
  /** failed, delayed, delivered, relayed or expanded. */
  action: string;
  /** Enhanced status code, e.g. 5.1.1. */
  status: string;
  diagnostic: string;
}

/** The most of one part's body that is read: report parts and header blocks are small. */
const PART_LIMIT = 256 * 1024;

interface Collected {
  node: MimeNode;
  chunks: Buffer[];
  size: number;
}

function insideEmbeddedMessage(node: MimeNode): boolean {
  for (let parent = node.parentNode; parent; parent = parent.parentNode) if (parent.contentType === 'message/rfc822') return true;
  return false;
}

/** Decodes a part's body (base64, quoted-printable, or as is). */
function decode(part: Collected): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const decoder = part.node.getDecoder();
    const out: Buffer[] = [];
    decoder.on('data', (chunk: Buffer) => out.push(chunk));
    decoder.on('error', reject);
    decoder.on('end', () => resolve(Buffer.concat(out)));
    for (const chunk of part.chunks) decoder.write(chunk);
    decoder.end();
  });
}

/** Splits a delivery-status body into its field groups (per message, then one per recipient). */
function fieldGroups(body: Buffer, HeaderBlock: typeof Headers): Headers[] {
  return body
    .toString('utf8')
    .split(/\r?\n(?:[ \t]*\r?\n)+/)
    .filter((group) => group.trim() !== '')
    .map((group) => new HeaderBlock(Buffer.from(`${group.trim()}\r\n\r\n`)));
}

/** `rfc822; someone@example.com` → `someone@example.com` (lower case, no brackets). */
function bareAddress(value: string): string {
  const address = value.includes(';') ? value.slice(value.indexOf(';') + 1) : value;
  return address.trim().replace(/^<|>$/g, '').trim().toLowerCase();
}

/** Reads one report email; anything that is neither a feedback report nor a DSN is `none`. */
export async function parseMailReport(raw: Buffer): Promise<MailReport> {
  const { Headers, Splitter } = await loadMailsplit();
  const parts: Collected[] = [];
  let rootType = '';
  let original: Headers | undefined;
  let current: Collected | undefined;
  const splitter = new Splitter({ maxHeadSize: PART_LIMIT });
  await new Promise<void>((resolve, reject) => {
    splitter.on('data', (data: SplitterChunk) => {
      if (data.type === 'node') {
        const node = data;
        current = undefined;
        if (node.root) rootType = String(node.contentType || 'text/plain');
        const embedded = node.parentNode && node.parentNode.contentType === 'message/rfc822';
        if (embedded && !original && node.headers) original = node.headers;
        if (insideEmbeddedMessage(node)) return;
        if (['message/feedback-report', 'message/delivery-status', 'text/rfc822-headers'].includes(String(node.contentType))) {
          current = { node, chunks: [], size: 0 };
          parts.push(current);
        }
      } else if (data.type === 'body' && current && data.value && current.size < PART_LIMIT) {
        current.chunks.push(data.value);
        current.size += data.value.length;
      }
    });
    const stream = splitter as unknown as NodeJS.ReadWriteStream;
    stream.on('error', reject);
    stream.on('end', resolve);
    stream.end(raw);
  });

  const find = (type: string) => parts.find((p) => p.node.contentType === type);
  const returnedHeaders = find('text/rfc822-headers');
  if (!original && returnedHeaders) original = new Headers(Buffer.concat([await decode(returnedHeaders), Buffer.from('\r\n\r\n')]));
  const feedback = find('message/feedback-report');
  if (feedback) {
    const fields = new Headers(Buffer.concat([await decode(feedback), Buffer.from('\r\n\r\n')]));
    return {
      kind: 'feedback',
      feedbackType: fields.getFirst('feedback-type').trim().toLowerCase(),
      originalRcptTo: bareAddress(fields.getFirst('original-rcpt-to')),
      original,
    };
  }
  const status = find('message/delivery-status');
  if (status) {
    const [, ...perRecipient] = fieldGroups(await decode(status), Headers);
    const recipients = perRecipient.map((fields) => ({
      address: bareAddress(fields.getFirst('final-recipient') || fields.getFirst('original-recipient')),
      action: fields.getFirst('action').trim().toLowerCase(),
      status: fields.getFirst('status').trim(),
      diagnostic: fields.getFirst('diagnostic-code').replace(/\s+/g, ' ').trim().slice(0, 300),
    }));
    return { kind: 'delivery-status', recipients, original };
  }
  return { kind: 'none', contentType: rootType };
}
