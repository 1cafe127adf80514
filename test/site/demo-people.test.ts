import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffClient } from '../admin-api/support/admin-client.js';
import type { AppContext } from '../support/app.js';
import { demoApp } from '../support/demo-site.js';
import { htmlErrors } from '../support/html.js';
import { jsonLdOf, jsonLdProblems, thingsOfType } from '../support/schema-org.js';
import { dialects } from '../support/stores.js';

const INTERVIEW = 'hester-vane-ruth-amadi-night-shift-interview';

describe.each(dialects)('people the demo magazine names on %s', (dialect) => {
  let t: AppContext;
  let key: string;
  const get = (url: string) => t.app.inject(url);

  beforeAll(async () => {
    t = await demoApp(dialect);
    const { client: admin } = await staffClient(t.app, t.services, 'administrator');
    key = (await admin.call('POST', '/admin/api/content-keys', { name: 'Demo front end' })).json().secret;
  }, 120_000);
  afterAll(async () => t.close());

  it("shows a playwright's review credit and her interview on her person page, as valid HTML and JSON-LD", async () => {
    const res = await get('/people/hester-vane/');
    expect(res.statusCode).toBe(200);
    expect(await htmlErrors(res.body)).toEqual([]);
    expect(res.body).toContain('<h1>Hester Vane</h1>');
    expect(res.body).toContain('<a href="/works/the-night-shift-tidemark/">Author — The Night Shift (2026)</a>');
    expect(res.body).toContain('<p class="credit">Interviewee</p>');
    expect(res.body).toContain(`href="/${INTERVIEW}/"`);
    expect(res.body).toContain('href="/the-night-shift-review/"');
    expect(jsonLdOf(res.body).flatMap(jsonLdProblems)).toEqual([]);
    const [person] = thingsOfType(res.body, 'Person');
    expect(person).toMatchObject({ name: 'Hester Vane', subjectOf: [expect.objectContaining({ url: `http://localhost:3000/${INTERVIEW}/` })] });
    expect(thingsOfType(res.body, 'TheaterEvent')).toEqual([expect.objectContaining({ name: 'The Night Shift' })]);
  });

  it('names the songwriter of the concert review as the subject of her interview', async () => {
    const body = (await get('/people/wren-calloway/')).body;
    expect(body).toContain('<p class="credit">Interviewee</p>');
    expect(body).toContain('href="/wren-calloway-interview/"');
    expect(body).toMatch(/<a href="\/works\/wren-calloway-kitchen-light-tour-glasgow\/">Performer — [^<]+<\/a>/);
  });

  it('gives each interviewee a page, and the interview describes whom it is about', async () => {
    for (const slug of ['maren-solberg', 'kezia-bramwell', 'dee-fennimore', 'aoife-breen', 'ruth-amadi']) {
      const res = await get(`/people/${slug}/`);
      expect(res.statusCode, slug).toBe(200);
      expect(res.body, slug).toContain('<p class="credit">Interviewee</p>');
    }
    const piece = await get(`/${INTERVIEW}/`);
    expect(piece.statusCode).toBe(200);
    expect(await htmlErrors(piece.body)).toEqual([]);
    // Readers reach the interviewees' pages from the interview, as they reach a reviewed work's people from its facts.
    const named = piece.body.slice(piece.body.indexOf('<aside class="facts named"'), piece.body.indexOf('</aside>', piece.body.indexOf('<aside class="facts named"')));
    expect(named).toContain('<h2 id="named-title">People in this piece</h2>');
    expect(named).toContain('<dt>Interviewee</dt>');
    expect(named).toContain('<li><a href="/people/hester-vane/">Hester Vane</a></li><li><a href="/people/ruth-amadi/">Ruth Amadi</a></li>');
    expect((await get('/the-night-shift-review/')).body).not.toContain('class="facts named"');
    expect(jsonLdOf(piece.body).flatMap(jsonLdProblems)).toEqual([]);
    expect(thingsOfType(piece.body, 'Article')[0]!.about).toEqual([
      expect.objectContaining({ '@type': 'Person', name: 'Hester Vane', url: 'http://localhost:3000/people/hester-vane/' }),
      expect.objectContaining({ '@type': 'Person', name: 'Ruth Amadi', url: 'http://localhost:3000/people/ruth-amadi/' }),
    ]);
  });

  it('lists the interviewees in the people sitemap', async () => {
    const sitemap = (await get('/sitemap-people.xml')).body;
    for (const slug of ['hester-vane', 'ruth-amadi', 'wren-calloway', 'maren-solberg', 'dee-fennimore']) expect(sitemap).toContain(`<loc>http://localhost:3000/people/${slug}/</loc>`);
  });

  it("answers the playwright's credit and the interview naming her in the Content API", async () => {
    const hester = (await get(`/api/content/people/slug/hester-vane/?key=${key}`)).json().people[0];
    expect(hester.credits).toEqual([{ work: expect.objectContaining({ slug: 'the-night-shift-tidemark', type: 'theatre' }), role: 'author', character: null }]);
    expect(hester.namedIn).toEqual([{ post: expect.objectContaining({ slug: INTERVIEW }), role: 'interviewee' }]);
    const piece = (await get(`/api/content/posts/slug/${INTERVIEW}/?key=${key}`)).json().posts[0];
    expect(piece.people.map((p: { person: { slug: string }; role: string }) => `${p.person.slug} ${p.role}`)).toEqual(['hester-vane interviewee', 'ruth-amadi interviewee']);
  });
});
