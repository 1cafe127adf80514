import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importGhost } from '../../src/portability/ghost/ghost.importer.js';
import type { ImportReport } from '../../src/portability/import-report.js';
import { testApp, type AppContext } from '../support/app.js';
import { dialects } from '../support/stores.js';
import { changedExport, contentFolder, ghostFixtures } from './ghost-support.js';
import { tempDir, writeFile } from './wordpress-support.js';

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

describe.each(dialects)('moving a Ghost site in, on %s', { timeout: 240_000 }, (dialect) => {
  describe('a Ghost 5 export (lexical)', () => {
    let t: AppContext;
    let report: ImportReport;
    const content = tempDir();

    beforeAll(async () => {
      t = await testApp(dialect);
      await contentFolder(content.dir);
      report = await importGhost(t.services, ghostFixtures.lexical, { contentDir: content.dir });
    });
    afterAll(async () => {
      await t.close();
      content.remove();
    });

    it('brings posts, pages, tags, authors and images, and counts them', async () => {
      expect(report.counts).toMatchObject({
        post: { created: 6, skipped: 0 },
        page: { created: 1 },
        section: { created: 2 },
        tag: { created: 1, skipped: 0 },
        author: { created: 2 },
        image: { created: 2, skipped: 1 },
      });
      expect(await rows(t, 'posts')).toBe(7);
      expect(await rows(t, 'media')).toBe(2);
      expect(report.facts.join('\n')).toContain('staff users without posts, not imported: 1');
      expect(report.facts.join('\n')).toContain('code injection of 1 posts not kept');
      expect(report.facts.join('\n')).toMatch(/members: 1 in the export, not imported here/);
      expect(report.facts.join('\n')).toMatch(/newsletters, not imported .*"Harbour Weekly"; 1 posts had been sent by email/);
      expect(report.notes).toContainEqual({ level: 'skipped', item: 'image images/2024/02/lost.jpg', reason: expect.stringMatching(/^not brought over: not in the content folder/) });
    });

    it('turns the cards of a lexical post into a clean body with library images', async () => {
      const post = await t.services.posts.getBySlug('harbour-notes');
      expect(post.html).toMatch(/<figure class="image wide"><img src="\/media\/[^"]+" alt="The harbour at dawn" width="120" height="80"[^>]*\/><figcaption>.*Dawn, low tide.*<\/figcaption><\/figure>/);
      expect(post.html).toContain('<a href="https://tides.example/today"');
      expect(post.html).toMatch(/<blockquote><p>⚓ Mind the <b>ropes<\/b>\.<\/p><\/blockquote>/);
      expect(post.html).toContain('<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"');
      expect(post.html).not.toMatch(/__GHOST_URL__|kg-|srcset|content\/images/);
      expect(report.notes).toContainEqual({ level: 'changed', item: 'post "Harbour notes"', reason: '1 signup card (kept as Ghost rendered it)' });
      expect(report.notes).toContainEqual({ level: 'changed', item: 'post "Harbour notes"', reason: '1 audio card (became a link to its file, which stays on the old site)' });
    });

    it('keeps the excerpt, SEO fields, feature image, featured flag, primary tag as section and authors in order', async () => {
      const post = await t.services.posts.getBySlug('harbour-notes');
      expect(post).toMatchObject({
        customExcerpt: 'Salt, rope and gulls.',
        seoTitle: 'Harbour notes, a morning',
        seoDescription: 'What the harbour looks like at six.',
        canonicalUrl: 'https://elsewhere.example/harbour',
        featured: true,
        status: 'published',
        publishedAt: '2024-01-15T10:00:00.000Z',
        featureImage: { url: expect.stringMatching(/^\/media\//), alt: 'Boats at rest', caption: 'Photo: Ada' },
      });
      expect(post.tags.map((tag) => [tag.slug, tag.isSection])).toEqual([
        ['news', true],
        ['culture', true],
      ]);
      expect(post.internalTags.map((tag) => [tag.slug, tag.name, tag.visibility])).toEqual([['hash-feature-slot', '#feature-slot', 'internal']]);
      const letter = await t.services.posts.getBySlug('members-letter');
      expect(letter.authors.map((a) => a.slug)).toEqual(['ben', 'ada']);
      const ada = letter.authors[1]!;
      expect(ada).toMatchObject({ name: 'Ada Lovelace', bio: 'Writes about the sea.', website: 'https://ada.example', photoUrl: expect.stringMatching(/^\/media\//) });
      expect(ada.links).toEqual([
        { label: 'X', url: 'https://x.com/adasea' },
        { label: 'Facebook', url: 'https://www.facebook.com/ada.sea' },
      ]);
    });

    it('keeps Ghost’s internal tag internal: on its posts for staff, never on the site, with no old address', async () => {
      const letter = await t.services.posts.getBySlug('members-letter');
      expect(letter.primaryTag?.slug).toBe('culture');
      expect(letter.internalTags.map((tag) => tag.slug)).toEqual(['hash-feature-slot']);
      const page = await t.app.inject({ method: 'GET', url: '/harbour-notes/' });
      expect(page.statusCode).toBe(200);
      expect(page.body).not.toContain('feature-slot');
      expect((await t.app.inject({ method: 'GET', url: '/tag/hash-feature-slot/' })).statusCode).toBe(404);
      expect(await t.store.db.selectFrom('old_addresses').select('address').where('address', 'like', '%feature-slot%').execute()).toEqual([]);
    });

    it('renders a post the export has only as lexical, internal links at their new addresses', async () => {
      const letter = await t.services.posts.getBySlug('members-letter');
      expect(letter.html).toContain('<h2>For members</h2>');
      expect(letter.html).toContain('<em>thank you</em>');
      expect(letter.html).toMatch(/<strong>markdown<\/strong> card with a <a href="\/harbour-notes\/">link<\/a>/);
      expect(letter.html).toMatch(/<h3>When is the next issue\?<\/h3><p>In <b>March<\/b>\.<\/p>/);
      expect(letter.html).toContain('<a href="/tag/culture/">Read the archive</a>');
      expect(letter.html).toContain('<img src="/content/images/2024/02/lost.jpg" alt="A lost picture"');
      expect(letter.html).not.toContain('<script');
      expect(report.facts.join('\n')).toContain("bodies without rendered HTML, converted from Ghost's editor document: 1");
    });

    it('maps visibility and status to the closest here, and reports each change', async () => {
      const at = (slug: string) => t.services.posts.getBySlug(slug);
      expect((await at('members-letter')).visibility).toBe('members');
      expect((await at('crew-special')).visibility).toBe('paid');
      expect(report.notes).toContainEqual({ level: 'changed', item: 'post "For the crew tier"', reason: 'it was for chosen tiers in Ghost; it is for paying members here (Masthead has no tiers)' });
      expect(await at('email-only')).toMatchObject({ status: 'draft' });
      expect((await at('draft-in-progress')).status).toBe('draft');
      expect((await at('about-the-harbour')).type).toBe('page');
    });

    it("answers Ghost's addresses: a post whose slug is taken here is reached from its old one; previews are not public", async () => {
      expect(report.notes).toContainEqual({ level: 'changed', item: 'post "Search the seas"', reason: 'its address /search/ cannot be used here; it is at /search-2/ now (its old address leads there)' });
      expect((await t.services.posts.getBySlug('search-2')).visibility).toBe('paid');
      const old = await t.store.db.selectFrom('old_addresses').select(['address', 'post_id']).execute();
      expect(old).toEqual([{ address: '/search', post_id: (await t.services.posts.getBySlug('search-2')).id }]);
      expect((await t.app.inject('/harbour-notes/')).statusCode).toBe(200);
      expect((await t.app.inject('/tag/news/')).statusCode).toBe(200);
      expect((await t.app.inject('/author/ada/')).statusCode).toBe(200);
      expect((await t.app.inject('/p/uuid-65a000000000000000000001/')).statusCode).toBe(404);
      const body = (await t.services.posts.getBySlug('harbour-notes')).html;
      expect(body).toContain('<a href="/search-2/">the search story</a>');
    });

    it('adds nothing the second time, and brings changes over with --update', async () => {
      const before = await rows(t, 'posts');
      const again = await importGhost(t.services, ghostFixtures.lexical, { contentDir: content.dir });
      expect(again.counts.post).toMatchObject({ created: 0, unchanged: 6 });
      expect(again.counts.image).toMatchObject({ created: 0, skipped: 0 });
      expect(await rows(t, 'posts')).toBe(before);
      expect(await rows(t, 'media')).toBe(2);
      const changed = changedExport(content.dir, 'changed.json', (json) => {
        json.db[0]!.data.posts![0]!.title = 'Harbour notes, revised';
      });
      const kept = await importGhost(t.services, changed, { contentDir: content.dir });
      expect(kept.counts.post).toMatchObject({ updated: 0, unchanged: 6 });
      const updated = await importGhost(t.services, changed, { contentDir: content.dir, update: true });
      expect(updated.counts.post).toMatchObject({ updated: 1, unchanged: 5 });
      expect((await t.services.posts.getBySlug('harbour-notes')).title).toBe('Harbour notes, revised');

      const edited = await t.services.posts.getBySlug('crew-special');
      await t.services.posts.update(edited.id, { title: 'Edited here' });
      const changedAgain = changedExport(content.dir, 'changed-again.json', (json) => {
        json.db[0]!.data.posts![0]!.title = 'Harbour notes, revised';
        json.db[0]!.data.posts![2]!.title = 'Changed in Ghost';
      });
      const guarded = await importGhost(t.services, changedAgain, { contentDir: content.dir, update: true });
      expect(guarded.counts.post).toMatchObject({ updated: 0, unchanged: 6 });
      expect(guarded.notes).toContainEqual({ level: 'doubtful', item: 'post "Changed in Ghost"', reason: 'changed in Ghost, but also edited here since the last import; the version here was kept' });
      expect((await t.services.posts.getBySlug('crew-special')).title).toBe('Edited here');
    });

    it("finds images when the folder given is Ghost's images folder itself", async () => {
      const other = await testApp(dialect);
      try {
        const report = await importGhost(other.services, ghostFixtures.lexical, { contentDir: path.join(content.dir, 'images') });
        expect(report.counts.image).toMatchObject({ created: 2, skipped: 1 });
      } finally {
        await other.close();
      }
    });
  });

  describe('a Ghost 4 export (mobiledoc, bare form)', () => {
    let t: AppContext;
    const content = tempDir();

    beforeAll(async () => {
      t = await testApp(dialect);
      await contentFolder(content.dir);
    });
    afterAll(async () => {
      await t.close();
      content.remove();
    });

    it('changes nothing in a dry run, then imports mobiledoc bodies with their cards', async () => {
      const dry = await importGhost(t.services, ghostFixtures.mobiledoc, { contentDir: content.dir, dryRun: true });
      expect(dry.counts).toMatchObject({ post: { created: 2 }, section: { created: 1 }, author: { created: 2 }, image: { created: 2 } });
      expect([await rows(t, 'posts'), await rows(t, 'media'), await rows(t, 'imported_items'), mediaFiles(t).length]).toEqual([0, 0, 0, 0]);

      const report = await importGhost(t.services, ghostFixtures.mobiledoc, { contentDir: content.dir });
      expect(report.counts).toMatchObject({ post: { created: 2 }, image: { created: 2 } });
      const post = await t.services.posts.getBySlug('on-deck');
      expect(post).toMatchObject({ visibility: 'paid', customExcerpt: 'From the deck.', publishedAt: '2021-05-03T08:00:00.000Z' });
      expect(post.html).toMatch(/^<p>Plain <b>bold<\/b><a href="\/old-news\/"> link<\/a><\/p><figure class="image full"><img src="\/media\/[^"]+" alt="The deck"/);
      expect(post.html).toContain('<h2>Charts</h2>');
      expect(post.html).toContain('<iframe src="https://player.vimeo.com/video/76979871"');
      expect(post.html.match(/<figure class="image"><img src="\/media\//g)).toHaveLength(2);
      expect(post.html).toContain('<ul><li>one</li><li>two</li></ul>');
      expect(post.html).toMatch(/<p>Line one<br ?\/?>line two<\/p>/);
      const old = await t.services.posts.getBySlug('old-news');
      expect(old.html).toBe('<p>Rendered <em>before</em>.</p>');
      expect(old.authors.map((a) => [a.slug, a.photoUrl])).toEqual([['dan', 'https://www.gravatar.com/avatar/abc?s=250&d=mm']]);
      expect(post.tags[0]).toMatchObject({ slug: 'sailing', isSection: true });
    });
  });

  describe('files that are no Ghost export', () => {
    let t: AppContext;
    const dir = tempDir();

    beforeAll(async () => {
      t = await testApp(dialect);
    });
    afterAll(async () => {
      await t.close();
      dir.remove();
    });

    it('refuses each with one clear error and changes nothing', async () => {
      const text = fs.readFileSync(ghostFixtures.lexical, 'utf8');
      const cases: Array<[string, string | Buffer, RegExp]> = [
        ['notjson.json', 'hello', /it is not valid JSON/],
        ['truncated.json', text.slice(0, text.length / 2), /it is not valid JSON/],
        ['wordpress.json', '{"masthead": {"version": 1}}', /data /],
        ['posts-not-a-list.json', '{"db":[{"meta":{},"data":{"posts":{"id":1}}}]}', /db\.0\.data\.posts /],
        ['long-title.json', JSON.stringify({ data: { posts: [{ id: 'x', title: 'a'.repeat(2001) }] } }), /data\.posts\.0\.title is longer than 2,000 characters/],
        ['binary.json', Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x7b]), /it is not valid JSON/],
      ];
      for (const [name, content, message] of cases) {
        const file = writeFile(dir.dir, name, content);
        const error = await importGhost(t.services, file).catch((e: Error & { code?: string }) => e);
        expect(error, name).toMatchObject({ code: 'IMPORT_FILE_UNREADABLE', message: expect.stringMatching(message) });
        expect((error as Error).message).toMatch(/^This is not a Ghost export that can be imported: .*\. Nothing was changed\.$/);
      }
      expect([await rows(t, 'posts'), await rows(t, 'imported_items')]).toEqual([0, 0]);
    });

    it('takes a file with a byte order mark and control characters, and skips a body nested too deep, saying so', async () => {
      const deep = `{"root":{"children":[${'{"type":"paragraph","children":['.repeat(50_000)}${']}'.repeat(50_000)}]}}`;
      const users = [{ id: '1', name: 'Ada', slug: 'ada' }];
      const posts = [
        { id: 'p1', title: 'Bell\u0007 rings', slug: 'bell', html: '<p>Ding\u0000 dong</p>', status: 'published' },
        { id: 'p2', title: 'Deep', slug: 'deep', lexical: deep, status: 'published' },
        { id: 'p1', title: 'Bell again', slug: 'bell-again', html: '<p>Twice</p>', status: 'published' },
      ];
      const file = writeFile(dir.dir, 'odd.json', `\ufeff${JSON.stringify({ data: { posts, users } })}`);
      const report = await importGhost(t.services, file);
      expect(report.counts.post).toMatchObject({ created: 1, skipped: 2 });
      expect(report.notes).toContainEqual({ level: 'skipped', item: '1 post repeating the id of an earlier one', reason: 'the export holds them twice; the first of each was taken' });
      expect(await t.services.posts.getBySlug('bell')).toMatchObject({ title: 'Bell rings', html: '<p>Ding dong</p>' });
      expect(report.notes).toContainEqual({ level: 'skipped', item: 'post "Deep"', reason: expect.stringMatching(/nests deeper than any editor writes/) });
    });

    it('brings a file in once when two imports of it run at once: the later one finds it here or fails changing nothing', async () => {
      const before = await rows(t, 'posts');
      const results = await Promise.allSettled([importGhost(t.services, ghostFixtures.mobiledoc), importGhost(t.services, ghostFixtures.mobiledoc)]);
      const created = results.map((r) => (r.status === 'fulfilled' ? r.value.counts.post.created : 0));
      expect(created.sort()).toEqual([0, 2]);
      for (const r of results) if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: expect.stringMatching(/^[A-Z_]+$/) });
      expect(await rows(t, 'posts')).toBe(before + 2);
      const again = await importGhost(t.services, ghostFixtures.mobiledoc);
      expect(again.counts.post).toMatchObject({ created: 0, unchanged: 2 });
    });

    it('refuses an export changed while it is imported, changing nothing', async () => {
      const before = await rows(t, 'posts');
      const file = changedExport(dir.dir, 'changing.json', () => undefined);
      const onProgress = (stage: string) => {
        // Once the export has been read, before its posts are read again to be written.
        if (stage === 'Reading the export') fs.appendFileSync(file, ' ');
      };
      await expect(importGhost(t.services, file, { onProgress })).rejects.toMatchObject({ code: 'IMPORT_FILE_UNREADABLE', message: expect.stringMatching(/it changed while it was being imported/) });
      expect(await rows(t, 'posts')).toBe(before);
      const removed = changedExport(dir.dir, 'removed.json', () => undefined);
      await expect(importGhost(t.services, removed, { onProgress: (stage) => stage === 'Reading the export' && fs.rmSync(removed) })).rejects.toMatchObject({ code: 'IMPORT_FILE_UNREADABLE' });
      expect(await rows(t, 'posts')).toBe(before);
    });

    it('refuses a file past the size cap before reading it', async () => {
      const file = path.join(dir.dir, 'huge.json');
      const handle = fs.openSync(file, 'w');
      fs.ftruncateSync(handle, 2049 * 1024 * 1024);
      fs.closeSync(handle);
      await expect(importGhost(t.services, file)).rejects.toMatchObject({ code: 'IMPORT_FILE_UNREADABLE', message: expect.stringMatching(/it is 2049 MB; exports up to 2048 MB are taken/) });
    });
  });
});
