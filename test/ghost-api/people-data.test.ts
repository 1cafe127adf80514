import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../support/app.js';
import { demoApp } from '../support/demo-site.js';
import { postFields } from '../support/factories.js';
import { dialects } from '../support/stores.js';

interface Counted {
  slug: string;
  count: { posts: number };
}

// Ghost has no people: its Content API here answers authors and tags as before when pieces name
// people, even people who share a slug with a staff author or a tag.
describe.each(dialects)('the Ghost Content API over a magazine whose pieces name people on %s', (dialect) => {
  let t: AppContext;
  let key: string;
  const ghost = (path: string) => t.app.inject(`/ghost/api/content${path}${path.includes('?') ? '&' : '?'}key=${key}`);
  const publishedBy = async (filter: { authorId: number } | { tagId: number }) => (await t.services.posts.list(filter, { limit: 500 })).posts.length;

  beforeAll(async () => {
    t = await demoApp(dialect);
    const owner = await t.services.users.create({ email: 'owner@masthead.example', name: 'Owner', role: 'administrator' });
    key = (await t.services.contentKeys.create({ name: 'Front end' }, owner.id)).secret;
    // The editor-in-chief interviewed by her own magazine, and someone whose slug is a section's.
    await t.services.posts.create(
      postFields(['imogen-hale'], {
        title: 'Ten years of Halcyon, asked and answered',
        format: 'interview',
        tags: ['culture'],
        status: 'published',
        publishedAt: new Date(t.services.clock().getTime() - 3_600_000).toISOString(),
        people: [
          { name: 'Rosa Delgado', role: 'interviewee' },
          { name: 'Film', slug: 'film', role: 'interviewee' },
        ],
      }),
    );
  }, 120_000);
  afterAll(async () => t.close());

  it('browses every author with the published pieces they wrote, not the pieces naming them', async () => {
    const res = await ghost('/authors/?include=count.posts&limit=all');
    expect(res.statusCode).toBe(200);
    const authors: Counted[] = res.json().authors;
    const expected = await Promise.all((await t.services.taxonomy.listAuthors()).map(async (a) => [a.slug, await publishedBy({ authorId: a.id })] as const));
    expect(authors.map((a) => [a.slug, a.count.posts]).sort()).toEqual(expected.sort());
    expect(authors.map((a) => a.slug)).not.toContain('hester-vane');
  });

  it('reads an author who is also named by a piece as the author, and a named person as no author', async () => {
    const rosa = await ghost('/authors/slug/rosa-delgado/?include=count.posts');
    expect(rosa.statusCode).toBe(200);
    expect(rosa.json().authors[0]).toMatchObject({ slug: 'rosa-delgado', name: 'Rosa Delgado', url: 'http://localhost:3000/author/rosa-delgado/' });
    const person = await ghost('/authors/slug/hester-vane/');
    expect(person.statusCode).toBe(404);
    expect(person.json().errors[0]).toMatchObject({ type: 'NotFoundError' });
    const filtered = await ghost('/authors/?filter=slug:[hester-vane,rosa-delgado,wren-calloway]');
    expect(filtered.json().authors.map((a: { slug: string }) => a.slug)).toEqual(['rosa-delgado']);
  });

  it('browses and reads tags with their counts when a person shares a tag slug', async () => {
    const res = await ghost('/tags/?include=count.posts&limit=all');
    expect(res.statusCode).toBe(200);
    const tags: Counted[] = res.json().tags;
    const culture = await t.services.taxonomy.getTag('culture');
    expect(tags.find((tag) => tag.slug === 'culture')!.count.posts).toBe(await publishedBy({ tagId: culture.id }));
    const film = await ghost('/tags/slug/film/?include=count.posts');
    expect(film.statusCode).toBe(200);
    expect(film.json().tags[0]).toMatchObject({ slug: 'film', name: 'Film', url: 'http://localhost:3000/tag/film/' });
  });

  it('answers an interview with its authors and tags and no people field, and refuses people as a filter or an include with a clear error', async () => {
    const res = await ghost('/posts/slug/hester-vane-ruth-amadi-night-shift-interview/?include=authors,tags');
    expect(res.statusCode).toBe(200);
    const [post] = res.json().posts;
    expect(post.authors.map((a: { slug: string }) => a.slug)).toEqual(['ellis-kowalczyk']);
    expect(post).not.toHaveProperty('people');
    for (const path of ['/posts/?filter=people.slug:hester-vane', '/authors/?filter=people:hester-vane', '/tags/?filter=people.slug:film']) {
      const refused = await ghost(path);
      expect(refused.statusCode, path).toBe(400);
      expect(refused.json().errors[0], path).toMatchObject({ type: 'BadRequestError', code: 'FILTER_INVALID' });
    }
    const include = await ghost('/authors/?include=people');
    expect(include.statusCode).toBe(422);
    expect(include.json().errors[0]).toMatchObject({ type: 'ValidationError', property: 'include' });
  });
});
