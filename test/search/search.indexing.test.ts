import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Migrator, sql } from 'kysely';
import type { Author } from '../../src/content/index.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { migrationProvider } from '../../src/db/migrations/index.js';
import { importGhost } from '../../src/portability/ghost/ghost.importer.js';
import { dialects, testServices, type Dialect, type TestContext } from '../support/stores.js';
import { filmReview, makeAuthor, makeTag, postFields } from '../support/factories.js';
import { ghostFixtures } from '../portability/ghost-support.js';

const titles = (results: { hits: Array<{ post: { title: string } }> }) => results.hits.map((h) => h.post.title).sort();

/**
 * Runs `work` and tells how many times it wrote the search row of the post it wrote most often.
 * PostgreSQL: a trigger made for the test logs each row written to post_search. SQLite: FTS5
 * stamps each row of a contentless table with a counter (`origin` in its docsize table) that moves
 * on at each commit and each time a row already written in the transaction is written again, so
 * the highest stamp moves by one per write of the most written post.
 */
async function writeCounter(dialect: Dialect, t: TestContext): Promise<(work: () => Promise<unknown>) => Promise<number>> {
  const db = t.store.db;
  if (dialect === 'sqlite') {
    const stamp = async () => (await sql<{ n: number }>`select coalesce(max(origin), 0) as n from post_search_docsize`.execute(db)).rows[0]!.n;
    return async (work) => {
      const before = await stamp();
      await work();
      return (await stamp()) - before;
    };
  }
  await sql`create table index_writes (post_id integer not null)`.execute(db);
  await sql`create function log_index_write() returns trigger language plpgsql as $$ begin insert into index_writes values (new.post_id); return null; end $$`.execute(db);
  await sql`create trigger log_index_write after insert or update on post_search for each row execute function log_index_write()`.execute(db);
  return async (work) => {
    await sql`delete from index_writes`.execute(db);
    await work();
    const { rows } = await sql<{ n: number | null }>`select max(n) as n from (select count(*) as n from index_writes group by post_id) w`.execute(db);
    return Number(rows[0]!.n ?? 0);
  };
}

describe.each(dialects)('writing the search index on %s', (dialect) => {
  let t: TestContext;
  let writer: Author;
  let writesOf: (work: () => Promise<unknown>) => Promise<number>;

  beforeEach(async () => {
    t = await testServices(dialect);
    writer = await makeAuthor(t.services, { name: 'Ada Obi', slug: 'ada-obi' });
    writesOf = await writeCounter(dialect, t);
  });
  afterEach(async () => t.close());

  const search = async (q: string) => titles(await t.services.search.search({ q }));

  it('writes a post once per save that changes what it is found by, and not for one that changes nothing searched', async () => {
    await makeTag(t.services, { name: 'Gardening', slug: 'gardening' });
    const other = await makeTag(t.services, { name: 'Pruning', slug: 'pruning' });
    let post = await t.services.posts.create(postFields([writer.slug], { status: 'published', title: 'Draft' }));
    // Saved with two tags and an author: written once, not again for each link row.
    expect(await writesOf(async () => (post = await t.services.posts.create(postFields([writer.slug], { status: 'published', title: 'Roses', tags: ['gardening', 'pruning'] }))))).toBe(1);
    expect(await writesOf(() => t.services.posts.update(post.id, { featured: true, seoTitle: 'Roses in June' }))).toBe(0);
    expect(await writesOf(() => t.services.posts.update(post.id, { tags: ['pruning', 'gardening'] }))).toBe(0);
    expect(await writesOf(() => t.services.taxonomy.updateTag(other.slug, { name: 'Pruning', description: 'Cutting back.' }))).toBe(0);
    expect(await writesOf(() => t.services.posts.update(post.id, { title: 'Tulips', tags: ['gardening'], excerpt: 'Bulbs in autumn.' }))).toBe(1);
    expect(await search('tulips bulbs gardening')).toEqual(['Tulips']);
    expect(await search('pruning')).toEqual([]);
    post = await t.services.posts.publish(post.id);
    expect(await writesOf(() => t.services.taxonomy.updateTag('gardening', { name: 'Horticulture' }))).toBe(1);
    expect(await search('horticulture')).toEqual(['Tulips']);
  });

  it('writes a review once however many credits its work has, and not again when the work changes outside its names', async () => {
    let review = await t.services.posts.create(postFields([writer.slug], { status: 'published', title: 'Draft' }));
    expect(await writesOf(async () => (review = await t.services.posts.create(filmReview([writer.slug], { status: 'published', title: 'A quiet triumph' }))))).toBe(1);
    const { review: reviewed } = filmReview([]) as unknown as { review: { work: { credits: Array<{ character?: string }> } } };
    const resave = (changes: Record<string, unknown>) => t.services.posts.update(review.id, { review: { ...reviewed, work: { ...reviewed.work, ...changes } } });
    expect(await writesOf(() => resave({ runtimeMinutes: 107, organization: 'A24 Films' }))).toBe(0);
    expect(await writesOf(() => resave({ runtimeMinutes: 107, organization: 'A24 Films', credits: reviewed.work.credits.map((c) => (c.character === 'Nora' ? { ...c, character: 'Na Young' } : c)) }))).toBe(1);
    expect(await search('young')).toEqual(['A quiet triumph']);
    expect(await search('nora')).toEqual([]);
  });

  it('takes a change of credits on a work that two reviews share, the credits reordered, and finds both by the new names', async () => {
    const { review: reviewed } = filmReview([]) as unknown as { review: { work: { slug?: string; credits: Array<{ name: string; role: string; character?: string }> } } };
    const work = { ...reviewed.work, slug: 'shared-work' };
    const first = await t.services.posts.create(filmReview([writer.slug], { status: 'published', title: 'First look', review: { ...reviewed, work } }));
    await t.services.posts.create(filmReview([writer.slug], { status: 'published', title: 'Second look', review: { ...reviewed, work } }));
    const credits = [{ name: 'Odile Marchetti', role: 'performer', character: 'Quartermaster' }, ...[...work.credits].reverse()];
    await t.services.posts.update(first.id, { review: { ...reviewed, work: { ...work, credits } } });
    expect((await search('marchetti quartermaster')).sort()).toEqual(['First look', 'Second look']);
  });

  it('follows every kind of change to what a post is found by', async () => {
    const mira = await makeAuthor(t.services, { name: 'Mira Sol', slug: 'mira-sol' });
    await makeTag(t.services, { name: 'Orchards', slug: 'orchards' });
    const post = await t.services.posts.create(postFields([writer.slug], { status: 'published', title: 'Quince', body: 'Golden fruit in October.' }));
    const review = await t.services.posts.create(filmReview([writer.slug], { status: 'published', title: 'A quiet triumph' }));
    await t.services.posts.update(post.id, { body: 'Medlars ripen late.' });
    expect(await search('golden')).toEqual([]);
    expect(await search('medlars')).toEqual(['Quince']);
    await t.services.posts.update(post.id, { excerpt: 'A winter fruit.' });
    expect(await search('winter')).toEqual(['Quince']);
    await t.services.posts.update(post.id, { tags: ['orchards'], authors: [writer.slug, mira.slug] });
    expect(await search('orchards mira')).toEqual(['Quince']);
    await t.services.taxonomy.updateAuthor(mira.slug, { name: 'Mira Vale' });
    expect(await search('vale')).toEqual(['Quince']);
    await t.services.posts.update(post.id, { tags: [], authors: [writer.slug] });
    expect(await search('orchards')).toEqual([]);
    expect(await search('vale')).toEqual([]);
    // Written by hand: a link moved to another post, a work and a person renamed.
    const tagId = (await t.store.db.selectFrom('tags').select('id').where('slug', '=', 'orchards').executeTakeFirstOrThrow()).id;
    await t.store.db.insertInto('post_tags').values({ post_id: post.id, tag_id: tagId, position: 0, listed: 1, published_at: null }).execute();
    await t.store.db.updateTable('post_tags').set({ post_id: review.id }).where('post_id', '=', post.id).execute();
    expect(await search('orchards')).toEqual(['A quiet triumph']);
    await t.store.db.updateTable('works').set({ title: 'Other Lives' }).execute();
    expect(await search('other lives')).toEqual(['A quiet triumph']);
    await t.store.db.updateTable('people').set({ name: 'Greta Moon' }).where('slug', '=', 'greta-lee').execute();
    expect(await search('moon')).toEqual(['A quiet triumph']);
    await t.services.posts.unpublish(review.id);
    expect(await search('moon')).toEqual([]);
    await t.services.posts.delete(post.id);
    expect(await search('medlars')).toEqual([]);
  });

  it('keeps the last of several saves of one post made at the same time', async () => {
    const post = await t.services.posts.create(postFields([writer.slug], { status: 'published', title: 'Draft title' }));
    const names = ['Alder', 'Birch', 'Cedar', 'Damson', 'Elder', 'Fig'];
    await Promise.all(names.map((title) => t.services.posts.update(post.id, { title })));
    const { title } = await t.services.posts.get(post.id);
    for (const name of names) expect(await search(name)).toEqual(name === title ? [name] : []);
  });

  it('writes each imported post once', async () => {
    expect(await writesOf(() => importGhost(t.services, ghostFixtures.lexical))).toBe(1);
    const searchable = Number((await sql<{ n: number }>`select count(*) as n from posts where status = 'published' and type = 'post'`.execute(t.store.db)).rows[0]!.n);
    const rows = dialect === 'sqlite' ? sql<{ n: number }>`select count(*) as n from post_search_docsize` : sql<{ n: number }>`select count(*) as n from post_search`;
    expect(Number((await rows.execute(t.store.db)).rows[0]!.n)).toBe(searchable);
    expect(searchable).toBeGreaterThan(3);
    expect(await search('harbour notes')).toEqual(['Harbour notes']);
    expect(await search('lovelace harbour')).toContain('Harbour notes');
  });

  it('upgrades a database with posts and searches it the same, then writes each change once', async () => {
    await makeTag(t.services, { name: 'Film', slug: 'film' });
    const quince = await t.services.posts.create(postFields([writer.slug], { status: 'published', title: 'Quince film', tags: ['film'] }));
    await t.services.posts.create(filmReview([writer.slug], { status: 'published', title: 'A quiet triumph' }));
    const migrator = new Migrator({ db: t.store.db, provider: migrationProvider, allowUnorderedMigrations: true });
    const down = await migrator.migrateTo('0091-create-follow-alert-posts');
    expect(down.error).toBeUndefined();
    expect(down.results).toEqual([{ migrationName: '0092-index-each-post-once', direction: 'Down', status: 'Success' }]);
    // Written at the previous migration: indexed by its triggers as they were.
    const plum = await t.services.posts.create(postFields([writer.slug], { status: 'published', title: 'Plum film', tags: ['film'] }));
    const queries = ['quince', 'film', 'ada obi', 'greta lee', 'triumph'];
    const found = async () => Promise.all(queries.map((q) => search(q)));
    const before = await found();
    expect(before).toEqual([['Quince film'], ['Plum film', 'Quince film'], ['A quiet triumph', 'Plum film', 'Quince film'], ['A quiet triumph'], ['A quiet triumph']]);
    await migrateToLatest(t.store.db);
    expect(await found()).toEqual(before);
    expect(await search('plum')).toEqual(['Plum film']);
    expect(await writesOf(() => t.services.posts.update(quince.id, { featured: true }))).toBe(0);
    expect(await writesOf(() => t.services.taxonomy.updateTag('film', { name: 'Cinema' }))).toBe(1);
    expect(await search('cinema')).toEqual(['Plum film', 'Quince film']);
    expect(await writesOf(() => t.services.posts.update(plum.id, { title: 'Pear film' }))).toBe(1);
    expect(await search('pear')).toEqual(['Pear film']);
  });
});
