// A server process that receives one Stripe webhook through the real route. The crash test
// holds a lock so that applying the event blocks after the event is recorded, then kills this
// process with SIGKILL.
import { buildApp } from '../../src/app.js';
import type { DatabaseConfig } from '../../src/config/schema.js';
import { openStore } from '../../src/db/client.js';
import { outboxMailer } from '../../src/email/index.js';
import { createServices } from '../../src/services.js';
import { silentLoggerFor } from './silent-logger.js';
import { WEBHOOK_SECRET } from './stripe-server.js';

const [config, payload, signature] = process.argv.slice(2) as [string, string, string];
const store = openStore(JSON.parse(config) as DatabaseConfig);
const logger = silentLoggerFor();
const services = createServices(store, {
  logger,
  mailer: outboxMailer({ dataDir: '/tmp', mailFrom: undefined }),
  stripe: { secretKey: 'sk_test_masthead', webhookSecret: WEBHOOK_SECRET },
});
const app = await buildApp({ config: { publicUrl: 'http://localhost:3000', themeDir: undefined, dataDir: '/tmp/masthead-webhook-receiver' }, services, logger });
process.stdout.write('receiving\n');
const res = await app.inject({ method: 'POST', url: '/webhooks/stripe', headers: { 'content-type': 'application/json', 'stripe-signature': signature }, payload });
process.stdout.write(`answered ${res.statusCode}\n`);
