import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type AppContext } from '../support/app.js';
import { dialects } from '../support/stores.js';
import { staffClient } from './support/admin-client.js';

describe.each(dialects)("a library item's alt text, caption and credit on %s", (dialect) => {
  let t: AppContext;

  beforeAll(async () => {
    t = await testApp(dialect);
  });
  afterAll(async () => t.close());

  it('change only for editors, administrators and whoever uploaded the file', async () => {
    const uploader = await staffClient(t.app, t.services, 'contributor');
    const stranger = await staffClient(t.app, t.services, 'author');
    const editor = await staffClient(t.app, t.services, 'editor');
    const data = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#224466' } })
      .png()
      .toBuffer();
    const item = await t.services.media.upload({ data, filename: 'harbour.png', mimetype: 'image/png' }, { alt: 'The harbour at dusk' }, uploader.user);
    const text = async () => t.store.db.selectFrom('media').select(['alt', 'caption', 'credit']).where('id', '=', item.id).executeTakeFirstOrThrow();

    const refused = await stranger.client.call('PUT', `/admin/api/media/${item.id}`, { alt: 'Log in to see the photo', caption: 'https://phish.example' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('uploader') });
    expect(await text()).toEqual({ alt: 'The harbour at dusk', caption: null, credit: null });

    const own = await uploader.client.call('PUT', `/admin/api/media/${item.id}`, { alt: 'The harbour at dusk, boats in', credit: 'Cora' });
    expect(own.statusCode, own.body).toBe(200);
    const desk = await editor.client.call('PUT', `/admin/api/media/${item.id}`, { alt: 'The harbour at dusk', caption: 'Kirkwall, October' });
    expect(desk.statusCode, desk.body).toBe(200);
    expect(await text()).toEqual({ alt: 'The harbour at dusk', caption: 'Kirkwall, October', credit: null });

    expect((await stranger.client.call('PUT', '/admin/api/media/987654', { alt: 'Nothing here' })).json().error.code).toBe('MEDIA_NOT_FOUND');
  });
});
