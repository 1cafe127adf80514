import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { MessageBuilder, type MessageSettings, type Recipient } from './message.builder.js';
import type { SendContent } from './send.types.js';

/** Builds messages for many recipients; calling a result gives that recipient's message. */
export interface MessageFactory {
  build(recipients: Recipient[]): Array<() => Promise<Buffer>>;
  close(): Promise<void>;
}

/** Builds on the calling thread: for small sends and sends without DKIM, where threads cost more than they save. */
export function inlineFactory(content: SendContent, settings: MessageSettings): MessageFactory {
  const builder = new MessageBuilder(content, settings);
  return {
    // Built only when the message is about to be sent, so building never stalls the connections.
    build: (recipients) => recipients.map((r) => async () => builder.build(r)),
    close: async () => undefined,
  };
}

const CHUNK = 25;

/** Starts the build worker; run from TypeScript sources (dev, tests, benchmarks) it loads through tsx. */
function startWorker(workerData: unknown): Worker {
  // Every message is garbage once sent; a small young generation frees those buffers soon after,
  // which keeps the process's memory flat (measured: a third of the peak RSS of the default).
  const resourceLimits = { maxYoungGenerationSizeMb: 4 };
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./build.worker.js', import.meta.url), { workerData, resourceLimits });
  const entry = new URL('./build.worker.ts', import.meta.url).href;
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(boot, { eval: true, workerData, resourceLimits });
}

/**
 * Spreads building and DKIM signing over worker threads, one per core: the sending thread mostly
 * waits on the network, so signing may use every core.
 */
export function workerFactory(content: SendContent, settings: MessageSettings, threads = os.availableParallelism()): MessageFactory {
  const workers = Array.from({ length: Math.max(1, threads) }, () => startWorker({ content, settings }));
  const waiting = new Map<number, { resolve: (m: Buffer[]) => void; reject: (e: unknown) => void }>();
  let nextId = 0;
  let turn = 0;
  for (const worker of workers) {
    worker.on('message', ({ id, messages }: { id: number; messages: Uint8Array[] }) => {
      waiting.get(id)?.resolve(messages.map((m) => Buffer.from(m.buffer, m.byteOffset, m.byteLength)));
      waiting.delete(id);
    });
    worker.on('error', (error) => {
      for (const w of waiting.values()) w.reject(error);
      waiting.clear();
    });
  }
  return {
    build(recipients) {
      const results: Array<() => Promise<Buffer>> = [];
      for (let i = 0; i < recipients.length; i += CHUNK) {
        const id = nextId++;
        const chunk = new Promise<Buffer[]>((resolve, reject) => waiting.set(id, { resolve, reject }));
        workers[turn++ % workers.length]!.postMessage({ id, recipients: recipients.slice(i, i + CHUNK) });
        chunk.catch(() => undefined);
        for (let j = 0; j < Math.min(CHUNK, recipients.length - i); j += 1) results.push(() => chunk.then((m) => m[j]!));
      }
      return results;
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
