import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatReport, type ImportReport } from '../../src/portability/import-report.js';
import { importSubstack } from '../../src/portability/substack/substack.importer.js';
import { testApp, type AppContext } from '../support/app.js';
import { dialects } from '../support/stores.js';
import { oldSiteServer, photo, tempDir, writeFile } from './wordpress-support.js';
import { substackExport, substackImage, zip, type PostRow } from './substack-support.js';

type Table = 'posts' | 'media' | 'imported_items' | 'old_addresses' | 'subscribers' | 'authors';

async function rows(t: AppContext, table: Table): Promise<number> {
  const { n } = await t.store.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n);
}

async function everyCount(t: AppContext): Promise<Record<Table, number>> {
  const tables: Table[] = ['posts', 'media', 'imported_items', 'old_addresses', 'subscribers', 'authors'];
  return Object.fromEntries(await Promise.all(tables.map(async (table) => [table, await rows(t, table)]))) as Record<Table, number>;
}

function mediaFiles(t: AppContext): string[] {
  const root = path.join(t.dataDir, 'media');
  return fs.existsSync(root) ? (fs.readdirSync(root, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(root, f)).isFile()) : [];
}

/** A small publication: a free post with an image (and one Substack no longer has), a paid post, a draft, a podcast and a thread. */
function letter(origin: string, changes: { harbourTitle?: string } = {}): PostRow[] {
  return [
    {
      id: 101,
      slug: 'harbour-notes',
      title: changes.harbourTitle ?? 'Harbour notes',
      subtitle: 'What the boats <b>brought</b> in',
      body: `<p>The boats came in early.</p>${substackImage(origin, `${origin}/public/images/harbour.jpeg`, 'Dawn, from the pier')}<p><img src="${origin}/image/fetch/w_600/${encodeURIComponent(`${origin}/public/images/lost.png`)}"></p><script>alert(1)</script><p onclick="steal()">Fair winds.</p><img src="https://elsewhere.example/pic.jpg">`,
    },
    {
      id: 102,
      slug: 'for-members',
      title: 'For paying readers',
      audience: 'only_paid',
      date: '2024-03-05T08:00:00.000Z',
      body: '<p>Only for you; read <a href="https://harbourletter.substack.com/p/harbour-notes?utm_source=post">the notes</a> and <a href="https://other.substack.com/p/harbour-notes">theirs</a>.</p>',
    },
    { id: 103, slug: 'founders', title: 'Founders’ letter', audience: 'founding', body: '<p>Thank you.</p>' },
    { id: 104, slug: '', title: 'Half an idea', published: false, date: '', body: '<p>Not yet.</p>' },
    { id: 105, slug: 'episode-1', title: 'Episode 1', type: 'podcast', body: '<p>Show notes</p>' },
    { id: 106, slug: 'open-thread', title: 'Open thread', type: 'thread' },
  ];
}

const subscribers = [{ email: 'ana@example.com' }, { email: 'ben@example.com', paid: true }, { email: 'cy@example.com', disabled: true }, { email: 'not-an-address' }];

describe.each(dialects)('moving a Substack publication in, on %s', { timeout: 180_000 }, (dialect) => {
  let t: AppContext;
  let server: Awaited<ReturnType<typeof oldSiteServer>>;
  let file: string;
  let report: ImportReport;
  const dir = tempDir();

  beforeAll(async () => {
    t = await testApp(dialect);
    server = await oldSiteServer({ '/public/images/harbour.jpeg': await photo(320, 200) });
    file = writeFile(dir.dir, 'export.zip', substackExport(letter(server.origin), { subscribers }));
    report = await importSubstack(t.services, file, { mediaHosts: ['127.0.0.1'] });
  });
  afterAll(async () => {
    await server.close();
    await t.close();
    dir.remove();
  });

  it('imports the newsletters as posts, reports podcasts and threads, and credits a house author', async () => {
    expect(report.counts.post).toEqual({ created: 4, updated: 0, unchanged: 0, skipped: 2 });
    expect(report.counts.author.created).toBe(1);
    const text = formatReport(report);
    expect(text).toContain('1 podcast post: Masthead has no podcasts');
    expect(text).toContain('1 thread post: discussion threads are conversations');
    const harbour = await t.services.posts.getBySlug('harbour-notes');
    expect(harbour).toMatchObject({ title: 'Harbour notes', excerpt: 'What the boats brought in', status: 'published', visibility: 'public', publishedAt: '2024-03-01T09:00:00.000Z' });
    expect(harbour.authors.map((a) => a.slug)).toEqual(['editorial']);
    expect(await t.services.posts.getBySlug('for-members')).toMatchObject({ visibility: 'paid', status: 'published', publishedAt: '2024-03-05T08:00:00.000Z' });
    expect((await t.services.posts.getBySlug('founders')).visibility).toBe('paid');
    const draft = await t.services.posts.getBySlug('half-an-idea');
    expect(draft.status).toBe('draft');
    await expect(t.services.posts.getBySlug('episode-1')).rejects.toThrow();
  });

  it('keeps bodies free of scripts and event handlers', async () => {
    const { body } = await t.services.posts.getBySlug('harbour-notes');
    expect(body).toContain('<p>The boats came in early.</p>');
    expect(body).toContain('Fair winds.');
    expect(body).not.toMatch(/script|alert|onclick|steal/);
  });

  it('brings the images Substack still serves into the library and reports the missing one, leaving other sites alone', async () => {
    expect(report.counts.image).toEqual({ created: 1, updated: 0, unchanged: 0, skipped: 1 });
    expect(await rows(t, 'media')).toBe(1);
    expect(mediaFiles(t).length).toBeGreaterThan(0);
    const { body } = await t.services.posts.getBySlug('harbour-notes');
    const [media] = await t.store.db.selectFrom('media').select('url').execute();
    expect(body).toContain(`<img src="${media!.url}"`);
    expect(body).toContain(`href="${media!.url}"`);
    expect(body).not.toContain('%2Fpublic%2Fimages%2Fharbour.jpeg');
    expect(body).toContain('lost.png');
    expect(body).toContain('https://elsewhere.example/pic.jpg');
    expect(formatReport(report)).toMatch(/image http:\/\/127\.0\.0\.1:\d+\/image\/fetch\/w_600\/[^:]+lost\.png: not brought over: the old site answered 404/);
    expect(formatReport(report)).toContain('images shown from other sites, left where they are: elsewhere.example ×1');
  });

  it("points links to the publication's own posts on substack.com at their new addresses", async () => {
    const { body } = await t.services.posts.getBySlug('for-members');
    expect(body).toContain('<a href="/harbour-notes/">the notes</a>');
    expect(body).toContain('<a href="https://other.substack.com/p/harbour-notes" rel="noopener">theirs</a>');
  });

  it('answers Substack addresses /p/<slug> with a permanent redirect to the new home', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/p/harbour-notes' });
    expect([response.statusCode, response.headers.location]).toEqual([301, '/harbour-notes/']);
    expect((await t.app.inject({ method: 'GET', url: '/p/for-members?utm_source=email' })).headers.location).toBe('/for-members/');
    expect((await t.app.inject({ method: 'GET', url: '/p/episode-1' })).statusCode).toBe(404);
  });

  it('adds the subscribers who may be emailed, confirmed, and notes the paying ones', async () => {
    const found = await t.store.db.selectFrom('subscribers').select(['email', 'status']).orderBy('email').execute();
    expect(found).toEqual([
      { email: 'ana@example.com', status: 'confirmed' },
      { email: 'ben@example.com', status: 'confirmed' },
    ]);
    const text = formatReport(report);
    expect(text).toContain('subscribers (email_list.harbourletter.csv): 2 added, 0 already here, 2 not taken');
    expect(text).toContain('paying subscribers (email_list.harbourletter.csv): 1 pay on Substack and are free subscribers here');
    expect(text).toContain('subscriber cy@example.com (email_list.harbourletter.csv, line 4): email disabled in the Substack export');
  });

  it('adds nothing when the same export is imported again', async () => {
    const before = await everyCount(t);
    const files = mediaFiles(t).length;
    const again = await importSubstack(t.services, file, { mediaHosts: ['127.0.0.1'] });
    expect(again.counts.post).toEqual({ created: 0, updated: 0, unchanged: 4, skipped: 2 });
    expect(again.counts.image).toMatchObject({ created: 0, skipped: 0 });
    expect(again.counts.address).toMatchObject({ created: 0, unchanged: 3 });
    expect(await everyCount(t)).toEqual(before);
    expect(mediaFiles(t).length).toBe(files);
  });

  it('brings changed posts up to date only with --update, and keeps what was edited here', async () => {
    const changed = writeFile(
      dir.dir,
      'changed.zip',
      substackExport(
        letter(server.origin, { harbourTitle: 'Harbour notes, revised' }).map((p) => (p.id === 102 ? { ...p, title: 'For paying readers, revised' } : p)),
        { subscribers },
      ),
    );
    const plain = await importSubstack(t.services, changed, { mediaHosts: ['127.0.0.1'] });
    expect(plain.counts.post.updated).toBe(0);
    expect((await t.services.posts.getBySlug('harbour-notes')).title).toBe('Harbour notes');

    const members = await t.services.posts.getBySlug('for-members');
    await t.services.posts.update(members.id, { title: 'Edited here' });
    const updated = await importSubstack(t.services, changed, { mediaHosts: ['127.0.0.1'], update: true });
    expect(updated.counts.post).toMatchObject({ updated: 1, unchanged: 3 });
    expect((await t.services.posts.getBySlug('harbour-notes')).title).toBe('Harbour notes, revised');
    expect((await t.services.posts.getBySlug('for-members')).title).toBe('Edited here');
    expect(formatReport(updated)).toContain('also edited here since the last import');
  });
});

describe.each(dialects)('what a Substack import leaves untouched, on %s', { timeout: 180_000 }, (dialect) => {
  let t: AppContext;
  const dir = tempDir();

  beforeAll(async () => {
    t = await testApp(dialect);
  });
  afterAll(async () => {
    await t.close();
    dir.remove();
  });

  it('changes nothing in a dry run, and says what it would do', async () => {
    const server = await oldSiteServer({ '/public/images/harbour.jpeg': await photo(320, 200) });
    try {
      const file = writeFile(dir.dir, 'dry.zip', substackExport(letter(server.origin), { subscribers }));
      const report = await importSubstack(t.services, file, { mediaHosts: ['127.0.0.1'], dryRun: true });
      expect(report.counts.post.created).toBe(4);
      expect(report.counts.image.created).toBe(1);
      expect(formatReport(report)).toContain('subscribers (email_list.harbourletter.csv): 2 to add');
      expect(await everyCount(t)).toEqual({ posts: 0, media: 0, imported_items: 0, old_addresses: 0, subscribers: 0, authors: 0 });
      expect(mediaFiles(t)).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('keeps nothing, images included, when the subscriber list cannot be read', async () => {
    const server = await oldSiteServer({ '/public/images/harbour.jpeg': await photo(320, 200) });
    try {
      const broken = { name: 'email_list.harbourletter.csv', data: 'address,plan\nana@example.com,free\n' };
      const file = writeFile(dir.dir, 'broken-list.zip', substackExport(letter(server.origin), { extra: [broken] }));
      await expect(importSubstack(t.services, file, { mediaHosts: ['127.0.0.1'] })).rejects.toThrow(/^The subscriber list email_list\.harbourletter\.csv in the export cannot be read: No email column found/);
      expect(await everyCount(t)).toEqual({ posts: 0, media: 0, imported_items: 0, old_addresses: 0, subscribers: 0, authors: 0 });
      expect(mediaFiles(t)).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('counts every subscriber row not taken, though only the first thousand are listed', async () => {
    const bad = Array.from({ length: 1_203 }, (_, i) => ({ email: `not-an-address-${i}` }));
    const file = writeFile(dir.dir, 'bad-list.zip', substackExport([{ id: 1, slug: 'one', body: '<p>One</p>' }], { subscribers: [{ email: 'ana@example.com' }, ...bad], publication: 'crowded' }));
    const text = formatReport(await importSubstack(t.services, file, { dryRun: true }));
    expect(text).toContain('subscribers (email_list.crowded.csv): 1 to add, 0 already here, 1203 not taken');
    expect(text).toContain('subscriber not-an-address-999 (email_list.crowded.csv, line 1002): not a valid email address');
    expect(text).not.toContain('not-an-address-1000 ');
    expect(text).toContain('subscribers not taken (email_list.crowded.csv): the first 1000 are listed; 203 more are left out');
  });

  it('skips a post whose body is too long for a post, and takes the others', async () => {
    const file = writeFile(
      dir.dir,
      'long.zip',
      substackExport([
        { id: 1, slug: 'short', body: '<p>Short.</p>' },
        { id: 2, slug: 'endless', title: 'Endless', body: `<p>${'word '.repeat(90_000)}</p>` },
      ]),
    );
    const report = await importSubstack(t.services, file, { dryRun: true });
    expect(report.counts.post).toMatchObject({ created: 1, skipped: 1 });
    expect(formatReport(report)).toMatch(/post 2\.endless "Endless": its body is 450,007 characters long; at most 400,000 fit in a post/);
  });

  it('brings the same export in once when two imports of it run at the same time', async () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ id: 500 + i, slug: `letter-${i}`, body: `<p>Letter ${i}</p>` }));
    const file = writeFile(dir.dir, 'twice.zip', substackExport(many, { subscribers: [{ email: 'ana@example.com' }], publication: 'twice' }));
    const results = await Promise.allSettled([importSubstack(t.services, file), importSubstack(t.services, file)]);
    const made = results.filter((r) => r.status === 'fulfilled').map((r) => r.value.counts.post.created);
    expect(made.reduce((a, b) => a + b, 0)).toBe(30);
    for (const r of results) {
      if (r.status === 'rejected') expect((r.reason as Error).message).toMatch(/^Another [a-z ]+ already uses that slug\. It was taken while the import ran .*Run the import again\.$/);
    }
    expect(await rows(t, 'posts')).toBe(30);
    expect(await rows(t, 'subscribers')).toBe(1);
    await t.store.db.deleteFrom('old_addresses').execute();
    await t.store.db.deleteFrom('imported_items').execute();
    await t.store.db.deleteFrom('subscriber_newsletters').execute();
    await t.store.db.deleteFrom('subscribers').execute();
    await t.store.db.deleteFrom('posts').execute();
    await t.store.db.deleteFrom('authors').execute();
  });

  it('refuses archives that are not Substack exports, or are damaged or hostile, with one clear sentence', async () => {
    const good = substackExport([{ id: 1, slug: 'one', body: '<p>One</p>' }]);
    const cases: Array<[string, Buffer, RegExp]> = [
      ['not a zip', Buffer.from('<rss><channel></channel></rss>'), /it is not a zip archive, or it was cut short\.$/],
      ['cut short', good.subarray(0, good.length - 30), /it is not a zip archive, or it was cut short\.$/],
      [
        'no posts.csv',
        zip([
          { name: 'posts/1.one.html', data: '<p>One</p>' },
          { name: 'email_list.x.csv', data: 'email\na@example.com\n' },
        ]),
        /it has no posts\.csv/,
      ],
      ['no post_id column', zip([{ name: 'posts.csv', data: 'title,subtitle\nA,B\n' }]), /its posts\.csv has no post_id column \(columns: title, subtitle\)\.$/],
      ['posts.csv in Latin-1', zip([{ name: 'posts.csv', data: Buffer.from('post_id,title\n1.cafe,Caf\xe9\n', 'latin1') }]), /its posts\.csv cannot be read as UTF-8 CSV/],
      ['posts.csv in UTF-16', zip([{ name: 'posts.csv', data: Buffer.from('\ufeffpost_id,title\n1.a,A\n', 'utf16le') }]), /its posts\.csv cannot be read as UTF-8 CSV/],
      ['only its first 40 bytes', zip([{ name: 'posts.csv', data: 'post_id\n1.a\n' }]).subarray(0, 40), /not a zip archive, or it was cut short/],
      [
        'a name climbing out',
        zip([
          { name: 'posts.csv', data: 'post_id\n1.a\n' },
          { name: 'posts/../../etc/passwd.html', data: 'x' },
        ]),
        /unsafe|leads outside the archive/,
      ],
      [
        'an absolute name',
        zip([
          { name: 'posts.csv', data: 'post_id\n1.a\n' },
          { name: '/etc/cron.d/x', data: 'x' },
        ]),
        /unsafe|absolute path/,
      ],
      [
        'a backslash name',
        zip([
          { name: 'posts.csv', data: 'post_id\n1.a\n' },
          { name: 'posts\\..\\x.html', data: 'x' },
        ]),
        /unsafe|backslash/,
      ],
      [
        'too large once uncompressed',
        zip([
          { name: 'posts.csv', data: 'post_id\n1.a\n' },
          { name: 'posts/1.a.html', data: 'x', declaredSize: 600 * 1024 * 1024 },
        ]),
        /more than 512 MB once uncompressed\.$/,
      ],
      ['lying about its size', zip([{ name: 'posts.csv', data: `post_id\n1.a\n${'0'.repeat(2_000_000)}`, declaredSize: 100 }]), /damaged or cut short \(in posts\.csv\)/],
      ['too many files', zip(Array.from({ length: 50_001 }, (_, i) => ({ name: `f${i}`, store: true }))), /it holds 50,001 files; at most 50,000 are read\.$/],
    ];
    for (const [what, bytes, reason] of cases) {
      const file = writeFile(dir.dir, `${what}.zip`, bytes);
      const error = await importSubstack(t.services, file).then(
        () => null,
        (e: unknown) => e as { code?: string; message: string },
      );
      expect(error?.code, what).toBe('IMPORT_FILE_UNREADABLE');
      expect(error?.message, what).toMatch(/^This is not a readable Substack export: /);
      expect(error?.message, what).toMatch(reason);
      expect(error?.message, what).not.toContain('\n');
    }
    expect(await everyCount(t)).toEqual({ posts: 0, media: 0, imported_items: 0, old_addresses: 0, subscribers: 0, authors: 0 });
  });
});
