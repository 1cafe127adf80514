import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffClient, type AdminClient } from '../admin-api/support/admin-client.js';
import { exportDocument, importDocument } from '../portability/site-document-support.js';
import { testApp, type AppContext } from '../support/app.js';
import { filmReview, makeAuthor, postFields } from '../support/factories.js';
import { htmlErrors } from '../support/html.js';
import { jsonLdOf, jsonLdProblems, thingsOfType } from '../support/schema-org.js';
import { dialects } from '../support/stores.js';
import { eventually } from './eventually.js';

const interviewee = (name: string, slug?: string) => ({ name, ...(slug ? { slug } : {}), role: 'interviewee' });

describe.each(dialects)('people named by interviews on %s', (dialect) => {
  let t: AppContext;
  let author: string;
  let editor: AdminClient;
  const get = (url: string) => t.app.inject(url);
  const interview = (title: string, people: unknown[], fields: Record<string, unknown> = {}) => t.services.posts.create(postFields([author], { title, format: 'interview', status: 'published', people, ...fields }));

  beforeAll(async () => {
    t = await testApp(dialect);
    author = (await makeAuthor(t.services, { name: 'Ada Obi' })).slug;
    ({ client: editor } = await staffClient(t.app, t.services, 'editor'));
    // Celine Song directs Past Lives (a review credits her); an interview names her too.
    await t.services.posts.create(filmReview([author], { status: 'published', publishedAt: '2026-10-01T08:00:00.000Z' }));
    await interview('Celine Song on endings', [interviewee('Celine Song')], { publishedAt: '2026-10-02T08:00:00.000Z' });
    await interview('A talk with Mira Okafor', [interviewee('Mira Okafor')], { publishedAt: '2026-10-03T08:00:00.000Z' });
    await t.services.posts.create(postFields([author], { title: 'Draft talk', format: 'interview', people: [interviewee('Secret Guest')] }));
  });
  afterAll(async () => t.close());

  it("lists an interview on the person's page with their role, beside the reviews of works crediting them", async () => {
    const celine = await get('/people/celine-song/');
    expect(celine.statusCode).toBe(200);
    expect(celine.body).toContain('<p class="credit">Interviewee</p>');
    expect(celine.body).toContain('">Celine Song on endings</a>');
    expect(celine.body).toContain('<a href="/works/past-lives-2023/">Director, Screenwriter — Past Lives (2023)</a>');
    expect(celine.body.indexOf('Celine Song on endings')).toBeLessThan(celine.body.indexOf('Past Lives review'));
    const mira = await get('/people/mira-okafor/');
    expect(mira.statusCode).toBe(200);
    expect(mira.body).toContain('<h1>Mira Okafor</h1>');
    expect(mira.body).toContain('<p class="credit">Interviewee</p>');
    expect(mira.body).not.toContain('reviewed work');
    expect(await htmlErrors(mira.body)).toEqual([]);
    // A draft never reveals whom it names.
    expect((await get('/people/secret-guest/')).statusCode).toBe(404);
  });

  it("puts the interview in the person's JSON-LD, and the person in the interview's", async () => {
    const page = (await get('/people/mira-okafor/')).body;
    expect(jsonLdOf(page).flatMap(jsonLdProblems)).toEqual([]);
    const [person] = thingsOfType(page, 'Person');
    expect(person).toMatchObject({ name: 'Mira Okafor', subjectOf: [expect.objectContaining({ '@type': 'Article', headline: 'A talk with Mira Okafor', url: 'http://localhost:3000/a-talk-with-mira-okafor/' })] });
    const piece = (await get('/a-talk-with-mira-okafor/')).body;
    expect(jsonLdOf(piece).flatMap(jsonLdProblems)).toEqual([]);
    expect(thingsOfType(piece, 'Article')[0]).toMatchObject({ about: [{ '@type': 'Person', name: 'Mira Okafor', url: 'http://localhost:3000/people/mira-okafor/' }] });
  });

  it('redraws a kept person page when an interview naming them is published, changed or unpublished', async () => {
    expect((await get('/people/noor-haddad/')).statusCode).toBe(404);
    const first = await interview('Talking to Noor Haddad', [interviewee('Noor Haddad')]);
    await eventually(t.app, '/people/noor-haddad/', (res) => expect(res.statusCode).toBe(200));
    const second = await t.services.posts.create(postFields([author], { title: 'Noor Haddad, again', format: 'interview', people: [interviewee('Noor Haddad')] }));
    expect((await get('/people/noor-haddad/')).body).not.toContain('Noor Haddad, again');
    await t.services.posts.publish(second.id);
    await eventually(t.app, '/people/noor-haddad/', (res) => expect(res.body).toContain('Noor Haddad, again'));
    await t.services.posts.update(second.id, { people: [] });
    await eventually(t.app, '/people/noor-haddad/', (res) => expect(res.body).not.toContain('Noor Haddad, again'));
    await t.services.posts.unpublish(first.id);
    await eventually(t.app, '/people/noor-haddad/', (res) => expect(res.statusCode).toBe(404));
  });

  it('takes and answers the people of a piece in the admin API, and refuses bad ones field by field', async () => {
    const made = await editor.call('POST', '/admin/api/posts', postFields([author], { title: 'Q and A', format: 'interview', people: [interviewee('Celine Song'), interviewee('Jo Park', 'jo-park-2')] }));
    expect(made.statusCode).toBe(201);
    const { post } = made.json();
    expect(post.people).toEqual([
      { person: expect.objectContaining({ slug: 'celine-song', name: 'Celine Song' }), role: 'interviewee' },
      { person: expect.objectContaining({ slug: 'jo-park-2', name: 'Jo Park' }), role: 'interviewee' },
    ]);
    const celine = await t.store.db.selectFrom('people').select('id').where('slug', '=', 'celine-song').execute();
    expect(celine).toHaveLength(1);
    const bad = async (body: Record<string, unknown>) => {
      const res = await editor.call('POST', '/admin/api/posts', postFields([author], { title: 'Bad', ...body }));
      expect(res.statusCode).toBe(400);
      return res.json().error.fields.map((f: { field: string }) => f.field);
    };
    expect(await bad({ people: [interviewee('Jo Park'), interviewee('jo park')] })).toEqual(['people.1']);
    expect(await bad({ people: [{ name: 'Jo Park', role: 'director' }] })).toEqual(['people.0.role']);
    expect(await bad({ people: [{ name: '', role: 'interviewee' }] })).toEqual(['people.0.name']);
    expect(await bad({ people: [{ name: 'x'.repeat(201), role: 'interviewee' }] })).toEqual(['people.0.name']);
    expect(await bad({ people: Array.from({ length: 21 }, (_, i) => interviewee(`Guest ${i}`)) })).toEqual(['people']);
    expect(await bad({ people: 'Jo Park' })).toEqual(['people']);
    expect(await bad({ type: 'page', people: [interviewee('Jo Park')] })).toEqual(['people']);
    const cleared = await editor.call('PATCH', `/admin/api/posts/${post.id}`, { people: null });
    expect(cleared.json().post.people).toEqual([]);
  });

  it('answers the people of a piece and the people it names in the Content API', async () => {
    const { client: admin } = await staffClient(t.app, t.services, 'administrator');
    const key = (await admin.call('POST', '/admin/api/content-keys', { name: 'Front end' })).json().secret;
    const posts = (await get(`/api/content/posts/slug/a-talk-with-mira-okafor/?key=${key}`)).json().posts;
    expect(posts[0].people).toEqual([{ person: expect.objectContaining({ slug: 'mira-okafor', name: 'Mira Okafor' }), role: 'interviewee' }]);
    const person = await get(`/api/content/people/slug/mira-okafor/?key=${key}`);
    expect(person.statusCode).toBe(200);
    expect(person.json().people[0]).toMatchObject({ slug: 'mira-okafor', name: 'Mira Okafor' });
    expect((await get(`/api/content/people/slug/secret-guest/?key=${key}`)).statusCode).toBe(404);
  });

  it('lists the published pieces that name a person, with the role, beside their credits in the Content API', async () => {
    const { client: admin } = await staffClient(t.app, t.services, 'administrator');
    const key = (await admin.call('POST', '/admin/api/content-keys', { name: 'People front end' })).json().secret;
    await t.services.posts.create(postFields([author], { title: 'Unsent questions for Celine Song', format: 'interview', people: [interviewee('Celine Song')] }));
    const celine = (await get(`/api/content/people/slug/celine-song/?key=${key}`)).json().people[0];
    expect(celine.credits.map((c: { role: string }) => c.role)).toEqual(['director', 'screenwriter']);
    expect(celine.namedIn).toEqual([{ post: { id: expect.any(Number), slug: 'celine-song-on-endings', title: 'Celine Song on endings', publishedAt: '2026-10-02T08:00:00.000Z' }, role: 'interviewee' }]);
    const mira = (await get(`/api/content/people/slug/mira-okafor/?key=${key}`)).json().people[0];
    expect(mira).toMatchObject({ credits: [], namedIn: [{ post: { slug: 'a-talk-with-mira-okafor', title: 'A talk with Mira Okafor' }, role: 'interviewee' }] });
    // The list stays names only; the entry of one person gives their credits and the pieces naming them.
    const list = (await get(`/api/content/people/?key=${key}&limit=100`)).json().people;
    expect(list.find((p: { slug: string }) => p.slug === 'mira-okafor')).toEqual({ id: mira.id, slug: 'mira-okafor', name: 'Mira Okafor' });
  });

  it('lists people named by published pieces in the people sitemap', async () => {
    const sitemap = (await get('/sitemap-people.xml')).body;
    expect(sitemap).toContain('/people/mira-okafor/');
    expect(sitemap).toContain('/people/celine-song/');
    expect(sitemap).not.toContain('/people/secret-guest/');
  });

  it('carries the people a piece names through export and import', async () => {
    const document = await exportDocument(t.services);
    const exported = document.posts.find((p) => p.post.title === 'A talk with Mira Okafor');
    expect(exported?.post.people).toEqual([{ name: 'Mira Okafor', slug: 'mira-okafor', role: 'interviewee' }]);
    const target = await testApp(dialect);
    try {
      await importDocument(target.services, document);
      const page = await target.app.inject('/people/mira-okafor/');
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<p class="credit">Interviewee</p>');
      expect((await target.app.inject('/people/secret-guest/')).statusCode).toBe(404);
    } finally {
      await target.close();
    }
  });

  it('names the same new person, or reviews the same new work, from saves at the same time without an error', async () => {
    const saves = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) =>
        i % 2 === 0
          ? interview(`At once ${i}`, [interviewee('Sam Newcomer')])
          : t.services.posts.create(
              filmReview([author], { title: `Same night ${i}`, status: 'published', review: { work: { type: 'movie', title: 'Brand New Film', year: 2026, credits: [{ name: 'Sam Newcomer', role: 'director' }] } } }),
            ),
      ),
    );
    expect(saves.map((s) => (s.status === 'rejected' ? String(s.reason) : 'saved'))).toEqual(Array(6).fill('saved'));
    expect(await t.store.db.selectFrom('people').select('id').where('slug', '=', 'sam-newcomer').execute()).toHaveLength(1);
    expect(await t.store.db.selectFrom('works').select('id').where('slug', '=', 'brand-new-film-2026').execute()).toHaveLength(1);
    const page = await get('/people/sam-newcomer/');
    expect(page.body.match(/<p class="credit">Interviewee<\/p>/g)).toHaveLength(3);
    expect(page.body.match(/Director — Brand New Film \(2026\)/g)).toHaveLength(3);
  });
});
