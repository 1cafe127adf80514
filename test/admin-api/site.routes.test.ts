import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type AppContext } from '../support/app.js';
import { filmReview, makeAuthor } from '../support/factories.js';
import { dialects } from '../support/stores.js';
import { AdminClient, staffClient } from './support/admin-client.js';

describe.each(dialects)('tags, authors, suggestions and settings in the admin API on %s', (dialect) => {
  let t: AppContext;
  let admin: AdminClient;

  beforeAll(async () => {
    t = await testApp(dialect);
    ({ client: admin } = await staffClient(t.app, t.services, 'administrator'));
    const author = await makeAuthor(t.services);
    await t.services.posts.create(filmReview([author.slug]));
  });
  afterAll(async () => t.close());

  it('offers existing works by title prefix, in any case, with their credits', async () => {
    const res = await admin.call('GET', '/admin/api/works?q=PAST');
    expect(res.statusCode).toBe(200);
    expect(res.json().works).toHaveLength(1);
    expect(res.json().works[0]).toMatchObject({ title: 'Past Lives', year: 2023 });
    expect(res.json().works[0].credits.length).toBeGreaterThan(3);
    expect((await admin.call('GET', '/admin/api/works?q=lives')).json().works).toEqual([]);
    expect((await admin.call('GET', '/admin/api/works?q=%25')).json().works).toEqual([]);
    const empty = await admin.call('GET', '/admin/api/works?q=');
    expect(empty.json().error.fields).toEqual([{ field: 'q', message: 'type at least one character' }]);
  });

  it('offers people by the start of their name or surname', async () => {
    const names = async (q: string) => (await admin.call('GET', `/admin/api/people?q=${q}`)).json().people.map((p: { name: string }) => p.name);
    expect(await names('gre')).toEqual(['Greta Lee']);
    expect(await names('lee')).toEqual(['Greta Lee']);
    expect(await names('cel')).toEqual(['Celine Song']);
  });

  it('creates and edits sections and authors, naming bad fields', async () => {
    const created = await admin.call('POST', '/admin/api/tags', { name: 'Film', isSection: true, accentColor: '#112233' });
    expect(created.statusCode).toBe(201);
    expect(created.json().tag).toMatchObject({ slug: 'film', isSection: true });
    const again = await admin.call('POST', '/admin/api/tags', { name: 'Film' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.fields).toEqual([{ field: 'slug', message: 'is already taken' }]);
    const bad = await admin.call('POST', '/admin/api/tags', { name: '', accentColor: 'red' });
    expect(
      bad
        .json()
        .error.fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(['accentColor', 'name']);
    const renamed = await admin.call('PUT', '/admin/api/tags/film', { name: 'Cinema', slug: 'film', isSection: true });
    expect(renamed.json().tag.name).toBe('Cinema');
    expect((await admin.call('PUT', '/admin/api/tags/nope', { name: 'X' })).statusCode).toBe(404);

    const author = await admin.call('POST', '/admin/api/authors', { name: 'Noor Haddad', website: 'javascript:alert(1)' });
    expect(author.json().error.fields[0].field).toBe('website');
    expect((await admin.call('POST', '/admin/api/authors', { name: 'Noor Haddad' })).json().author.slug).toBe('noor-haddad');
    expect((await admin.call('GET', '/admin/api/authors')).json().authors.map((a: { name: string }) => a.name)).toContain('Noor Haddad');
  });

  it('changes site settings, keeping the rest, and refuses bad values field by field', async () => {
    const res = await admin.call('PATCH', '/admin/api/settings', { title: 'Halcyon', accentColor: '#aa3366', navigation: [{ label: 'Film', url: '/tag/film/' }] });
    expect(res.statusCode).toBe(200);
    expect(res.json().settings).toMatchObject({ title: 'Halcyon', accentColor: '#aa3366', timezone: 'UTC' });
    const bad = await admin.call('PATCH', '/admin/api/settings', { timezone: 'Mars/Olympus', title: '', navigation: [{ label: 'x', url: 'javascript:1' }] });
    expect(
      bad
        .json()
        .error.fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(['navigation.0.url', 'timezone', 'title']);
    expect((await admin.call('GET', '/admin/api/settings')).json().settings.title).toBe('Halcyon');
  });

  it('lists the formats, kinds of work and credit roles the editor offers', async () => {
    const res = (await admin.call('GET', '/admin/api/vocabulary')).json();
    expect(res.formats).toContainEqual({ value: 'review', label: 'Review' });
    expect(res.workTypes).toContainEqual({ value: 'movie', label: 'Movie' });
    expect(res.creditRoles).toContainEqual({ value: 'director', label: 'Director' });
  });
});
