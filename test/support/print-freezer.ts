// A process that freezes one print issue when told to (a line on stdin) and prints the report as
// JSON ("null" when the issue was frozen already): two of them race on the same issue.
import readline from 'node:readline';
import type { DatabaseConfig } from '../../src/config/schema.js';
import { openStore } from '../../src/db/client.js';
import { outboxMailer } from '../../src/email/index.js';
import { createServices } from '../../src/services.js';
import { silentLoggerFor } from './silent-logger.js';

const config = JSON.parse(process.argv[2]!) as DatabaseConfig;
const issueId = Number(process.argv[3]);
const store = openStore(config);
const services = createServices(store, { logger: silentLoggerFor(), mailer: outboxMailer({ dataDir: '/tmp', mailFrom: undefined }) });
const lines = readline.createInterface({ input: process.stdin });
process.stdout.write('ready\n');
await new Promise((resolve) => lines.once('line', resolve));
lines.close();
try {
  process.stdout.write(`${JSON.stringify((await services.print.freeze(issueId)) ?? null)}\n`);
} finally {
  await store.close();
}
