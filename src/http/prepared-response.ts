import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The parts of Node's ServerResponse (node:_http_outgoing, Node 20) that writeHead sets from the
 * headers it is given. Setting them from a header block made once lets an answer given many times
 * skip what writeHead does on every call: check each name and value and join them again.
 */
interface ResponseInternals {
  _header: string | null;
  _headerSent: boolean;
  _hasBody: boolean;
  _last: boolean;
  _keepAliveTimeout: number;
  _maxRequestsPerSocket: number;
  shouldKeepAlive: boolean;
  maxRequestsOnConnectionReached?: boolean;
}

const STATUS_LINES = { 200: 'HTTP/1.1 200 OK\r\n', 304: 'HTTP/1.1 304 Not Modified\r\n' } as const;
const CLOSE = 'Connection: close\r\n';

/**
 * The head of an answer given many times: its status line and header lines, checked (throwing on a
 * name or value Node would refuse, as writeHead does) and joined once. What changes per answer is
 * added when it is sent: the Date line and the connection lines. The head last sent is kept as
 * bytes, so answers within the same second on kept-alive connections reuse it as it is.
 */
export class PreparedHead {
  private readonly start: string;
  private last: { dateLine: string; connection: string; bytes: Buffer } | undefined;
  private keepAlive = { timeout: -1, max: -1, lines: '' };

  constructor(
    readonly status: keyof typeof STATUS_LINES,
    headers: ReadonlyArray<readonly [string, string | number]>,
  ) {
    let start = STATUS_LINES[status];
    for (const [name, value] of headers) {
      const text = String(value);
      if (!/^[\^_`a-zA-Z\-0-9!#$%&'*+.|~]+$/.test(name)) throw new TypeError(`invalid header name ${JSON.stringify(name)}`);
      if (/[^\t\x20-\x7e\x80-\xff]/.test(text)) throw new TypeError(`invalid value for header ${name}`);
      start += `${name}: ${text}\r\n`;
    }
    this.start = start;
  }

  /**
   * Sends the answer in one write with its body, adding what Node adds to every answer: the Date
   * line (`dateLine`, `Date: …\r\n` for the current second) and the connection lines (keep-alive
   * and its timeout, or close, which also closes the connection afterwards), decided exactly as
   * writeHead decides them. A HEAD request gets the head alone.
   */
  send(response: ServerResponse, dateLine: string, body?: Buffer): void {
    const internals = response as unknown as ResponseInternals;
    const connection = this.connectionLines(internals);
    response.statusCode = this.status;
    if (this.status === 304) internals._hasBody = false;
    if (body === undefined || !internals._hasBody) {
      internals._header = `${this.start}${dateLine}${connection}\r\n`;
      internals._headerSent = false;
      response.end();
      return;
    }
    let last = this.last;
    if (last?.dateLine !== dateLine || last.connection !== connection) {
      const head = `${this.start}${dateLine}${connection}\r\n`;
      // Memory of its own: a slice of Node's shared pool would keep the whole pool alive with the page.
      const bytes = Buffer.allocUnsafeSlow(head.length);
      bytes.write(head, 'latin1');
      last = { dateLine, connection, bytes };
      this.last = last;
    }
    // The head goes out as bytes kept from the last answer, ahead of the body, in the same write.
    internals._header = this.start;
    internals._headerSent = true;
    response.cork();
    response.write(last.bytes);
    response.end(body);
  }

  private connectionLines(internals: ResponseInternals): string {
    if (!internals.shouldKeepAlive) {
      internals._last = true;
      return CLOSE;
    }
    if (internals.maxRequestsOnConnectionReached) return CLOSE;
    const timeout = internals._keepAliveTimeout;
    const max = internals._maxRequestsPerSocket;
    if (this.keepAlive.timeout !== timeout || this.keepAlive.max !== max) {
      const limit = max > 0 ? `, max=${max}` : '';
      this.keepAlive = { timeout, max, lines: timeout ? `Connection: keep-alive\r\nKeep-Alive: timeout=${Math.floor(timeout / 1000)}${limit}\r\n` : 'Connection: keep-alive\r\n' };
    }
    return this.keepAlive.lines;
  }
}

/**
 * Marks a request answered before anything read it as drained, as Node marks it itself once it is
 * answered (node:_http_server resOnFinish → IncomingMessage#_dump, Node 20), but without the rest
 * of what that does: resume the stream, read its end, emit 'end', destroy it and emit 'close', a
 * chain of ticks that costs about a twelfth of answering a page from memory, for a stream nothing
 * listens to. Marked before its body arrives, a request's body is dropped by the parser as it comes
 * (node:_http_common parserOnBody skips a drained request), exactly as after Node's own dump, so
 * the connection goes on to the next request. Only for requests answered in the raw handler.
 */
export function skipDraining(request: IncomingMessage): void {
  (request as unknown as { _dumped: boolean })._dumped = true;
}
