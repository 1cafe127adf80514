import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type AppContext } from '../support/app.js';
import { dialects, manualClock } from '../support/stores.js';
import { ghostFixtures } from '../portability/ghost-support.js';
import { substackExport, zip } from '../portability/substack-support.js';
import { fixture, fixtures, oldSiteServer, photo, smallMagazine } from '../portability/wordpress-support.js';
import { staffClient, type AdminClient } from './support/admin-client.js';

const themePreview = fs.readFileSync(fixture(fixtures.preview));

/** Sends a file the way the Import page does: the bytes themselves, the name in the query. */
function upload(client: AdminClient, body: Buffer | Readable, name = 'export.xml', headers: Record<string, string> = {}, more = '') {
  return client.call('POST', `/admin/api/imports?name=${encodeURIComponent(name)}${more}`, body, { 'content-type': 'application/octet-stream', ...headers });
}

async function count(t: AppContext, table: 'posts' | 'import_runs' | 'imported_items' | 'media' | 'old_addresses'): Promise<number> {
  const row = await t.store.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Files left below DATA_DIR/imports. */
function leftovers(t: AppContext): string[] {
  const root = path.join(t.dataDir, 'imports');
  return fs.existsSync(root) ? fs.readdirSync(root, { recursive: true }).map(String) : [];
}

describe.each(dialects)('the Import page API, on %s', { timeout: 120_000 }, (dialect) => {
  let t: AppContext;
  let admin: AdminClient;

  beforeAll(async () => {
    t = await testApp(dialect);
    ({ client: admin } = await staffClient(t.app, t.services, 'administrator'));
  });
  afterAll(async () => t.close());

  it('checks an upload with a dry run that stores nothing but the report, then imports it in the background', async () => {
    const uploaded = await upload(admin, themePreview, 'theme-preview.xml');
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const run = uploaded.json().import;
    expect(run).toMatchObject({ platform: 'wordpress', state: 'checked', fileName: 'theme-preview.xml', fileSize: themePreview.length, report: null });
    expect(run.preview.dryRun).toBe(true);
    expect(run.preview.text).toMatch(/^Dry run of an import from WordPress site/);
    expect(run.preview.counts.post.created).toBeGreaterThan(0);
    expect(await count(t, 'posts')).toBe(0);
    expect(await count(t, 'imported_items')).toBe(0);
    expect(await count(t, 'old_addresses')).toBe(0);
    expect(leftovers(t)).toHaveLength(2);

    const started = await admin.call('POST', `/admin/api/imports/${run.id}/start`);
    expect(started.statusCode, started.body).toBe(202);
    expect(started.json().import.state).toBe('queued');
    await t.services.runner.drain();

    const done = (await admin.call('GET', `/admin/api/imports/${run.id}`)).json().import;
    expect(done.state).toBe('done');
    expect(done.error).toBeNull();
    expect(done.report.dryRun).toBe(false);
    expect(done.report.counts.post.created).toBe(run.preview.counts.post.created);
    expect(done.progress.done).toBe(done.progress.total);
    expect(done.report.posts.total).toBe(run.preview.counts.post.created + run.preview.counts.page.created);
    const published = done.report.posts.items.find((p: { status: string; type: string }) => p.status === 'published' && p.type === 'post');
    expect((await t.app.inject({ method: 'GET', url: `/${published.slug}/` })).statusCode).toBe(200);
    expect(await count(t, 'posts')).toBe(done.report.posts.total);
    expect(leftovers(t)).toEqual([]);

    // The same file again: the dry run and the import both find everything here already.
    const again = (await upload(admin, themePreview, 'theme-preview.xml')).json().import;
    expect(again.preview.counts.post).toMatchObject({ created: 0, unchanged: run.preview.counts.post.created });
    expect((await admin.call('POST', `/admin/api/imports/${again.id}/start`)).statusCode).toBe(202);
    await t.services.runner.drain();
    const second = (await admin.call('GET', `/admin/api/imports/${again.id}`)).json().import;
    expect(second.state).toBe('done');
    expect(second.report.counts.post.created).toBe(0);
    expect(second.report.posts.total).toBe(0);
    expect(await count(t, 'posts')).toBe(done.report.posts.total);

    const history = (await admin.call('GET', '/admin/api/imports')).json();
    expect(history.imports.map((i: { id: number }) => i.id).slice(0, 2)).toEqual([again.id, run.id]);
    expect(history.maxBytes).toBe(512 * 1024 * 1024);
    expect(history.imports[1]).toMatchObject({ state: 'done', outcome: { dryRun: false, posts: run.preview.counts.post.created, notes: done.report.notes.length } });
    expect(history.imports[1]).not.toHaveProperty('report');
    // A run that ended cannot start again.
    const rerun = await admin.call('POST', `/admin/api/imports/${run.id}/start`);
    expect(rerun.statusCode).toBe(409);
    expect(rerun.json().error.code).toBe('IMPORT_RUN_NOT_READY');
  });

  it('tells the platform from the bytes, whatever the file is called', async () => {
    const ghost = await upload(admin, fs.readFileSync(ghostFixtures.lexical), 'site.xml');
    expect(ghost.statusCode, ghost.body).toBe(201);
    expect(ghost.json().import).toMatchObject({ platform: 'ghost', state: 'checked' });
    expect(ghost.json().import.preview.counts.post.created).toBeGreaterThan(0);
    const substack = await upload(admin, substackExport([{ id: 7, slug: 'first-letter', title: 'First letter', body: '<p>Hello, readers.</p>', published: true }]), 'notes.json');
    expect(substack.statusCode, substack.body).toBe(201);
    expect(substack.json().import).toMatchObject({ platform: 'substack', state: 'checked' });
    expect(substack.json().import.preview.counts.post.created).toBe(1);
    const wordpress = await upload(admin, themePreview, 'export.zip');
    expect(wordpress.json().import.platform).toBe('wordpress');
    for (const id of [ghost, substack, wordpress].map((r) => r.json().import.id)) {
      const discarded = await admin.call('DELETE', `/admin/api/imports/${id}/file`);
      expect(discarded.json().import.state).toBe('discarded');
    }
    expect(leftovers(t)).toEqual([]);
  });

  it.each([
    ['XML cut off halfway', themePreview.subarray(0, themePreview.length / 2), 422, 'IMPORT_FILE_UNREADABLE'],
    [
      'an XML bomb',
      Buffer.from('<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><rss><channel><title>&c;</title></channel></rss>'),
      422,
      'IMPORT_FILE_UNREADABLE',
    ],
    ['JSON that is not a Ghost export', Buffer.from('{"posts": [{"title": "Not Ghost"}]}'), 422, 'IMPORT_FILE_UNREADABLE'],
    ['a zip without posts.csv', zip([{ name: 'posts/1.hello.html', data: '<p>Hi</p>' }]), 422, 'IMPORT_FILE_UNREADABLE'],
    ['JSON nested a million deep', Buffer.from(`{"db":${'['.repeat(1_000_000)}`), 422, 'IMPORT_FILE_UNREADABLE'],
    ['JSON that is not UTF-8', Buffer.concat([Buffer.from('{"db": "'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('"}')]), 422, 'IMPORT_FILE_UNREADABLE'],
    ['a zip cut off halfway', substackExport([{ id: 1, slug: 'a', title: 'A', body: '<p>A</p>', published: true }]).subarray(0, 60), 422, 'IMPORT_FILE_UNREADABLE'],
    [
      'a zip whose file is far larger than it declares',
      zip([
        { name: 'posts.csv', data: 'post_id\n' },
        { name: 'posts/1.a.html', data: Buffer.alloc(20 * 1024 * 1024), declaredSize: 10 },
      ]),
      422,
      'IMPORT_FILE_UNREADABLE',
    ],
    ['XML in UTF-16', Buffer.from('\ufeff<?xml version="1.0" encoding="UTF-16"?><rss></rss>', 'utf16le'), 415, 'IMPORT_FORMAT_UNKNOWN'],
    ['a PNG image', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), 415, 'IMPORT_FORMAT_UNKNOWN'],
    ['an empty file', Buffer.alloc(0), 415, 'IMPORT_FORMAT_UNKNOWN'],
  ] as const)('refuses %s with a clear error and keeps nothing of it', async (_name, body, status, code) => {
    const runs = await count(t, 'import_runs');
    const posts = await count(t, 'posts');
    const res = await upload(admin, Buffer.from(body));
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().error.code).toBe(code);
    expect(await count(t, 'import_runs')).toBe(runs);
    expect(await count(t, 'posts')).toBe(posts);
    expect(leftovers(t)).toEqual([]);
  });

  it('refuses strangers and every role below administrator before reading the file', async () => {
    const anonymous = await t.app.inject({ method: 'POST', url: '/admin/api/imports?name=x.xml', payload: themePreview, headers: { 'content-type': 'application/octet-stream' } });
    expect(anonymous.statusCode).toBe(401);
    for (const role of ['contributor', 'author', 'editor'] as const) {
      const { client } = await staffClient(t.app, t.services, role);
      const res = await upload(client, themePreview);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
      expect((await client.call('GET', '/admin/api/imports')).statusCode).toBe(403);
    }
    expect(leftovers(t)).toEqual([]);
  });

  it('refuses a body that is not a file, and a missing name', async () => {
    const json = await admin.call('POST', '/admin/api/imports?name=x.json', { posts: [] });
    expect(json.statusCode).toBe(415);
    expect(json.json().error.code).toBe('CONTENT_TYPE_UNSUPPORTED');
    const nameless = await admin.call('POST', '/admin/api/imports', themePreview, { 'content-type': 'application/octet-stream' });
    expect(nameless.statusCode).toBe(400);
    expect(nameless.json().error.code).toBe('VALIDATION_FAILED');
    expect((await admin.call('GET', '/admin/api/imports/999999')).json().error.code).toBe('IMPORT_RUN_NOT_FOUND');
    expect(leftovers(t)).toEqual([]);
  });

  it('keeps an upload below its own folder whatever name it is given', async () => {
    for (const [name, kept] of [
      ['../../../../tmp/evil.xml', 'evil.xml'],
      ['..\\..\\boot.ini', 'boot.ini'],
      ['..', 'export'],
      ['re\u0000port\u202e.xml', 're_port_.xml'],
    ] as const) {
      const res = await upload(admin, themePreview, name);
      expect(res.statusCode, res.body).toBe(201);
      const run = res.json().import;
      expect(run.fileName).toBe(kept);
      const stored = await t.store.db.selectFrom('import_runs').select('file_path').where('id', '=', run.id).executeTakeFirstOrThrow();
      expect(path.relative(path.join(t.dataDir, 'imports'), stored.file_path!).split(path.sep)).toHaveLength(2);
      await admin.call('DELETE', `/admin/api/imports/${run.id}/file`);
    }
    expect(leftovers(t)).toEqual([]);
  });

  it('checks several uploads sent at once, each in its own folder', async () => {
    const posts = await count(t, 'posts');
    const answers = await Promise.all(Array.from({ length: 5 }, (_, i) => upload(admin, themePreview, `site-${i}.xml`)));
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201, 201, 201]);
    const runs = answers.map((a) => a.json().import);
    expect(new Set(runs.map((r) => r.id)).size).toBe(5);
    expect(runs.map((r) => r.preview.counts.post.created)).toEqual(Array(5).fill(runs[0].preview.counts.post.created));
    expect(leftovers(t)).toHaveLength(10);
    for (const run of runs) await admin.call('DELETE', `/admin/api/imports/${run.id}/file`);
    expect(leftovers(t)).toEqual([]);
    expect(await count(t, 'posts')).toBe(posts);
  });

  it('runs one import at a time, even when two are started at once', async () => {
    const first = (await upload(admin, themePreview)).json().import;
    const second = (await upload(admin, themePreview)).json().import;
    const answers = await Promise.all([first, second].map((run) => admin.call('POST', `/admin/api/imports/${run.id}/start`)));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([202, 409]);
    expect(answers.find((a) => a.statusCode === 409)!.json().error.code).toBe('IMPORT_BUSY');
    const busy = await upload(admin, themePreview);
    expect(busy.statusCode).toBe(409);
    expect(busy.json().error.code).toBe('IMPORT_BUSY');
    await t.services.runner.drain();
    const waiting = answers[0]!.statusCode === 409 ? first : second;
    expect((await admin.call('POST', `/admin/api/imports/${waiting.id}/start`)).statusCode).toBe(202);
    await t.services.runner.drain();
    expect((await admin.call('GET', `/admin/api/imports/${waiting.id}`)).json().import.state).toBe('done');
    expect(leftovers(t)).toEqual([]);
  });

  it('marks an import cut off by a stop of the server as failed, with nothing of it kept', async () => {
    const fresh = await testApp(dialect);
    try {
      const { client } = await staffClient(fresh.app, fresh.services, 'administrator');
      const run = (await upload(client, themePreview)).json().import;
      await client.call('POST', `/admin/api/imports/${run.id}/start`);
      // What a worker that died mid-import leaves: the run marked running, its job's lock run out.
      await fresh.store.db.updateTable('import_runs').set({ state: 'running' }).where('id', '=', run.id).execute();
      await fresh.store.db.updateTable('jobs').set({ state: 'running', locked_until: '2000-01-01T00:00:00.000Z', attempts: 1 }).execute();
      await fresh.services.runner.drain();
      const failed = (await client.call('GET', `/admin/api/imports/${run.id}`)).json().import;
      expect(failed.state).toBe('failed');
      expect(failed.error).toMatch(/server stopped during this import/);
      expect(await count(fresh, 'posts')).toBe(0);
      expect(leftovers(fresh)).toEqual([]);
      // The slot is free again.
      const next = (await upload(client, themePreview)).json().import;
      expect((await client.call('POST', `/admin/api/imports/${next.id}/start`)).statusCode).toBe(202);
    } finally {
      await fresh.close();
    }
  });
});

describe.each(dialects)('uploads the Import page refuses or lets expire, on %s', { timeout: 60_000 }, (dialect) => {
  const clock = manualClock();
  let t: AppContext;
  let admin: AdminClient;

  beforeAll(async () => {
    t = await testApp(dialect, { importMaxBytes: 64 * 1024, clock: clock.clock });
    ({ client: admin } = await staffClient(t.app, t.services, 'administrator'));
  });
  afterAll(async () => t.close());

  it('cuts off an upload over IMPORT_MAX_MB, declared or not, and keeps nothing', async () => {
    const big = fs.readFileSync(fixture(fixtures.blocks));
    const declared = await upload(admin, big);
    expect(declared.statusCode).toBe(413);
    expect(declared.json().error.code).toBe('BODY_TOO_LARGE');
    const streamed = await upload(admin, Readable.from([big.subarray(0, 40_000), big.subarray(40_000, 80_000), big.subarray(80_000)]));
    expect(streamed.statusCode).toBe(413);
    expect(streamed.json().error.code).toBe('BODY_TOO_LARGE');
    expect(await count(t, 'import_runs')).toBe(0);
    expect(leftovers(t)).toEqual([]);
  });

  it('removes an upload never imported after a day', async () => {
    const run = (await upload(admin, themePreview)).json().import;
    expect(leftovers(t)).toHaveLength(2);
    clock.advance(25 * 3_600_000);
    const listed = (await admin.call('GET', '/admin/api/imports')).json().imports.find((i: { id: number }) => i.id === run.id);
    expect(listed.state).toBe('expired');
    expect(leftovers(t)).toEqual([]);
    expect((await admin.call('POST', `/admin/api/imports/${run.id}/start`)).json().error.code).toBe('IMPORT_RUN_NOT_READY');
  });
});

describe.each(dialects)('images of a WordPress site asked of the old site from the Import page, on %s', { timeout: 60_000 }, (dialect) => {
  let site: Awaited<ReturnType<typeof oldSiteServer>>;
  let magazine: Buffer;

  beforeAll(async () => {
    site = await oldSiteServer({ '/wp-content/uploads/2024/01/harbour.jpg': await photo(120, 80) });
    magazine = Buffer.from(smallMagazine(site.origin));
  });
  afterAll(async () => site.close());

  it('never asks an old site on a private address, whatever the export names', async () => {
    const t = await testApp(dialect);
    try {
      const { client } = await staffClient(t.app, t.services, 'administrator');
      const run = (await upload(client, magazine, 'magazine.xml', {}, '&fetchImages=true')).json().import;
      expect(run.fetchImages).toBe(true);
      expect(run.preview.notes.map((n: { reason: string }) => n.reason).join('\n')).toMatch(/127\.0\.0\.1 .*not a public address/);
      await client.call('POST', `/admin/api/imports/${run.id}/start`);
      await t.services.runner.drain();
      expect((await client.call('GET', `/admin/api/imports/${run.id}`)).json().import.state).toBe('done');
      expect(await count(t, 'media')).toBe(0);
      expect(site.requests).toEqual([]);
    } finally {
      await t.close();
    }
  });

  it('brings the images in when asked and private addresses are allowed, and asks nothing otherwise', async () => {
    const t = await testApp(dialect, { webhooksAllowPrivateAddresses: true });
    try {
      const { client } = await staffClient(t.app, t.services, 'administrator');
      const quiet = (await upload(client, magazine, 'magazine.xml')).json().import;
      expect(quiet.fetchImages).toBe(false);
      expect(site.requests).toEqual([]);
      await client.call('DELETE', `/admin/api/imports/${quiet.id}/file`);

      const run = (await upload(client, magazine, 'magazine.xml', {}, '&fetchImages=true')).json().import;
      expect(run.preview.counts.image.created).toBe(1);
      expect(await count(t, 'media')).toBe(0);
      await client.call('POST', `/admin/api/imports/${run.id}/start`);
      await t.services.runner.drain();
      const done = (await client.call('GET', `/admin/api/imports/${run.id}`)).json().import;
      expect(done.state).toBe('done');
      expect(done.report.counts.image.created).toBe(1);
      expect(await count(t, 'media')).toBe(1);
      expect(site.requests).toContain('/wp-content/uploads/2024/01/harbour.jpg');
    } finally {
      site.requests.length = 0;
      await t.close();
    }
  });
});
