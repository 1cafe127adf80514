import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Post } from '../../src/content/index.js';
import { anotherProcess, testApp, type AppContext } from '../support/app.js';
import { makeAuthor, postFields } from '../support/factories.js';
import { dialects, manualClock } from '../support/stores.js';
import { eventually } from './eventually.js';

/** A play as a review describes it in full; `cast` are the people credited as performers. */
function play(title: string, cast: string[]) {
  return {
    type: 'theatre',
    title,
    slug: title.toLowerCase().replace(/\s+/g, '-'),
    year: 2026,
    organization: 'The Lyceum',
    releaseDate: '2026-03-01',
    credits: [{ name: 'Ines Director', role: 'director' }, ...cast.map((name) => ({ name, role: 'performer' }))],
  };
}

describe.each(dialects)('pages for people and works in the page cache on %s', (dialect) => {
  let t: AppContext;
  let author: string;
  let first: Post;
  let n = 0;

  beforeAll(async () => {
    t = await testApp(dialect);
    author = (await makeAuthor(t.services)).slug;
  });
  afterAll(async () => t.close());

  const review = (title: string, work: object, fields: Record<string, unknown> = {}) => t.services.posts.create(postFields([author], { title, format: 'review', status: 'published', review: { work }, ...fields }));
  const warm = async (...urls: string[]) => {
    for (const url of urls) expect((await t.app.inject(url)).statusCode, url).toBe(200);
  };

  beforeEach(async () => {
    n += 1;
    first = await review(`Opening night ${n}`, play(`Play ${n}`, [`Lead ${n}`, `Understudy ${n}`]));
  });
  afterEach(async () => {
    await t.services.posts.delete(first.id).catch(() => undefined);
  });

  it('shows a newly published review on the pages of its work and its people at once', async () => {
    await warm(`/works/play-${n}/`, `/people/lead-${n}/`, '/people/ines-director/');
    await review(`Second night ${n}`, { slug: `play-${n}` });
    for (const url of [`/works/play-${n}/`, `/people/lead-${n}/`, '/people/ines-director/']) {
      await eventually(t.app, url, (res) => expect(res.body).toContain(`Second night ${n}`));
    }
  });

  it('retitles a review on the pages of its work and its people', async () => {
    await warm(`/works/play-${n}/`, `/people/lead-${n}/`);
    await t.services.posts.update(first.id, { title: `Renamed night ${n}` });
    for (const url of [`/works/play-${n}/`, `/people/lead-${n}/`]) {
      await eventually(t.app, url, (res) => {
        expect(res.body).toContain(`Renamed night ${n}`);
        expect(res.body).not.toContain(`Opening night ${n}`);
      });
    }
  });

  it('follows a change of credits on the work, its people, a dropped person and every other review of the work', async () => {
    const other = await review(`Matinee ${n}`, { slug: `play-${n}` });
    // The newcomer already has a page, for another play: it must take in the play they join.
    const elsewhere = await review(`Fringe ${n}`, {
      type: 'theatre',
      title: `Fringe play ${n}`,
      year: 2025,
      organization: 'The Attic',
      releaseDate: '2025-05-01',
      credits: [{ name: `Newcomer ${n}`, role: 'performer' }],
    });
    await warm(`/works/play-${n}/`, `/people/lead-${n}/`, `/people/understudy-${n}/`, `/people/newcomer-${n}/`, '/people/ines-director/', `/${other.slug}/`);
    const work = play(`Play ${n}`, [`Lead ${n}`, `Newcomer ${n}`]);
    await t.services.posts.update(first.id, { review: { work: { ...work, title: `Play ${n} revived` } } });
    await eventually(t.app, `/works/play-${n}/`, (res) => {
      expect(res.body).toContain(`Play ${n} revived`);
      expect(res.body).toContain(`href="/people/newcomer-${n}/"`);
      expect(res.body).not.toContain(`Understudy ${n}`);
    });
    await eventually(t.app, `/people/understudy-${n}/`, (res) => expect(res.statusCode).toBe(404));
    await eventually(t.app, `/people/newcomer-${n}/`, (res) => {
      expect(res.body).toContain(`Opening night ${n}`);
      expect(res.body).toContain(`Performer — Play ${n} revived (2026)`);
      expect(res.body).toContain(`Fringe ${n}`);
    });
    await eventually(t.app, `/people/lead-${n}/`, (res) => expect(res.body).toContain(`Performer — Play ${n} revived (2026)`));
    await eventually(t.app, '/people/ines-director/', (res) => expect(res.body).toContain(`Director — Play ${n} revived (2026)`));
    // Another review of the same work shows its facts box, which changed with it.
    await eventually(t.app, `/${other.slug}/`, (res) => {
      expect(res.body).toContain(`Play ${n} revived`);
      expect(res.body).not.toContain(`Understudy ${n}`);
    });
    await t.services.posts.delete(other.id);
    await t.services.posts.delete(elsewhere.id);
  });

  it('drops an unpublished or deleted review from the pages, and answers 404 once nothing is published about them', async () => {
    const second = await review(`Closing night ${n}`, { slug: `play-${n}` });
    await warm(`/works/play-${n}/`, `/people/lead-${n}/`);
    await t.services.posts.unpublish(second.id);
    for (const url of [`/works/play-${n}/`, `/people/lead-${n}/`]) {
      await eventually(t.app, url, (res) => {
        expect(res.statusCode).toBe(200);
        expect(res.body).not.toContain(`Closing night ${n}`);
        expect(res.body).toContain(`Opening night ${n}`);
      });
    }
    await t.services.posts.delete(first.id);
    for (const url of [`/works/play-${n}/`, `/people/lead-${n}/`]) await eventually(t.app, url, (res) => expect(res.statusCode).toBe(404));
    await t.services.posts.delete(second.id);
  });
});

describe.each(dialects)('pages for people and works kept in the page cache on %s', (dialect) => {
  it('keeps the pages of other works and their people when a review changes', async () => {
    const time = manualClock();
    const t = await testApp(dialect, { clock: time.clock });
    try {
      const author = (await makeAuthor(t.services)).slug;
      const create = (title: string, work: object) => t.services.posts.create(postFields([author], { title, format: 'review', status: 'published', review: { work } }));
      const changed = await create('Changing review', play('Changing play', ['Changing lead']));
      await create('Steady review', play('Steady play', ['Steady lead']));
      const urls = ['/works/steady-play/', '/people/steady-lead/', '/works/changing-play/', '/people/changing-lead/'];
      const earlier = new Map<string, string>();
      for (const url of urls) earlier.set(url, String((await t.app.inject(url)).headers['last-modified']));
      time.advance(5000);
      await t.services.posts.update(changed.id, { title: 'Changed review' });
      await create('Another changing review', { slug: 'changing-play' });
      await eventually(t.app, '/works/changing-play/', (res) => expect(res.body).toContain('Another changing review'));
      await eventually(t.app, '/people/changing-lead/', (res) => expect(res.body).toContain('Changed review'));
      const lastModified = async (url: string) => String((await t.app.inject(url)).headers['last-modified']);
      expect(await lastModified('/works/steady-play/')).toBe(earlier.get('/works/steady-play/'));
      expect(await lastModified('/people/steady-lead/')).toBe(earlier.get('/people/steady-lead/'));
      expect(await lastModified('/works/changing-play/')).not.toBe(earlier.get('/works/changing-play/'));
    } finally {
      await t.close();
    }
  });
});

describe.each(dialects.filter((d) => d === 'postgres'))('pages for people and works across processes (%s)', () => {
  it('follows a change of credits made by another process', async () => {
    const one = await testApp('postgres');
    const two = await anotherProcess(one);
    try {
      const author = await makeAuthor(one.services);
      const post = await one.services.posts.create(postFields([author.slug], { title: 'Shared review', format: 'review', status: 'published', review: { work: play('Shared play', ['Shared lead']) } }));
      await eventually(two, '/works/shared-play/', (res) => expect(res.body).toContain('Shared lead'));
      await eventually(two, '/people/shared-lead/', (res) => expect(res.statusCode).toBe(200));
      await eventually(two, '/people/ines-director/', (res) => expect(res.body).toContain('Director — Shared play (2026)'));
      await one.services.posts.update(post.id, { review: { work: { ...play('Shared play', ['Another lead']), title: 'Shared play, recast' } } });
      await eventually(two, '/works/shared-play/', (res) => {
        expect(res.body).toContain('Another lead');
        expect(res.body).not.toContain('Shared lead');
      });
      await eventually(two, '/people/shared-lead/', (res) => expect(res.statusCode).toBe(404));
      await eventually(two, '/people/ines-director/', (res) => expect(res.body).toContain('Director — Shared play, recast (2026)'));
    } finally {
      await two.close();
      await one.close();
    }
  });
});
