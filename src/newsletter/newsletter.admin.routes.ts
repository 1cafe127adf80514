import path from 'node:path';
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { staffOnly } from '../admin-api/guard.js';
import { isoDate, line, paragraph, slugSchema } from '../content/text.js';
import { parseInput } from '../errors/validate.js';
import type { Services } from '../services.js';
import { subscriberStatuses } from '../subscribers/index.js';

export interface NewsletterAdminDeps {
  services: Pick<Services, 'subscribers' | 'sends' | 'newsletter' | 'mailer' | 'clock'>;
  dataDir: string;
}

const idParam = z.object({ id: z.coerce.number().int().positive() }).strict();
const emailParam = z.object({ email: z.string().max(254) }).strict();
const slugParam = z.object({ slug: slugSchema }).strict();
const newsletterQuery = z.object({ newsletter: slugSchema.optional() }).strict();
const newsletterInput = z.object({ slug: slugSchema, name: line(120, 1), description: paragraph(500).default(''), isDefault: z.boolean().default(false) }).strict();
const growthQuery = z.object({ from: isoDate, to: isoDate }).strict();
const postSendInput = z.object({ newsletter: slugSchema.optional() }).strict();

/** The newsletter part of the admin API (editors and up): subscribers, digests, sends and settings. */
export async function newsletterAdminRoutes(app: FastifyInstance, deps: NewsletterAdminDeps): Promise<void> {
  const { subscribers, sends, newsletter, mailer } = deps.services;
  app.addHook('preHandler', staffOnly('editor'));
  app.addContentTypeParser(['text/csv', 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: 50 * 1024 * 1024 }, (_request, body, done) => done(null, body));

  app.get('/status', async () => ({
    delivery: mailer.kind,
    ...(mailer.kind === 'outbox' ? { outbox: path.join(deps.dataDir, 'outbox'), notice: 'No SMTP_URL is set: emails are written to the outbox folder, not sent.' } : {}),
    dkim: mailer.dkim !== undefined,
    connections: mailer.connections,
    nextDigest: (await newsletter.nextDigestSlot()).toISOString(),
  }));

  app.get('/settings', async () => sends.settings());
  app.patch('/settings', async (request) => {
    const updated = await sends.updateSettings(request.body);
    await newsletter.scheduleAssembly();
    return updated;
  });

  app.get('/newsletters', async () => ({ newsletters: await subscribers.newsletters() }));
  app.post('/newsletters', async (request, reply) => reply.code(201).send(await subscribers.createNewsletter(parseInput(newsletterInput, request.body))));

  app.get('/subscribers', async (request) => subscribers.list(request.query));
  app.get('/subscribers/statuses', async () => ({ statuses: subscriberStatuses }));
  app.get('/subscribers/growth', async (request) => {
    const { from, to } = parseInput(growthQuery, request.query);
    return { points: await subscribers.growth(from, to) };
  });
  app.get('/subscribers/export.csv', async (_request, reply) =>
    reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="subscribers.csv"').send(Readable.from(subscribers.exportCsv())),
  );
  app.post('/subscribers/import', async (request) => {
    const { newsletter: slug } = parseInput(newsletterQuery, request.query);
    const body = Buffer.isBuffer(request.body) ? request.body : Buffer.from(typeof request.body === 'string' ? request.body : '');
    return subscribers.importCsv(body, { newsletter: slug });
  });
  app.get('/subscribers/:email/export', async (request) => subscribers.exportOne(parseInput(emailParam, request.params).email));
  app.delete('/subscribers/:email', async (request, reply) => {
    await subscribers.erase(parseInput(emailParam, request.params).email);
    return reply.code(204).send();
  });

  app.get('/digests', async () => ({ digests: await newsletter.digests() }));
  app.post('/digests/assemble', async (_request, reply) => reply.code(201).send(await newsletter.assemble(await newsletter.nextDigestSlot())));
  app.get('/digests/:id', async (request) => newsletter.digest(parseInput(idParam, request.params).id));
  app.patch('/digests/:id', async (request) => newsletter.update(parseInput(idParam, request.params).id, request.body));
  app.get('/digests/:id/preview', async (request, reply) =>
    reply.type('text/html; charset=utf-8').send(await newsletter.preview(parseInput(idParam, request.params).id)),
  );
  app.post('/digests/:id/test', async (request, reply) => {
    await newsletter.sendTest(parseInput(idParam, request.params).id, request.body);
    return reply.code(204).send();
  });
  app.post('/digests/:id/send', async (request, reply) => reply.code(202).send({ sendId: await newsletter.sendNow(parseInput(idParam, request.params).id) }));
  app.post('/digests/:id/schedule', async (request) => newsletter.schedule(parseInput(idParam, request.params).id, request.body));

  app.post('/posts/:slug/send', async (request, reply) => {
    const { slug } = parseInput(slugParam, request.params);
    const { newsletter: target } = parseInput(postSendInput, request.body ?? {});
    return reply.code(202).send(await newsletter.sendPost(slug, target));
  });

  app.get('/sends', async () => ({ sends: await sends.reports(50) }));
  app.get('/sends/:id', async (request) => sends.report(parseInput(idParam, request.params).id));
}
