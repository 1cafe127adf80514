import type { DbOrTx } from '../db/client.js';

/** What sitemaps need: addresses and when they last changed, without loading whole posts. */
export interface SitemapEntry {
  slug: string;
  lastmod: string;
}

function published(db: DbOrTx, type: 'post' | 'page') {
  return db.selectFrom('posts').where('posts.type', '=', type).where('posts.status', '=', 'published');
}

export async function countPublishedPosts(db: DbOrTx): Promise<number> {
  const row = await published(db, 'post')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Published posts in id order, one sitemap file's worth. */
export async function publishedPostEntries(db: DbOrTx, offset: number, limit: number): Promise<SitemapEntry[]> {
  const rows = await published(db, 'post').select(['slug', 'updated_at']).orderBy('id').limit(limit).offset(offset).execute();
  return rows.map((r) => ({ slug: r.slug, lastmod: r.updated_at }));
}

/** The newest change among one sitemap file's worth of posts. */
export async function lastPostChange(db: DbOrTx, offset: number, limit: number): Promise<string | null> {
  const row = await db
    .selectFrom((eb) =>
      published(eb as unknown as DbOrTx, 'post')
        .select('updated_at')
        .orderBy('id')
        .limit(limit)
        .offset(offset)
        .as('chunk'),
    )
    .select((eb) => eb.fn.max('chunk.updated_at').as('lastmod'))
    .executeTakeFirst();
  return row?.lastmod ?? null;
}

export async function publishedPageEntries(db: DbOrTx): Promise<SitemapEntry[]> {
  const rows = await published(db, 'page').select(['slug', 'updated_at']).orderBy('id').execute();
  return rows.map((r) => ({ slug: r.slug, lastmod: r.updated_at }));
}

/** Tags and authors that have published posts, with the time of their newest post or own change. */
export async function listedTagEntries(db: DbOrTx): Promise<SitemapEntry[]> {
  const rows = await db
    .selectFrom('post_tags')
    .innerJoin('tags', 'tags.id', 'post_tags.tag_id')
    .where('post_tags.listed', '=', 1)
    .where('tags.visibility', '=', 'public')
    .groupBy(['tags.id', 'tags.slug', 'tags.updated_at'])
    .select(['tags.slug', 'tags.updated_at'])
    .select((eb) => eb.fn.max('post_tags.published_at').as('newest'))
    .orderBy('tags.id')
    .execute();
  return rows.map((r) => ({ slug: r.slug, lastmod: later(r.updated_at, r.newest) }));
}

export async function listedAuthorEntries(db: DbOrTx): Promise<SitemapEntry[]> {
  const rows = await db
    .selectFrom('post_authors')
    .innerJoin('authors', 'authors.id', 'post_authors.author_id')
    .where('post_authors.listed', '=', 1)
    .groupBy(['authors.id', 'authors.slug', 'authors.updated_at'])
    .select(['authors.slug', 'authors.updated_at'])
    .select((eb) => eb.fn.max('post_authors.published_at').as('newest'))
    .orderBy('authors.id')
    .execute();
  return rows.map((r) => ({ slug: r.slug, lastmod: later(r.updated_at, r.newest) }));
}

/** Reviewed works (those with a published review), with the time of their newest review or own change. */
export async function reviewedWorkEntries(db: DbOrTx): Promise<SitemapEntry[]> {
  const rows = await published(db, 'post')
    .innerJoin('works', 'works.id', 'posts.work_id')
    .groupBy(['works.id', 'works.slug', 'works.updated_at'])
    .select(['works.slug', 'works.updated_at'])
    .select((eb) => eb.fn.max('posts.updated_at').as('newest'))
    .orderBy('works.id')
    .execute();
  return rows.map((r) => ({ slug: r.slug, lastmod: later(r.updated_at, r.newest) }));
}

/** People credited in reviewed works or named by published pieces, with the time of the newest change to those works or pieces. */
export async function creditedPersonEntries(db: DbOrTx): Promise<SitemapEntry[]> {
  // Each reviewed work once (with its own newest change), then its credits: not every review times every credit.
  const reviewedWorks = published(db, 'post')
    .innerJoin('works', 'works.id', 'posts.work_id')
    .groupBy(['works.id', 'works.updated_at'])
    .select(['works.id', 'works.updated_at'])
    .select((eb) => eb.fn.max('posts.updated_at').as('newest'))
    .as('reviewed');
  const [credited, named] = await Promise.all([
    db
      .selectFrom(reviewedWorks)
      .innerJoin('work_credits', 'work_credits.work_id', 'reviewed.id')
      .innerJoin('people', 'people.id', 'work_credits.person_id')
      .groupBy(['people.id', 'people.slug'])
      .select(['people.id', 'people.slug'])
      .select((eb) => [eb.fn.max('reviewed.updated_at').as('work'), eb.fn.max('reviewed.newest').as('newest')])
      .execute(),
    published(db, 'post')
      .innerJoin('post_people', 'post_people.post_id', 'posts.id')
      .innerJoin('people', 'people.id', 'post_people.person_id')
      .groupBy(['people.id', 'people.slug'])
      .select(['people.id', 'people.slug'])
      .select((eb) => eb.fn.max('posts.updated_at').as('newest'))
      .execute(),
  ]);
  const entries = new Map<number, SitemapEntry>(credited.map((r) => [r.id, { slug: r.slug, lastmod: later(r.work, r.newest) }]));
  for (const r of named) {
    const known = entries.get(r.id);
    entries.set(r.id, { slug: r.slug, lastmod: known ? later(known.lastmod, r.newest) : r.newest });
  }
  return [...entries.entries()].sort(([a], [b]) => a - b).map(([, entry]) => entry);
}

function later(a: string, b: string | null): string {
  return b !== null && b > a ? b : a;
}
