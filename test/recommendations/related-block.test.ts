import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type AppContext } from '../support/app.js';
import { makeAuthor, postFields } from '../support/factories.js';

describe('"You may also like" on article pages', () => {
  let t: AppContext;

  beforeAll(async () => {
    t = await testApp('sqlite');
    const writer = await makeAuthor(t.services);
    const publish = (title: string, body: string) => t.services.posts.create(postFields([writer.slug], { title, body, status: 'published' }));
    await publish('Growing tomatoes on a balcony', 'Tomatoes, compost and seedlings.');
    await publish('Compost for beginners', 'Compost, worms and seedlings for tomatoes.');
    await t.services.recommendations.settled();
    await t.services.recommendations.refresh();
  });
  afterAll(async () => t.close());

  it('shows the stored related pieces, never the piece itself', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/growing-tomatoes-on-a-balcony/' });
    expect(response.statusCode).toBe(200);
    const related = response.body.slice(response.body.indexOf('You may also like'));
    expect(related).toContain('href="/compost-for-beginners/"');
    expect(related).not.toContain('href="/growing-tomatoes-on-a-balcony/"');
  });
});
