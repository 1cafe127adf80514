import pino, { type Logger } from 'pino';
import { loggableUrl } from '../logger.js';

/** One answered request, as its log line tells it. */
export interface AnsweredRequest {
  id: string;
  method: string;
  url: string;
  status: number;
  remoteAddress: string | undefined;
  /** Milliseconds from the request's arrival to its answer. */
  responseTime: number;
}

export interface RequestLog {
  /** A new request id: `req-1`, `req-2` … in the order requests arrive. */
  nextId(): string;
  /** Writes the request's one line, when the level is info or more verbose. */
  answered(request: AnsweredRequest): void;
  /**
   * How a line names a request (method and address), formatted once for a request made again and
   * again (a cached page); `answeredAs` writes its lines, each with a new request id.
   */
  describe(method: string, url: string): string;
  /** Writes the line of a request named by `describe`; `time` is when it arrived (Date.now()). */
  answeredAs(described: string, status: number, remoteAddress: string | undefined, responseTime: number, time: number): void;
  /** Writes the waiting lines now (when the server closes). */
  flush(): void;
}

const json = JSON.stringify;

/** Request lines are written at most this long after their request was answered. */
export const WRITE_EVERY_MS = 100;
/** Bytes of lines kept before they are written. */
const BUFFER_BYTES = 64 * 1024;

/**
 * The access log: one line per request, written when it is answered, in the shape pino gives
 * every other line (level, time, pid, hostname, reqId, req, res, responseTime, msg). The line is
 * formatted here and handed to the logger's destination as it is, without a child logger or the
 * redaction walk: its fields are fixed and hold nothing secret (secret query values are
 * replaced, headers are not logged). Lines wait in a fixed buffer, written out when it is full
 * or WRITE_EVERY_MS after its first line: through pino, one write each, the two lines Fastify
 * wrote per request cost half the time of answering a cached page, and one write per line still
 * cost a tenth. (Gathering them in a string instead kept them alive long enough to reach the old
 * generation: 150 MB more memory under load.)
 */
export function requestLog(logger: Logger): RequestLog {
  const internals = logger as unknown as Record<symbol, unknown>;
  const destination = internals[pino.symbols.streamSym] as { write(line: string): unknown };
  const bindings = internals[pino.symbols.chindingsSym] as string;
  const info = logger.levels.values.info;
  let count = 0;
  const waiting = Buffer.allocUnsafe(BUFFER_BYTES);
  let used = 0;
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (used === 0) return;
    destination.write(waiting.toString('utf8', 0, used));
    used = 0;
  };
  const describe = (method: string, url: string) => `"req":{"method":${json(method)},"url":${json(loggableUrl(url))},"remoteAddress":`;
  // Lines of the same millisecond start alike, and most come from the address before them.
  let start = { time: -1, text: '' };
  let client = { address: '', text: '""' };
  const write = (time: number, id: string, described: string, status: number, remoteAddress: string | undefined, responseTime: number) => {
    if (start.time !== time) start = { time, text: `{"level":${info},"time":${time}${bindings},"reqId":` };
    if (remoteAddress !== undefined && client.address !== remoteAddress) client = { address: remoteAddress, text: json(remoteAddress) };
    const line =
      `${start.text}${id},${described}${remoteAddress === undefined ? 'null' : client.text}},` + `"res":{"statusCode":${status}},"responseTime":${Math.round(responseTime * 1000) / 1000},"msg":"request completed"}\n`;
    // A character takes at most 3 bytes in UTF-8 (JSON escapes the rest), so this is room enough.
    const most = line.length * 3;
    if (most > BUFFER_BYTES - used) flush();
    if (most > BUFFER_BYTES) {
      destination.write(line);
      return;
    }
    used += waiting.write(line, used);
    timer ??= setTimeout(flush, WRITE_EVERY_MS);
  };
  return {
    flush,
    describe,
    nextId: () => `req-${(count += 1)}`,
    answered(request) {
      if (!logger.isLevelEnabled('info')) return;
      write(Date.now(), json(request.id), describe(request.method, request.url), request.status, request.remoteAddress, request.responseTime);
    },
    answeredAs(described, status, remoteAddress, responseTime, time) {
      if (!logger.isLevelEnabled('info')) return;
      write(time, `"req-${(count += 1)}"`, described, status, remoteAddress, responseTime);
    },
  };
}
