// The bare Node baseline: node:http answering each file of a folder from memory, nothing else.
// Usage: node --import tsx bench/support/bare-server.ts <folder> (prints the port when listening)
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.xml': 'application/rss+xml; charset=utf-8', '.json': 'application/json; charset=utf-8' };
const folder = process.argv[2]!;
const files = new Map(fs.readdirSync(folder).map((name) => [`/${name}`, { body: fs.readFileSync(path.join(folder, name)), type: types[path.extname(name)] ?? 'application/octet-stream' }]));

const server = http.createServer((request, response) => {
  const file = files.get(request.url ?? '');
  if (!file) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { 'content-type': file.type, 'content-length': file.body.length }).end(file.body);
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.stdout.write(`${(server.address() as { port: number }).port}\n`));
