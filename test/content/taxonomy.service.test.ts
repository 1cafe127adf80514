import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContentChange } from '../../src/content/index.js';
import { dialects, testServices, type TestContext } from '../support/stores.js';

describe.each(dialects)('sections, tags and authors on %s', (dialect) => {
  let t: TestContext;
  let changes: ContentChange[];
  beforeEach(async () => {
    t = await testServices(dialect);
    changes = [];
    t.services.events.on((change) => changes.push(change));
  });
  afterEach(async () => t.close());

  it('announces every change with the old and the new slug, so pages showing them refresh', async () => {
    const tag = await t.services.taxonomy.createTag({ name: 'Film', slug: 'film', isSection: true });
    await t.services.taxonomy.updateTag('film', { name: 'Cinema', slug: 'cinema', isSection: true });
    const author = await t.services.taxonomy.createAuthor({ name: 'Ada Obi' });
    await t.services.taxonomy.updateAuthor('ada-obi', { name: 'Ada Obi-Lane', slug: 'ada-obi-lane' });
    expect(changes).toEqual([
      { kind: 'tag', id: tag.id, slugs: ['film'] },
      { kind: 'tag', id: tag.id, slugs: ['film', 'cinema'] },
      { kind: 'author', id: author.id, slugs: ['ada-obi'] },
      { kind: 'author', id: author.id, slugs: ['ada-obi', 'ada-obi-lane'] },
    ]);
  });

  it('refuses a taken slug and announces nothing', async () => {
    await t.services.taxonomy.createTag({ name: 'Film', slug: 'film' });
    changes.length = 0;
    await expect(t.services.taxonomy.createTag({ name: 'Films', slug: 'film' })).rejects.toMatchObject({ code: 'SLUG_TAKEN' });
    expect(changes).toEqual([]);
  });
});
