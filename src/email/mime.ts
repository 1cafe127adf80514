import { encode as qpEncode, wrap as qpWrap } from 'nodemailer/lib/qp';

export interface Address {
  name: string;
  address: string;
}

const CRLF = '\r\n';

/** RFC 2047: a line holding encoded words is at most 76 characters. RFC 5322: other lines should stay within 78. */
const ENCODED_LINE = 76;
const LINE = 78;

/** Bytes of UTF-8 whose encoded word (=?UTF-8?B?…?=, 12 characters around base64) fits in `room` characters. */
function bytesFitting(room: number): number {
  return Math.max(3, Math.floor((room - 12) / 4) * 3);
}

/**
 * Header text, folded so that no line grows too long: plain ASCII is folded at spaces; anything else
 * becomes RFC 2047 encoded words, the first one sized for the `taken` characters already on its line
 * (the header's name, "Subject: "), every line within 76 characters and no character split.
 */
export function encodeHeaderText(value: string, taken: number): string {
  if (/^[\x20-\x7e]*$/.test(value)) return foldAscii(value, taken);
  const words: string[] = [];
  let chunk = '';
  let limit = bytesFitting(ENCODED_LINE - taken);
  for (const char of value) {
    if (chunk && Buffer.byteLength(chunk + char) > limit) {
      words.push(chunk);
      chunk = '';
      limit = bytesFitting(ENCODED_LINE - 1);
    }
    chunk += char;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w).toString('base64')}?=`).join(`${CRLF} `);
}

/** ASCII header text folded before a space where a line would pass 78 characters (a longer word stays whole). */
function foldAscii(value: string, taken: number): string {
  const lines: string[] = [];
  let line = '';
  let room = LINE - taken;
  for (const word of value.split(/(?= )/)) {
    if (line && line.length + word.length > room) {
      lines.push(line);
      line = '';
      room = LINE;
    }
    line += word;
  }
  lines.push(line);
  return lines.join(CRLF);
}

/** A mailbox for a header whose name takes `taken` characters; an encoded name puts the address on its own folded line. */
export function formatAddress({ name, address }: Address, taken: number): string {
  if (!name) return address;
  if (/^[\x20-\x7e]*$/.test(name)) return `"${name.replace(/["\\]/g, '\\$&')}" <${address}>`;
  return `${encodeHeaderText(name, taken)}${CRLF} <${address}>`;
}

export function assertHeaderSafe(values: string[]): void {
  if (values.some((v) => /[\r\n\0]/.test(v))) throw new Error('email headers may not contain line breaks');
}

/** A message split where DKIM needs it: the header block (no final blank line) and the body. */
export interface ComposedMessage {
  head: string;
  /**
   * The body's bytes in order (shared pieces are never changed): CRLF line ends, no trailing
   * blank lines, no tabs, no runs of spaces and no space before a line end, so the bytes are
   * already in DKIM's relaxed canonical form.
   */
  body: Buffer[];
}

/** The message as bytes to send, in pieces: the header block, then the body's pieces as they are. */
export function messageBytes(message: ComposedMessage): Buffer[] {
  return [Buffer.from(`${message.head}${CRLF}${CRLF}`), ...message.body];
}

/**
 * Quoted-printable text whose bytes are in DKIM's relaxed canonical form without changing what it
 * decodes to: tabs and every space after the first of a run are written as escapes.
 */
function canonicalQuotedPrintable(content: string): string {
  const encoded = qpEncode(Buffer.from(content.replace(/\r?\n/g, CRLF), 'utf8'))
    .replace(/\t/g, '=09')
    .replace(/ {2,}/g, (run) => ` ${'=20'.repeat(run.length - 1)}`);
  return qpWrap(encoded, 76);
}

/** Printable ASCII but "=": quoted-printable writes it as it is (links, mostly), so only long lines need breaking. */
const PLAIN = /^[!-<>-~]*$/;

function softWrapped(value: string): string {
  if (value.length <= 76) return value;
  const lines: string[] = [];
  for (let i = 0; i < value.length; i += 75) lines.push(value.slice(i, i + 75));
  return lines.join(`=${CRLF}`);
}

/**
 * A multipart/alternative body (text, then HTML) in quoted-printable, encoded once for a whole send.
 * Each part may hold stand-ins (`slots`, such as a reader's unsubscribe link): the fixed text
 * between them is encoded here, once, and every message only encodes its own values and puts them
 * on lines of their own (joined to their neighbours by soft line breaks, which decode to nothing).
 * A message thus costs a few short encodings and a copy instead of encoding the whole body.
 */
export class QuotedPrintableBody {
  /** Per part, in order: fixed bytes, or the index of the slot whose value goes there. */
  private readonly sequence: Array<Buffer | number> = [];

  constructor(
    parts: { text: string; html: string },
    slots: readonly string[],
    /** The MIME boundary; quoted-printable never holds "=_", so one starting with it cannot clash. */
    readonly boundary: string,
  ) {
    if (!boundary.startsWith('=_')) throw new Error('the boundary must start with "=_"');
    const pattern = new RegExp(`(${slots.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`);
    const fixed: string[] = [];
    const flush = () => {
      if (fixed.length > 0) this.sequence.push(Buffer.from(fixed.join(''), 'latin1'));
      fixed.length = 0;
    };
    for (const [type, content] of [
      ['text/plain', parts.text],
      ['text/html', parts.html],
    ] as const) {
      fixed.push(`--${boundary}${CRLF}Content-Type: ${type}; charset=utf-8${CRLF}Content-Transfer-Encoding: quoted-printable${CRLF}${CRLF}`);
      let atLineStart = true;
      for (const [i, piece] of (slots.length > 0 ? content.split(pattern) : [content]).entries()) {
        if (i % 2 === 1) {
          // A slot: its value starts and ends a line of its own.
          if (!atLineStart) fixed.push(`=${CRLF}`);
          flush();
          this.sequence.push(slots.indexOf(piece));
          fixed.push(`=${CRLF}`);
          atLineStart = true;
        } else if (piece) {
          const encoded = canonicalQuotedPrintable(piece);
          fixed.push(encoded);
          atLineStart = encoded.endsWith(CRLF);
        }
      }
      fixed.push(CRLF);
    }
    fixed.push(`--${boundary}--${CRLF}`);
    flush();
  }

  /** The body with these values in the slots (in the order of the slots given to the constructor). */
  pieces(values: readonly string[]): Buffer[] {
    const encoded = values.map((v) => Buffer.from(PLAIN.test(v) ? softWrapped(v) : canonicalQuotedPrintable(v), 'latin1'));
    return this.sequence.map((item) => (typeof item === 'number' ? encoded[item]! : item));
  }
}
