import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffClient } from '../admin-api/support/admin-client.js';
import { testApp, type AppContext } from '../support/app.js';
import { makeAuthor, postFields } from '../support/factories.js';
import { dialects } from '../support/stores.js';

const INTERVIEWS = 120;
const FILMS = 30;

interface Entry {
  credits: Array<{ work: { title: string; year: number | null }; role: string }>;
  namedIn: Array<{ post: { title: string }; role: string }>;
}

describe.each(dialects)('a person in the Content API, page by page, on %s', (dialect) => {
  let t: AppContext;
  let key: string;
  const api = (query = '') => t.app.inject(`/api/content/people/slug/ines-varda/?key=${key}${query}`);
  const entry = async (query = '') => {
    const res = await api(query);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    return { person: body.people[0] as Entry, pagination: body.meta.pagination };
  };
  const interviewTitle = (i: number) => `Talking with Ines Varda, part ${i}`;
  // Newest first: the last interview made is the newest.
  const newestFirst = Array.from({ length: INTERVIEWS }, (_, i) => interviewTitle(INTERVIEWS - i));

  beforeAll(async () => {
    t = await testApp(dialect);
    const { client: admin } = await staffClient(t.app, t.services, 'administrator');
    key = (await admin.call('POST', '/admin/api/content-keys', { name: 'Front end' })).json().secret;
    const author = (await makeAuthor(t.services)).slug;
    const named = [{ name: 'Ines Varda', role: 'interviewee' }];
    const at = (minutes: number) => new Date(Date.parse('2026-01-01T00:00:00.000Z') + minutes * 60_000).toISOString();
    for (let i = 1; i <= INTERVIEWS; i += 1) {
      await t.services.posts.create(postFields([author], { title: interviewTitle(i), format: 'interview', status: 'published', publishedAt: at(i), people: named }));
    }
    // Films 1 to 29 have years 1991 to 2019; film 30 has none and comes last.
    for (let i = 1; i <= FILMS; i += 1) {
      const work = { type: 'movie', title: `Film ${i}`, ...(i < FILMS ? { year: 1990 + i } : {}), credits: [{ name: 'Ines Varda', role: 'director' }] };
      await t.services.posts.create(postFields([author], { title: `Film ${i} reviewed`, format: 'review', status: 'published', publishedAt: at(i), review: { work } }));
    }
    // Neither a draft that names her nor a draft review of a film she directed shows or counts.
    await t.services.posts.create(postFields([author], { title: 'Unpublished talk', format: 'interview', people: named }));
    await t.services.posts.create(
      postFields([author], { title: 'Unpublished review', format: 'review', review: { work: { type: 'movie', title: 'Secret film', year: 2030, credits: [{ name: 'Ines Varda', role: 'director' }] } } }),
    );
  }, 120_000);
  afterAll(async () => t.close());

  it('answers the first page of each list by default, saying how many there are in all', async () => {
    const { person, pagination } = await entry();
    expect(person.namedIn.map((n) => n.post.title)).toEqual(newestFirst.slice(0, 15));
    expect(person.namedIn[0]!.role).toBe('interviewee');
    expect(person.credits.map((c) => c.work.title)).toEqual(Array.from({ length: 15 }, (_, i) => `Film ${FILMS - 1 - i}`));
    expect(pagination).toEqual({
      credits: { page: 1, limit: 15, pages: 2, total: FILMS, next: 2, prev: null },
      namedIn: { page: 1, limit: 15, pages: 8, total: INTERVIEWS, next: 2, prev: null },
    });
  });

  it('walks both lists to their ends without losing or repeating an entry', async () => {
    const titles: string[] = [];
    const works: string[] = [];
    let page: number | null = 1;
    while (page !== null) {
      const { person, pagination } = await entry(`&limit=50&page=${page}`);
      titles.push(...person.namedIn.map((n) => n.post.title));
      works.push(...person.credits.map((c) => c.work.title));
      expect(pagination.namedIn.page).toBe(page);
      page = pagination.namedIn.next;
    }
    expect(titles).toEqual(newestFirst);
    expect(works).toEqual([...Array.from({ length: FILMS - 1 }, (_, i) => `Film ${FILMS - 1 - i}`), `Film ${FILMS}`]);
  });

  it('answers the last page short and a page past the end empty', async () => {
    const last = await entry('&limit=50&page=3');
    expect(last.person.namedIn.map((n) => n.post.title)).toEqual(newestFirst.slice(100));
    expect(last.person.credits).toEqual([]);
    expect(last.pagination.namedIn).toEqual({ page: 3, limit: 50, pages: 3, total: INTERVIEWS, next: null, prev: 2 });
    expect(last.pagination.credits).toEqual({ page: 3, limit: 50, pages: 1, total: FILMS, next: null, prev: 2 });
    const past = await entry('&limit=100&page=9');
    expect(past.person.namedIn).toEqual([]);
    expect(past.person.credits).toEqual([]);
  });

  it('refuses a limit above 100, and other bad pages, with a 400 naming the field', async () => {
    for (const [query, field] of [
      ['&limit=101', 'limit'],
      ['&limit=5000', 'limit'],
      ['&limit=0', 'limit'],
      ['&limit=all', 'limit'],
      ['&limit=1.5', 'limit'],
      ['&limit=', 'limit'],
      ['&limit=1&limit=2', 'limit'],
      ['&page=0', 'page'],
      ['&page=-1', 'page'],
      ['&page=100001', 'page'],
    ]) {
      const res = await api(query);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.code, query).toBe('VALIDATION_FAILED');
      expect(
        res.json().error.fields.map((f: { field: string }) => f.field),
        query,
      ).toEqual([field]);
    }
    const unknown = await api('&order=title');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toEqual([{ field: '(input)', message: 'unknown field(s): order' }]);
  });
});
