import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Migrator, sql } from 'kysely';
import type { Author } from '../../src/content/index.js';
import { AppError } from '../../src/errors/app-error.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { migrationProvider } from '../../src/db/migrations/index.js';
import { PostgresSearchIndex } from '../../src/search/postgres.search-index.js';
import type { SearchTerms } from '../../src/search/search.types.js';
import { dialects, manualClock, testServices, type TestContext } from '../support/stores.js';
import { filmReview, makeAuthor, makeTag, postFields } from '../support/factories.js';

const titles = (results: { hits: Array<{ post: { title: string } }> }) => results.hits.map((h) => h.post.title);

describe.each(dialects)('search on %s', (dialect) => {
  let t: TestContext;
  let writer: Author;
  const time = manualClock();

  beforeEach(async () => {
    time.set('2026-11-25T12:00:00.000Z');
    t = await testServices(dialect, { clock: time.clock });
    writer = await makeAuthor(t.services, { name: 'Ada Obi', slug: 'ada-obi' });
  });
  afterEach(async () => t.close());

  const publish = (overrides: Record<string, unknown>) => t.services.posts.create(postFields([writer.slug], { status: 'published', ...overrides }));
  const search = (input: Record<string, unknown>) => t.services.search.search(input);

  it('ranks a piece with the words in its title above one that only mentions them in the body', async () => {
    await publish({ title: 'Notes on weather', body: 'The lighthouse keeper. A lighthouse again, and a lighthouse at dusk.' });
    await publish({ title: 'The lighthouse', body: 'A short piece about the sea.' });
    const results = await search({ q: 'lighthouse' });
    expect(titles(results)).toEqual(['The lighthouse', 'Notes on weather']);
    expect(results.total).toBe(2);
  });

  it('highlights the matched words in an escaped snippet', async () => {
    await publish({ title: 'Harbour', body: 'Fish & chips <script>alert(1)</script> by the harbour wall at night.' });
    const [hit] = (await search({ q: 'harbour wall' })).hits;
    expect(hit!.snippet).toContain('<mark>harbour</mark> <mark>wall</mark>');
    expect(hit!.snippet).toContain('&amp;');
    expect(hit!.snippet).not.toContain('<script>');
  });

  it('marks the passage around a match deep in a long piece, also when only another form of the word matches', async () => {
    const filler = Array.from({ length: 300 }, (_, i) => `Filler sentence ${i} about nothing much.`).join(' ');
    await publish({ title: 'Long read', body: `${filler} The lighthouse keeper studied the tides. ${filler}` });
    const snippet = async (q: string) => (await search({ q })).hits[0]?.snippet;
    expect(await snippet('lighthouse ')).toContain('<mark>lighthouse</mark> keeper studied the tides.');
    expect(await snippet('studies ')).toContain('keeper <mark>studied</mark> the tides');
    // A passage never starts or ends inside a word (SQLite marks a cut with an ellipsis).
    const words = new Set(['Filler', 'sentence', 'about', 'nothing', 'much', 'much.', 'The', 'lighthouse', 'keeper', 'studied', 'the', 'tides', 'tides.']);
    const passage = (await snippet('tides '))!.replace(/<\/?mark>/g, '').replace(/^…|…$/g, '');
    expect(passage.split(' ').filter((word) => !words.has(word) && !/^\d+$/.test(word))).toEqual([]);
  });

  it('matches the start of a word while the reader is still typing', async () => {
    await publish({ title: 'A portrait of the artist' });
    expect(titles(await search({ q: 'portr' }))).toEqual(['A portrait of the artist']);
    expect(titles(await search({ q: 'the artis' }))).toEqual(['A portrait of the artist']);
  });

  it('finds reviews by the film title, the director and the cast', async () => {
    await t.services.posts.create(filmReview([writer.slug], { status: 'published', title: 'A quiet triumph', body: 'Plain words.' }));
    for (const q of ['past lives', 'celine song', 'greta lee']) expect(titles(await search({ q }))).toEqual(['A quiet triumph']);
  });

  it('filters by section, format, author and publication dates', async () => {
    const other = await makeAuthor(t.services, { name: 'Mira Sol', slug: 'mira-sol' });
    await makeTag(t.services, { name: 'Film', slug: 'film' });
    await makeTag(t.services, { name: 'Books', slug: 'books' });
    await publish({ title: 'Orchard film', tags: ['film'], publishedAt: '2024-03-01T10:00:00.000Z' });
    await publish({ title: 'Orchard book', tags: ['books'], format: 'essay', publishedAt: '2025-06-15T10:00:00.000Z' });
    await t.services.posts.create(postFields([other.slug], { title: 'Orchard diary', status: 'published', publishedAt: '2025-06-16T23:59:00.000Z' }));
    expect(titles(await search({ q: 'orchard', section: 'film' }))).toEqual(['Orchard film']);
    expect(titles(await search({ q: 'orchard', format: 'essay' }))).toEqual(['Orchard book']);
    expect(titles(await search({ q: 'orchard', author: 'mira-sol' }))).toEqual(['Orchard diary']);
    expect(titles(await search({ q: 'orchard', from: '2025-01-01', to: '2025-06-16' })).sort()).toEqual(['Orchard book', 'Orchard diary']);
    expect(titles(await search({ q: 'orchard', to: '2024-12-31' }))).toEqual(['Orchard film']);
  });

  it('keeps filtered searches in step when a piece changes section, format, author or date', async () => {
    const other = await makeAuthor(t.services, { name: 'Mira Sol', slug: 'mira-sol' });
    await makeTag(t.services, { name: 'Film', slug: 'film' });
    await makeTag(t.services, { name: 'Books', slug: 'books' });
    const post = await publish({ title: 'Quince', tags: ['film'], publishedAt: '2024-03-01T10:00:00.000Z' });
    const found = async (filters: Record<string, string>) => titles(await search({ q: 'quince', ...filters }));
    expect(await found({ section: 'film', to: '2024-12-31' })).toEqual(['Quince']);
    await t.services.posts.update(post.id, { tags: ['books'], format: 'essay', authors: [other.slug], publishedAt: '2025-02-01T10:00:00.000Z' });
    expect(await found({ section: 'film' })).toEqual([]);
    expect(await found({ author: 'ada-obi' })).toEqual([]);
    expect(await found({ format: 'article' })).toEqual([]);
    expect(await found({ to: '2024-12-31' })).toEqual([]);
    expect(await found({ section: 'books', author: 'mira-sol', format: 'essay', from: '2025-02-01', to: '2025-02-01' })).toEqual(['Quince']);
    // The index follows any write to the row, also one that changes only the date or the format.
    await sql`update posts set published_at = '2023-05-05T10:00:00.000Z' where id = ${post.id}`.execute(t.store.db);
    expect(await found({ from: '2023-05-05', to: '2023-05-05' })).toEqual(['Quince']);
    await sql`update posts set format = 'interview' where id = ${post.id}`.execute(t.store.db);
    expect(await found({ format: 'interview' })).toEqual(['Quince']);
    // A section or author that does not exist finds nothing rather than failing.
    expect(await found({ section: 'no-such-section' })).toEqual([]);
    expect(await found({ author: 'no-such-writer' })).toEqual([]);
  });

  it('pages through results', async () => {
    for (let i = 0; i < 5; i += 1) await publish({ title: `Meadow ${i}`, publishedAt: `2025-01-0${i + 1}T00:00:00.000Z` });
    const second = await search({ q: 'meadow', limit: 2, page: 2 });
    expect(second).toMatchObject({ total: 5, pages: 3, page: 2 });
    expect(titles(second)).toEqual(['Meadow 2', 'Meadow 1']);
  });

  it('answers hostile and odd queries with results or nothing, never an error', async () => {
    await publish({ title: 'Near the river', body: 'Quotes "and" stars * and (brackets) OR NOT.' });
    const queries = [
      '"',
      '"river',
      'river*',
      '* OR',
      'NEAR(river near)',
      'river AND NOT',
      "'); drop table posts; --",
      ':*',
      '\u0000\u0001\u0007',
      '\uFFFD\uD800',
      'x'.repeat(100_000),
      'the',
      '(',
      '-river',
      '^river',
      'title:river',
      '&|!',
    ];
    for (const q of queries) {
      const results = await search({ q });
      expect(results.total).toBeGreaterThanOrEqual(0);
    }
    expect(titles(await search({ q: 'NEAR(river' }))).toEqual(['Near the river']);
  });

  it('names the field when a filter or page is malformed', async () => {
    for (const [input, field] of [
      [{ q: 'x', page: 'abc' }, 'page'],
      [{ q: 'x', page: '0' }, 'page'],
      [{ q: 'x', format: 'poem' }, 'format'],
      [{ q: 'x', from: '2025-02-30' }, 'from'],
      [{ q: 'x', from: '2025-03-01', to: '2025-01-01' }, 'to'],
      [{ q: 'x', section: '../etc' }, 'section'],
      [{ q: ['a', 'b'] }, 'q'],
    ] as const) {
      const error = await search(input).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).fields[0]!.field).toBe(field);
    }
  });

  it('never finds members-only or paid pieces by words of their body', async () => {
    await publish({ title: 'Members letter', excerpt: 'A note for members.', visibility: 'members', body: 'The secret word is marzipan.' });
    await publish({ title: 'Paid essay', visibility: 'paid', body: 'Another secret: marzipan.' });
    expect((await search({ q: 'marzipan' })).total).toBe(0);
    const [hit] = (await search({ q: 'members letter' })).hits;
    expect(hit!.post.gated).toBe(true);
    expect(hit!.post.html).toBe('');
    expect(hit!.snippet).not.toContain('marzipan');
  });

  it('follows edits, unpublishing, deletion and renamed tags in the same transaction as the write', async () => {
    const tag = await makeTag(t.services, { name: 'Gardening', slug: 'gardening' });
    const post = await publish({ title: 'Roses', tags: ['gardening'] });
    expect(titles(await search({ q: 'gardening' }))).toEqual(['Roses']);
    await t.services.taxonomy.updateTag(tag.slug, { name: 'Horticulture' });
    expect(titles(await search({ q: 'horticulture' }))).toEqual(['Roses']);
    await t.services.posts.update(post.id, { title: 'Tulips' });
    expect(titles(await search({ q: 'roses' }))).toEqual([]);
    expect(titles(await search({ q: 'tulips' }))).toEqual(['Tulips']);
    await t.services.posts.unpublish(post.id);
    expect(titles(await search({ q: 'tulips' }))).toEqual([]);
    await t.services.posts.publish(post.id);
    expect(titles(await search({ q: 'tulips' }))).toEqual(['Tulips']);
    // A failed write leaves the index as it was.
    await expect(
      t.store.db.transaction().execute(async (tx) => {
        await sql`update posts set title = 'Daffodils' where id = ${post.id}`.execute(tx);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(titles(await search({ q: 'daffodils' }))).toEqual([]);
    await t.services.posts.delete(post.id);
    expect(titles(await search({ q: 'tulips' }))).toEqual([]);
  });

  it('leaves drafts and scheduled pieces out until they are published', async () => {
    await t.services.posts.create(postFields([writer.slug], { title: 'Draft willow' }));
    const scheduled = await t.services.posts.create(postFields([writer.slug], { title: 'Scheduled willow', status: 'scheduled', publishedAt: '2026-11-26T08:00:00.000Z' }));
    expect((await search({ q: 'willow' })).total).toBe(0);
    time.set('2026-11-26T09:00:00.000Z');
    await t.services.posts.publishScheduled(scheduled.id);
    expect(titles(await search({ q: 'willow' }))).toEqual(['Scheduled willow']);
  });
});

describe('search on postgres alone', () => {
  let t: TestContext;
  beforeEach(async () => {
    t = await testServices('postgres');
  });
  afterEach(async () => t.close());

  it('finds a piece despite a misspelt name and says which spelling it used', async () => {
    const writer = await makeAuthor(t.services);
    await t.services.posts.create(filmReview([writer.slug], { status: 'published', title: 'Portrait of a Lady on Fire', body: 'Céline Sciamma at her best.' }));
    const results = await t.services.search.search({ q: 'portriat ' });
    expect(titles(results)).toEqual(['Portrait of a Lady on Fire']);
    expect(results.correctedQuery).toBe('portrait');
  });

  it('upgrades a database with posts to rows that carry the filtered columns, and back', async () => {
    const writer = await makeAuthor(t.services, { slug: 'ada-obi' });
    await makeTag(t.services, { name: 'Film', slug: 'film' });
    await t.services.posts.create(postFields([writer.slug], { status: 'published', title: 'Quince film', tags: ['film'], publishedAt: '2024-03-01T10:00:00.000Z' }));
    await t.services.posts.create(postFields([writer.slug], { status: 'published', title: 'Quince essay', format: 'essay', publishedAt: '2025-03-01T10:00:00.000Z' }));
    const migrator = new Migrator({ db: t.store.db, provider: migrationProvider, allowUnorderedMigrations: true });
    const down = await migrator.migrateTo('0051-index-post-filter-columns');
    expect(down.error).toBeUndefined();
    expect(down.results?.at(-1)).toEqual({ migrationName: '0052-narrow-post-search', direction: 'Down', status: 'Success' });
    const columns = async () =>
      (await sql<{ name: string }>`select column_name as name from information_schema.columns where table_name = 'post_search' order by ordinal_position`.execute(t.store.db)).rows.map((r) => r.name);
    expect(await columns()).toEqual(['post_id', 'title', 'excerpt', 'names', 'body', 'document']);
    await migrateToLatest(t.store.db);
    expect(await columns()).toEqual(['post_id', 'title', 'excerpt', 'names', 'body', 'document', 'published_at', 'format', 'tag_ids', 'author_ids', 'unspaced']);
    const search = async (input: Record<string, string>) => titles(await t.services.search.search({ q: 'quince ', ...input }));
    expect(await search({ section: 'film', author: 'ada-obi' })).toEqual(['Quince film']);
    expect(await search({ format: 'essay', from: '2025-01-01' })).toEqual(['Quince essay']);
  });

  it('returns the newest matches whether it walks the newest posts, reads a range of them or reads every match', async () => {
    const writer = await makeAuthor(t.services);
    // Three words at three frequencies (a third, an eighth, a hundredth of 240 posts), so each
    // takes its own way through the index (ranking the newest three); a prefix of the rare word
    // starts with a small range and widens.
    // Every other piece is in the film section, and one a day since 2020, for the filtered searches.
    const film = await makeTag(t.services, { name: 'Film', slug: 'film' });
    const expected: Record<string, number[]> = { amber: [], cobalt: [], dune: [] };
    const inFilm: Record<string, number[]> = { amber: [], cobalt: [], dune: [] };
    const beforeJuly: Record<string, number[]> = { amber: [], cobalt: [], dune: [] };
    for (let i = 1; i <= 240; i += 1) {
      const words = [i % 3 === 0 ? 'amber' : '', i % 8 === 0 ? 'cobalt' : '', i % 100 === 0 ? 'dune' : ''].filter(Boolean);
      const publishedAt = new Date(Date.UTC(2020, 0, i)).toISOString();
      const post = await t.services.posts.create(postFields([writer.slug], { status: 'published', title: `Piece ${i}`, body: `Plain words ${words.join(' ')} here.`, tags: i % 2 === 0 ? [film.slug] : [], publishedAt }));
      for (const word of words) expected[word]!.push(post.id);
      if (i % 2 === 0) for (const word of words) inFilm[word]!.push(post.id);
      if (publishedAt < '2020-07-01') for (const word of words) beforeJuly[word]!.push(post.id);
    }
    await sql`analyze`.execute(t.services.store.db);
    const index = new PostgresSearchIndex(t.services.store.db, { bound: 3, prefixWindow: 8 });
    const newest = (ids: number[]) =>
      ids
        .sort((a, b) => b - a)
        .slice(0, 3)
        .sort((a, b) => a - b);
    const cases = [
      ['amber', false, expected.amber!],
      ['cobalt', false, expected.cobalt!],
      ['dune', false, expected.dune!],
      ['coba', true, expected.cobalt!],
      ['dun', true, expected.dune!],
    ] as const;
    for (const [word, prefix, ids] of cases) {
      const found = await index.find({ words: [word], prefix } as SearchTerms, {}, { limit: 10, offset: 0 });
      expect({ word, total: found.total, ids: [...found.ids].sort((a, b) => a - b) }).toEqual({ word, total: Math.min(3, ids.length), ids: newest([...ids]) });
    }
    for (const [word, ids] of Object.entries(inFilm)) {
      const found = await index.find({ words: [word], prefix: false } as SearchTerms, { section: 'film' }, { limit: 10, offset: 0 });
      expect({ word, section: 'film', ids: [...found.ids].sort((a, b) => a - b) }).toEqual({ word, section: 'film', ids: newest([...ids]) });
    }
    // A date range that leaves out the newest pieces: the newest matches before its end.
    for (const [word, ids] of Object.entries(beforeJuly)) {
      const found = await index.find({ words: [word], prefix: false } as SearchTerms, { to: '2020-06-30' }, { limit: 10, offset: 0 });
      expect({ word, to: '2020-06-30', ids: [...found.ids].sort((a, b) => a - b) }).toEqual({ word, to: '2020-06-30', ids: newest([...ids]) });
    }
  });
});
