// A synthetic magazine corpus for benchmarks: words follow a Zipf distribution over a large
// vocabulary (as in real prose, a few words are everywhere and most are rare), posts have
// sections, authors and dates, a quarter are film reviews whose works share directors and cast, and
// the interviews name those directors.
import type { Db } from '../../src/db/client.js';

/** A small deterministic random number generator, so every run builds the same corpus. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const sections = ['film', 'television', 'books', 'music', 'culture', 'politics', 'life', 'news'];

const common = `film story women work life city light summer novel portrait stage archive letter harbour window
orchard ballad morning music power family water history house mother garden night love school friend market
voice house season paper theatre memory island river silence festival kitchen journey winter daughter border
street country market labour wages care health climate election protest union library museum gallery cinema`.split(/\s+/);
const syllables = 'ka lo mi ne sa ri tu ve po la da fe gi ho ju ke li mo nu pa qui ro si ta ul va we xi yo za'.split(' ');

/** The vocabulary, most frequent first: real words, then made-up words of two to four syllables. */
export function vocabulary(size = 30_000): string[] {
  const next = random(7);
  const words = new Set(common);
  while (words.size < size) {
    const count = 2 + Math.floor(next() * 3);
    let word = '';
    for (let i = 0; i < count; i += 1) word += syllables[Math.floor(next() * syllables.length)];
    words.add(word);
  }
  return [...words];
}

/** Draws word ranks with probability proportional to 1/rank (Zipf, s = 1). */
function zipf(size: number, next: () => number): () => number {
  const cumulative = new Float64Array(size);
  let total = 0;
  for (let rank = 0; rank < size; rank += 1) cumulative[rank] = total += 1 / (rank + 1);
  return () => {
    const target = next() * total;
    let low = 0;
    let high = size - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cumulative[mid]! < target) low = mid + 1;
      else high = mid;
    }
    return low;
  };
}

export interface CorpusOptions {
  posts: number;
  wordsPerPost?: number;
  onProgress?: (done: number, total: number) => void;
}

// SQLite allows 32,766 bound parameters per statement; 17 columns × 500 rows stays well below.
const BATCH = 500;

/**
 * Writes the corpus straight into the tables (the post service would take far longer) in
 * batches: posts go in as drafts with their links, then are published, so each post is indexed
 * once by the search triggers rather than once per link.
 */
export async function loadCorpus(db: Db, options: CorpusOptions): Promise<{ words: string[] }> {
  const words = vocabulary();
  const next = random(42);
  const draw = zipf(words.length, next);
  const sentence = (length: number) => Array.from({ length }, () => words[draw()]!).join(' ');
  const now = '2026-01-01T00:00:00.000Z';
  const start = Date.parse('2016-01-01T00:00:00Z');
  const perPost = options.wordsPerPost ?? 300;

  const tagIds: number[] = [];
  for (const [i, slug] of sections.entries()) {
    const row = await db
      .insertInto('tags')
      .values({ slug, name: slug[0]!.toUpperCase() + slug.slice(1), is_section: 1, nav_order: i, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    tagIds.push(row.id);
  }
  const authorIds: number[] = [];
  for (let a = 0; a < 60; a += 1) {
    const row = await db
      .insertInto('authors')
      .values({ slug: `writer-${a}`, name: `${words[a * 7]} ${words[a * 11 + 3]}`, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    authorIds.push(row.id);
  }
  const personIds: number[] = [];
  for (let p = 0; p < 2_000; p += 1) {
    const row = await db
      .insertInto('people')
      .values({ slug: `person-${p}`, name: `${words[200 + p]} ${words[3000 + p]}`, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    personIds.push(row.id);
  }

  for (let first = 0; first < options.posts; first += BATCH) {
    const last = Math.min(options.posts, first + BATCH);
    const indexes = Array.from({ length: last - first }, (_, k) => first + k);
    await db.transaction().execute(async (tx) => {
      const reviews = indexes.filter((i) => i % 4 === 0);
      const works = new Map<number, number>();
      if (reviews.length > 0) {
        const rows = await tx
          .insertInto('works')
          .values(reviews.map((i) => ({ slug: `film-${i}`, type: 'movie', title: `${words[draw()]} ${words[draw()]}`, year: 1990 + (i % 35), created_at: now, updated_at: now })))
          .returning(['id', 'slug'])
          .execute();
        for (const row of rows) works.set(Number(row.slug.slice(5)), row.id);
        await tx
          .insertInto('work_credits')
          .values(
            reviews.flatMap((i) => [
              { work_id: works.get(i)!, person_id: personIds[i % 400]!, role: 'director', character: null, position: 0 },
              { work_id: works.get(i)!, person_id: personIds[400 + (i % 1600)]!, role: 'cast', character: words[draw()]!, position: 1 },
              { work_id: works.get(i)!, person_id: personIds[400 + ((i * 7) % 1600)]!, role: 'cast', character: words[draw()]!, position: 2 },
            ]),
          )
          .execute();
      }
      const dates = new Map(indexes.map((i) => [i, new Date(start + i * 60_000 * 47).toISOString()]));
      const rows = await tx
        .insertInto('posts')
        .values(
          indexes.map((i) => {
            const body = Array.from({ length: Math.ceil(perPost / 15) }, () => `${sentence(15)}.`).join(' ');
            return {
              type: 'post',
              slug: `piece-${i}`,
              title: sentence(2 + (i % 5)),
              excerpt: i % 3 === 0 ? sentence(20) : '',
              body_format: 'markdown',
              body_source: body,
              html: `<p>${body}</p>`,
              plaintext: body,
              word_count: perPost,
              format: i % 4 === 0 ? 'review' : i % 7 === 0 ? 'interview' : 'article',
              status: 'draft',
              visibility: i % 10 === 9 ? 'members' : 'public',
              primary_tag_id: tagIds[i % tagIds.length]!,
              work_id: works.get(i) ?? null,
              published_at: dates.get(i)!,
              created_at: now,
              updated_at: now,
            };
          }),
        )
        .returning(['id', 'slug'])
        .execute();
      const posts = rows.map((row) => ({ id: row.id, i: Number(row.slug.slice(6)) }));
      const listing = (i: number) => ({ listed: 1, published_at: dates.get(i)! });
      await tx
        .insertInto('post_tags')
        .values(
          posts.flatMap(({ id, i }) => [
            { post_id: id, tag_id: tagIds[i % tagIds.length]!, position: 0, ...listing(i) },
            { post_id: id, tag_id: tagIds[(i + 3) % tagIds.length]!, position: 1, ...listing(i) },
          ]),
        )
        .execute();
      // Interviews name one of the directors, so a person links pieces beyond the works' credits.
      const interviews = posts.filter(({ i }) => i % 4 !== 0 && i % 7 === 0);
      if (interviews.length > 0) {
        await tx
          .insertInto('post_people')
          .values(interviews.map(({ id, i }) => ({ post_id: id, person_id: personIds[i % 400]!, role: 'interviewee', position: 0 })))
          .execute();
      }
      await tx
        .insertInto('post_authors')
        .values(posts.map(({ id, i }) => ({ post_id: id, author_id: authorIds[i % authorIds.length]!, position: 0, ...listing(i) })))
        .execute();
      await tx
        .updateTable('posts')
        .set({ status: 'published' })
        .where(
          'id',
          'in',
          posts.map((p) => p.id),
        )
        .execute();
    });
    options.onProgress?.(last, options.posts);
  }
  return { words };
}
