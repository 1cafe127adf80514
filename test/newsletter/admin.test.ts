import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { staffClient } from '../admin-api/support/admin-client.js';
import { testApp, type AppContext } from '../support/app.js';
import { makeAuthor, postFields } from '../support/factories.js';

describe('the newsletter admin API', () => {
  let t: AppContext;

  beforeEach(async () => {
    t = await testApp('sqlite');
  });
  afterEach(async () => t.close());

  it('is for editors and administrators only', async () => {
    expect((await t.app.inject('/admin/api/newsletter/subscribers')).statusCode).toBe(401);
    const { client: author } = await staffClient(t.app, t.services, 'author');
    expect((await author.call('GET', '/admin/api/newsletter/subscribers')).statusCode).toBe(403);
    const { client: editor } = await staffClient(t.app, t.services, 'editor');
    expect((await editor.call('GET', '/admin/api/newsletter/subscribers')).statusCode).toBe(200);
  });

  it('is described in the admin API document with its input and output schemas', async () => {
    const doc = (await t.app.inject('/admin/api/openapi.json')).json();
    const paths = Object.keys(doc.paths).filter((p) => p.startsWith('/admin/api/newsletter/'));
    expect(paths).toEqual(expect.arrayContaining(['/admin/api/newsletter/status', '/admin/api/newsletter/subscribers/import', '/admin/api/newsletter/digests/{id}', '/admin/api/newsletter/sends/{id}']));
    expect(doc.paths['/admin/api/newsletter/digests/{id}'].patch.requestBody.content['application/json'].schema.properties.items.maxItems).toBe(60);
    expect(doc.paths['/admin/api/newsletter/subscribers/import'].post.requestBody.content).toHaveProperty('text/csv');
    expect(doc.paths['/admin/api/newsletter/sends/{id}'].get.responses['200'].content['application/json'].schema.required).toContain('unsubscribedSince');
  });

  it('counts opens only for newsletters an editor turns it on for, taking nothing but true or false', async () => {
    const { client } = await staffClient(t.app, t.services, 'editor');
    const created = await client.call('POST', '/admin/api/newsletter/newsletters', { slug: 'film', name: 'Film' });
    expect(created.json()).toMatchObject({ slug: 'film', countOpens: false });
    const on = await client.call('PATCH', '/admin/api/newsletter/newsletters/film', { countOpens: true });
    expect(on.json()).toMatchObject({ slug: 'film', countOpens: true });
    const listed = (await client.call('GET', '/admin/api/newsletter/newsletters')).json().newsletters;
    expect(listed.map((n: { slug: string; countOpens: boolean }) => [n.slug, n.countOpens])).toEqual([
      ['weekly', false],
      ['film', true],
    ]);
    const wrong = await client.call('PATCH', '/admin/api/newsletter/newsletters/film', { countOpens: 'yes' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields[0].field).toBe('countOpens');
    const { client: author } = await staffClient(t.app, t.services, 'author');
    expect((await author.call('PATCH', '/admin/api/newsletter/newsletters/film', { countOpens: false })).statusCode).toBe(403);
  });

  it('adds a newsletter and renames it, naming the field that is wrong', async () => {
    const { client } = await staffClient(t.app, t.services, 'editor');
    const created = await client.call('POST', '/admin/api/newsletter/newsletters', { slug: 'film', name: 'Film' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ slug: 'film', name: 'Film', isDefault: false });
    const renamed = await client.call('PATCH', '/admin/api/newsletter/newsletters/film', { name: 'Film notes', description: 'Reviews first', isDefault: true });
    expect(renamed.json()).toMatchObject({ slug: 'film', name: 'Film notes', description: 'Reviews first', isDefault: true });
    const blank = await client.call('PATCH', '/admin/api/newsletter/newsletters/film', { name: '' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.fields[0].field).toBe('name');
    expect((await client.call('PATCH', '/admin/api/newsletter/newsletters/nope', { name: 'X' })).statusCode).toBe(404);
    const badTest = await client.call('POST', '/admin/api/newsletter/digests/1/test', { to: 'not an address' });
    expect(badTest.json().error.fields[0].field).toBe('to');
  });

  it('says when emails go to the outbox instead of SMTP', async () => {
    const { client } = await staffClient(t.app, t.services, 'editor');
    const status = (await client.call('GET', '/admin/api/newsletter/status')).json();
    expect(status).toMatchObject({ delivery: 'outbox', dkim: false, notice: expect.stringContaining('No SMTP_URL') });
    expect(status.outbox).toBe(`${t.dataDir}/outbox`);
  });

  it('imports, searches, charts, exports and erases subscribers', async () => {
    const { client } = await staffClient(t.app, t.services, 'editor');
    const csv = 'Email Address,First Name,Last Name\nada@example.com,Ada,Lovelace\nbad,,\n';
    const imported = await client.call('POST', '/admin/api/newsletter/subscribers/import', csv, { 'content-type': 'text/csv' });
    expect(imported.json()).toMatchObject({ layout: 'Mailchimp', added: 1, rejected: [{ line: 3, reason: 'not a valid email address' }] });
    const wrong = await client.call('POST', '/admin/api/newsletter/subscribers/import', 'name\nAda\n', { 'content-type': 'text/csv' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('CSV_INVALID');

    const found = (await client.call('GET', '/admin/api/newsletter/subscribers?q=lovelace')).json();
    expect(found).toMatchObject({ total: 1, subscribers: [{ email: 'ada@example.com', status: 'confirmed' }] });
    const bad = await client.call('GET', '/admin/api/newsletter/subscribers?limit=0');
    expect(bad.json().error.fields[0].field).toBe('limit');

    const today = new Date().toISOString().slice(0, 10);
    const growth = (await client.call('GET', `/admin/api/newsletter/subscribers/growth?from=${today}&to=${today}`)).json();
    expect(growth.points).toEqual([{ date: today, subscribed: 1, unsubscribed: 0, total: 1 }]);
    // A chart covers at most ten years: a range of millennia would answer millions of points.
    const endless = await client.call('GET', '/admin/api/newsletter/subscribers/growth?from=1970-01-01&to=9999-12-31');
    expect(endless.statusCode).toBe(400);
    expect(endless.json().error.fields[0]).toMatchObject({ field: 'to', message: 'must be at most 3,660 days after from' });
    const backwards = await client.call('GET', `/admin/api/newsletter/subscribers/growth?from=${today}&to=2000-01-01`);
    expect(backwards.json().error.fields[0]).toMatchObject({ field: 'to', message: 'must not be before from' });

    const exported = await client.call('GET', '/admin/api/newsletter/subscribers/export.csv');
    expect(exported.headers['content-type']).toContain('text/csv');
    expect(exported.body).toContain('ada@example.com,Ada Lovelace,confirmed,weekly');

    expect((await client.call('GET', '/admin/api/newsletter/subscribers/ada@example.com/export')).json()).toMatchObject({ email: 'ada@example.com' });
    expect((await client.call('DELETE', '/admin/api/newsletter/subscribers/ada@example.com')).statusCode).toBe(204);
    expect((await client.call('GET', '/admin/api/newsletter/subscribers/ada@example.com/export')).statusCode).toBe(404);
  });

  it('edits, previews and sends a digest, and reports on the send', async () => {
    const { client } = await staffClient(t.app, t.services, 'editor');
    await t.services.subscribers.importCsv(Buffer.from('email\nreader@example.com\n'));
    const author = await makeAuthor(t.services);
    const post = await t.services.posts.create(postFields([author.slug], { status: 'published', title: 'This week’s cover' }));
    const digest = (await client.call('POST', '/admin/api/newsletter/digests/assemble')).json();
    expect(digest.items.map((i: { title: string }) => i.title)).toEqual(['This week’s cover']);
    const edited = await client.call('PATCH', `/admin/api/newsletter/digests/${digest.id}`, { intro: 'Dear readers', subject: 'Our week' });
    expect(edited.json()).toMatchObject({ intro: 'Dear readers', subject: 'Our week' });
    const injected = await client.call('PATCH', `/admin/api/newsletter/digests/${digest.id}`, { subject: 'Hi\r\nBcc: x@example.com' });
    expect(injected.json().error.fields[0].field).toBe('subject');
    const preview = await client.call('GET', `/admin/api/newsletter/digests/${digest.id}/preview`);
    expect(preview.headers['content-type']).toContain('text/html');
    expect(preview.body).toContain('Dear readers');

    const sent = (await client.call('POST', `/admin/api/newsletter/digests/${digest.id}/send`)).json();
    await t.services.runner.drain();
    const report = (await client.call('GET', `/admin/api/newsletter/sends/${sent.sendId}`)).json();
    expect(report).toMatchObject({ subject: 'Our week', delivered: 1, deferred: 0, failed: 0, bounced: 0, unsubscribedSince: 0, state: 'done' });
    expect((await client.call('POST', `/admin/api/newsletter/posts/${post.slug}/send`, { newsletter: 'nope' })).statusCode).toBe(404);
  });
});
