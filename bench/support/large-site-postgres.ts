// The large site's rows generated inside PostgreSQL (generate_series), the same rows the
// multi-row inserts of large-site.ts make: sending a million rows through the client costs tens
// of minutes on a shared machine, generating them costs a few.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/db/tables.js';

/** An ISO timestamp as JavaScript writes it (`toISOString`), the form the text columns hold. */
const iso = (at: ReturnType<typeof sql>) => sql`to_char((${at}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export async function generatePosts(db: Kysely<Database>, total: number, words: string[]): Promise<void> {
  const list = sql`${sql.val(words)}::text[]`;
  const n = words.length;
  await db.transaction().execute(async (tx) => {
    // The search index's triggers would rebuild each post's row at commit, one by one (still
    // running after 15 minutes for 100,000 here): they are off while the rows are made, and the
    // index is built in one statement.
    await sql`set local session_replication_role = replica`.execute(tx);
    await sql`insert into authors (slug, name, created_at, updated_at)
      select 'writer-' || a, 'Writer ' || a, ${iso(sql`now()`)}, ${iso(sql`now()`)} from generate_series(0, 39) a`.execute(tx);
    await sql`insert into posts (type, slug, title, body_format, body_source, html, plaintext, word_count, format, status, published_at, created_at, updated_at)
      select 'post', 'piece-' || i, 'Piece number ' || i || ' about ' || (${list})[i % ${n} + 1] || ' and ' || (${list})[(i * 3 + 1) % ${n} + 1],
        'markdown', body, '<p>' || body || '</p>', body, 40, case when i % 4 = 0 then 'review' else 'article' end, status,
        case when status = 'draft' then null else at end, at, at
      from generate_series(0, ${total - 1}) i,
        lateral (select string_agg((${list})[(i * 7 + k) % ${n} + 1], ' ' order by k) as body from generate_series(0, 39) k) b,
        lateral (select case when i % 100 < 85 then 'published' when i % 100 < 97 then 'draft' else 'scheduled' end as status,
                        ${iso(sql`timestamptz '2016-01-01 00:00:00+00' + i * interval '47 minutes'`)} as at) s
      order by i`.execute(tx);
    await sql`insert into post_authors (post_id, author_id, position, listed, published_at)
      select p.id, a.id, 0, case when p.status = 'published' then 1 else 0 end, p.published_at
      from posts p join authors a on a.slug = 'writer-' || (substr(p.slug, 7)::int % 40)
      where p.slug like 'piece-%'`.execute(tx);
    await sql`set local session_replication_role = origin`.execute(tx);
    await sql`select post_search_refresh(array(select id from posts where slug like 'piece-%'))`.execute(tx);
  });
}

export async function generateSubscribers(db: Kysely<Database>, total: number, words: string[]): Promise<void> {
  const list = sql`${sql.val(words)}::text[]`;
  await db.transaction().execute(async (tx) => {
    const now = new Date().toISOString();
    await sql`insert into newsletters (slug, name, position, created_at, updated_at) values ('film-notes', 'Film notes', 1, ${now}, ${now})`.execute(tx);
    await sql`insert into subscribers (email, name, status, source, confirmed_at, unsubscribed_at, created_at, updated_at)
      select 'reader' || i || '@example.com', 'Reader ' || i || ' ' || (${list})[i % ${words.length} + 1], status, 'bench',
        case when status = 'pending' then null else ${now} end, case when status = 'unsubscribed' then ${now} end, ${now}, ${now}
      from generate_series(0, ${total - 1}) i,
        lateral (select case when i % 100 < 90 then 'confirmed' when i % 100 < 96 then 'unsubscribed' else 'pending' end as status) s
      order by i`.execute(tx);
    await sql`insert into subscriber_newsletters (subscriber_id, newsletter_id, created_at, unsubscribed_at)
      select s.id, n.id, ${now}, s.unsubscribed_at
      from subscribers s join newsletters n on n.slug = 'weekly' or (n.slug = 'film-notes' and substr(s.email, 7, length(s.email) - 18)::int % 3 = 0)
      where s.source = 'bench'`.execute(tx);
  });
}

export async function generateMembers(db: Kysely<Database>, total: number, words: string[]): Promise<void> {
  const list = sql`${sql.val(words)}::text[]`;
  const now = new Date().toISOString();
  await sql`insert into members (email, name, created_at, updated_at)
    select 'member' || i || '@example.com', 'Member ' || i || ' ' || (${list})[(i * 5) % ${words.length} + 1], ${now}, ${now}
    from generate_series(0, ${total - 1}) i order by i`.execute(db);
}
