// A worker thread that builds and DKIM-signs newsletter messages, so signing never holds up sending.
import { parentPort, workerData } from 'node:worker_threads';
import { MessageBuilder, type MessageSettings, type Recipient } from './message.builder.js';
import type { SendContent } from './send.types.js';

const { content, settings } = workerData as { content: SendContent; settings: MessageSettings };
const builder = new MessageBuilder(content, settings);

parentPort!.on('message', ({ id, recipients }: { id: number; recipients: Recipient[] }) => {
  const messages = recipients.map((r) => builder.build(r));
  // A message that fills its own memory is handed over as it is; one in the shared pool is copied first.
  const buffers = messages.map((m) => (m.byteOffset === 0 && m.byteLength === m.buffer.byteLength ? new Uint8Array(m.buffer) : new Uint8Array(m.buffer, m.byteOffset, m.byteLength).slice()));
  parentPort!.postMessage({ id, messages: buffers }, buffers.map((b) => b.buffer as ArrayBuffer));
});
