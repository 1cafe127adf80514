import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type AppContext } from '../support/app.js';
import { makeAuthor, makeTag, postFields } from '../support/factories.js';
import { dialects } from '../support/stores.js';
import { token } from './support/server.js';

describe.each(dialects)('the Ghost APIs under odd input on %s', (dialect) => {
  let t: AppContext;
  let adminKey: string;
  let contentKey: string;
  let postId: number;

  beforeAll(async () => {
    t = await testApp(dialect);
    const owner = await t.services.users.create({ email: 'owner@masthead.example', name: 'Owner', role: 'administrator' });
    const author = await makeAuthor(t.services);
    await t.services.users.linkAuthor(owner.id, author.id);
    await makeTag(t.services, { slug: 'film', name: 'Film' });
    postId = (await t.services.posts.create(postFields([author.slug], { tags: ['film'], status: 'published', publishedAt: '2026-01-01T00:00:00.000Z' }))).id;
    adminKey = (await t.services.apiKeys.create({ name: 'Fuzz', role: 'administrator' }, { ...owner, authorId: author.id })).secret;
    contentKey = (await t.services.contentKeys.create({ name: 'Fuzz' }, owner.id)).secret;
  });
  afterAll(async () => t.close());

  it('answers any mix of list and item options with data or a 4xx, never a server error', async () => {
    const names = fc.constantFrom('include', 'fields', 'formats', 'order', 'limit', 'page', 'filter', 'slug', 'source');
    const values = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom('all', '0', '-1', '1e9', '999999999', 'tags,authors', 'count.posts', 'title desc,id', 'published_at DESC', '%', 'html,plaintext', '__proto__', 'constructor'),
    );
    const paths = fc.constantFrom(
      '/content/posts/',
      '/content/pages/',
      '/content/tags/',
      '/content/authors/',
      '/content/tiers/',
      '/content/settings/',
      `/content/posts/${postId}/`,
      '/content/tags/slug/film/',
      '/admin/posts/',
      `/admin/posts/${postId}/`,
      '/admin/tags/',
      '/admin/members/',
    );
    await fc.assert(
      fc.asyncProperty(paths, fc.array(fc.tuple(names, values), { maxLength: 4 }), async (path, params) => {
        const query = params.map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('&');
        const headers = path.startsWith('/admin/') ? { authorization: `Ghost ${await token(adminKey)}` } : {};
        const res = await t.app.inject({ url: `/ghost/api${path}?key=${contentKey}&${query}`, headers });
        expect(res.statusCode, `${path}?${query}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
      }),
      { numRuns: 200 },
    );
  });

  it('answers any post an integration sends with the post or a 4xx naming the problem, never a server error', async () => {
    const fields = fc.constantFrom(
      'title',
      'slug',
      'html',
      'status',
      'published_at',
      'tags',
      'authors',
      'featured',
      'visibility',
      'custom_excerpt',
      'feature_image',
      'feature_image_alt',
      'meta_title',
      'canonical_url',
      'lexical',
      'updated_at',
      'format',
      'review',
    );
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fields, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 }), async (item) => {
        const res = await t.app.inject({
          method: 'POST',
          url: '/ghost/api/admin/posts/?source=html',
          headers: { authorization: `Ghost ${await token(adminKey)}` },
          payload: { posts: [{ title: 'Fuzzed', ...item }] },
        });
        expect(res.statusCode, `${JSON.stringify(item).slice(0, 200)}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
        if (res.statusCode >= 400) expect(res.json().errors[0].message).toBeTruthy();
      }),
      { numRuns: 200 },
    );
  });
});
