import { randomBytes } from 'node:crypto';

export interface Address {
  name: string;
  address: string;
}

/** One message as the newsletter builds it: already-rendered parts and extra headers. */
export interface MimeParts {
  from: Address;
  to: string;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  replyTo?: string;
  date: Date;
  /** Unique per message; random when not given (bulk senders pass a counter after a random prefix). */
  uniqueId?: string;
}

const CRLF = '\r\n';

/** RFC 2047 encoded words for header text that is not plain ASCII, folded so no line grows past 78. */
export function encodeHeaderText(value: string): string {
  if (/^[\x20-\x7e]*$/.test(value)) return value;
  const words: string[] = [];
  let chunk = '';
  for (const char of value) {
    if (Buffer.byteLength(chunk + char) > 45) {
      words.push(chunk);
      chunk = '';
    }
    chunk += char;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w).toString('base64')}?=`).join(`${CRLF} `);
}

export function formatAddress({ name, address }: Address): string {
  if (!name) return address;
  const display = /^[\x20-\x7e]*$/.test(name) ? `"${name.replace(/["\\]/g, '\\$&')}"` : encodeHeaderText(name);
  return `${display} <${address}>`;
}

/** Base64 in lines of 76 characters (RFC 2045), CRLF between them, without building a string per line. */
function base64Lines(content: string | Buffer): Buffer {
  const encoded = Buffer.from((typeof content === 'string' ? Buffer.from(content, 'utf8') : content).toString('base64'), 'latin1');
  const lines = Math.max(1, Math.ceil(encoded.length / 76));
  const out = Buffer.allocUnsafe(encoded.length + (lines - 1) * 2);
  let at = 0;
  for (let i = 0; i < encoded.length; i += 76) {
    if (i > 0) {
      out[at++] = 13;
      out[at++] = 10;
    }
    at += encoded.copy(out, at, i, Math.min(i + 76, encoded.length));
  }
  return out;
}

export function assertHeaderSafe(values: string[]): void {
  if (values.some((v) => /[\r\n\0]/.test(v))) throw new Error('email headers may not contain line breaks');
}

/** A message split where DKIM needs it: the header block (no final blank line) and the body. */
export interface ComposedMessage {
  head: string;
  /** CRLF line ends, no trailing blank lines: already in DKIM's relaxed canonical form. */
  body: Buffer;
}

/**
 * Builds a complete multipart/alternative message (text and HTML, base64) with CRLF line ends.
 * Faster than a general composer because the shape never varies; every header value is checked
 * for line breaks so nothing a reader typed can add headers.
 */
export function composeMessage(parts: MimeParts): ComposedMessage {
  assertHeaderSafe([parts.to, parts.subject, parts.from.name, parts.from.address, parts.replyTo ?? '', ...Object.entries(parts.headers).flat()]);
  const domain = parts.from.address.split('@')[1] ?? 'localhost';
  const unique = parts.uniqueId ?? randomBytes(16).toString('hex');
  // The parts are base64, which never holds "=_", so the boundary cannot occur inside them.
  const boundary = `=_mh_${unique}`;
  const headers = [
    `From: ${formatAddress(parts.from)}`,
    `To: ${parts.to}`,
    ...(parts.replyTo ? [`Reply-To: ${parts.replyTo}`] : []),
    `Subject: ${encodeHeaderText(parts.subject)}`,
    `Date: ${parts.date.toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${unique}@${domain}>`,
    'MIME-Version: 1.0',
    ...Object.entries(parts.headers).map(([name, value]) => `${name}: ${value}`),
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
  ];
  const partHead = (type: string) => Buffer.from(`--${boundary}${CRLF}Content-Type: ${type}; charset=utf-8${CRLF}Content-Transfer-Encoding: base64${CRLF}${CRLF}`);
  const body = Buffer.concat([
    partHead('text/plain'),
    base64Lines(parts.text),
    Buffer.from(CRLF),
    partHead('text/html'),
    base64Lines(parts.html),
    Buffer.from(`${CRLF}--${boundary}--${CRLF}`),
  ]);
  return { head: headers.join(CRLF), body };
}

/** The message as bytes to send. */
export function messageBytes(message: ComposedMessage): Buffer {
  return Buffer.concat([Buffer.from(`${message.head}${CRLF}${CRLF}`), message.body]);
}
