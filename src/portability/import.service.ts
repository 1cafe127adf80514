import { AppError } from '../errors/app-error.js';
import { parseInput } from '../errors/validate.js';
import { importMemberships } from '../members/index.js';
import { importPrint } from '../print/index.js';
import { saveWork } from '../reviews/index.js';
import { writeSetting } from '../settings/index.js';
import { createServices, type Services } from '../services.js';
import { siteDocument, type SiteDocument } from './document.schema.js';
import type { Progress } from './export.service.js';

/**
 * Loads a site document into an empty site, all in one transaction: either everything arrives or
 * nothing does. The document is checked whole before anything is written.
 */
export async function importSite(services: Services, input: unknown, onProgress?: Progress): Promise<SiteDocument> {
  const document = parseDocument(input);
  if (!(await services.posts.isEmpty()) || (await services.taxonomy.listTags('all')).length > 0) {
    throw new AppError('IMPORT_TARGET_NOT_EMPTY', 'The site already has content; imports go into an empty site.');
  }
  const now = services.clock();
  await services.store.db.transaction().execute(async (tx) => {
    // The same services, bound to this transaction, so every rule applies and nothing half-written stays.
    const scoped = createServices({ ...services.store, db: tx }, services);
    const stamp = now.toISOString();
    for (const [key, value] of Object.entries(document.settings)) await writeSetting(tx, key, value, stamp);
    for (const tag of document.tags) await scoped.taxonomy.createTag(tag);
    for (const author of document.authors) await scoped.taxonomy.createAuthor(author);
    for (const work of document.works) await saveWork(tx, work, stamp);
    for (const [index, { post, redirectsFrom }] of document.posts.entries()) {
      // A post scheduled for a time that has passed since the export is simply published.
      const due = post.status === 'scheduled' && post.publishedAt !== undefined && post.publishedAt <= stamp;
      const created = await scoped.posts.create(due ? { ...post, status: 'published' } : post).catch((error: unknown) => {
        throw prefixed(error, `posts.${index}`);
      });
      if (redirectsFrom.length > 0) await scoped.posts.addRedirects(created.id, redirectsFrom);
      onProgress?.(index + 1, document.posts.length);
    }
    await scoped.subscribers.restore(document);
    for (const user of document.users) {
      await scoped.users.create({ email: user.email, name: user.name, role: user.role });
    }
    await importMemberships(tx, document.memberships, stamp);
    await importPrint(tx, scoped.jobs, document.printIssues, stamp);
  });
  services.events.emit({ kind: 'settings', slugs: [] });
  return document;
}

function parseDocument(input: unknown): SiteDocument {
  try {
    return parseInput(siteDocument, input);
  } catch (error) {
    if (error instanceof AppError) throw new AppError('IMPORT_INVALID', error.message, error.fields);
    throw error;
  }
}

function prefixed(error: unknown, prefix: string): unknown {
  if (!(error instanceof AppError)) return error;
  const fields = error.fields.map((f) => ({ ...f, field: `${prefix}.${f.field}` }));
  return new AppError(error.code, `${prefix}: ${error.message}`, fields);
}
