import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REVISION_MERGE_MS, UNDO_WINDOW_MS } from '../../src/editorial/index.js';
import { testApp, type AppContext } from '../support/app.js';
import { filmReview, makeAuthor, makeTag, postFields } from '../support/factories.js';
import { dialects, manualClock } from '../support/stores.js';
import { AdminClient, PASSWORD, staffClient } from './support/admin-client.js';

describe.each(dialects)('posts in the admin API on %s', (dialect) => {
  let t: AppContext;
  let editor: AdminClient;
  let writer: string;
  const clock = manualClock('2026-11-25T12:00:00.000Z');

  beforeAll(async () => {
    t = await testApp(dialect, { clock: clock.clock });
    ({ client: editor } = await staffClient(t.app, t.services, 'editor'));
    writer = (await makeAuthor(t.services, { name: 'Ada Obi' })).slug;
    await makeTag(t.services, { name: 'Film', slug: 'film' });
  });
  afterAll(async () => t.close());

  const countPosts = async () =>
    (
      await t.store.db
        .selectFrom('posts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;
  const countWorks = async () =>
    (
      await t.store.db
        .selectFrom('works')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;

  it('creates a film review with its facts and answers bad input field by field without writing anything', async () => {
    const [posts, works] = [await countPosts(), await countWorks()];
    const bad = await editor.call('POST', '/admin/api/posts', filmReview([writer], { title: '', tags: ['no-such-tag'], review: { work: { type: 'movie', title: 'X', credits: [{ name: '', role: 'director' }] } } }));
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().error.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['title', 'review.work.credits.0.name']));
    expect([await countPosts(), await countWorks()]).toEqual([posts, works]);

    const missingTag = await editor.call('POST', '/admin/api/posts', filmReview([writer], { tags: ['no-such-tag'] }));
    expect(missingTag.json().error.fields).toEqual([{ field: 'tags.0', message: 'no tag has the slug "no-such-tag"' }]);
    expect([await countPosts(), await countWorks()]).toEqual([posts, works]);

    const res = await editor.call('POST', '/admin/api/posts', filmReview([writer], { tags: ['film'] }));
    expect(res.statusCode).toBe(201);
    const post = res.json().post;
    expect(post).toMatchObject({ status: 'draft', format: 'review', revision: 1, primaryTag: { slug: 'film' } });
    expect(post.review.work.credits.map((c: { person: { name: string } }) => c.person.name)).toContain('Greta Lee');
    expect((await editor.call('GET', `/admin/api/posts/${post.id}`)).json().post.title).toBe('Past Lives review');
  });

  it('lists with filters, title search and pagination', async () => {
    for (let i = 0; i < 3; i += 1) await editor.call('POST', '/admin/api/posts', postFields([writer], { title: `Weekly column ${i}`, tags: ['film'] }));
    await editor.call('POST', '/admin/api/posts', postFields([writer], { title: 'A 100% true_story', status: 'published' }));
    const list = async (query: string) => (await editor.call('GET', `/admin/api/posts?${query}`)).json();

    expect((await list('q=weekly')).page.total).toBe(3);
    expect((await list('q=100%25 true_')).posts.map((p: { title: string }) => p.title)).toEqual(['A 100% true_story']);
    expect((await list('status=published')).posts.every((p: { status: string }) => p.status === 'published')).toBe(true);
    expect((await list('format=review')).posts.map((p: { format: string }) => p.format)).toEqual(['review']);
    expect((await list('section=film&limit=2')).posts).toHaveLength(2);
    const paged = await list('section=film&limit=2&offset=2');
    expect(paged.page).toEqual({ total: 4, limit: 2, offset: 2, next: null });
    expect((await list(`author=${writer}`)).page.total).toBeGreaterThanOrEqual(5);

    const bad = await editor.call('GET', '/admin/api/posts?status=lost&limit=0&colour=red');
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(['(input)', 'limit', 'status']);
  });

  it('refuses a save based on an old revision with a clear conflict message, never overwriting', async () => {
    const { client: other, user: otherUser } = await staffClient(t.app, t.services, 'editor', { name: 'Bea Lind' });
    const post = (await editor.call('POST', '/admin/api/posts', postFields([writer], { title: 'Shared piece' }))).json().post;
    const theirs = await other.call('PATCH', `/admin/api/posts/${post.id}`, { revision: post.revision, title: 'Their title' });
    expect(theirs.statusCode).toBe(200);
    expect(otherUser.name).toBe('Bea Lind');

    const mine = await editor.call('PATCH', `/admin/api/posts/${post.id}`, { revision: post.revision, title: 'My title' });
    expect(mine.statusCode).toBe(409);
    expect(mine.json().error.code).toBe('REVISION_CONFLICT');
    expect(mine.json().error.message).toContain('Bea Lind saved "Their title"');
    expect((await editor.call('GET', `/admin/api/posts/${post.id}`)).json().post.title).toBe('Their title');

    const stale = await editor.call('PATCH', `/admin/api/posts/${post.id}`, { revision: 'two' });
    expect(stale.json().error.fields[0].field).toBe('revision');
  });

  it('loses nothing when the session expires mid-edit: sign in again and retry the same save', async () => {
    const { user, client } = await staffClient(t.app, t.services, 'author');
    const post = (await client.call('POST', '/admin/api/posts', postFields([], { title: 'Long essay' }))).json().post;
    await t.services.staffAuth.signOutEverywhere(user.id);
    const save = { revision: post.revision, body: 'Paragraph typed while the session ran out.' };

    const expired = await client.call('PATCH', `/admin/api/posts/${post.id}`, save);
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.code).toBe('SESSION_EXPIRED');
    await client.start();
    await client.signIn(user.email, PASSWORD);
    const retried = await client.call('PATCH', `/admin/api/posts/${post.id}`, save);
    expect(retried.statusCode).toBe(200);
    expect(retried.json().post.body).toBe(save.body);

    const again = await client.call('PATCH', `/admin/api/posts/${post.id}`, save);
    expect(again.statusCode).toBe(200);
    expect(again.json().post.revision).toBe(retried.json().post.revision);
  });

  it('keeps at most one revision a minute per editor while autosaving, and restores an old one as a new save', async () => {
    const post = (await editor.call('POST', '/admin/api/posts', postFields([writer], { title: 'Draft one' }))).json().post;
    let revision = post.revision;
    for (const title of ['Draft two', 'Draft three', 'Draft four']) {
      clock.advance(5_000);
      revision = (await editor.call('PATCH', `/admin/api/posts/${post.id}`, { revision, title })).json().post.revision;
    }
    let history = (await editor.call('GET', `/admin/api/posts/${post.id}/revisions`)).json().revisions;
    expect(history).toHaveLength(1);
    expect(history[0].revision).toBe(revision);

    clock.advance(REVISION_MERGE_MS);
    revision = (await editor.call('PATCH', `/admin/api/posts/${post.id}`, { revision, title: 'Final title' })).json().post.revision;
    history = (await editor.call('GET', `/admin/api/posts/${post.id}/revisions`)).json().revisions;
    expect(history).toHaveLength(2);
    const older = (await editor.call('GET', `/admin/api/posts/${post.id}/revisions/${history[1].id}`)).json().revision;
    expect(older.snapshot.title).toBe('Draft four');

    clock.advance(REVISION_MERGE_MS);
    const restored = await editor.call('POST', `/admin/api/posts/${post.id}/revisions/${history[1].id}/restore`, { revision });
    expect(restored.json().post).toMatchObject({ title: 'Draft four', revision: revision + 1 });
    expect((await editor.call('GET', `/admin/api/posts/${post.id}/revisions`)).json().revisions).toHaveLength(3);
    expect((await editor.call('GET', `/admin/api/posts/${post.id}/revisions/999999`)).json().error.code).toBe('REVISION_NOT_FOUND');
  });

  it('schedules, publishes and unpublishes, refusing a schedule in the past', async () => {
    const post = (await editor.call('POST', '/admin/api/posts', postFields([writer], { title: 'Timed piece' }))).json().post;
    const past = await editor.call('POST', `/admin/api/posts/${post.id}/schedule`, { publishedAt: '2020-01-01T00:00:00Z' });
    expect(past.json().error.fields[0].field).toBe('publishedAt');
    const scheduled = await editor.call('POST', `/admin/api/posts/${post.id}/schedule`, { publishedAt: '2026-12-01T08:00:00Z' });
    expect(scheduled.json().post).toMatchObject({ status: 'scheduled', publishedAt: '2026-12-01T08:00:00.000Z' });
    const published = await editor.call('POST', `/admin/api/posts/${post.id}/publish`, {});
    expect(published.json().post.status).toBe('published');
    expect((await t.app.inject(`/${post.slug}/`)).statusCode).toBe(200);
    expect((await editor.call('POST', `/admin/api/posts/${post.id}/unpublish`)).json().post.status).toBe('draft');
    expect((await t.app.inject(`/${post.slug}/`)).statusCode).toBe(404);
  });

  it('deletes with an undo window, then purges for good', async () => {
    const post = (await editor.call('POST', '/admin/api/posts', postFields([writer], { title: 'Regrettable', status: 'published' }))).json().post;
    const deleted = await editor.call('DELETE', `/admin/api/posts/${post.id}`);
    expect(deleted.statusCode).toBe(200);
    expect(new Date(deleted.json().purgeAt).getTime() - clock.clock().getTime()).toBe(UNDO_WINDOW_MS);
    expect((await t.app.inject(`/${post.slug}/`)).statusCode).toBe(404);
    expect((await editor.call('GET', `/admin/api/posts/${post.id}`)).statusCode).toBe(404);
    expect((await editor.call('GET', '/admin/api/posts?trashed=true')).json().posts.map((p: { id: number }) => p.id)).toContain(post.id);

    const restored = await editor.call('POST', `/admin/api/posts/${post.id}/restore`);
    expect(restored.json().post).toMatchObject({ status: 'published', publishedAt: post.publishedAt });
    expect((await t.app.inject(`/${post.slug}/`)).statusCode).toBe(200);

    await editor.call('DELETE', `/admin/api/posts/${post.id}`);
    clock.advance(UNDO_WINDOW_MS + 1);
    expect(await t.services.editorial.purgeDue()).toBe(1);
    expect((await editor.call('POST', `/admin/api/posts/${post.id}/restore`)).json().error.code).toBe('POST_NOT_FOUND');
    expect(await t.store.db.selectFrom('posts').select('id').where('id', '=', post.id).executeTakeFirst()).toBeUndefined();
  });

  it('reports a result for each post in a bulk action', async () => {
    const a = (await editor.call('POST', '/admin/api/posts', postFields([writer]))).json().post;
    const b = (await editor.call('POST', '/admin/api/posts', postFields([writer], { format: 'review', review: undefined }))).json();
    expect(b.error.fields[0].field).toBe('review');
    const res = await editor.call('POST', '/admin/api/posts/bulk', { action: 'publish', ids: [a.id, 424242] });
    expect(res.json().results).toEqual([
      expect.objectContaining({ id: a.id, ok: true, post: expect.objectContaining({ status: 'published' }) }),
      { id: 424242, ok: false, error: { code: 'POST_NOT_FOUND', message: 'No post has the id 424242.' } },
    ]);
    const bad = await editor.call('POST', '/admin/api/posts/bulk', { action: 'explode', ids: [] });
    expect(
      bad
        .json()
        .error.fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(['action', 'ids']);
  });

  /** A signed-in client whose account writes under its own byline. */
  const withByline = async (role: 'contributor' | 'author', name: string) => {
    const { user, client } = await staffClient(t.app, t.services, role, { name });
    const byline = await makeAuthor(t.services, { name });
    await t.services.users.linkAuthor(user.id, byline.id);
    return { client, slug: byline.slug };
  };

  describe('a reviewed work is shared by every review of it', () => {
    const aftersun = {
      type: 'movie',
      title: 'Aftersun',
      year: 2022,
      organization: 'A24',
      runtimeMinutes: 101,
      availability: [{ label: 'Streaming', url: 'https://stream.example/aftersun' }, { label: 'Cinemas' }],
      credits: [
        { name: 'Charlotte Wells', role: 'director' },
        { name: 'Paul Mescal', role: 'cast', character: 'Calum' },
      ],
    };
    let published: { id: number; slug: string };
    let contentKey: string;

    beforeAll(async () => {
      published = (await editor.call('POST', '/admin/api/posts', filmReview([writer], { title: 'Aftersun review', status: 'published', review: { work: aftersun } }))).json().post;
      const admin = await t.services.users.create({ email: 'works-admin@example.com', name: 'Works Admin', role: 'administrator' });
      contentKey = (await t.services.contentKeys.create({ name: 'Works check' }, admin.id)).secret;
    });

    /** What readers get about the work: the review page (with its JSON-LD), the work's page and the Content API. */
    const whatReadersSee = async () =>
      [(await t.app.inject(`/${published.slug}/`)).body, (await t.app.inject('/works/aftersun-2022/')).body, (await t.app.inject(`/api/content/posts/${published.id}?key=${contentKey}`)).body].join('\n');

    it('refuses contributors and authors who would change its facts, saying why, and changes nothing readers see', async () => {
      const before = { work: (await t.services.posts.get(published.id)).review!.work, pages: await whatReadersSee(), posts: await countPosts() };
      expect(before.pages).toContain('https://stream.example/aftersun');
      const phishing = { ...aftersun, slug: 'aftersun-2022', availability: [{ label: 'Watch free', url: 'https://phish.example/login' }] };

      for (const [role, name] of [
        ['contributor', 'Cora Tribute'],
        ['author', 'Otto Thor'],
      ] as const) {
        const { client, slug } = await withByline(role, name);
        const linked = await client.call('POST', '/admin/api/posts', filmReview([slug], { title: 'My Aftersun', review: { work: phishing } }));
        expect(linked.statusCode, linked.body).toBe(403);
        expect(linked.json().error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('“Aftersun” is already in the library') });

        // Without the slug, the title and year name the same work.
        const { slug: _slug, ...unnamed } = phishing;
        expect((await client.call('POST', '/admin/api/posts', filmReview([slug], { review: { work: unnamed } }))).statusCode).toBe(403);

        const draft = (await client.call('POST', '/admin/api/posts', filmReview([slug], { title: `${name} on Aftersun`, review: { work: { slug: 'aftersun-2022' } } }))).json().post;
        const renamed = await client.call('PATCH', `/admin/api/posts/${draft.id}`, {
          revision: draft.revision,
          review: { work: { ...aftersun, slug: 'aftersun-2022', credits: [{ name: 'Someone Else', role: 'director' }] } },
        });
        expect(renamed.statusCode, renamed.body).toBe(403);
        expect((await t.services.posts.get(draft.id)).revision).toBe(draft.revision);
      }

      expect((await t.services.posts.get(published.id)).review!.work).toEqual(before.work);
      expect(await whatReadersSee()).toBe(before.pages);
      expect(await countPosts()).toBe(Number(before.posts) + 2);
    });

    it('lets a contributor link it as the admin editor sends it, unchanged, and describe a new work', async () => {
      const { client, slug } = await withByline('contributor', 'Lin Kit');
      const work = (await client.call('GET', '/admin/api/works?q=aftersun')).json().works[0];
      // The editor's form sends every fact of a linked work back, with empty ones left out.
      const asTheEditorSends = {
        type: work.type,
        title: work.title,
        slug: work.slug,
        year: work.year,
        organization: work.organization,
        runtimeMinutes: work.runtimeMinutes,
        availability: work.availability.map((a: { label: string; url: string | null }) => ({ label: a.label, url: a.url ?? undefined })),
        credits: work.credits.map((c: { person: { name: string; slug: string }; role: string; character: string | null }) => ({
          name: c.person.name,
          slug: c.person.slug,
          role: c.role,
          character: c.character ?? undefined,
        })),
      };
      clock.advance(1000);
      const before = await t.store.db.selectFrom('works').select('updated_at').where('slug', '=', 'aftersun-2022').executeTakeFirstOrThrow();
      const linked = await client.call('POST', '/admin/api/posts', filmReview([slug], { title: 'Aftersun, again', review: { work: asTheEditorSends } }));
      expect(linked.statusCode, linked.body).toBe(201);
      expect(linked.json().post.review.work.id).toBe(work.id);
      const saved = await client.call('PATCH', `/admin/api/posts/${linked.json().post.id}`, { revision: 1, title: 'Aftersun, once more', review: { work: asTheEditorSends, verdict: 'Still devastating.' } });
      expect(saved.statusCode, saved.body).toBe(200);
      expect(await t.store.db.selectFrom('works').select('updated_at').where('slug', '=', 'aftersun-2022').executeTakeFirstOrThrow()).toEqual(before);

      const fresh = await client.call(
        'POST',
        '/admin/api/posts',
        filmReview([slug], { title: 'A first look', review: { work: { type: 'movie', title: 'Unseen Film', year: 2026, credits: [{ name: 'Charlotte Wells', role: 'director' }] } } }),
      );
      expect(fresh.statusCode, fresh.body).toBe(201);
      expect(fresh.json().post.review.work).toMatchObject({ slug: 'unseen-film-2026', credits: [{ person: { slug: 'charlotte-wells' } }] });
    });

    it('lets an editor correct its facts for every review at once', async () => {
      const res = await editor.call('POST', '/admin/api/posts', filmReview([writer], { title: 'Aftersun, corrected', review: { work: { ...aftersun, slug: 'aftersun-2022', runtimeMinutes: 102 } } }));
      expect(res.statusCode, res.body).toBe(201);
      expect((await t.services.posts.get(published.id)).review!.work.runtimeMinutes).toBe(102);
    });
  });

  describe('undoing a delete', () => {
    it('brings a piece back into a state the restorer may put it in: a contributor gets a draft, an author the published post', async () => {
      const { client: contributor, slug: mine } = await withByline('contributor', 'Undo Writer');
      const { client: author, slug: theirs } = await withByline('author', 'Undo Author');
      const live = (await editor.call('POST', '/admin/api/posts', postFields([mine], { title: 'Taken down by the desk', status: 'published' }))).json().post;
      const timed = (await editor.call('POST', '/admin/api/posts', postFields([mine], { title: 'Due next week', status: 'scheduled', publishedAt: '2026-12-02T08:00:00Z' }))).json().post;
      const authors = (await editor.call('POST', '/admin/api/posts', postFields([theirs], { title: 'The author’s own', status: 'published' }))).json().post;
      for (const post of [live, timed, authors]) expect((await editor.call('DELETE', `/admin/api/posts/${post.id}`)).statusCode).toBe(200);

      const restored = await contributor.call('POST', `/admin/api/posts/${live.id}/restore`);
      expect(restored.statusCode, restored.body).toBe(200);
      expect(restored.json().post.status).toBe('draft');
      expect((await t.app.inject(`/${live.slug}/`)).statusCode).toBe(404);

      const bulk = await contributor.call('POST', '/admin/api/posts/bulk', { action: 'restore', ids: [timed.id] });
      expect(bulk.json().results).toEqual([expect.objectContaining({ id: timed.id, ok: true, post: expect.objectContaining({ status: 'draft' }) })]);
      clock.advance(8 * 24 * 60 * 60 * 1000);
      await t.services.posts.publishDue();
      expect((await t.services.posts.get(timed.id)).status).toBe('draft');

      const back = await author.call('POST', `/admin/api/posts/${authors.id}/restore`);
      expect(back.json().post).toMatchObject({ status: 'published', publishedAt: authors.publishedAt });
      expect((await t.app.inject(`/${authors.slug}/`)).statusCode).toBe(200);
    });

    it('deletes a piece once when two people delete it at the same moment', async () => {
      const { client: other } = await staffClient(t.app, t.services, 'editor');
      for (let round = 0; round < 5; round += 1) {
        const post = (await editor.call('POST', '/admin/api/posts', postFields([writer], { title: `Deleted twice? ${round}`, status: 'published' }))).json().post;
        const answers = await Promise.all([editor.call('DELETE', `/admin/api/posts/${post.id}`), other.call('DELETE', `/admin/api/posts/${post.id}`)]);
        expect(answers.map((a) => [a.statusCode, a.json().error?.code]).sort()).toEqual([
          [200, undefined],
          [404, 'POST_NOT_FOUND'],
        ]);
        const restored = await editor.call('POST', `/admin/api/posts/${post.id}/restore`);
        expect(restored.json().post.status).toBe('published');
      }
    });

    it('restores a piece once when two people undo its delete at the same moment', async () => {
      const { client: contributor, slug: mine } = await withByline('contributor', 'Race Writer');
      for (let round = 0; round < 5; round += 1) {
        const post = (await editor.call('POST', '/admin/api/posts', postFields([mine], { title: `Restored twice? ${round}`, status: 'published' }))).json().post;
        await editor.call('DELETE', `/admin/api/posts/${post.id}`);
        const answers = await Promise.all([contributor.call('POST', `/admin/api/posts/${post.id}/restore`), editor.call('POST', `/admin/api/posts/${post.id}/restore`)]);
        expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 404]);
        const winner = answers.find((a) => a.statusCode === 200)!.json().post;
        expect((await t.services.posts.get(post.id)).status).toBe(winner.status);
      }
    });
  });

  it('previews a draft exactly as the public template renders it, paid body included, never indexed', async () => {
    const post = (await editor.call('POST', '/admin/api/posts', filmReview([writer], { title: 'Preview me', visibility: 'paid', body: 'The paid part of the review.' }))).json().post;
    expect((await t.app.inject(`/${post.slug}/`)).statusCode).toBe(404);
    const res = await editor.call('GET', `/admin/api/posts/${post.id}/preview`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.headers['x-robots-tag']).toBe('noindex');
    expect(res.body).toContain('Preview me');
    expect(res.body).toContain('The paid part of the review.');
    expect(res.body).toContain('Greta Lee');
    expect(res.body).toContain('application/ld+json');
    expect(res.body).toMatch(/<meta name="robots" content="noindex/);
    expect((await t.app.inject(`/admin/api/posts/${post.id}/preview`)).statusCode).toBe(401);
  });
});
