import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { MessageBuilder, type Addressed, type MessageSettings, type Recipient } from './message.builder.js';
import type { SendContent } from './send.types.js';

/** Builds messages for many recipients; calling a result gives that recipient's message. */
export interface MessageFactory {
  build(recipients: Recipient[]): Array<() => Promise<Buffer[]>>;
  close(): Promise<void>;
}

/** Builds and signs on the calling thread: for small sends and sends without DKIM, where threads cost more than they save. */
export function inlineFactory(content: SendContent, settings: MessageSettings): MessageFactory {
  const builder = new MessageBuilder(content, settings);
  return {
    // Built only when the message is about to be sent, so building never stalls the connections.
    build: (recipients) => recipients.map((r) => async () => builder.build(r)),
    close: async () => undefined,
  };
}

const CHUNK = 25;

/** Starts a signing worker; run from TypeScript sources (dev, tests, benchmarks) it loads through tsx. */
function startWorker(workerData: unknown): Worker {
  // Signing makes only short-lived strings: a small young generation keeps the thread's memory small.
  const resourceLimits = { maxYoungGenerationSizeMb: 4 };
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./build.worker.js', import.meta.url), { workerData, resourceLimits });
  const entry = new URL('./build.worker.ts', import.meta.url).href;
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(boot, { eval: true, workerData, resourceLimits });
}

/**
 * DKIM signatures (an RSA operation per message, by far the costliest part of a message) are made
 * on worker threads, one per core; the sending thread mostly waits on the network. Workers get a
 * few short values per recipient and return one header line each: the message bytes themselves are
 * assembled on the sending thread from the same encoded body just before they go out, so nothing
 * large crosses between threads or waits in memory.
 */
export function workerFactory(content: SendContent, settings: MessageSettings, threads = os.availableParallelism()): MessageFactory {
  // Every thread builds the same bytes: same Message-ID prefix and MIME boundary.
  const shared = { ...settings, idPrefix: settings.idPrefix ?? randomBytes(12).toString('hex') };
  const builder = new MessageBuilder(content, shared);
  const workers = Array.from({ length: Math.max(1, threads) }, () => startWorker({ content, settings: shared }));
  const waiting = new Map<number, { resolve: (signatures: string[]) => void; reject: (e: unknown) => void }>();
  let nextId = 0;
  let turn = 0;
  for (const worker of workers) {
    worker.on('message', ({ id, signatures }: { id: number; signatures: string[] }) => {
      waiting.get(id)?.resolve(signatures);
      waiting.delete(id);
    });
    worker.on('error', (error) => {
      for (const w of waiting.values()) w.reject(error);
      waiting.clear();
    });
  }
  return {
    build(recipients) {
      const results: Array<() => Promise<Buffer[]>> = [];
      for (let i = 0; i < recipients.length; i += CHUNK) {
        const id = nextId++;
        const chunk: Addressed[] = recipients.slice(i, i + CHUNK).map((r) => builder.address(r));
        const signed = new Promise<string[]>((resolve, reject) => waiting.set(id, { resolve, reject }));
        signed.catch(() => undefined);
        workers[turn++ % workers.length]!.postMessage({ id, recipients: chunk });
        for (const [j, recipient] of chunk.entries()) results.push(() => signed.then((s) => builder.bytes(recipient, s[j])));
      }
      return results;
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
