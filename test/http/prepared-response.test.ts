import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PreparedHead } from '../../src/http/prepared-response.js';

const headers: Array<[string, string | number]> = [
  ['content-security-policy', "default-src 'self'"],
  ['etag', '"abc"'],
  ['content-type', 'text/html; charset=utf-8'],
  ['content-length', 5],
];
const body = Buffer.from('hello');
/** The Date line of the second a request names (X-Second), so a test can move time on. */
const dateLine = (request: http.IncomingMessage) => `Date: Sat, 05 Dec 2026 06:00:${String(request.headers['x-second'] ?? '00').padStart(2, '0')} GMT\r\n`;

/** Two servers answering alike: one through writeHead, one from a header block made once. */
function server(prepared: boolean): http.Server {
  const full = new PreparedHead(200, headers);
  const unchanged = new PreparedHead(304, headers.slice(0, 2));
  const made = http.createServer((request, response) => {
    const current = request.headers['if-none-match'] === '"abc"';
    if (prepared) {
      if (current) unchanged.send(response, dateLine(request));
      else full.send(response, dateLine(request), body);
      return;
    }
    response.setHeader('Date', dateLine(request).slice(6, -2));
    if (current) response.writeHead(304, Object.fromEntries(headers.slice(0, 2))).end();
    else response.writeHead(200, Object.fromEntries(headers)).end(request.method === 'HEAD' ? undefined : body);
  });
  made.keepAliveTimeout = 72_000;
  return made;
}

/** Everything a server sends on one connection for the requests, until it closes it. */
function exchange(port: number, requests: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(requests));
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
    socket.on('error', reject);
    socket.on('close', () => resolve(received));
  });
}

describe('answers from a header block made once', () => {
  const servers = { node: server(false), prepared: server(true) };
  const ports = { node: 0, prepared: 0 };
  beforeAll(async () => {
    for (const name of ['node', 'prepared'] as const) {
      await new Promise<void>((resolve) => servers[name].listen(0, '127.0.0.1', resolve));
      ports[name] = (servers[name].address() as net.AddressInfo).port;
    }
  });
  afterAll(async () => {
    for (const made of Object.values(servers)) await new Promise((resolve) => made.close(resolve));
  });

  it.each([
    [
      'kept-alive, HEAD and closing requests on one connection, as the seconds pass',
      'GET / HTTP/1.1\r\nHost: x\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\nX-Second: 01\r\n\r\n' +
        'HEAD / HTTP/1.1\r\nHost: x\r\nX-Second: 01\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\nX-Second: 01\r\nConnection: close\r\n\r\n',
    ],
    ['a 304 for a current copy', 'GET / HTTP/1.1\r\nHost: x\r\nIf-None-Match: "abc"\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\nIf-None-Match: "abc"\r\nConnection: close\r\n\r\n'],
    ['HTTP/1.0 without keep-alive', 'GET / HTTP/1.0\r\n\r\n'],
    [
      'a GET carrying a body, then another request on the same connection',
      'GET / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nConnection: close\r\n\r\nabc',
    ],
    ['HTTP/1.0 asking for keep-alive', 'GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\nGET / HTTP/1.0\r\n\r\n'],
  ])('are byte for byte what writeHead sends: %s', async (_case, requests) => {
    const [node, prepared] = await Promise.all([exchange(ports.node, requests), exchange(ports.prepared, requests)]);
    // writeHead writes a Date set beforehand where it stands among the headers; the block adds it after them.
    const sorted = (text: string) => text.split('\r\n').sort();
    expect(sorted(prepared)).toEqual(sorted(node));
    expect(prepared.length).toBe(node.length);
  });

  it('refuses a name or value that could split the header, as writeHead does', () => {
    expect(() => new PreparedHead(200, [['surrogate-key', 'post-1\r\nset-cookie: a=b']])).toThrow(TypeError);
    expect(() => new PreparedHead(200, [['bad name', 'x']])).toThrow(TypeError);
    expect(() => new PreparedHead(200, [['vary', 'Accept-Encoding']])).not.toThrow();
  });
});
