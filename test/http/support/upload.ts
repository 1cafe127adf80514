import net from 'node:net';

export interface UploadResult {
  /** The status of the answer, or null when none came. */
  status: number | null;
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
    const pump = () => {
      while (sent < total && !socket.destroyed) {
        const size = Math.min(PIECE, total - sent);
        const ok = socket.write(piece(sent, size));
        sent += size;
        if (sent === size) onStarted?.();
        if (!ok) {
          socket.once('drain', pump);
          return;
        }
      }
      if (sent === total) socket.end();
    };
    let answerComplete = false;
    socket.on('data', (data: Buffer) => {
      if (answerComplete) return;
      if (sentWhenAnswered === null) sentWhenAnswered = sent;
      answer += data.toString('utf8');
      const split = answer.indexOf('\r\n\r\n');
      const length = split < 0 ? undefined : /\r\ncontent-length: (\d+)/i.exec(answer.slice(0, split))?.[1];
      if (length !== undefined && Buffer.byteLength(answer.slice(split + 4)) >= Number(length)) {
        answerComplete = true;
        answer = answer.slice(0, split + 4 + Number(length));
      }
    });
    // Writing into a connection the server closed fails; the answer already read is what counts.
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      const status = /^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1];
      resolve({
        status: status === undefined ? null : Number(status),
        body: answer.slice(answer.indexOf('\r\n\r\n') + 4),
        sentWhenAnswered,
        bodyComplete: sent === total && socket.writableFinished,
      });
    });
    pump();
  });
}

/** A valid JSON body shaped like a subscriber list: an array of many small objects, costly to parse whole. */
export function jsonListPiece(total: number): (offset: number, size: number) => Buffer {
  const item = Buffer.from('{"email":"reader@example.org","name":"A Reader"},');
  const filler = Buffer.alloc(PIECE + item.length, 0);
  for (let at = 0; at < filler.length; at += item.length) item.copy(filler, at);
  // "[", whole items, spaces up to the last three bytes, then an empty object closes the array.
  const tail = 1 + Math.floor((total - 4) / item.length) * item.length;
  return (offset, size) => {
    const bytes =
      offset === 0
        ? Buffer.concat([Buffer.from('['), filler.subarray(0, size - 1)])
        : Buffer.from(filler.subarray((offset - 1) % item.length, ((offset - 1) % item.length) + size));
    for (let at = Math.max(offset, tail); at < offset + size; at += 1) {
      bytes[at - offset] = at < total - 3 ? 0x20 : '{}]'.charCodeAt(at - (total - 3));
    }
    return bytes;
  };
}
