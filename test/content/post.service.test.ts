import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors/app-error.js';
import { dialects, manualClock, testServices, type TestContext } from '../support/stores.js';
import { filmReview, makeAuthor, makeTag, postFields } from '../support/factories.js';

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe.each(dialects)('posts on %s', (dialect) => {
  let t: TestContext;
  const time = manualClock();

  beforeEach(async () => {
    time.set('2026-11-25T12:00:00.000Z');
    t = await testServices(dialect, { clock: time.clock });
  });
  afterEach(async () => t.close());

  it('stores a film review with its authors in order, its section and the film facts', async () => {
    const [a, b] = [await makeAuthor(t.services, { name: 'Ada Obi' }), await makeAuthor(t.services, { name: 'Mira Sol' })];
    const film = await makeTag(t.services, { name: 'Film', slug: 'film' });
    const post = await t.services.posts.create(filmReview([b.slug, a.slug], { tags: ['film'], status: 'published', contentNotes: ['Discussion of grief'] }));
    expect(post.authors.map((x) => x.name)).toEqual(['Mira Sol', 'Ada Obi']);
    expect(post.primaryTag?.id).toBe(film.id);
    expect(post.slug).toBe('past-lives-review');
    expect(post.publishedAt).toBe('2026-11-25T12:00:00.000Z');
    expect(post.contentNotes).toEqual(['Discussion of grief']);
    const work = post.review!.work;
    expect(work).toMatchObject({ type: 'movie', title: 'Past Lives', year: 2023, runtimeMinutes: 106, releaseDate: '2023-06-02' });
    expect(work.credits.filter((c) => c.role === 'cast').map((c) => `${c.person.name} as ${c.character}`)).toEqual(['Greta Lee as Nora', 'Teo Yoo as Hae Sung', 'John Magaro as Arthur']);
    expect(post.review!.rating).toEqual({ value: 4.5, scale: 5 });
  });

  it('links two reviews through the shared film and director', async () => {
    const a = await makeAuthor(t.services);
    const first = await t.services.posts.create(filmReview([a.slug]));
    const second = await t.services.posts.create(filmReview([a.slug], { title: 'Second look at Past Lives', review: { work: { slug: 'past-lives-2023' } } }));
    expect(second.review!.work.id).toBe(first.review!.work.id);
    const other = await t.services.posts.create(
      filmReview([a.slug], {
        title: 'Materialists review',
        review: {
          work: { type: 'movie', title: 'Materialists', year: 2025, credits: [{ name: 'Celine Song', role: 'director' }] },
        },
      }),
    );
    const director = (p: typeof first) => p.review!.work.credits.find((c) => c.role === 'director')!.person.id;
    expect(director(other)).toBe(director(first));
  });

  it('makes slugs from titles, numbering repeats, and refuses a taken slug given explicitly', async () => {
    const a = await makeAuthor(t.services);
    const one = await t.services.posts.create(postFields([a.slug], { title: 'Notes from Cannes' }));
    const two = await t.services.posts.create(postFields([a.slug], { title: 'Notes from Cannes' }));
    expect([one.slug, two.slug]).toEqual(['notes-from-cannes', 'notes-from-cannes-2']);
    const error = await rejection(t.services.posts.create(postFields([a.slug], { slug: 'notes-from-cannes' })));
    expect(error.code).toBe('SLUG_TAKEN');
    expect(error.fields).toEqual([{ field: 'slug', message: 'is already taken' }]);
    const reserved = await rejection(t.services.posts.create(postFields([a.slug], { slug: 'reviews' })));
    expect(reserved.fields[0]).toMatchObject({ field: 'slug', message: 'is reserved for a site address' });
  });

  it('names unknown authors and tags and stores nothing', async () => {
    const a = await makeAuthor(t.services);
    const error = await rejection(t.services.posts.create(postFields([a.slug, 'nobody'], { tags: ['no-such-tag'] })));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fields).toEqual([
      { field: 'tags.0', message: 'no tag has the slug "no-such-tag"' },
      { field: 'authors.1', message: 'no author has the slug "nobody"' },
    ]);
    expect(await t.services.posts.isEmpty()).toBe(true);
  });

  it('rejects impossible dates, oversized bodies, control characters and broken text with the field named', async () => {
    const a = await makeAuthor(t.services);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ status: 'published', publishedAt: '2026-02-30T10:00:00Z' }, 'publishedAt'],
      [{ publishedAt: '2026-11-25 10:00' }, 'publishedAt'],
      [{ body: 'x'.repeat(400_001) }, 'body'],
      [{ title: 'Bell\u0007 ringing' }, 'title'],
      [{ title: 'Broken \uD800 text' }, 'title'],
      [{ excerpt: 'nul \u0000 byte' }, 'excerpt'],
      [{ featureImage: { url: 'javascript:alert(1)', alt: 'x' } }, 'featureImage.url'],
      [{ canonicalUrl: 'data:text/html,hi' }, 'canonicalUrl'],
      [{ format: 'poem' }, 'format'],
      [{ authors: [] }, 'authors'],
      [{ unknownField: 1 }, '(input)'],
      [{ format: 'review' }, 'review'],
      [{ status: 'scheduled' }, 'publishedAt'],
    ];
    for (const [override, field] of cases) {
      const error = await rejection(t.services.posts.create(postFields([a.slug], override)));
      expect(error.code, JSON.stringify(override).slice(0, 60)).toBe('VALIDATION_FAILED');
      expect(
        error.fields.map((f) => f.field),
        JSON.stringify(override).slice(0, 60),
      ).toContain(field);
    }
    expect(await t.services.posts.isEmpty()).toBe(true);
  });

  it('keeps HTML typed into plain fields as text and strips script from the body', async () => {
    const a = await makeAuthor(t.services);
    const post = await t.services.posts.create(
      postFields([a.slug], {
        title: '<script>alert(1)</script> & friends',
        body: 'Hello <img src=x onerror=alert(1)> <a href="javascript:alert(2)">link</a>\n\n<script>steal()</script>',
      }),
    );
    expect(post.title).toBe('<script>alert(1)</script> & friends');
    expect(post.html).not.toMatch(/onerror|javascript:|<script|steal/);
    expect(post.html).toContain('link');
  });

  it('redirects the old slug of a published post after a rename', async () => {
    const a = await makeAuthor(t.services);
    const post = await t.services.posts.create(postFields([a.slug], { title: 'First title', status: 'published' }));
    await t.services.posts.update(post.id, { slug: 'better-title' });
    expect(await t.services.posts.lookupPublic('first-title')).toEqual({ kind: 'redirect', slug: 'better-title' });
    const renamedBack = await t.services.posts.update(post.id, { slug: 'first-title' });
    expect(renamedBack.slug).toBe('first-title');
    expect((await t.services.posts.lookupPublic('first-title')).kind).toBe('post');
    expect(await t.services.posts.lookupPublic('better-title')).toEqual({ kind: 'redirect', slug: 'first-title' });
  });

  it('clears optional fields given as null, and turns a review back into an article', async () => {
    const a = await makeAuthor(t.services);
    const post = await t.services.posts.create(filmReview([a.slug], { featureImage: { url: '/media/x.jpg', alt: 'A still' }, seoTitle: 'SEO', contentNotes: ['Grief'] }));
    const cleared = await t.services.posts.update(post.id, { featureImage: null, seoTitle: null, contentNotes: null, format: 'article', review: null });
    expect([cleared.featureImage, cleared.seoTitle, cleared.contentNotes, cleared.format, cleared.review]).toEqual([null, null, [], 'article', null]);
    const error = await rejection(t.services.posts.update(post.id, { title: null }));
    expect(error.fields).toEqual([{ field: 'title', message: expect.any(String) }]);
    expect((await t.services.posts.get(post.id)).title).toBe(post.title);
  });

  it('refuses a save based on an old revision instead of overwriting', async () => {
    const a = await makeAuthor(t.services);
    const post = await t.services.posts.create(postFields([a.slug]));
    await t.services.posts.update(post.id, { title: 'Editor one' }, { expectedRevision: post.revision });
    const error = await rejection(t.services.posts.update(post.id, { title: 'Editor two' }, { expectedRevision: post.revision }));
    expect(error.code).toBe('REVISION_CONFLICT');
    expect((await t.services.posts.get(post.id)).title).toBe('Editor one');
  });

  it('publishes a scheduled post at its time through the job runner', async () => {
    const a = await makeAuthor(t.services);
    const post = await t.services.posts.create(postFields([a.slug], { status: 'scheduled', publishedAt: '2026-11-25T13:00:00Z' }));
    expect(await t.services.runner.drain()).toBe(0);
    expect((await t.services.posts.list({}, { limit: 10 })).posts).toHaveLength(0);
    time.set('2026-11-25T13:00:01Z');
    expect(await t.services.runner.drain()).toBe(1);
    const published = await t.services.posts.get(post.id);
    expect(published.status).toBe('published');
    expect((await t.services.posts.list({}, { limit: 10 })).posts.map((p) => p.id)).toEqual([post.id]);
  });

  it('moves the publishing job when a post is rescheduled and drops it when unscheduled', async () => {
    const a = await makeAuthor(t.services);
    const post = await t.services.posts.create(postFields([a.slug], { status: 'scheduled', publishedAt: '2026-11-25T13:00:00Z' }));
    await t.services.posts.schedule(post.id, '2026-11-26T09:00:00Z');
    time.set('2026-11-25T14:00:00Z');
    expect(await t.services.runner.drain()).toBe(0);
    await t.services.posts.update(post.id, { status: 'draft' });
    time.set('2026-11-27T00:00:00Z');
    expect(await t.services.runner.drain()).toBe(0);
    expect((await t.services.posts.get(post.id)).status).toBe('draft');
  });

  it('refuses to schedule in the past or to publish in the future', async () => {
    const a = await makeAuthor(t.services);
    const past = await rejection(t.services.posts.create(postFields([a.slug], { status: 'scheduled', publishedAt: '2026-11-24T00:00:00Z' })));
    expect(past.fields[0]!.field).toBe('publishedAt');
    const future = await rejection(t.services.posts.create(postFields([a.slug], { status: 'published', publishedAt: '2027-01-01T00:00:00Z' })));
    expect(future.fields[0]!.field).toBe('publishedAt');
  });

  it('lists published posts newest first with a keyset cursor, by section, author and format', async () => {
    const [a, b] = [await makeAuthor(t.services), await makeAuthor(t.services)];
    const film = await makeTag(t.services, { slug: 'film', name: 'Film' });
    await makeTag(t.services, { slug: 'books', name: 'Books' });
    const ids: number[] = [];
    for (let i = 0; i < 7; i += 1) {
      const post = await t.services.posts.create(
        postFields([i % 2 ? a.slug : b.slug], {
          status: 'published',
          // Two posts share a time so the id breaks the tie.
          publishedAt: `2026-11-${String(10 + Math.min(i, 5)).padStart(2, '0')}T10:00:00Z`,
          tags: [i % 3 === 0 ? 'film' : 'books'],
          format: i === 4 ? 'news' : 'article',
        }),
      );
      ids.push(post.id);
    }
    await t.services.posts.create(postFields([a.slug], { tags: ['film'] })); // a draft is never listed
    const newestFirst = [...ids].reverse();
    const first = await t.services.posts.list({}, { limit: 3 });
    const second = await t.services.posts.list({}, { limit: 3, after: first.next! });
    const third = await t.services.posts.list({}, { limit: 3, after: second.next! });
    expect([...first.posts, ...second.posts, ...third.posts].map((p) => p.id)).toEqual(newestFirst);
    expect(third.next).toBeNull();
    const byFilm = await t.services.posts.list({ tagId: film.id }, { limit: 10 });
    expect(byFilm.posts.map((p) => p.id)).toEqual(newestFirst.filter((id) => [ids[0], ids[3], ids[6]].includes(id)));
    expect(await t.services.posts.count({ tagId: film.id })).toBe(3);
    const byAuthor = await t.services.posts.list({ authorId: a.id }, { limit: 2, offset: 1 });
    expect(byAuthor.posts.map((p) => p.id)).toEqual([ids[3], ids[1]]);
    expect((await t.services.posts.list({ format: 'news' }, { limit: 5 })).posts.map((p) => p.id)).toEqual([ids[4]]);
    await t.services.posts.unpublish(ids[6]!);
    expect(await t.services.posts.count({ tagId: film.id })).toBe(2);
  });

  it('answers 410-style gone for archived posts and keeps pages out of listings', async () => {
    const a = await makeAuthor(t.services);
    const post = await t.services.posts.create(postFields([a.slug], { status: 'published' }));
    const page = await t.services.posts.create(postFields([a.slug], { type: 'page', title: 'About us', status: 'published' }));
    expect((await t.services.posts.list({}, { limit: 10 })).posts.map((p) => p.id)).toEqual([post.id]);
    expect((await t.services.posts.lookupPublic(page.slug)).kind).toBe('post');
    await t.services.posts.archive(post.id);
    expect(await t.services.posts.lookupPublic(post.slug)).toEqual({ kind: 'gone' });
  });
});
