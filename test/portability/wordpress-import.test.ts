import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Post } from '../../src/content/index.js';
import { formatReport, type ImportReport } from '../../src/portability/import-report.js';
import { importWordpress } from '../../src/portability/wordpress/wordpress.importer.js';
import { readWxr } from '../../src/portability/wordpress/wxr.reader.js';
import { testApp, type AppContext } from '../support/app.js';
import { dialects } from '../support/stores.js';
import { fixture, fixtures, item, oldSiteServer, photo, smallMagazine, tempDir, writeFile, wxr } from './wordpress-support.js';

/** A copy of wp-content/uploads holding a small image for every image the export lists (a GIF that is really a PNG among them). */
async function uploadsFor(file: string, dir: string): Promise<number> {
  const jpeg = await photo(120, 80);
  const png = await photo(60, 60, 'png');
  let count = 0;
  for await (const entry of readWxr(file)) {
    if (entry.kind !== 'item' || entry.item.type !== 'attachment') continue;
    const url = new URL(entry.item.attachmentUrl);
    if (!/\.(jpe?g|png|gif)$/i.test(url.pathname)) continue;
    writeFile(dir, decodeURIComponent(url.pathname), url.pathname.endsWith('.gif') ? png : jpeg);
    count += 1;
  }
  return count;
}

async function rows(t: AppContext, table: 'posts' | 'tags' | 'authors' | 'media' | 'imported_items' | 'old_addresses'): Promise<number> {
  const { n } = await t.store.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n);
}

function mediaFiles(t: AppContext): string[] {
  const root = path.join(t.dataDir, 'media');
  return fs.existsSync(root) ? (fs.readdirSync(root, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(root, f)).isFile()) : [];
}

async function postAt(t: AppContext, slug: string): Promise<Post> {
  return t.services.posts.getBySlug(slug);
}

async function redirectOf(t: AppContext, url: string): Promise<string | undefined> {
  const response = await t.app.inject({ method: 'GET', url });
  expect(response.statusCode, `${url} answers ${response.statusCode}`).toBe(301);
  expect(response.headers['cache-control'], `${url} is kept briefly: its target may change`).toBe('public, max-age=600, s-maxage=60');
  return response.headers.location as string;
}

describe.each(dialects)('moving a WordPress site in, on %s', { timeout: 240_000 }, (dialect) => {
  describe("WordPress's theme unit test export", () => {
    let t: AppContext;
    let report: ImportReport;
    let images: number;
    const uploads = tempDir();

    beforeAll(async () => {
      t = await testApp(dialect);
      images = await uploadsFor(fixture(fixtures.unitTest), uploads.dir);
      report = await importWordpress(t.services, fixture(fixtures.unitTest), { uploadsDir: uploads.dir, fetchMedia: false });
    });
    afterAll(async () => {
      await t.close();
      uploads.remove();
    });

    it('brings every post, page, category, tag, author and uploaded image, and counts them', async () => {
      expect(report.counts).toMatchObject({
        post: { created: 58, skipped: 0 },
        page: { created: 21, skipped: 0 },
        section: { created: 67 },
        tag: { created: 114 },
        author: { created: 3 },
        image: { created: images, skipped: 0 },
      });
      expect(images).toBe(35);
      expect(await rows(t, 'posts')).toBe(79);
      expect(await rows(t, 'tags')).toBe(181);
      expect(await rows(t, 'authors')).toBe(3);
      expect(await rows(t, 'media')).toBe(35);
      expect(report.facts.join('\n')).toContain('comments: 26 approved, brought in with their pieces');
      expect(report.facts.join('\n')).toMatch(/comments not imported: 7 \(3 awaiting moderation/);
      expect(formatReport(report)).toContain('70 nav_menu_item items: menus are not imported');
    });

    it('keeps nested categories as sections, each post listed under the parents of its categories too', async () => {
      const sections = await t.services.taxonomy.sections();
      expect(sections.find((s) => s.slug === 'grandchild-category')).toMatchObject({ name: 'Grandchild Category', isSection: true });
      expect((await t.services.taxonomy.getTag('uncategorized')).isSection).toBe(false);
      expect(await redirectOf(t, '/category/parent-category/child-category-03/grandchild-category/')).toBe('/tag/grandchild-category/');
      expect(await redirectOf(t, '/category/grandchild-category/')).toBe('/tag/grandchild-category/');
      expect((await t.app.inject('/tag/grandchild-category/')).statusCode).toBe(200);
    });

    it('features the sticky post', async () => {
      expect(await postAt(t, 'template-sticky')).toMatchObject({ featured: true, status: 'published', publishedAt: '2012-01-07T14:07:21.000Z' });
    });

    it('keeps a password-protected post as a draft, so nothing becomes readable that was not, and says so', async () => {
      const post = await postAt(t, 'template-password-protected');
      expect(post.status).toBe('draft');
      expect((await t.app.inject('/2012/01/04/template-password-protected/')).statusCode).toBe(404);
      expect(report.notes).toContainEqual(expect.objectContaining({ item: expect.stringContaining('post 1168'), reason: expect.stringMatching(/password-protected; it is a draft here/) }));
      expect((await postAt(t, 'draft')).status).toBe('draft');
      expect(await postAt(t, 'scheduled')).toMatchObject({ status: 'scheduled', publishedAt: '2030-01-01T19:00:18.000Z' });
    });

    it('shows a [caption] image from the library with its caption', async () => {
      const post = await postAt(t, 'post-format-image-caption');
      expect(post.html).toMatch(/^<figure class="image"><img src="\/media\/[^"]+\.jpg" alt="Bell on Wharf" width="120" height="80"[^>]*\/><figcaption>Bell on wharf in San Francisco<\/figcaption><\/figure>/);
      expect(post.featureImage?.url).toMatch(/^\/media\/.+\.jpg$/);
      const page = await t.app.inject('/post-format-image-caption/');
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Bell on wharf in San Francisco');
    });

    it('turns a gallery into figures of library images', async () => {
      const post = await postAt(t, 'post-format-gallery');
      const figures = post.html.match(/<figure class="image"><img src="\/media\//g) ?? [];
      expect(figures.length).toBeGreaterThanOrEqual(10);
      expect(post.html).not.toMatch(/\[gallery|wpthemetestdata/);
    });

    it('gives a post without a title one from its opening words', async () => {
      expect((await postAt(t, 'edge-case-no-title')).title).toBe('This post has no title, but it still must link to the single post view somehow.');
    });

    it('answers every old address with 301 to its new home', async () => {
      expect(await redirectOf(t, '/2013/01/10/markup-image-alignment/')).toBe('/markup-image-alignment/');
      expect(await redirectOf(t, '/?p=1241')).toBe('/template-sticky/');
      expect(await redirectOf(t, '/?page_id=2')).toBe('/about/');
      expect(await redirectOf(t, '/2010/09/10/post-format-gallery/canola2/')).toBe('/post-format-gallery/');
      expect(await redirectOf(t, '/?attachment_id=611')).toBe('/post-format-gallery/');
      expect(await redirectOf(t, '/?attachment_id=1686')).toMatch(/^\/media\/.+\.jpg$/);
      expect(await redirectOf(t, '/?cat=111996')).toBe('/tag/cat-b/');
      expect(await redirectOf(t, '/?tag=post-formats')).toBe('/tag/post-formats/');
      expect(await redirectOf(t, '/greek/%CE%B5%CF%80%CE%AF%CF%80%CE%B5%CE%B4%CE%BF-2/')).toBe('/epipedo-2-second-greek-level/');
      expect((await t.app.inject('/2099/01/01/never-was/')).statusCode).toBe(404);
    });

    it('adds and changes nothing when the same file is imported again', async () => {
      const before = await Promise.all((['posts', 'tags', 'authors', 'media', 'old_addresses', 'imported_items'] as const).map((table) => rows(t, table)));
      const files = mediaFiles(t).length;
      const again = await importWordpress(t.services, fixture(fixtures.unitTest), { uploadsDir: uploads.dir, fetchMedia: false });
      expect(again.counts).toMatchObject({
        post: { created: 0, updated: 0, unchanged: 58 },
        page: { created: 0, unchanged: 21 },
        section: { created: 0, unchanged: 67 },
        tag: { created: 0, unchanged: 114 },
        author: { created: 0, unchanged: 3 },
        image: { created: 0, unchanged: 35 },
        address: { created: 0 },
      });
      expect(await Promise.all((['posts', 'tags', 'authors', 'media', 'old_addresses', 'imported_items'] as const).map((table) => rows(t, table)))).toEqual(before);
      expect(mediaFiles(t)).toHaveLength(files);
    });
  });

  describe("WordPress's block editor test export", () => {
    let t: AppContext;
    let report: ImportReport;
    beforeAll(async () => {
      t = await testApp(dialect);
      report = await importWordpress(t.services, fixture(fixtures.blocks), { fetchMedia: false });
    });
    afterAll(async () => t.close());

    it('imports every post and turns table and pull quote blocks into Masthead bodies', async () => {
      expect(report.counts.post.created).toBe(61);
      expect(report.counts.page.created).toBe(1);
      const table = await t.app.inject('/table/');
      expect(table.statusCode).toBe(200);
      expect(table.body).toContain('<figure><table><tbody><tr><td>Cell 1</td><td>Cell 2</td></tr>');
      expect((await postAt(t, 'pullquote')).html).toContain('<aside class="pull-quote"><p>Pullquote, no alignment</p><p><cite>Citation</cite></p></aside>');
    });

    it("moves pieces whose address is one of Masthead's own, and leads the old address there", async () => {
      expect((await postAt(t, 'search-2')).title).toBe('Search');
      expect(report.notes).toContainEqual(expect.objectContaining({ item: 'post 163 "Search"', reason: expect.stringContaining("is one of Masthead's own addresses; it is at /search-2/") }));
      expect(await redirectOf(t, '/?p=163')).toBe('/search-2/');
      expect(await redirectOf(t, '/author/')).toBe('/author-2/');
    });

    it('leaves images on the old site when it cannot be asked, and says which', () => {
      expect(report.counts.image).toMatchObject({ created: 0, skipped: 7 });
      expect(report.notes.filter((n) => n.item.startsWith('image '))).toHaveLength(7);
    });
  });

  describe("WordPress's theme preview export", () => {
    let t: AppContext;
    afterAll(async () => t.close());

    it('imports a small site whose items name categories without listing them', async () => {
      t = await testApp(dialect);
      const report = await importWordpress(t.services, fixture(fixtures.preview), { fetchMedia: false });
      expect(report.counts).toMatchObject({ post: { created: 7 }, author: { created: 1 } });
      const post = await postAt(t, 'worth-a-thousand-words');
      expect(post.tags.map((tag) => tag.slug)).toEqual(['uncategorized', 'boat', 'lake']);
      expect(post.html).toContain('<figure class="image"><img src="https://wpdotorg.files.wordpress.com/2008/11/boat.jpg" alt="Boat"');
      expect(post.html).toContain('<figcaption>Boat</figcaption>');
    });
  });

  describe('a site whose images are fetched from the old site', () => {
    let t: AppContext;
    let server: Awaited<ReturnType<typeof oldSiteServer>>;
    const files = tempDir();
    beforeAll(async () => {
      server = await oldSiteServer({ '/wp-content/uploads/2024/01/harbour.jpg': await photo(640, 400) });
    });
    afterEach(async () => t?.close());
    afterAll(async () => {
      await server.close();
      files.remove();
    });

    it('brings images over HTTP, reports the missing one, and points bodies, links and the featured image at the new places', async () => {
      t = await testApp(dialect);
      const file = writeFile(files.dir, 'small.xml', smallMagazine(server.origin));
      const report = await importWordpress(t.services, file);
      expect(report.counts).toMatchObject({ post: { created: 2 }, page: { created: 1 }, image: { created: 1, skipped: 1 }, section: { created: 2 }, tag: { created: 1 } });
      expect(report.notes).toContainEqual({ level: 'skipped', item: expect.stringContaining('image 12'), reason: expect.stringContaining('the old site answered 404') });
      const [media] = (await t.services.media.list({ limit: 10, offset: 0 })).items;
      expect(media).toMatchObject({ alt: 'Boats in the harbour', caption: 'The harbour at dawn', width: 640, height: 400, uploadedBy: null });
      const harbour = await postAt(t, 'harbour-notes');
      expect(harbour).toMatchObject({ featured: true, featureImage: { url: media!.url, alt: 'Boats in the harbour', caption: 'The harbour at dawn' } });
      expect(harbour.tags.map((tag) => tag.slug)).toEqual(['film', 'harbours', 'culture']);
      expect(harbour.html).toContain(`<figure class="image"><img src="${media!.url}" alt="Boats" width="640" height="400"`);
      expect(harbour.html).toContain('<figcaption>Dawn, from the pier</figcaption>');
      expect(harbour.html).toContain('<iframe src="https://www.youtube-nocookie.com/embed/SQEQr7c0-dw"');
      const second = await postAt(t, 'second-thoughts');
      expect(second.html).toContain('<a href="/harbour-notes/">the notes</a>');
      expect(second.html).toContain(`<img src="${server.origin}/wp-content/uploads/2024/01/lost.jpg" alt="Lost"`);
      expect((await t.app.inject(media!.url)).statusCode).toBe(200);
      expect((await t.services.taxonomy.getTag('film')).name).toBe('Film & TV');
      expect(await redirectOf(t, '/2024/01/15/harbour-notes/harbour/')).toBe('/harbour-notes/');
      expect(await redirectOf(t, '/category/culture/film/')).toBe('/tag/film/');
      expect(await redirectOf(t, '/?author=1')).toBe('/author/editor/');
    });

    it('follows redirects on the old site’s own host, never to another one', async () => {
      const elsewhere = await oldSiteServer({ '/lost.jpg': await photo(10, 10) });
      const moving = await oldSiteServer(
        { '/files/harbour.jpg': await photo(640, 400) },
        { '/wp-content/uploads/2024/01/harbour.jpg': '/files/harbour.jpg', '/wp-content/uploads/2024/01/lost.jpg': `${elsewhere.origin.replace('127.0.0.1', 'localhost')}/lost.jpg` },
      );
      try {
        t = await testApp(dialect);
        const report = await importWordpress(t.services, writeFile(files.dir, 'moving.xml', smallMagazine(moving.origin)));
        expect(report.counts).toMatchObject({ image: { created: 1, skipped: 1 } });
        expect(report.notes).toContainEqual({ level: 'skipped', item: expect.stringContaining('image 12'), reason: expect.stringContaining('off the hosts the export names') });
        expect(moving.requests).toContain('/files/harbour.jpg');
        expect(elsewhere.requests).toEqual([]);
      } finally {
        await moving.close();
        await elsewhere.close();
      }
    });

    it('changes nothing in a dry run, yet reports what it would do', async () => {
      t = await testApp(dialect);
      const file = writeFile(files.dir, 'dry.xml', smallMagazine(server.origin));
      const report = await importWordpress(t.services, file, { dryRun: true });
      expect(report.dryRun).toBe(true);
      expect(report.counts).toMatchObject({ post: { created: 2 }, page: { created: 1 }, image: { created: 1, skipped: 1 } });
      expect(formatReport(report)).toMatch(/^Dry run of an import from WordPress site "Old Magazine".*nothing was changed\.\n {2}posts: 2 to create/);
      for (const table of ['posts', 'tags', 'authors', 'media', 'imported_items', 'old_addresses'] as const) expect(await rows(t, table), table).toBe(0);
      expect(mediaFiles(t)).toEqual([]);
    });

    it('brings changed items up to date only with --update, and keeps what was edited here since', async () => {
      t = await testApp(dialect);
      await importWordpress(t.services, writeFile(files.dir, 'v1.xml', smallMagazine(server.origin)));
      const renamed = writeFile(files.dir, 'v2.xml', smallMagazine(server.origin, { harbourTitle: 'Harbour notes, revised' }));
      const plain = await importWordpress(t.services, renamed);
      expect(plain.counts.post).toMatchObject({ updated: 0, unchanged: 2 });
      expect((await postAt(t, 'harbour-notes')).title).toBe('Harbour notes');

      const updated = await importWordpress(t.services, renamed, { update: true });
      expect(updated.counts.post).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
      expect(updated.counts.image).toMatchObject({ created: 0, unchanged: 1 });
      const post = await postAt(t, 'harbour-notes');
      expect(post.title).toBe('Harbour notes, revised');

      await t.services.posts.update(post.id, { title: 'Our own title' });
      const again = await importWordpress(t.services, writeFile(files.dir, 'v3.xml', smallMagazine(server.origin, { harbourTitle: 'Third version' })), { update: true });
      expect(again.counts.post).toMatchObject({ updated: 0 });
      expect(again.notes).toContainEqual(expect.objectContaining({ level: 'doubtful', reason: expect.stringContaining('also edited here since the last import') }));
      expect((await postAt(t, 'harbour-notes')).title).toBe('Our own title');
      expect(await rows(t, 'media')).toBe(1);
    });

    it('leaves the site unchanged and removes the image files it made when a post cannot be written', async () => {
      t = await testApp(dialect);
      const huge = item({ id: 8, title: 'Too long', name: 'too-long', content: `<p>${'word '.repeat(90_000)}</p>` }, server.origin);
      const file = writeFile(files.dir, 'huge.xml', smallMagazine(server.origin).replace('</channel>', `${huge}\n</channel>`));
      const error = await importWordpress(t.services, file).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'IMPORT_FILE_UNREADABLE', message: expect.stringMatching(/^The post 8 "Too long" \(line \d+\) is 450,007 characters long once converted; at most 400,000 fit in a post\.$/) });
      for (const table of ['posts', 'tags', 'authors', 'media', 'imported_items', 'old_addresses'] as const) expect(await rows(t, table), table).toBe(0);
      expect(mediaFiles(t)).toEqual([]);
    });

    it('refuses a truncated export or an XML bomb with one line, changing nothing', async () => {
      t = await testApp(dialect);
      const whole = smallMagazine(server.origin);
      const truncated = writeFile(files.dir, 'cut.xml', whole.slice(0, whole.indexOf('Second thoughts')));
      await expect(importWordpress(t.services, truncated)).rejects.toMatchObject({ code: 'IMPORT_FILE_UNREADABLE', message: expect.stringMatching(/truncated/) });
      const bomb = writeFile(files.dir, 'bomb.xml', whole.replace('<rss', '<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n<rss').replace('Harbour notes', '&b;'));
      await expect(importWordpress(t.services, bomb)).rejects.toMatchObject({ code: 'IMPORT_FILE_UNREADABLE', message: expect.stringMatching(/document type/) });
      for (const table of ['posts', 'tags', 'authors', 'media', 'imported_items', 'old_addresses'] as const) expect(await rows(t, table), table).toBe(0);
      expect(mediaFiles(t)).toEqual([]);
    });
  });
});

describe.each(dialects)('exports that are odd or hostile, on %s', { timeout: 120_000 }, (dialect) => {
  let t: AppContext;
  const files = tempDir();
  afterEach(async () => t?.close());
  afterAll(() => files.remove());

  it('takes the first of two items with the same id, and says so', async () => {
    t = await testApp(dialect);
    const file = writeFile(files.dir, 'twice.xml', wxr([item({ id: 5, title: 'First', name: 'first' }), item({ id: 5, title: 'Second', name: 'second' })]));
    const report = await importWordpress(t.services, file, { fetchMedia: false });
    expect(report.counts.post.created).toBe(1);
    expect((await postAt(t, 'first')).title).toBe('First');
    expect(report.notes).toContainEqual({ level: 'skipped', item: '1 item repeating the id of an earlier one', reason: 'the export holds them twice; the first of each was taken' });
  });

  it('reads no file outside the uploads folder, whatever path the export gives', async () => {
    t = await testApp(dialect);
    const uploads = path.join(files.dir, 'uploads');
    fs.mkdirSync(uploads, { recursive: true });
    writeFile(files.dir, 'outside.jpg', await photo());
    fs.symlinkSync(path.join(files.dir, 'outside.jpg'), path.join(uploads, 'linked.jpg'));
    const file = writeFile(
      files.dir,
      'escape.xml',
      wxr([
        item({ id: 31, type: 'attachment', attachmentUrl: 'https://old.example/wp-content/uploads/../../outside.jpg', meta: { _wp_attached_file: '../outside.jpg' } }),
        item({ id: 32, type: 'attachment', attachmentUrl: 'https://old.example/wp-content/uploads/linked.jpg' }),
      ]),
    );
    const report = await importWordpress(t.services, file, { uploadsDir: uploads, fetchMedia: false });
    expect(report.counts.image).toMatchObject({ created: 0, skipped: 2 });
    expect(await rows(t, 'media')).toBe(0);
  });
});

describe('an export whose posts carry review facts in custom fields', () => {
  let t: AppContext;
  const files = tempDir();
  afterAll(async () => {
    await t.close();
    files.remove();
  });

  it('makes a review of a post naming the reviewed work, and only reports a rating without one', async () => {
    t = await testApp('sqlite');
    const file = writeFile(
      files.dir,
      'reviews.xml',
      wxr([
        item({ id: 21, title: 'Past Lives review', name: 'past-lives', content: 'A quiet film.', meta: { film_title: 'Past Lives', director: 'Celine Song', year: '2023', rating: '4.5', verdict: 'Tender and exact.' } }),
        item({ id: 22, title: 'Top ten', name: 'top-ten', content: 'A list.', meta: { rating: '8' } }),
      ]),
    );
    const report = await importWordpress(t.services, file, { fetchMedia: false });
    expect(await postAt(t, 'past-lives')).toMatchObject({
      format: 'review',
      review: { work: { type: 'movie', title: 'Past Lives', year: 2023, credits: [{ person: { name: 'Celine Song' }, role: 'director' }] }, rating: { value: 4.5, scale: 5 }, verdict: 'Tender and exact.' },
    });
    expect((await postAt(t, 'top-ten')).format).toBe('article');
    expect(report.notes).toContainEqual(expect.objectContaining({ item: 'post 22 "Top ten"', reason: expect.stringContaining('has a rating (8 of 10) in its custom fields but no reviewed work') }));
    expect(report.facts.join('\n')).toMatch(/custom fields .*rating ×2/);
  });
});
