import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ListFilter } from '../../src/content/index.js';
import { ListingMemo } from '../../src/site/listing-memo.js';
import { cacheKeys } from '../../src/site/page.js';
import { makeAuthor, makeTag, postFields } from '../support/factories.js';
import { dialects, testServices, type TestContext } from '../support/stores.js';

describe.each(dialects)('numbered pages of a listing on %s', (dialect) => {
  let t: TestContext;
  beforeEach(async () => {
    t = await testServices(dialect);
  });
  afterEach(async () => t.close());

  /** Posts over two sections, two authors and two formats; some share a publication time. */
  async function seed(count: number) {
    const authors = [await makeAuthor(t.services, { slug: 'ada' }), await makeAuthor(t.services, { slug: 'bo' })];
    const tags = [await makeTag(t.services, { slug: 'film' }), await makeTag(t.services, { slug: 'books' })];
    for (let i = 0; i < count; i += 1) {
      await t.services.posts.create(
        postFields([authors[i % 2]!.slug], {
          title: `Piece ${i}`,
          status: 'published',
          tags: i % 3 === 0 ? ['film', 'books'] : [tags[i % 2]!.slug],
          format: i % 4 === 0 ? 'essay' : 'article',
          publishedAt: new Date(Date.UTC(2025, 0, 1 + Math.floor(i / 2))).toISOString(),
        }),
      );
    }
    return { authors, tags };
  }

  const titles = (posts: Array<{ title: string }>) => posts.map((p) => p.title);

  it('gives every page the same posts as counting from the start, at any depth and in every listing', async () => {
    const { authors, tags } = await seed(23);
    const memo = new ListingMemo({ posts: t.services.posts, markEvery: 3 });
    const filters: ListFilter[] = [{}, { tagId: tags[0]!.id }, { tagId: tags[1]!.id }, { authorId: authors[1]!.id }, { format: 'essay' }];
    for (const filter of filters) {
      const total = await t.services.posts.count(filter);
      for (const limit of [2, 5]) {
        for (let offset = 0; offset <= total + 3; offset += 1) {
          const expected = await t.services.posts.list(filter, { limit, offset });
          const got = await memo.page(filter, { limit, offset });
          expect({ filter, offset, limit, titles: titles(got.posts), more: got.next !== null }).toEqual({
            filter,
            offset,
            limit,
            titles: titles(expected.posts),
            more: expected.next !== null,
          });
        }
      }
    }
  });

  it('reads the new order once the listing changes', async () => {
    const { tags } = await seed(10);
    const memo = new ListingMemo({ posts: t.services.posts, markEvery: 3 });
    const deep = { limit: 2, offset: 6 };
    const before = titles((await memo.page({ tagId: tags[1]!.id }, deep)).posts);
    await t.services.posts.create(postFields(['ada'], { title: 'Newest', status: 'published', tags: ['books'], publishedAt: '2025-06-01T00:00:00.000Z' }));
    memo.invalidate([cacheKeys.listTag(tags[1]!.id)]);
    const after = titles((await memo.page({ tagId: tags[1]!.id }, deep)).posts);
    expect(after).toEqual(titles((await t.services.posts.list({ tagId: tags[1]!.id }, deep)).posts));
    expect(after).not.toEqual(before);
  });

  it('remembers the first page of a listing until a change touches the listing or one of its posts', async () => {
    const { tags } = await seed(6);
    const memo = new ListingMemo({ posts: t.services.posts });
    const film = { tagId: tags[0]!.id };
    const first = { limit: 3, offset: 0 };
    const before = titles((await memo.page(film, first)).posts);
    const newest = await t.services.posts.create(postFields(['ada'], { title: 'Newest', status: 'published', tags: ['film'], publishedAt: '2025-06-01T00:00:00.000Z' }));
    expect(titles((await memo.page(film, first)).posts)).toEqual(before);
    memo.invalidate([cacheKeys.listTag(tags[0]!.id)]);
    const after = await memo.page(film, first);
    expect(titles(after.posts)).toEqual(titles((await t.services.posts.list(film, first)).posts));
    expect(titles(after.posts)[0]).toBe('Newest');
    expect(after.next).not.toBeNull();
    await t.services.posts.update(newest.id, { title: 'Newest, retitled' });
    expect(titles((await memo.page(film, first)).posts)[0]).toBe('Newest');
    memo.invalidate([cacheKeys.post(newest.id)]);
    expect(titles((await memo.page(film, first)).posts)[0]).toBe('Newest, retitled');
  });

  it('does not keep a short list read while the listing changed', async () => {
    await seed(3);
    const memo = new ListingMemo({ posts: t.services.posts });
    const reading = memo.latest({}, 5);
    memo.invalidate([cacheKeys.listAll]);
    await reading;
    await t.services.posts.create(postFields(['ada'], { title: 'Newest', status: 'published', publishedAt: '2025-06-01T00:00:00.000Z' }));
    expect(titles(await memo.latest({}, 5))[0]).toBe('Newest');
  });
});
