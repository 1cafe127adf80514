import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffClient } from '../admin-api/support/admin-client.js';
import { testApp, type AppContext } from '../support/app.js';

/** Inputs the fuzzing found answered wrongly, kept as plain tests so they stay fixed. */
describe('what the fuzzing found', () => {
  let t: AppContext;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(async () => t.close());

  it.each(['/admin/api/posts/%', '/admin/api/posts/1/revisions/%zz', '/api/content/posts/%E0%A4%A', '/tag/%/'])(
    'answers a broken percent-escape in %s with a 400 in the error envelope',
    async (url) => {
      const res = await t.app.inject({ url, headers: { accept: 'application/json' } });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual({ error: { code: 'FST_ERR_BAD_URL', message: 'The address contains a broken percent-escape.' } });
    },
  );

  it('answers a broken percent-escape on the site with its error page', async () => {
    const res = await t.app.inject({ url: '/%zz/', headers: { accept: 'text/html' } });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('The address contains a broken percent-escape.');
  });

  it('answers a path parameter over the length limit with a 414 in the error envelope', async () => {
    const res = await t.app.inject({ url: `/admin/api/tags/${'a'.repeat(600)}`, method: 'PUT', headers: { 'content-type': 'application/json' }, payload: '{}' });
    expect(res.statusCode).toBe(414);
    expect(res.json().error.code).toBe('FST_ERR_MAX_PARAM_LENGTH');
  });

  it('answers an upload whose file part is cut short with a 400 naming the problem', async () => {
    const { client } = await staffClient(t.app, t.services, 'author');
    const payload = '--x\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n\x89PNG';
    const res = await client.call('POST', '/admin/api/media', payload, { 'content-type': 'multipart/form-data; boundary=x' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: '(input)', message: 'is cut short or is not valid multipart/form-data' }] });
  });
});
