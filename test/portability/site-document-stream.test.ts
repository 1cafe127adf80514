import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { importSite } from '../../src/portability/import.service.js';
import { DOCUMENT_VERSION } from '../../src/portability/document.schema.js';
import { makePlans } from '../members/helpers.js';
import { dialects, testServices, type TestContext } from '../support/stores.js';
import { exportDocument } from './site-document-support.js';

/** A small document as export writes it: one section, one author, two posts. */
function smallDocument(): Record<string, unknown> {
  const post = (n: number) => ({
    post: { title: `Harbour notes ${n}`, slug: `harbour-notes-${n}`, body: `Boats, ${n}.`, status: 'published', publishedAt: '2026-01-0' + n + 'T00:00:00.000Z', authors: ['ada'], tags: ['news'] },
    redirectsFrom: n === 1 ? ['old-harbour'] : [],
  });
  return {
    masthead: { version: 2 },
    settings: { title: 'Harbour Weekly' },
    tags: [{ name: 'News', slug: 'news', description: '', isSection: true }],
    authors: [{ name: 'Ada', slug: 'ada' }],
    works: [],
    posts: [post(1), post(2)],
    users: [],
    oldAddresses: [{ address: '/2019/05/harbour', to: { post: 'harbour-notes-1' }, createdAt: '2026-11-01T00:00:00.000Z' }],
  };
}

/** Text in pieces of `size` bytes, as a file arrives from disk. */
const inPieces = (text: string, size = 7) => {
  const bytes = Buffer.from(text);
  return Readable.from(Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size)));
};

describe.each(dialects)('a site document read as a stream on %s', (dialect) => {
  const open: TestContext[] = [];
  afterEach(async () => {
    for (const t of open.splice(0)) await t.close();
  });
  const fresh = async () => {
    const t = await testServices(dialect);
    open.push(t);
    return t;
  };
  const isEmpty = async (t: TestContext) => (await t.services.posts.isEmpty()) && (await t.services.taxonomy.listTags('all')).length === 0;

  it('takes a document arriving in small pieces, with a byte order mark, and gives it back the same', async () => {
    const t = await fresh();
    const text = `\uFEFF${JSON.stringify(smallDocument(), null, 2)}`;
    expect(await importSite(t.services, inPieces(text))).toEqual({ posts: 2 });
    const again = await exportDocument(t.services);
    expect(again.posts.map((p) => [p.post.slug, p.redirectsFrom])).toEqual([
      ['harbour-notes-1', ['old-harbour']],
      ['harbour-notes-2', []],
    ]);
    expect(again.oldAddresses).toEqual([{ address: '/2019/05/harbour', to: { post: 'harbour-notes-1' }, createdAt: '2026-11-01T00:00:00.000Z' }]);
  });

  it('takes a hand-made document whose lists come in another order than export writes them', async () => {
    const t = await fresh();
    const { masthead, ...rest } = smallDocument();
    const reordered = { oldAddresses: rest.oldAddresses, posts: rest.posts, users: [], works: [], authors: rest.authors, tags: rest.tags, settings: rest.settings, masthead };
    expect(await importSite(t.services, inPieces(JSON.stringify(reordered), 64))).toEqual({ posts: 2 });
    const again = await exportDocument(t.services);
    expect(again.posts.map((p) => p.post.tags)).toEqual([['news'], ['news']]);
    expect(again.oldAddresses).toHaveLength(1);
  });

  it('refuses a truncated document, one with text after it and one that is not JSON, changing nothing', async () => {
    const t = await fresh();
    const text = JSON.stringify(smallDocument());
    for (const broken of [text.slice(0, text.indexOf('harbour-notes-2')), `${text} {}`, "{masthead: 'two'}", '']) {
      const error = await importSite(t.services, inPieces(broken, 100)).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'IMPORT_INVALID', message: expect.stringMatching(/is not valid JSON/) });
      expect(await isEmpty(t)).toBe(true);
    }
  });

  it('refuses wrong shapes naming the field, as the whole document was refused before', async () => {
    const t = await fresh();
    const cases: Array<[unknown, string]> = [
      [[], '(input)'],
      [{ ...smallDocument(), posts: {} }, 'posts'],
      [{ ...smallDocument(), tags: 'news' }, 'tags'],
      [{ ...smallDocument(), extra: 1 }, '(input)'],
      [{ ...smallDocument(), masthead: { version: DOCUMENT_VERSION + 1 } }, 'masthead.version'],
      [(({ works: _, ...rest }) => rest)(smallDocument()), 'works'],
      [{ ...smallDocument(), memberships: { plans: [], members: [] } }, 'memberships.subscriptions'],
    ];
    for (const [document, field] of cases) {
      const error = await importSite(t.services, inPieces(JSON.stringify(document), 50)).catch((e: unknown) => e);
      expect(error, field).toMatchObject({ code: 'IMPORT_INVALID', fields: [expect.objectContaining({ field })] });
      expect(await isEmpty(t)).toBe(true);
    }
  });

  it('reads memberships list by list, whatever their order, and refuses a wrong one naming its field', async () => {
    const source = await fresh();
    await makePlans(source.services);
    const { plans } = (await exportDocument(source.services)).memberships;
    const member = { email: 'ann@example.com', name: 'Ann', stripeCustomerId: null, address: null };
    const subscription = {
      member: 'ann@example.com',
      buyer: null,
      plan: 'digital',
      billing: 'year',
      status: 'active',
      stripeSubscriptionId: null,
      currentPeriodEnd: null,
      cancelAtPeriodEnd: false,
      graceUntil: null,
      issuesRemaining: 0,
    };
    const t = await fresh();
    const { masthead, ...rest } = smallDocument();
    const reordered = { ...rest, memberships: { subscriptions: [subscription], members: [member], plans }, masthead };
    expect(await importSite(t.services, inPieces(JSON.stringify(reordered), 40))).toEqual({ posts: 2 });
    const again = (await exportDocument(t.services)).memberships;
    expect(again.members).toEqual([member]);
    expect(again.subscriptions).toEqual([subscription]);

    const empty = await fresh();
    const sections = { plans, members: [member], subscriptions: [subscription] };
    const cases: Array<[string, string]> = [
      ['[]', 'memberships'],
      ['null', 'memberships'],
      [JSON.stringify({ ...sections, extra: 1 }), 'memberships'],
      [JSON.stringify({ ...sections, plans: {} }), 'memberships.plans'],
      [JSON.stringify({ ...sections, members: 'ann' }), 'memberships.members'],
      [JSON.stringify({ ...sections, members: [{ ...member, email: 'ann' }] }), 'memberships.members.0.email'],
      [JSON.stringify({ ...sections, subscriptions: [{ ...subscription, member: 'bo@example.com' }] }), 'memberships.subscriptions.0.member'],
      [JSON.stringify({ plans, members: [member] }), 'memberships.subscriptions'],
      [JSON.stringify(sections).replace(/}$/, ',"members":[]}'), 'memberships.members'],
    ];
    for (const [memberships, field] of cases) {
      const text = JSON.stringify(smallDocument()).replace(/}$/, `,"memberships":${memberships}}`);
      const error = await importSite(empty.services, inPieces(text, 50)).catch((e: unknown) => e);
      expect(error, memberships).toMatchObject({ code: 'IMPORT_INVALID', fields: [expect.objectContaining({ field })] });
      expect(await isEmpty(empty)).toBe(true);
    }
  });

  it('refuses a document holding a list twice rather than writing both', async () => {
    const t = await fresh();
    const twice = JSON.stringify(smallDocument()).replace(/}$/, ',"tags":[{"name":"Film","slug":"film","description":"","isSection":true}]}');
    await expect(importSite(t.services, inPieces(twice, 50))).rejects.toMatchObject({ code: 'IMPORT_INVALID', fields: [{ field: 'tags', message: 'is in the document twice' }] });
    expect(await isEmpty(t)).toBe(true);
  });

  it('refuses a post of a bad shape after earlier posts were written, keeping none of them', async () => {
    const t = await fresh();
    const document = smallDocument() as { posts: Array<{ post: Record<string, unknown> }> };
    document.posts[1]!.post.status = 'everywhere';
    const error = await importSite(t.services, inPieces(JSON.stringify(document), 50)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'IMPORT_INVALID', fields: [{ field: 'posts.1.post.status' }] });
    expect(await isEmpty(t)).toBe(true);
  });

  it('refuses a huge string and deep nesting with one clear error instead of reading them', async () => {
    const t = await fresh();
    const huge = smallDocument() as { posts: Array<{ post: Record<string, unknown> }> };
    huge.posts[1]!.post.body = 'x'.repeat(1_000_001);
    await expect(importSite(t.services, inPieces(JSON.stringify(huge), 65_536))).rejects.toMatchObject({
      code: 'IMPORT_INVALID',
      fields: [{ field: 'posts.1', message: 'holds a string longer than 1,000,000 characters' }],
    });
    const deep = `{"masthead":{"version":2},"settings":{"a":${'['.repeat(100_000)}${']'.repeat(100_000)}}}`;
    await expect(importSite(t.services, inPieces(deep, 4096))).rejects.toMatchObject({
      code: 'IMPORT_INVALID',
      fields: [{ field: 'settings', message: 'is nested deeper than 64 levels' }],
    });
    expect(await isEmpty(t)).toBe(true);
  });

  it('reads a member named __proto__ as a plain member, refused as unknown, never as the prototype', async () => {
    const t = await fresh();
    const text = JSON.stringify(smallDocument()).replace('"title":"Harbour notes 2"', '"__proto__":{"status":"draft"},"title":"Harbour notes 2"');
    await expect(importSite(t.services, inPieces(text, 50))).rejects.toMatchObject({
      code: 'IMPORT_INVALID',
      fields: [{ field: 'posts.1.post', message: 'unknown field(s): __proto__' }],
    });
    expect(await isEmpty(t)).toBe(true);
  });
});
