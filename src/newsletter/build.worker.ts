// A worker thread that DKIM-signs newsletter messages, so signing never holds up sending.
import { parentPort, workerData } from 'node:worker_threads';
import { MessageBuilder, type Addressed, type MessageSettings } from './message.builder.js';
import type { SendContent } from './send.types.js';

const { content, settings } = workerData as { content: SendContent; settings: MessageSettings };
const builder = new MessageBuilder(content, settings);

parentPort!.on('message', ({ id, recipients }: { id: number; recipients: Addressed[] }) => {
  parentPort!.postMessage({ id, signatures: recipients.map((r) => builder.signature(r) ?? '') });
});
