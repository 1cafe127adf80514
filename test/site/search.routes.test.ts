import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type AppContext } from '../support/app.js';
import { makeAuthor, makeTag, postFields } from '../support/factories.js';
import { htmlErrors } from '../support/html.js';

describe('search pages', () => {
  let t: AppContext;

  beforeAll(async () => {
    t = await testApp('sqlite');
    const writer = await makeAuthor(t.services, { name: 'Ada Obi', slug: 'ada-obi' });
    await makeTag(t.services, { name: 'Film', slug: 'film' });
    await t.services.posts.create(postFields([writer.slug], { title: 'Lanterns & <lights>', tags: ['film'], format: 'essay', status: 'published', body: 'Paper lanterns over the river.' }));
    await t.services.posts.create(postFields([writer.slug], { title: 'Lantern draft', body: 'Not yet.' }));
  });
  afterAll(async () => t.close());

  const get = (url: string) => t.app.inject({ method: 'GET', url });

  it('shows ranked results with highlighted snippets, readable without JavaScript', async () => {
    const response = await get('/search/?q=lanterns');
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<a href="/lanterns-and-lights/">Lanterns &amp; &lt;lights&gt;</a>');
    expect(response.body).toContain('Paper <mark>lanterns</mark> over the river.');
    expect(response.body).toContain('1 result');
    expect(response.body).not.toContain('Lantern draft');
    expect(response.body).toContain('<form class="search-form" role="search" method="get" action="/search/">');
    expect(await htmlErrors(response.body)).toEqual([]);
  });

  it('keeps the filters in the form and in page links', async () => {
    const response = await get('/search/?q=lantern&section=film&format=essay');
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<option value="film" selected>');
    expect(response.body).toContain('<option value="essay" selected>');
    expect(response.body).toContain('<mark>');
  });

  it('answers the same results as JSON', async () => {
    const response = await get('/search.json?q=lant');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.total).toBe(1);
    expect(body.results[0]).toMatchObject({
      title: 'Lanterns & <lights>',
      url: '/lanterns-and-lights/',
      format: 'essay',
      section: { slug: 'film', name: 'Film' },
      authors: [{ slug: 'ada-obi', name: 'Ada Obi' }],
    });
    expect(body.results[0].snippet).toContain('<mark>');
    expect(body.results[0].publishedAt).toMatch(/^\d{4}-/);
  });

  it('shows the empty form without a query', async () => {
    const response = await get('/search/');
    expect(response.statusCode).toBe(200);
    expect(response.body).not.toContain('class="card"');
    expect(await htmlErrors(response.body)).toEqual([]);
    expect((await get('/search?q=x')).headers.location).toBe('/search/?q=x');
  });

  it('answers bad input with a 4xx naming the field, never a 500', async () => {
    const page = await get('/search/?q=a&page=abc');
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('page');
    expect(await htmlErrors(page.body)).toEqual([]);
    const json = await get('/search.json?q=a&from=2025-13-01');
    expect(json.statusCode).toBe(400);
    expect(json.json().error.fields[0].field).toBe('from');
    const hostile = [
      '/search/?q=%22%2A%28NEAR',
      '/search/?q=%00%01%FF%FE',
      `/search/?q=${'%E2%80%8B'.repeat(2000)}`,
      `/search.json?q=${'a'.repeat(8000)}`,
      '/search/?q=a&q=b',
      '/search/?q[]=x',
      '/search.json?q=%ZZ',
      '/search/?page=99999999999999999999',
    ];
    for (const url of hostile) {
      const response = await get(url);
      expect(response.statusCode, url).toBeLessThan(500);
    }
  });
});
