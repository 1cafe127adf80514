import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '../../src/errors/codes.js';
import { translator } from '../../src/i18n/index.js';
import { testApp, type AppContext } from '../support/app.js';
import { makeTag } from '../support/factories.js';
import { catalogs, expectNoEnglish } from '../support/locales.js';
import { dialects } from '../support/stores.js';

const tr = translator(catalogs, 'de');

describe.each(dialects)('reader routes answer scripts in the site’s language (%s)', (dialect) => {
  let t: AppContext;
  let tagId: number;

  beforeAll(async () => {
    t = await testApp(dialect);
    await t.services.settings.updateSite({ locale: 'de', title: 'Halcyon' });
    tagId = (await makeTag(t.services, { name: 'Bühne', slug: 'buehne' })).id;
  });
  afterAll(async () => t.close());

  /** A CSRF token for JSON requests, with the cookie that carries it. */
  async function token(): Promise<{ _csrf: string; cookie: string }> {
    const page = await t.app.inject('/members/signin/');
    return { _csrf: /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!, cookie: page.cookies.map((c) => `${c.name}=${c.value}`).join('; ') };
  }

  function expectGermanError(res: { statusCode: number; json(): { error: { code: string; message: string; fields?: { field: string; message: string }[] } } }, status: number, code: string, message: string) {
    expect(res.statusCode).toBe(status);
    const { error } = res.json();
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
    expect(Object.values(errorCodes)).not.toContain(error.message);
    expectNoEnglish('de', JSON.stringify(error), code);
    return error;
  }

  it('explains a follow by email with a wrong address or target in German, keeping the code and field', async () => {
    const wrong = await t.app.inject({ method: 'POST', url: '/follows/', payload: { kind: 'tag', id: tagId, email: 'keine Adresse' } });
    const error = expectGermanError(wrong, 400, 'VALIDATION_FAILED', tr('signup.emailError'));
    expect(error.fields).toEqual([{ field: 'email', message: tr('signup.emailError') }]);

    const nowhere = await t.app.inject({ method: 'POST', url: '/follows/', headers: { accept: 'application/json' }, payload: { kind: 'tag', id: 999_999, email: 'leser@example.com' } });
    expectGermanError(nowhere, 404, 'FOLLOW_TARGET_NOT_FOUND', tr('error.text.notFound'));

    const stranger = await t.app.inject({ method: 'POST', url: '/follows/unfollow', payload: { kind: 'tag', id: tagId } });
    expectGermanError(stranger, 401, 'SIGNIN_REQUIRED', tr('error.code.SIGNIN_REQUIRED'));
  });

  it('explains a member script’s mistakes in German: a wrong sign-in address, a missing form token, an unavailable tip', async () => {
    const { _csrf, cookie } = await token();
    const signin = await t.app.inject({ method: 'POST', url: '/members/signin', headers: { cookie }, payload: { _csrf, email: 'keine Adresse' } });
    const error = expectGermanError(signin, 400, 'VALIDATION_FAILED', tr('signup.emailError'));
    expect(error.fields).toEqual([{ field: 'email', message: tr('signup.emailError') }]);

    const forged = await t.app.inject({ method: 'POST', url: '/members/signin', headers: { accept: 'application/json' }, payload: { email: 'leser@example.com' } });
    expectGermanError(forged, 403, 'CSRF_INVALID', tr('error.text.forbidden'));

    // Without payments set up, a tip is unavailable.
    const tip = await t.app.inject({ method: 'POST', url: '/members/tip', headers: { cookie }, payload: { _csrf, amount: 500 } });
    expectGermanError(tip, 503, 'PAYMENTS_NOT_CONFIGURED', tr('error.text.unavailable'));
  });

  it('keeps English for the developers’ APIs', async () => {
    const api = await t.app.inject({ url: '/admin/api/settings', headers: { accept: 'application/json' } });
    expect(api.statusCode).toBe(401);
    expect(Object.values(errorCodes)).toContain(api.json().error.message);
  });
});
