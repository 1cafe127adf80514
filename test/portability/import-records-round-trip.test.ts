import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDocument, importDocument } from './site-document-support.js';
import { importGhost } from '../../src/portability/ghost/ghost.importer.js';
import { addOldAddress } from '../../src/portability/old-address.repository.js';
import { DOCUMENT_VERSION, type SiteDocument } from '../../src/portability/document.schema.js';
import { testApp, type AppContext } from '../support/app.js';
import { dialects } from '../support/stores.js';
import { contentFolder, ghostFixtures } from './ghost-support.js';
import { tempDir } from './wordpress-support.js';

async function count(t: AppContext, table: 'posts' | 'tags' | 'authors' | 'old_addresses' | 'imported_items'): Promise<number> {
  const { n } = await t.store.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n);
}

const copy = (document: SiteDocument): Record<string, unknown> => JSON.parse(JSON.stringify(document)) as Record<string, unknown>;

describe.each(dialects)('what an import from Ghost made, through export and import, on %s', { timeout: 240_000 }, (dialect) => {
  const open: AppContext[] = [];
  const content = tempDir();
  let source: AppContext;
  let document: SiteDocument;

  const fresh = async () => {
    const t = await testApp(dialect);
    open.push(t);
    return t;
  };

  beforeAll(async () => {
    source = await fresh();
    await contentFolder(content.dir);
    await importGhost(source.services, ghostFixtures.lexical, { contentDir: content.dir });
    // An address of the site before Ghost, kept as a WordPress import keeps its permalinks.
    const harbour = await source.services.posts.getBySlug('harbour-notes');
    await addOldAddress(source.store.db, '/2019/05/harbour-notes', { postId: harbour.id }, '2026-11-01T00:00:00.000Z');
    document = await exportDocument(source.services);
  });
  afterAll(async () => {
    for (const t of open.splice(0)) await t.close();
    content.remove();
  });

  it('writes old addresses, imported items and tag visibility into the document', async () => {
    expect(document.masthead.version).toBe(DOCUMENT_VERSION);
    expect(document.oldAddresses).toHaveLength(await count(source, 'old_addresses'));
    expect(document.oldAddresses).toContainEqual({ address: '/search', to: { post: 'search-2' }, createdAt: expect.any(String) });
    expect(document.oldAddresses).toContainEqual({ address: '/2019/05/harbour-notes', to: { post: 'harbour-notes' }, createdAt: '2026-11-01T00:00:00.000Z' });
    const kinds = new Set(document.importedItems.map((item) => item.kind));
    expect([...kinds].sort()).toEqual(['author', 'post', 'tag']);
    expect(document.importedItems).toContainEqual(expect.objectContaining({ kind: 'post', externalId: '65a000000000000000000001', to: { post: 'harbour-notes' } }));
    expect(document.tags).toContainEqual(expect.objectContaining({ slug: 'hash-feature-slot', visibility: 'internal' }));
  });

  it('restores them: the same document again, old links answering 301, and the Ghost import run again adds nothing', async () => {
    const target = await fresh();
    await importDocument(target.services, copy(document));
    expect(await exportDocument(target.services)).toEqual(document);

    const answer = await target.app.inject({ method: 'GET', url: '/2019/05/harbour-notes/' });
    expect(answer.statusCode).toBe(301);
    expect(answer.headers.location).toMatch(/\/harbour-notes\/$/);
    expect((await target.services.taxonomy.getTag('hash-feature-slot', 'all')).visibility).toBe('internal');

    const posts = await count(target, 'posts');
    const tags = await count(target, 'tags');
    const report = await importGhost(target.services, ghostFixtures.lexical, { contentDir: content.dir });
    expect(report.counts.post?.created ?? 0).toBe(0);
    expect(report.counts.tag?.created ?? 0).toBe(0);
    expect(report.counts.section?.created ?? 0).toBe(0);
    expect(report.counts.author?.created ?? 0).toBe(0);
    expect(await count(target, 'posts')).toBe(posts);
    expect(await count(target, 'tags')).toBe(tags);
  });

  it('still imports a version 1 document, which has none of them', async () => {
    const old = copy(document) as Record<string, unknown> & { tags: Array<Record<string, unknown>> };
    old.masthead = { version: 1 };
    delete old.oldAddresses;
    delete old.importedItems;
    for (const tag of old.tags) delete tag.visibility;
    const target = await fresh();
    await importDocument(target.services, old);
    expect(await count(target, 'posts')).toBe(await count(source, 'posts'));
    expect(await count(target, 'old_addresses')).toBe(0);
    expect(await count(target, 'imported_items')).toBe(0);
    // A #name makes a tag internal, so Ghost's internal tag stays so even from an old document.
    expect((await target.services.taxonomy.getTag('hash-feature-slot', 'all')).visibility).toBe('internal');
  });

  it('refuses, changing nothing, a document whose records name a missing item or lead off the site', async () => {
    const target = await fresh();
    const missing = copy(document) as Record<string, unknown> & { oldAddresses: Array<{ to: Record<string, string> }> };
    missing.oldAddresses[0]!.to = { post: 'no-such-post' };
    await expect(importDocument(target.services, missing)).rejects.toMatchObject({
      code: 'IMPORT_INVALID',
      fields: [{ field: 'oldAddresses.0.to.post', message: 'no post in the document has the slug "no-such-post"' }],
    });
    const offsite = copy(document) as Record<string, unknown> & { oldAddresses: Array<{ to: Record<string, string> }> };
    for (const location of ['//evil.example/x', '/\\evil.example', 'https://evil.example/']) {
      offsite.oldAddresses[0]!.to = { location };
      await expect(importDocument(target.services, offsite)).rejects.toMatchObject({ code: 'IMPORT_INVALID', fields: [{ field: 'oldAddresses.0.to.location' }] });
    }
    const future = copy(document);
    future.masthead = { version: DOCUMENT_VERSION + 1 };
    await expect(importDocument(target.services, future)).rejects.toMatchObject({ code: 'IMPORT_INVALID', fields: [{ field: 'masthead.version' }] });
    expect(await count(target, 'posts')).toBe(0);
    expect(await count(target, 'old_addresses')).toBe(0);
  });
});
