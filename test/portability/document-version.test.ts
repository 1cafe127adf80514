import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DOCUMENT_VERSION, siteDocument } from '../../src/portability/document.schema.js';
import { dialects, testServices, type TestContext } from '../support/stores.js';
import { importDocument } from './site-document-support.js';

/**
 * The shape of the site document each version has had, as a fingerprint of its JSON Schema. An
 * older Masthead refuses parts and fields it does not know, so a document whose shape changed
 * under the same version number would fail there on some field instead of saying it is newer.
 */
const fingerprints: Record<number, string> = {
  3: '09156c641492ad1a',
};

const fingerprint = () =>
  createHash('sha256')
    .update(JSON.stringify(z.toJSONSchema(siteDocument, { io: 'input', unrepresentable: 'any' })))
    .digest('hex')
    .slice(0, 16);

describe('the site document format', () => {
  it('changes only with its version', () => {
    expect(fingerprint(), `the site document's shape changed: raise DOCUMENT_VERSION in src/portability/document.schema.ts, say there what the version adds, and record the new fingerprint for it here`).toBe(
      fingerprints[DOCUMENT_VERSION],
    );
  });
});

describe.each(dialects)('a document from a newer Masthead on %s', (dialect) => {
  let t: TestContext;
  afterEach(async () => t?.close());

  it('is refused by its version, whatever parts it adds, with nothing stored', async () => {
    t = await testServices(dialect);
    const newer = {
      masthead: { version: DOCUMENT_VERSION + 1 },
      settings: { title: 'From the future' },
      reactions: [{ post: 'harbour', emoji: 'wave' }],
      tags: [{ name: 'News', slug: 'news', description: '', isSection: true }],
      authors: [],
      works: [],
      posts: [],
      users: [],
    };
    await expect(importDocument(t.services, newer)).rejects.toMatchObject({ code: 'IMPORT_INVALID', fields: [{ field: 'masthead.version' }] });
    expect((await t.services.settings.site()).title).not.toBe('From the future');
    expect(await t.services.taxonomy.listTags()).toEqual([]);
  });
});
