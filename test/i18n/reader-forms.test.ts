import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/index.js';
import { testApp, type AppContext } from '../support/app.js';
import { makeTag } from '../support/factories.js';
import { htmlErrors } from '../support/html.js';
import { expectNoEnglish, catalogs } from '../support/locales.js';
import { dialects } from '../support/stores.js';

const tr = translator(catalogs, 'de');
const escaped = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

describe.each(dialects)('reader forms sent without scripts show a wrong address again, in German (%s)', (dialect) => {
  let t: AppContext;
  let tagId: number;

  beforeAll(async () => {
    t = await testApp(dialect);
    await t.services.settings.updateSite({ locale: 'de', title: 'Halcyon' });
    tagId = (await makeTag(t.services, { name: 'Bühne', slug: 'buehne' })).id;
  });
  afterAll(async () => t.close());

  const post = (url: string, form: Record<string, string>, cookie = '') =>
    t.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded', cookie }, payload: new URLSearchParams(form).toString() });

  /** The page a reader sees: 400, the address as typed in a field marked wrong, the note in German, a valid page. */
  async function expectFormAgain(res: { statusCode: number; body: string }, typed: string, what: string, heading = 'signup.again.title', note = 'signup.emailError') {
    expect(res.statusCode, what).toBe(400);
    const field = /<input id="([^"]+)" type="email" name="email"[^>]*aria-invalid="true"[^>]*>/.exec(res.body);
    expect(field, what).not.toBeNull();
    expect(field![0]).toContain(`value="${escaped(typed)}"`);
    const noteId = /aria-describedby="([^"]+)"/.exec(field![0])![1]!;
    expect(res.body).toContain(`<p id="${noteId}" class="error" role="alert">${tr(note)}</p>`);
    expect(res.body).toContain(`<h1>${tr(heading)}</h1>`);
    expectNoEnglish('de', res.body, what);
    expect(await htmlErrors(res.body), what).toEqual([]);
  }

  it('shows the newsletter signup again with the address as typed and a note at the field', async () => {
    await expectFormAgain(await post('/newsletter/subscribe', { email: 'keine Adresse' }), 'keine Adresse', 'signup');
    await expectFormAgain(await post('/newsletter/subscribe', { email: '"><script>alert(1)</script>' }), '"><script>alert(1)</script>', 'signup with markup');
    await expectFormAgain(await post('/newsletter/subscribe', { email: 'ke\u0000ine\u0007@' }), 'keine@', 'signup with control characters');
    const long = `${'x'.repeat(5000)}@`;
    await expectFormAgain(await post('/newsletter/subscribe', { email: long }), long.slice(0, 320), 'signup with a long address');
    const stored = await t.store.db.selectFrom('subscribers').select('email').execute();
    expect(stored).toEqual([]);
  });

  it('shows the follow form again, for the same section, with the address as typed and a note at the field', async () => {
    const res = await post('/follows/', { kind: 'tag', id: String(tagId), back: '/tag/buehne/', email: 'leser@' });
    await expectFormAgain(res, 'leser@', 'follow');
    expect(res.body).toContain(`<h2 id="follow-title-tag-${tagId}" class="follow-title">${tr('follow.title', { name: 'Bühne' })}</h2>`);
    expect(res.body).toContain(`<input type="hidden" name="id" value="${tagId}">`);
    expect(res.body).toContain('<input type="hidden" name="back" value="/tag/buehne/">');
  });

  it('shows the sign-in form again with the address as typed and a note at the field', async () => {
    const page = await t.app.inject('/members/signin/');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const cookie = page.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    await expectFormAgain(await post('/members/signin', { _csrf: csrf, email: 'leserin@' }, cookie), 'leserin@', 'sign-in', 'signin.title', 'signin.emailError');
  });
});
