// Bulk seeding of a large site for the benchmarks: plain multi-row inserts in one transaction per
// table, not the services one by one (those are measured by bench/store.bench.ts). PostgreSQL
// generates the same rows itself (large-site-postgres.ts).
import { PostgresAdapter, type Insertable, type Kysely } from 'kysely';
import type { Database, MembersTable, PostsTable, SubscribersTable } from '../../src/db/tables.js';
import { generateMembers, generatePosts, generateSubscribers } from './large-site-postgres.js';

type Progress = (done: number, total: number) => void;

const words = 'light city river portrait summer quiet novel stage archive letter harbour window orchard ballad morning'.split(' ');
const BATCH = 500;

const onPostgres = (db: Kysely<Database>) => db.getExecutor().adapter instanceof PostgresAdapter;

async function inBatches(total: number, progress: Progress, insert: (from: number, to: number) => Promise<void>): Promise<void> {
  for (let from = 0; from < total; from += BATCH) {
    const to = Math.min(total, from + BATCH);
    await insert(from, to);
    if (to % 20_000 === 0 || to === total) progress(to, total);
  }
}

/** Posts: 85% published, 12% drafts, 3% scheduled; each with one of 40 authors. */
export async function seedPosts(db: Kysely<Database>, total: number, progress: Progress): Promise<void> {
  if (onPostgres(db)) return generatePosts(db, total, words).then(() => progress(total, total));
  const start = Date.parse('2016-01-01T00:00:00Z');
  await db.transaction().execute(async (tx) => {
    const now = new Date().toISOString();
    const authors = await tx
      .insertInto('authors')
      .values(Array.from({ length: 40 }, (_, a) => ({ slug: `writer-${a}`, name: `Writer ${a}`, created_at: now, updated_at: now })))
      .returning('id')
      .execute();
    await inBatches(total, progress, async (from, to) => {
      const rows: Insertable<PostsTable>[] = [];
      for (let i = from; i < to; i += 1) {
        const status = i % 100 < 85 ? 'published' : i % 100 < 97 ? 'draft' : 'scheduled';
        const at = new Date(start + i * 60_000 * 47).toISOString();
        const text = Array.from({ length: 40 }, (_, k) => words[(i * 7 + k) % words.length]).join(' ');
        rows.push({
          type: 'post',
          slug: `piece-${i}`,
          title: `Piece number ${i} about ${words[i % words.length]} and ${words[(i * 3 + 1) % words.length]}`,
          body_format: 'markdown',
          body_source: text,
          html: `<p>${text}</p>`,
          plaintext: text,
          word_count: 40,
          format: i % 4 === 0 ? 'review' : 'article',
          status,
          published_at: status === 'draft' ? null : at,
          created_at: at,
          updated_at: at,
        });
      }
      const ids = await tx.insertInto('posts').values(rows).returning('id').execute();
      await tx
        .insertInto('post_authors')
        .values(ids.map((r, k) => ({ post_id: r.id, author_id: authors[(from + k) % authors.length]!.id, position: 0, listed: rows[k]!.status === 'published' ? 1 : 0, published_at: rows[k]!.published_at ?? null })))
        .execute();
    });
  });
}

/** Subscribers: 90% confirmed, 6% unsubscribed, 4% pending; all on the default newsletter (weekly), a third also on "film-notes". */
export async function seedSubscribers(db: Kysely<Database>, total: number, progress: Progress): Promise<void> {
  if (onPostgres(db)) return generateSubscribers(db, total, words).then(() => progress(total, total));
  const now = new Date().toISOString();
  await db.transaction().execute(async (tx) => {
    const main = await tx.selectFrom('newsletters').select('id').where('slug', '=', 'weekly').executeTakeFirstOrThrow();
    const film = await tx.insertInto('newsletters').values({ slug: 'film-notes', name: 'Film notes', position: 1, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
    await inBatches(total, progress, async (from, to) => {
      const rows: Insertable<SubscribersTable>[] = [];
      for (let i = from; i < to; i += 1) {
        const status = i % 100 < 90 ? 'confirmed' : i % 100 < 96 ? 'unsubscribed' : 'pending';
        rows.push({
          email: `reader${i}@example.com`,
          name: `Reader ${i} ${words[i % words.length]}`,
          status,
          source: 'bench',
          confirmed_at: status === 'pending' ? null : now,
          unsubscribed_at: status === 'unsubscribed' ? now : null,
          created_at: now,
          updated_at: now,
        });
      }
      const ids = await tx.insertInto('subscribers').values(rows).returning('id').execute();
      const links = ids.flatMap((r, k) => [
        { subscriber_id: r.id, newsletter_id: main.id, created_at: now, unsubscribed_at: rows[k]!.unsubscribed_at ?? null },
        ...((from + k) % 3 === 0 ? [{ subscriber_id: r.id, newsletter_id: film.id, created_at: now, unsubscribed_at: rows[k]!.unsubscribed_at ?? null }] : []),
      ]);
      await tx.insertInto('subscriber_newsletters').values(links).execute();
    });
  });
}

/** Members with no subscriptions (the list's own query is what is measured). */
export async function seedMembers(db: Kysely<Database>, total: number, progress: Progress): Promise<void> {
  if (onPostgres(db)) return generateMembers(db, total, words).then(() => progress(total, total));
  const now = new Date().toISOString();
  await db.transaction().execute(async (tx) => {
    await inBatches(total, progress, async (from, to) => {
      const rows: Insertable<MembersTable>[] = [];
      for (let i = from; i < to; i += 1) rows.push({ email: `member${i}@example.com`, name: `Member ${i} ${words[(i * 5) % words.length]}`, created_at: now, updated_at: now });
      await tx.insertInto('members').values(rows).execute();
    });
  });
}
