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
