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

  const countPosts = async () => (await t.store.db.selectFrom('posts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
  const countWorks = async () => (await t.store.db.selectFrom('works').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;

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
    expect(paged.page).toEqual({ total: 4, limit: 2, offset: 2 });
    expect((await list(`author=${writer}`)).page.total).toBeGreaterThanOrEqual(5);

    const bad = await editor.call('GET', '/admin/api/posts?status=lost&limit=0&colour=red');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['(input)', 'limit', 'status']);
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
    expect(bad.json().error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['action', 'ids']);
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
