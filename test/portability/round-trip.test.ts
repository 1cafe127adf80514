import { afterEach, describe, expect, it } from 'vitest';
import { loadDemoContent } from '../../src/demo/index.js';
import { exportDocument, importDocument } from './site-document-support.js';
import { dialects, testServices, type TestContext } from '../support/stores.js';

describe.each(dialects)('export and import on %s', (dialect) => {
  const open: TestContext[] = [];
  afterEach(async () => {
    for (const t of open.splice(0)) await t.close();
  });
  const fresh = async () => {
    const t = await testServices(dialect);
    open.push(t);
    return t;
  };

  it('export → import into an empty site → export gives the same document', async () => {
    const source = await fresh();
    await loadDemoContent(source.services, { artwork: true });
    const reviewed = (await source.services.posts.list({ format: 'review' }, { limit: 1 })).posts[0]!;
    await source.services.posts.update(reviewed.id, { slug: `${reviewed.slug}-renamed` });
    await source.services.users.create({ email: 'editor@halcyon.example', name: 'Rae', role: 'editor', password: 'long enough secret' });
    const first = await exportDocument(source.services);
    expect(first.posts.length).toBeGreaterThanOrEqual(30);
    expect(first.posts.some((p) => p.redirectsFrom.includes(reviewed.slug))).toBe(true);

    const target = await fresh();
    await importDocument(target.services, first);
    const second = await exportDocument(target.services);
    expect(second).toEqual(first);
    expect(await target.services.posts.lookupPublic(reviewed.slug)).toEqual({ kind: 'redirect', slug: `${reviewed.slug}-renamed` });
  });

  it('imports nothing at all when one item in the document is bad', async () => {
    const source = await fresh();
    await loadDemoContent(source.services);
    const document = await exportDocument(source.services);
    document.posts.at(-1)!.post.title = '';
    const target = await fresh();
    const error = await importDocument(target.services, document).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'IMPORT_INVALID' });
    expect((error as { fields: Array<{ field: string }> }).fields[0]!.field).toBe(`posts.${document.posts.length - 1}.post.title`);
    expect(await target.services.posts.isEmpty()).toBe(true);
    expect(await target.services.taxonomy.listTags()).toEqual([]);
  });
});
