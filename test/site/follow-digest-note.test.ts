import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberCookie } from '../members/helpers.js';
import { testApp, type AppContext } from '../support/app.js';
import { htmlErrors } from '../support/html.js';
import { makeTag } from '../support/factories.js';
import { dialects } from '../support/stores.js';

// Followed pieces come in the weekly newsletter: a member who does not receive it is told so on
// the account page, where their follows are listed, instead of being promised a digest.
describe.each(dialects)('what a member without the newsletter is told about their follows (%s)', (dialect) => {
  let t: AppContext;
  const NOTE = 'What you follow comes in our weekly newsletter, which you do not receive';

  beforeAll(async () => {
    t = await testApp(dialect);
    const tag = await makeTag(t.services, { name: 'Estuaries' });
    for (const email of ['nonews@example.com', 'reader@example.com']) {
      const member = await t.services.members.add({ email, name: '' });
      await t.services.follows.followAsMember(member.id, { kind: 'tag', id: tag.id });
    }
    await t.services.subscribers.importCsv(Buffer.from('email\nreader@example.com\n'));
  });
  afterAll(async () => {
    await t.close();
  });

  async function account(email: string) {
    const res = await t.app.inject({ url: '/members/', headers: { cookie: await memberCookie(t.services, email) } });
    expect(res.statusCode).toBe(200);
    return res.body;
  }

  it('tells a member who receives no newsletter that followed pieces would come in it', async () => {
    const body = await account('nonews@example.com');
    expect(body).toContain('Estuaries');
    expect(body).toContain(NOTE);
    expect(await htmlErrors(body)).toEqual([]);
  });

  it('says nothing of the kind to a member who receives the newsletter', async () => {
    const body = await account('reader@example.com');
    expect(body).toContain('Estuaries');
    expect(body).not.toContain(NOTE);
  });

  it('tells it in the site language', async () => {
    await t.services.settings.updateSite({ locale: 'de' });
    try {
      expect(await account('nonews@example.com')).toContain('den Sie nicht erhalten');
    } finally {
      await t.services.settings.updateSite({ locale: 'en' });
    }
  });
});
