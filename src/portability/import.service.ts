import type { DbOrTx } from '../db/client.js';
import { AppError, type FieldError } from '../errors/app-error.js';
import { parseInput } from '../errors/validate.js';
import { importMemberships } from '../members/index.js';
import { importPrint } from '../print/index.js';
import { saveWork } from '../reviews/index.js';
import { writeSetting } from '../settings/index.js';
import { createServices, type Services } from '../services.js';
import { siteDocument, type SiteDocument } from './document.schema.js';
import type { Progress } from './export.service.js';
import { idsBySlug, recordImported, type SlugRef } from './imported-item.repository.js';
import { addOldAddress, type OldAddressTarget } from './old-address.repository.js';

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
    await restoreImportRecords(tx, document);
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

/**
 * Old addresses and what imports from other platforms brought in, their items found again by
 * slug, so old links still answer 301 and running the same platform import again adds nothing.
 */
async function restoreImportRecords(tx: DbOrTx, document: SiteDocument): Promise<void> {
  if (document.oldAddresses.length === 0 && document.importedItems.length === 0) return;
  const ids = await idsBySlug(tx);
  const problems: FieldError[] = [];
  const idOf = (to: SlugRef, field: string): number => {
    const kind = 'post' in to ? 'post' : 'tag' in to ? 'tag' : 'author';
    const slug = 'post' in to ? to.post : 'tag' in to ? to.tag : to.author;
    const id = ids[kind].get(slug);
    if (id === undefined) problems.push({ field: `${field}.to.${kind}`, message: `no ${kind} in the document has the slug "${slug}"` });
    return id ?? 0;
  };
  const addresses = document.oldAddresses.map((entry, index): [string, OldAddressTarget, string] => {
    const { to } = entry;
    const target: OldAddressTarget =
      'location' in to ? { location: to.location } : 'post' in to ? { postId: idOf(to, `oldAddresses.${index}`) } : 'tag' in to ? { tagId: idOf(to, `oldAddresses.${index}`) } : { authorId: idOf(to, `oldAddresses.${index}`) };
    return [entry.address, target, entry.createdAt];
  });
  const items = document.importedItems.map((item, index) => ({ item, targetId: idOf(item.to, `importedItems.${index}`) }));
  if (problems.length > 0) throw new AppError('IMPORT_INVALID', `${problems[0]!.field}: ${problems[0]!.message}`, problems);
  for (const [address, target, createdAt] of addresses) await addOldAddress(tx, address, target, createdAt);
  for (const { item, targetId } of items) {
    const { source, kind, externalId, sourceHash, targetHash, importedAt } = item;
    await recordImported(tx, source, { kind, externalId, targetId, sourceHash, targetHash, importedAt });
  }
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
