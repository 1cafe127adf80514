import GhostAdminAPI from '@tryghost/admin-api';
import GhostContentAPI from '@tryghost/content-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffRole } from '../../src/staff/index.js';
import { testApp, type AppContext } from '../support/app.js';
import { dialects } from '../support/stores.js';
import { makeAuthor, makeTag } from '../support/factories.js';
import { failure, listening } from './support/server.js';

describe('posts and pages through the official Ghost Admin API client', () => {
  let t: AppContext;
  let url: string;
  let admin: ReturnType<typeof GhostAdminAPI>;
  let content: ReturnType<typeof GhostContentAPI>;
  let people = 0;

  /** A client for a key of a staff member with this role (made by themselves, so the key's role is theirs). */
  async function clientFor(role: StaffRole) {
    people += 1;
    const user = await t.services.users.create({ email: `${role}${people}@masthead.example`, name: `${role} ${people}`, role });
    return { user, api: GhostAdminAPI({ url, key: (await t.services.apiKeys.create({ name: role, role }, user)).secret, version: 'v6.0' }) };
  }

  beforeAll(async () => {
    t = await testApp('sqlite');
    url = await listening(t);
    const owner = await t.services.users.create({ email: 'owner@masthead.example', name: 'Owner', role: 'administrator' });
    const byline = await makeAuthor(t.services, { name: 'Owner Byline', slug: 'owner' });
    await t.services.users.linkAuthor(owner.id, byline.id);
    admin = GhostAdminAPI({ url, key: (await t.services.apiKeys.create({ name: 'Migration', role: 'administrator' }, { ...owner, authorId: byline.id })).secret, version: 'v6.0' });
    content = GhostContentAPI({ url, key: (await t.services.contentKeys.create({ name: 'Front end' }, owner.id)).secret, version: 'v6.0' });
    await makeTag(t.services, { name: 'Film', slug: 'film' });
    await makeAuthor(t.services, { name: 'Ada Obi', slug: 'ada' });
  });
  afterAll(async () => t.close());

  it('adds a published post from HTML, making new tags by name, and the site shows it', async () => {
    const post = await admin.posts.add(
      {
        title: 'Moved from Ghost',
        html: '<h2>Hello</h2><p>A <strong>bold</strong> start.</p><script>alert(1)</script>',
        status: 'published',
        tags: ['Film', { name: 'Moving in' }],
        authors: [{ slug: 'ada' }],
        custom_excerpt: 'How we moved.',
        feature_image: '/media/cover.jpg',
        feature_image_alt: 'A cover',
        feature_image_caption: '<em>Photo</em> by us',
        meta_title: 'Moved',
        og_title: 'ignored: Masthead builds its social cards',
      },
      { source: 'html' },
    );
    expect(post).toMatchObject({
      title: 'Moved from Ghost',
      status: 'published',
      custom_excerpt: 'How we moved.',
      feature_image: '/media/cover.jpg',
      feature_image_alt: 'A cover',
      feature_image_caption: 'Photo by us',
      meta_title: 'Moved',
      og_title: null,
      primary_tag: { slug: 'film' },
      primary_author: { slug: 'ada' },
    });
    expect(post.tags.map((tag: { name: string }) => tag.name)).toEqual(['Film', 'Moving in']);
    expect(post.html).toContain('<strong>bold</strong>');
    expect(post.html).not.toContain('<script');
    expect(post.published_at).toBeTruthy();
    expect((await content.posts.read({ slug: post.slug })).title).toBe('Moved from Ghost');
    expect((await content.tags.read({ slug: 'moving-in' })).name).toBe('Moving in');
  });

  it('refuses more tags or authors than a post holds before making any tag', async () => {
    const soup = await failure(admin.posts.add({ title: 'Tag soup', tags: Array.from({ length: 21 }, (_, i) => `Soup ${i}`) }));
    expect(soup).toMatchObject({ type: 'ValidationError' });
    expect(soup.context).toContain('posts.0.tags: at most 20 tags');
    const crowd = await failure(admin.posts.add({ title: 'Crowd', authors: Array.from({ length: 11 }, () => ({ slug: 'ada' })) }));
    expect(crowd.context).toContain('posts.0.authors: at most 10 authors');
    expect(await failure(content.tags.read({ slug: 'soup-0' }))).toMatchObject({ type: 'NotFoundError' });
  });

  it('ignores html without ?source=html, as Ghost does, and refuses Lexical it cannot keep', async () => {
    const post = await admin.posts.add({ title: 'No source', html: '<p>Dropped</p>' });
    expect(post).toMatchObject({ status: 'draft', html: '', primary_author: { slug: 'owner' } });
    const lexical = await failure(admin.posts.add({ title: 'Lexical', lexical: '{"root":{}}' }));
    expect(lexical).toMatchObject({ type: 'ValidationError', code: 'VALIDATION_FAILED' });
    expect(lexical.context).toContain('posts.0.lexical: cannot be read: Masthead keeps posts as HTML');
  });

  it('edits with the updated_at the client read, refusing a stale one with UpdateCollisionError', async () => {
    const post = await admin.posts.add({ title: 'Draft one', html: '<p>Body</p>' }, { source: 'html' });
    const edited = await admin.posts.edit({ id: post.id, updated_at: post.updated_at, title: 'Draft one, renamed' });
    expect(edited).toMatchObject({ title: 'Draft one, renamed', html: '<p>Body</p>' });
    const stale = await failure(admin.posts.edit({ id: post.id, updated_at: post.updated_at, title: 'Lost update' }));
    expect(stale).toMatchObject({ type: 'UpdateCollisionError' });
    expect(stale.message).toContain('Saving failed! Someone else is editing this post');
    const missing = await failure(admin.posts.edit({ id: post.id, title: 'No date' }));
    expect(missing).toMatchObject({ type: 'ValidationError' });
    expect(missing.context).toContain('posts.0.updated_at: is required');
    expect((await admin.posts.read({ id: post.id })).title).toBe('Draft one, renamed');
  });

  it('lets exactly one of two simultaneous edits of the same version land', async () => {
    const post = await admin.posts.add({ title: 'Contested' });
    const results = await Promise.allSettled([admin.posts.edit({ id: post.id, updated_at: post.updated_at, title: 'First' }), admin.posts.edit({ id: post.id, updated_at: post.updated_at, title: 'Second' })]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason.type).toBe('UpdateCollisionError');
  });

  it('takes back everything it answered: read, change one field, edit keeps the rest', async () => {
    const added = await admin.posts.add({ title: 'Round trip', html: '<p>Keep me</p>', tags: ['Film'], featured: true, status: 'published' }, { source: 'html' });
    const read = await admin.posts.read({ id: added.id });
    const edited = await admin.posts.edit({ ...read, title: 'Round trip, again' });
    expect(edited).toMatchObject({ title: 'Round trip, again', html: '<p>Keep me</p>', featured: true, status: 'published', published_at: added.published_at });
    expect(edited.tags.map((tag: { slug: string }) => tag.slug)).toEqual(['film']);
  });

  it('browses drafts and published posts with status in filters, and reads by slug', async () => {
    const drafts = await admin.posts.browse({ filter: 'status:draft', limit: 'all' });
    expect(drafts.length).toBeGreaterThan(0);
    expect(drafts.every((p: { status: string }) => p.status === 'draft')).toBe(true);
    const published = await admin.posts.browse({ filter: 'status:published+tag:film', fields: 'title,status' });
    expect(published.map((p: { title: string }) => p.title)).toEqual(['Round trip, again', 'Moved from Ghost']);
    expect(published[0]).toEqual({ title: 'Round trip, again', status: 'published' });
    expect((await admin.posts.read({ slug: 'round-trip' })).title).toBe('Round trip, again');
    expect(await failure(admin.posts.read({ slug: 'nothing-here' }))).toMatchObject({ type: 'NotFoundError' });
  });

  it('deletes a post into the bin: gone from both APIs at once', async () => {
    const post = await admin.posts.add({ title: 'Short-lived', status: 'published' });
    expect(await admin.posts.delete({ id: post.id })).toBe('');
    expect(await failure(admin.posts.read({ id: post.id }))).toMatchObject({ type: 'NotFoundError' });
    expect(await failure(content.posts.read({ slug: post.slug }))).toMatchObject({ type: 'NotFoundError' });
    expect(await failure(admin.posts.delete({ id: post.id }))).toMatchObject({ type: 'NotFoundError' });
  });

  it('keeps posts and pages apart', async () => {
    const page = await admin.pages.add({ title: 'Colophon', html: '<p>Set in type.</p>', status: 'published' }, { source: 'html' });
    expect((await content.pages.read({ slug: page.slug })).html).toBe('<p>Set in type.</p>');
    expect(await failure(admin.posts.read({ id: page.id }))).toMatchObject({ type: 'NotFoundError' });
    const edited = await admin.pages.edit({ id: page.id, updated_at: page.updated_at, title: 'Colophon and credits' });
    expect(edited.title).toBe('Colophon and credits');
    await admin.pages.delete({ id: page.id });
    expect(await failure(admin.pages.read({ id: page.id }))).toMatchObject({ type: 'NotFoundError' });
  });

  it('applies the key’s role: contributors write drafts under their own name only, and cannot publish or make tags', async () => {
    const { api } = await clientFor('contributor');
    const draft = await api.posts.add({ title: 'My pitch', html: '<p>Idea</p>' }, { source: 'html' });
    expect(draft.status).toBe('draft');
    expect(draft.authors.map((a: { name: string }) => a.name)).toEqual([expect.stringMatching(/^contributor \d+$/)]);
    expect(await failure(api.posts.add({ title: 'Straight out', status: 'published' }))).toMatchObject({ type: 'NoPermissionError' });
    expect(await failure(api.posts.edit({ id: draft.id, updated_at: draft.updated_at, status: 'published' }))).toMatchObject({ type: 'NoPermissionError' });
    const newTag = await failure(api.posts.add({ title: 'Tagged', tags: ['Brand new'] }));
    expect(newTag).toMatchObject({ type: 'ValidationError' });
    expect(newTag.context).toContain('your role cannot make tags');
    const others = (await admin.posts.browse({ filter: "title:~'Round trip'" }))[0];
    expect(await failure(api.posts.edit({ id: others.id, updated_at: others.updated_at, title: 'Hijacked' }))).toMatchObject({ type: 'NoPermissionError' });
    expect(await failure(api.posts.delete({ id: others.id }))).toMatchObject({ type: 'NoPermissionError' });
    expect(await failure(api.pages.add({ title: 'A page' }))).toMatchObject({ type: 'NoPermissionError' });
  });

  it('shows each key only the posts its role may see: contributors their own, authors also what is published', async () => {
    const editorsDraft = await admin.posts.add({ title: 'Unannounced scoop', html: '<p>Secret</p>' }, { source: 'html' });
    const published = await admin.posts.add({ title: 'Out in the open', status: 'published' });
    const contributor = await clientFor('contributor');
    const ownDraft = await contributor.api.posts.add({ title: 'Contributor notes' });
    const seenByContributor = (await contributor.api.posts.browse({ limit: 'all' })).map((p: { title: string }) => p.title);
    expect(seenByContributor).toEqual(['Contributor notes']);
    expect(await failure(contributor.api.posts.read({ id: editorsDraft.id }))).toMatchObject({ type: 'NoPermissionError' });
    expect(await failure(contributor.api.posts.read({ id: published.id }))).toMatchObject({ type: 'NoPermissionError' });
    expect((await contributor.api.posts.read({ id: ownDraft.id })).title).toBe('Contributor notes');

    const author = await clientFor('author');
    const seenByAuthor = (await author.api.posts.browse({ limit: 'all' })).map((p: { title: string }) => p.title);
    expect(seenByAuthor).toContain('Out in the open');
    expect(seenByAuthor).not.toContain('Unannounced scoop');
    expect(seenByAuthor).not.toContain('Contributor notes');
    expect(await failure(author.api.posts.read({ id: editorsDraft.id }))).toMatchObject({ type: 'NoPermissionError' });
  });

  it('lets an author publish their own post but not touch an editor’s', async () => {
    const { api } = await clientFor('author');
    const post = await api.posts.add({ title: 'By the author', status: 'published' });
    expect(post.status).toBe('published');
    const others = (await admin.posts.browse({ filter: "title:~'Moved'" }))[0];
    expect(await failure(api.posts.edit({ id: others.id, updated_at: others.updated_at, featured: true }))).toMatchObject({ type: 'NoPermissionError' });
  });

  it('refuses what it cannot do, with the field named', async () => {
    // Each request starts only when awaited: started together, a later refusal would reject
    // with nothing listening yet and count as an unhandled rejection.
    const cases: Array<[() => Promise<unknown>, string]> = [
      [() => admin.posts.add({ title: 'Mail it', status: 'published' }, { newsletter: 'weekly' }), 'newsletter: cannot be used here'],
      [() => admin.posts.add({ title: 'Gated', visibility: 'tiers' }), 'posts.0.visibility: must be public, members or paid'],
      [() => admin.posts.add({ title: 'Odd', mood: 'sunny' }), 'posts.0.mood: is not a field of Ghost posts'],
      [() => admin.posts.add({ title: 'Nobody', authors: [{ email: 'nobody@example.com' }] }), 'posts.0.authors.0: names no author'],
      [() => admin.posts.add({ title: '' }), 'title'],
      [() => admin.posts.add({ title: 'Sent', status: 'sent' }), 'posts.0.status: cannot be sent'],
      [() => admin.posts.add({ title: 'Early', status: 'published', published_at: '2099-01-01T00:00:00.000Z' }), 'posts.0.published_at: is in the future'],
      [() => admin.posts.add({ title: 'Odd tags', tags: [5, null, { name: '' }] }), 'posts.0.tags.0: must name a tag by id, slug or name; posts.0.tags.1'],
      [() => admin.posts.add({ title: 'Blank tag', tags: [{ name: ' ' }] }), 'posts.0.tags.0.name: is required'],
      [() => admin.posts.add({ title: 'Bad image', feature_image: 'javascript:alert(1)' }), 'posts.0.feature_image'],
    ];
    for (const [attempt, context] of cases) {
      const problem = await failure(attempt());
      expect(problem.type, context).toBe('ValidationError');
      expect(problem.context, context).toContain(context);
    }
    const envelope = await t.app.inject({ method: 'POST', url: '/ghost/api/admin/posts/', payload: { title: 'No envelope' } });
    expect(envelope.statusCode).toBe(401);
  });
});

describe.each(dialects)('posts naming the same new tag at the same moment on %s', (dialect) => {
  let t: AppContext;
  let admin: ReturnType<typeof GhostAdminAPI>;

  beforeAll(async () => {
    t = await testApp(dialect);
    const url = await listening(t);
    const owner = await t.services.users.create({ email: 'owner@masthead.example', name: 'Owner', role: 'administrator' });
    const byline = await makeAuthor(t.services);
    await t.services.users.linkAuthor(owner.id, byline.id);
    admin = GhostAdminAPI({ url, key: (await t.services.apiKeys.create({ name: 'Migration', role: 'administrator' }, { ...owner, authorId: byline.id })).secret, version: 'v6.0' });
  });
  afterAll(async () => t.close());

  it('all land, sharing the one tag made', async () => {
    for (const round of [1, 2, 3]) {
      const posts = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => admin.posts.add({ title: `Twin ${round}.${n}`, tags: [`Race ${round}`] })));
      expect(new Set(posts.map((post) => post.tags[0].id)).size).toBe(1);
    }
  });
});
