import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type AppContext } from '../support/app.js';
import { makeAuthor, postFields } from '../support/factories.js';
import { dialects, manualClock } from '../support/stores.js';

describe.each(dialects)('redirects from old slugs reveal only published pieces (%s)', (dialect) => {
  let t: AppContext;
  let author: string;
  const time = manualClock('2026-11-25T12:00:00.000Z');

  beforeAll(async () => {
    t = await testApp(dialect, { clock: time.clock });
    author = (await makeAuthor(t.services)).slug;
  });
  afterAll(async () => t.close());

  /** What a reader gets at an address: the status, where a redirect leads, and whether the body names a slug. */
  async function visit(slug: string, secret: string) {
    const res = await t.app.inject(`/${slug}/`);
    return { status: res.statusCode, location: res.headers.location ?? null, leaks: res.body.includes(secret) };
  }

  it('renaming a scheduled, draft or archived piece leaves no redirect to its new slug', async () => {
    const scheduled = await t.services.posts.create(postFields([author], { title: 'Embargoed merger', status: 'scheduled', publishedAt: '2026-12-01T09:00:00Z' }));
    await t.services.posts.update(scheduled.id, { slug: 'merger-of-the-century-announced' });
    const draft = await t.services.posts.create(postFields([author], { title: 'Early draft', status: 'draft', publishedAt: '2026-11-01T09:00:00Z' }));
    await t.services.posts.update(draft.id, { slug: 'draft-renamed-secretly' });
    const archived = await t.services.posts.create(postFields([author], { title: 'Old news', status: 'published' }));
    await t.services.posts.archive(archived.id);
    await t.services.posts.update(archived.id, { slug: 'old-news-renamed-secretly' });

    expect(await visit('embargoed-merger', 'merger-of-the-century')).toEqual({ status: 404, location: null, leaks: false });
    expect(await visit('early-draft', 'draft-renamed-secretly')).toEqual({ status: 404, location: null, leaks: false });
    expect(await visit('old-news', 'old-news-renamed-secretly')).toEqual({ status: 404, location: null, leaks: false });
    expect(await t.services.posts.redirects()).toEqual([]);

    // Once published, the old scheduled slug still leads nowhere: it was never public.
    time.set('2026-12-01T09:00:01.000Z');
    expect(await t.services.posts.publishScheduled(scheduled.id)).toBe(true);
    expect((await visit('merger-of-the-century-announced', '')).status).toBe(200);
    expect(await visit('embargoed-merger', 'merger-of-the-century')).toEqual({ status: 404, location: null, leaks: false });
    time.set('2026-11-25T12:00:00.000Z');
  });

  it('a redirect recorded while a piece was public stops answering when it is taken down, and answers again when it is back', async () => {
    const piece = await t.services.posts.create(postFields([author], { title: 'Public at first', status: 'published' }));
    await t.services.posts.update(piece.id, { slug: 'public-at-first-renamed' });
    expect(await visit('public-at-first', '')).toMatchObject({ status: 301, location: '/public-at-first-renamed/' });

    await t.services.posts.unpublish(piece.id);
    await t.services.posts.update(piece.id, { slug: 'pulled-and-renamed-quietly' });
    expect(await visit('public-at-first', 'pulled-and-renamed')).toEqual({ status: 404, location: null, leaks: false });
    expect(await visit('public-at-first-renamed', 'pulled-and-renamed')).toEqual({ status: 404, location: null, leaks: false });

    await t.services.posts.schedule(piece.id, '2026-12-24T09:00:00Z');
    expect(await visit('public-at-first', 'pulled-and-renamed')).toEqual({ status: 404, location: null, leaks: false });
    await t.services.posts.archive(piece.id);
    expect(await visit('public-at-first', 'pulled-and-renamed')).toEqual({ status: 404, location: null, leaks: false });

    await t.services.posts.publish(piece.id);
    expect(await visit('public-at-first', '')).toMatchObject({ status: 301, location: '/pulled-and-renamed-quietly/' });
    // The slug it had only while pulled was never public, so it leads nowhere.
    expect(await t.services.posts.lookupPublic('public-at-first-renamed')).toEqual({ kind: 'missing' });
  });

  it('old addresses brought in by an import lead only to published pieces', async () => {
    const draft = await t.services.posts.create(postFields([author], { title: 'Imported but unpublished', status: 'draft' }));
    await t.services.posts.addRedirects(draft.id, ['2019-05-imported-address']);
    expect(await visit('2019-05-imported-address', 'imported-but-unpublished')).toEqual({ status: 404, location: null, leaks: false });
    await t.services.posts.publish(draft.id);
    expect(await visit('2019-05-imported-address', '')).toMatchObject({ status: 301, location: '/imported-but-unpublished/' });
  });
});
