import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Author, ContentChange, Post } from '../../src/content/index.js';
import { dialects, manualClock, testServices, type TestContext } from '../support/stores.js';
import { filmReview, makeAuthor, makeTag, postFields } from '../support/factories.js';

describe.each(dialects)('recommendations on %s', (dialect) => {
  let t: TestContext;
  let writer: Author;
  const time = manualClock();

  beforeEach(async () => {
    time.set('2026-11-25T12:00:00.000Z');
    t = await testServices(dialect, { clock: time.clock });
    writer = await makeAuthor(t.services);
    await makeTag(t.services, { name: 'Gardens', slug: 'gardens' });
    await makeTag(t.services, { name: 'Cinema', slug: 'cinema' });
  });
  afterEach(async () => t.close());

  const publish = (overrides: Record<string, unknown>) => t.services.posts.create(postFields([writer.slug], { status: 'published', ...overrides }));
  /** Lets the debounce pass and runs the background jobs, as the runner would. */
  const runJobs = async () => {
    await t.services.recommendations.settled();
    time.advance(5_000);
    await t.services.runner.drain();
  };
  const relatedTitles = async (id: number) => (await t.services.recommendations.related(id, 4)).map((p) => p.title);

  const gardening = async () => [
    await publish({ title: 'Growing tomatoes on a balcony', tags: ['gardens'], body: 'Tomatoes, compost, seedlings and a sunny balcony.' }),
    await publish({ title: 'Compost for beginners', tags: ['gardens'], body: 'Compost heaps, worms, seedlings and kitchen scraps for tomatoes.' }),
    await publish({ title: 'A night at the cinema', tags: ['cinema'], body: 'Popcorn, trailers and a projector in the dark.' }),
  ];

  it('recommends the pieces that share words and entities, computed by the background job', async () => {
    const [tomatoes, compost, cinema] = await gardening();
    expect(await relatedTitles(tomatoes!.id)).toEqual([]);
    await runJobs();
    expect((await relatedTitles(tomatoes!.id))[0]).toBe(compost!.title);
    expect((await relatedTitles(cinema!.id)).length).toBeGreaterThan(0);
  });

  it('never recommends the piece itself, drafts or unpublished pieces', async () => {
    const [tomatoes, compost] = (await gardening()) as [Post, Post];
    await t.services.posts.create(postFields([writer.slug], { title: 'Draft about tomatoes and compost', tags: ['gardens'] }));
    await runJobs();
    const titles = await relatedTitles(tomatoes.id);
    expect(titles).not.toContain(tomatoes.title);
    expect(titles).not.toContain('Draft about tomatoes and compost');
    await t.services.posts.unpublish(compost.id);
    expect(await relatedTitles(tomatoes.id)).not.toContain(compost.title);
    await runJobs();
    expect(await relatedTitles(tomatoes.id)).not.toContain(compost.title);
    expect(await relatedTitles(compost.id)).toEqual([]);
  });

  it('follows a publish and an edit, refreshes the lists the change affects and announces them', async () => {
    const [tomatoes, , cinema] = (await gardening()) as [Post, Post, Post];
    await runJobs();
    const announced: ContentChange[] = [];
    t.services.events.on((change) => announced.push(change));
    const newcomer = await publish({ title: 'More about tomatoes', tags: ['gardens'], body: 'Tomatoes, seedlings and a sunny balcony.' });
    await runJobs();
    expect((await relatedTitles(tomatoes.id))[0]).toBe('More about tomatoes');
    expect(announced).toContainEqual({ kind: 'post', id: tomatoes.id, slugs: [tomatoes.slug] });
    // An edit that turns the piece to the cinema moves it in the lists of both.
    await t.services.posts.update(newcomer.id, { title: 'Projectors at the cinema', tags: ['cinema'], body: 'Popcorn, projectors, the cinema.' });
    await runJobs();
    expect((await relatedTitles(cinema.id))[0]).toBe('Projectors at the cinema');
    expect((await relatedTitles(tomatoes.id))[0]).toBe('Compost for beginners');
  });

  it('ranks another review of the same film and the same director first', async () => {
    const first = await t.services.posts.create(filmReview([writer.slug], { status: 'published', body: 'Quiet.' }));
    await publish({ title: 'Balcony tomatoes', body: 'Quiet.' });
    const second = await t.services.posts.create(filmReview([writer.slug], { status: 'published', title: 'A second look', body: 'Quiet.', review: { work: { slug: 'past-lives-2023' } } }));
    await runJobs();
    expect((await relatedTitles(first.id))[0]).toBe(second.title);
  });

  describe('people a piece names', () => {
    const named = (name: string) => [{ name, role: 'interviewee' }];
    const minutes = (n: number) => new Date(Date.parse('2026-11-01T00:00:00.000Z') + n * 60_000).toISOString();
    /**
     * An interview, a review and another interview that share nothing but Mira Okafor (no words,
     * tags or work), older than 25 newer garden pieces by the same writer, so that only she can
     * bring them into each other's lists.
     */
    const sharingOnlyAPerson = async () => {
      const interview = await publish({ title: 'Dawn on the stage', format: 'interview', tags: ['cinema'], body: 'Rehearsals, lanterns, velvet curtains.', people: named('Mira Okafor'), publishedAt: minutes(1) });
      const review = await t.services.posts.create(
        filmReview([writer.slug], {
          status: 'published',
          title: 'Salt harbour',
          body: 'Trawlers, gulls, nets.',
          publishedAt: minutes(2),
          review: { work: { type: 'movie', title: 'Brine', year: 2024, credits: [{ name: 'Mira Okafor', role: 'director' }] } },
        }),
      );
      const second = await publish({ title: 'Orbit of glass', format: 'interview', body: 'Telescopes, comets, quasars.', people: named('Mira Okafor'), publishedAt: minutes(3) });
      await t.services.posts.create(postFields([writer.slug], { title: 'Unpublished chat', format: 'interview', body: 'Velvet lanterns.', people: named('Mira Okafor') }));
      for (let i = 0; i < 25; i += 1) await publish({ title: `Seedling diary ${i}`, tags: ['gardens'], body: 'Tomatoes, compost, seedlings.', publishedAt: minutes(10 + i) });
      await runJobs();
      return { interview, review, second };
    };

    it('relates two interviews naming the same person, and a review of her film, in both directions', async () => {
      const { interview, review, second } = await sharingOnlyAPerson();
      expect((await relatedTitles(interview.id)).slice(0, 2).sort()).toEqual([review.title, second.title].sort());
      expect(await relatedTitles(second.id)).toContain(interview.title);
      expect((await relatedTitles(review.id)).slice(0, 2).sort()).toEqual([interview.title, second.title].sort());
      for (const id of [interview.id, review.id, second.id]) expect(await relatedTitles(id)).not.toContain('Unpublished chat');
    });

    it('drops the link once the piece no longer names her, and announces the lists that changed', async () => {
      const { interview, review, second } = await sharingOnlyAPerson();
      const announced: ContentChange[] = [];
      t.services.events.on((change) => announced.push(change));
      await t.services.posts.update(interview.id, { people: [] });
      await runJobs();
      expect(await relatedTitles(interview.id)).not.toContain(review.title);
      expect(await relatedTitles(interview.id)).not.toContain(second.title);
      expect(await relatedTitles(second.id)).not.toContain(interview.title);
      expect(await relatedTitles(review.id)).not.toContain(interview.title);
      expect(await relatedTitles(review.id)).toContain(second.title);
      expect(announced).toContainEqual({ kind: 'post', id: second.id, slugs: [second.slug] });
      // Naming her again brings it back.
      await t.services.posts.update(interview.id, { people: named('Mira Okafor') });
      await runJobs();
      expect(await relatedTitles(second.id)).toContain(interview.title);
    });
  });

  it('rebuilds every list at once and reports progress', async () => {
    const posts = await gardening();
    const seen: Array<[number, number]> = [];
    expect(await t.services.recommendations.rebuild((done, total) => seen.push([done, total]))).toBe(3);
    expect(seen.at(-1)).toEqual([3, 3]);
    expect((await relatedTitles(posts[0]!.id)).length).toBeGreaterThan(0);
    // Nothing is left for the refresh job.
    expect(await t.services.recommendations.refresh()).toBe(0);
  });
});
