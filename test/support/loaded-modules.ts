// Preloaded (--import) into a process a test starts: on SIGUSR2, writes the path of every module
// file the process has loaded so far (ES modules through a loader hook, CommonJS from the require
// cache) as JSON to the file named by LOADED_MODULES_FILE.
import fs from 'node:fs';
import Module, { register } from 'node:module';
import { fileURLToPath } from 'node:url';
import { MessageChannel } from 'node:worker_threads';

const hooks = `let port;
export function initialize(data) { port = data.port; }
export async function load(url, context, next) {
  if (url.startsWith('file:')) port.postMessage(url);
  return next(url, context);
}`;

const loaded = new Set<string>();
const { port1, port2 } = new MessageChannel();
port1.on('message', (url: string) => loaded.add(fileURLToPath(url)));
port1.unref();
register(`data:text/javascript,${encodeURIComponent(hooks)}`, { data: { port: port2 }, transferList: [port2] });

process.on('SIGUSR2', () => {
  const required = Object.keys((Module as unknown as { _cache: Record<string, unknown> })._cache);
  const file = process.env.LOADED_MODULES_FILE!;
  fs.writeFileSync(`${file}.partial`, JSON.stringify([...new Set([...loaded, ...required])]));
  fs.renameSync(`${file}.partial`, file);
});
