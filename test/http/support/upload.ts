import net from 'node:net';

export interface UploadResult {
  /** The status of the answer, or null when none came. */
  status: number | null;
  /** The answer's status line and headers, as sent. */
  head: string;
  /** The answer's body as text. */
  body: string;
  /** Bytes of the request body written when the answer's status line arrived (null: no answer). */
  sentWhenAnswered: number | null;
  /** Whether every byte of the declared body was handed to the connection before it ended. */
  bodyComplete: boolean;
}

export interface UploadOptions {
  port: number;
  path: string;
  headers: Record<string, string>;
  /** Declared length of the body (content-length). */
  total: number;
  /** The body's bytes: called for each next piece, from its offset, for at most `size` bytes. */
  piece(offset: number, size: number): Buffer;
  /** Called once the first piece is written, so a test can act while the upload is in flight. */
  onStarted?: () => void;
}

const PIECE = 1024 * 1024;

/**
 * Sends a request over a plain socket the way a careless or hostile client does: the head, then
 * the whole body in pieces as fast as the server takes them, whatever the server answers. Reports
 * how much of the body had been written when the answer arrived, and whether the server took all
 * of it before the connection ended.
 */
export function upload({ port, path, headers, total, piece, onStarted }: UploadOptions): Promise<UploadResult> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let sent = 0;
    let answer = '';
    let sentWhenAnswered: number | null = null;
    const head = Object.entries({ host: `127.0.0.1:${port}`, 'content-length': String(total), ...headers })
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('');
    socket.write(`POST ${path} HTTP/1.1\r\n${head}\r\n`);
    let flushed = false;
    let answerComplete = false;
    // Half-closing before the answer would make Node drop it, so the client waits for both.
    const finish = () => {
      if (flushed && answerComplete) socket.end();
    };
    const pump = () => {
      while (sent < total && !socket.destroyed) {
        const size = Math.min(PIECE, total - sent);
        sent += size;
        const last = sent === total;
        const ok = socket.write(piece(sent - size, size), (error) => {
          if (last && !error) {
            flushed = true;
            finish();
          }
        });
        if (sent === size) onStarted?.();
        if (!ok) {
          socket.once('drain', pump);
          return;
        }
      }
    };
    socket.on('data', (data: Buffer) => {
      if (answerComplete) return;
      if (sentWhenAnswered === null) sentWhenAnswered = sent;
      answer += data.toString('utf8');
      const split = answer.indexOf('\r\n\r\n');
      const length = split < 0 ? undefined : /\r\ncontent-length: (\d+)/i.exec(answer.slice(0, split))?.[1];
      if (length !== undefined && Buffer.byteLength(answer.slice(split + 4)) >= Number(length)) {
        answerComplete = true;
        answer = answer.slice(0, split + 4 + Number(length));
        finish();
      }
    });
    // Writing into a connection the server closed fails; the answer already read is what counts.
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      const status = /^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1];
      resolve({
        status: status === undefined ? null : Number(status),
        head: answer.slice(0, Math.max(answer.indexOf('\r\n\r\n'), 0)),
        body: answer.slice(answer.indexOf('\r\n\r\n') + 4),
        sentWhenAnswered,
        bodyComplete: flushed,
      });
    });
    pump();
  });
}

/**
 * A body of `total` bytes made of a head, one item repeated, new lines up to the tail and the
 * tail: e.g. a JSON array of many small objects (costly to parse whole) or a long CSV file.
 */
export function listBody(total: number, { head, item, tail }: { head: string; item: string; tail: string }): (offset: number, size: number) => Buffer {
  const [start, one, end] = [head, item, tail].map((text) => Buffer.from(text)) as [Buffer, Buffer, Buffer];
  const filler = Buffer.alloc(PIECE + one.length);
  for (let at = 0; at < filler.length; at += one.length) one.copy(filler, at);
  const items = start.length + Math.floor((total - start.length - end.length) / one.length) * one.length;
  const byteAt = (at: number) => (at < start.length ? start[at]! : at < items ? one[(at - start.length) % one.length]! : at < total - end.length ? 0x0a : end[at - (total - end.length)]!);
  return (offset, size) => {
    const at = (offset - start.length) % one.length;
    if (offset >= start.length && offset + size <= items) return Buffer.from(filler.subarray(at, at + size));
    // The first and last pieces, byte by byte.
    const bytes = Buffer.alloc(size);
    for (let i = 0; i < size; i += 1) bytes[i] = byteAt(offset + i);
    return bytes;
  };
}

/** A valid JSON array of many small subscriber-like objects. */
export const jsonList = (total: number) => listBody(total, { head: '[', item: '{"email":"reader@example.org","name":"A Reader"},', tail: '{}]' });
