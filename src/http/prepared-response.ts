import type { ServerResponse } from 'node:http';

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

/**
 * The header lines of an answer, checked and joined once, without the status line and the lines
 * that change per answer (Date, Connection, Keep-Alive): throws on a name or value Node would
 * refuse, as writeHead does.
 */
export function headerBlock(headers: ReadonlyArray<readonly [string, string | number]>): string {
  let block = '';
  for (const [name, value] of headers) {
    const text = String(value);
    if (!/^[\^_`a-zA-Z\-0-9!#$%&'*+.|~]+$/.test(name)) throw new TypeError(`invalid header name ${JSON.stringify(name)}`);
    if (/[^\t\x20-\x7e\x80-\xff]/.test(text)) throw new TypeError(`invalid value for header ${name}`);
    block += `${name}: ${text}\r\n`;
  }
  return block;
}

const STATUS_LINES = { 200: 'HTTP/1.1 200 OK\r\n', 304: 'HTTP/1.1 304 Not Modified\r\n' } as const;

/**
 * Sends an answer whose header lines were joined once (headerBlock), in a single write with its
 * body, adding what Node adds to every answer: the Date line and the connection lines (keep-alive
 * and its timeout, or close, which also closes the connection afterwards), decided exactly as
 * writeHead decides them. `dateLine` is `Date: …\r\n` for the current second.
 */
export function sendPrepared(response: ServerResponse, status: keyof typeof STATUS_LINES, block: string, dateLine: string, body?: Buffer): void {
  const internals = response as unknown as ResponseInternals;
  let connection: string;
  if (!internals.shouldKeepAlive) {
    internals._last = true;
    connection = 'Connection: close\r\n';
  } else if (internals.maxRequestsOnConnectionReached) {
    connection = 'Connection: close\r\n';
  } else {
    const max = internals._maxRequestsPerSocket > 0 ? `, max=${internals._maxRequestsPerSocket}` : '';
    connection = internals._keepAliveTimeout ? `Connection: keep-alive\r\nKeep-Alive: timeout=${Math.floor(internals._keepAliveTimeout / 1000)}${max}\r\n` : 'Connection: keep-alive\r\n';
  }
  response.statusCode = status;
  if (status === 304) internals._hasBody = false;
  internals._header = `${STATUS_LINES[status]}${block}${dateLine}${connection}\r\n`;
  internals._headerSent = false;
  if (body === undefined || !internals._hasBody) response.end();
  else response.end(body);
}
