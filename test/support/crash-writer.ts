// A process that writes posts as fast as it can and reports each one after it commits.
// The crash test kills it with SIGKILL mid-way.
import { openStore } from '../../src/db/client.js';
import type { DatabaseConfig } from '../../src/config/schema.js';
import { outboxMailer } from '../../src/email/index.js';
import { createServices } from '../../src/services.js';
import { silentLoggerFor } from './silent-logger.js';

const config = JSON.parse(process.argv[2]!) as DatabaseConfig;
const store = openStore(config);
const services = createServices(store, { logger: silentLoggerFor(), mailer: outboxMailer({ dataDir: '/tmp', mailFrom: undefined }) });
const authors = ['crash-a', 'crash-b'];
const tags = ['crash-x', 'crash-y', 'crash-z'];
for (const slug of authors) await services.taxonomy.createAuthor({ name: slug, slug });
for (const slug of tags) await services.taxonomy.createTag({ name: slug, slug });
process.stdout.write('ready\n');
for (let i = 0; ; i += 1) {
  const post = await services.posts.create({
    title: `Crash ${i}`,
    body: `Body ${i} `.repeat(200),
    authors,
    tags,
    status: 'published',
    format: 'review',
    review: { work: { type: 'book', title: `Book ${i}`, credits: [{ name: `Writer ${i}`, role: 'author' }] } },
  });
  process.stdout.write(`committed ${post.id}\n`);
}
