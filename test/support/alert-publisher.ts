// A process that publishes one piece and is killed (SIGKILL) the moment the publish has
// committed, before anything it does in-process after the commit can finish.
import type { DatabaseConfig } from '../../src/config/schema.js';
import { openStore } from '../../src/db/client.js';
import { outboxMailer } from '../../src/email/index.js';
import { createServices } from '../../src/services.js';
import { silentLoggerFor } from './silent-logger.js';

const [config, title, tag, author] = process.argv.slice(2) as [string, string, string, string];
const services = createServices(openStore(JSON.parse(config) as DatabaseConfig), { logger: silentLoggerFor(), mailer: outboxMailer({ dataDir: '/tmp', mailFrom: undefined }) });
const post = await services.posts.create({ title, body: 'Text.', authors: [author], tags: [tag], status: 'published' });
process.stdout.write(`committed ${post.id}\n`);
process.kill(process.pid, 'SIGKILL');
