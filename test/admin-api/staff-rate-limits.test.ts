import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffRateLimits } from '../../src/admin-api/endpoint.js';
import { testApp, type AppContext } from '../support/app.js';
import { AdminClient, staffClient } from './support/admin-client.js';

const boundary = '----masthead-limit-boundary';
function uploadBody(file?: Buffer) {
  const parts: Buffer[] = [Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="alt"\r\n\r\nA square\r\n`)];
  if (file) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="square.png"\r\nContent-Type: image/png\r\n\r\n`), file, Buffer.from('\r\n'));
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('limits on what one staff member does per minute', () => {
  let t: AppContext;
  let png: Buffer;
  beforeAll(async () => {
    t = await testApp();
    png = await sharp({ create: { width: 40, height: 40, channels: 3, background: '#336699' } })
      .png()
      .toBuffer();
  });
  afterAll(async () => t.close());

  const upload = (client: AdminClient, file?: Buffer) => {
    const body = uploadBody(file);
    return client.call('POST', '/admin/api/media', body.payload, body.headers);
  };

  it('stops a contributor uploading once the minute’s uploads are spent, and only them, wherever they connect from', async () => {
    const { client: contributor } = await staffClient(t.app, t.services, 'contributor');
    const { client: colleague } = await staffClient(t.app, t.services, 'author');
    // Uploads without a file are refused, but each still counts: the work to refuse it was done.
    for (let i = 0; i < staffRateLimits.uploads.max; i++) expect((await upload(contributor)).statusCode).toBe(400);
    const refused = await upload(contributor, png);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('RATE_LIMITED');

    // The same session from another address is the same person.
    const elsewhere = new AdminClient(t.app, '10.9.9.9');
    for (const [name, value] of contributor.cookies) elsewhere.cookies.set(name, value);
    elsewhere.csrf = contributor.csrf;
    expect((await upload(elsewhere, png)).statusCode).toBe(429);

    expect((await upload(colleague, png)).statusCode).toBe(201);
    // Reading goes on.
    expect((await contributor.call('GET', '/admin/api/media')).statusCode).toBe(200);
  });

  it('bounds every other change a staff member makes per endpoint', async () => {
    const { client: author } = await staffClient(t.app, t.services, 'author');
    const created = await author.call('POST', '/admin/api/posts', { title: 'Notes on a scandal' });
    expect(created.statusCode).toBe(201);
    const id = created.json().post.id;
    for (let i = 0; i < staffRateLimits.writes.max; i++) expect((await author.call('PATCH', `/admin/api/posts/${id}`, { title: '' })).statusCode).toBe(400);
    const refused = await author.call('PATCH', `/admin/api/posts/${id}`, { title: 'Notes on a scandal, revised' });
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('RATE_LIMITED');
    // Other endpoints keep their own count.
    expect((await author.call('POST', '/admin/api/posts', { title: 'Another piece' })).statusCode).toBe(201);
  });
});
