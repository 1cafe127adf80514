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
  return {
    flush,
    nextId: () => `req-${(count += 1)}`,
    answered(request) {
      if (!logger.isLevelEnabled('info')) return;
      const line =
        `{"level":${info},"time":${Date.now()}${bindings},"reqId":${json(request.id)},` +
          `"req":{"method":${json(request.method)},"url":${json(loggableUrl(request.url))},"remoteAddress":${json(request.remoteAddress ?? null)}},` +
          `"res":{"statusCode":${request.status}},"responseTime":${Math.round(request.responseTime * 1000) / 1000},"msg":"request completed"}\n`;
      const bytes = Buffer.byteLength(line);
      if (bytes > BUFFER_BYTES - used) flush();
      if (bytes > BUFFER_BYTES) {
        destination.write(line);
        return;
      }
      used += waiting.write(line, used);
      timer ??= setTimeout(flush, WRITE_EVERY_MS);
    },
  };
}
