import { sql, type Kysely } from 'kysely';
import { postgresRefresh, up as upSearch0015 } from './0015-create-search.js';
import { isPostgres } from './dialect.js';

// Search in any language (src/search/README.md, "Languages"):
//  - Latin, Greek and Cyrillic text is indexed folded: lower case, accents and other marks removed,
//    one letter for one letter ("Été" → "ete", "Łódź" → "lodz", "ΣΟΦΌΣ" → "σοφοσ", "Ёлка" → "елка"),
//    the same table as src/search/search.fold.ts, which folds the reader's query. PostgreSQL folds
//    with translate() in search_fold(); SQLite's FTS5 tokenizer folds most Latin letters itself and
//    the rest is replaced before the text reaches it (the letters it leaves are found by asking it).
//  - Japanese, Chinese and Korean, written without spaces between words, are found as substrings:
//    posts with such letters also get their text in a trigram index (SQLite: an FTS5 trigram table,
//    PostgreSQL: a pg_trgm index on post_search.unspaced), searched with LIKE.
// Passages are marked by the application on the original text, so the index keeps no copy on
// SQLite (contentless FTS5) and PostgreSQL keeps the original columns it had.
// Every index row is rebuilt, a thousand posts at a time.

const BODY_LIMIT = 200_000;
const BATCH = 1_000;

const BASE_LETTERS: Record<string, string> = { ł: 'l', ø: 'o', đ: 'd', ħ: 'h', ı: 'i', ς: 'σ' };
const RANGES: Array<[number, number]> = [
  [0x41, 0x5a],
  [0xc0, 0x24f],
  [0x370, 0x3ff],
  [0x400, 0x4ff],
];

/** Each folded letter with what it becomes, as src/search/search.fold.ts folds it. */
function foldedLetters(): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const [from, to] of RANGES) {
    for (let code = from; code <= to; code += 1) {
      const letter = String.fromCodePoint(code);
      if (!/[\p{Lu}\p{Ll}]/u.test(letter) || letter.normalize('NFKD') !== letter.normalize('NFD')) continue;
      const base = letter.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC').toLowerCase();
      if ([...base].length !== 1) continue;
      const folded = BASE_LETTERS[base] ?? base;
      if (folded !== letter) pairs.push([letter, folded]);
    }
  }
  return pairs;
}

const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** Letters of scripts written without spaces, as a bracket expression for GLOB and PostgreSQL regexes. */
const UNSPACED = '[぀-ヿ㐀-鿿가-힯]';

/** SQL for the names a post is found by (as in migration 0015). */
function namesOf(concat: (parts: string[]) => string, agg: (expr: string) => string): string {
  return concat([
    `(select ${agg('t.name')} from post_tags pt join tags t on t.id = pt.tag_id where pt.post_id = p.id)`,
    `(select ${agg('a.name')} from post_authors pa join authors a on a.id = pa.author_id where pa.post_id = p.id)`,
    `(select w.title from works w where w.id = p.work_id)`,
    `(select ${agg(concat(['pe.name', 'c.character']))} from work_credits c join people pe on pe.id = c.person_id where c.work_id = p.work_id)`,
  ]);
}

/** Where each batch of post ids starts (ids from that, exclusive, to BATCH more). */
async function batches(db: Kysely<any>): Promise<number[]> {
  const { rows } = await sql<{ top: number | null }>`select max(id) as top from posts`.execute(db);
  const top = Number(rows[0]?.top ?? 0);
  return Array.from({ length: Math.ceil(top / BATCH) }, (_, i) => i * BATCH);
}

// ---- SQLite ----

const SQLITE_TRIGGERS: Record<string, [string, string]> = {
  post_search_post_insert: ['after insert on posts', 'p.id = new.id'],
  post_search_post_update: ['after update of title, excerpt, plaintext, status, type, visibility, work_id on posts', 'p.id = new.id'],
  post_search_tag_link: ['after insert on post_tags', 'p.id = new.post_id'],
  post_search_tag_unlink: ['after delete on post_tags', 'p.id = old.post_id'],
  post_search_author_link: ['after insert on post_authors', 'p.id = new.post_id'],
  post_search_author_unlink: ['after delete on post_authors', 'p.id = old.post_id'],
  post_search_tag_rename: ['after update of name on tags', 'p.id in (select post_id from post_tags where tag_id = new.id)'],
  post_search_author_rename: ['after update of name on authors', 'p.id in (select post_id from post_authors where author_id = new.id)'],
  post_search_work_rename: ['after update of title on works', 'p.work_id = new.id'],
  post_search_credit_insert: ['after insert on work_credits', 'p.work_id = new.work_id'],
  post_search_credit_delete: ['after delete on work_credits', 'p.work_id = old.work_id'],
  post_search_credit_update: ['after update on work_credits', 'p.work_id in (old.work_id, new.work_id)'],
  post_search_person_rename: ['after update of name on people', 'p.work_id in (select work_id from work_credits where person_id = new.id)'],
};

/** The folded letters FTS5's unicode61 tokenizer (remove_diacritics 2) does not fold itself, asked of it. */
async function lettersFts5Misses(db: Kysely<any>): Promise<Array<[string, string]>> {
  const pairs = foldedLetters();
  await sql`create virtual table temp.fold_probe using fts5(x, tokenize = 'unicode61 remove_diacritics 2')`.execute(db);
  for (const [i, [letter]] of pairs.entries()) await sql`insert into temp.fold_probe(rowid, x) values (${i + 1}, ${`x${letter}x`})`.execute(db);
  const missed: Array<[string, string]> = [];
  for (const [i, [letter, folded]] of pairs.entries()) {
    const { rows } = await sql<{ id: number }>`select rowid as id from temp.fold_probe where fold_probe match ${`"x${folded}x"`}`.execute(db);
    if (!rows.some((row) => row.id === i + 1)) missed.push([letter, folded]);
  }
  await sql`drop table temp.fold_probe`.execute(db);
  return missed;
}

async function upSqlite(db: Kysely<any>): Promise<void> {
  const missed = await lettersFts5Misses(db);
  const fold = (expr: string) => missed.reduce((folded, [letter, base]) => `replace(${folded}, ${quote(letter)}, ${quote(base)})`, expr);
  const concat = (parts: string[]) => parts.map((part) => `coalesce(${part}, '')`).join(` || ' ' || `);
  await dropSqlite(db);
  await sql`create virtual table post_search using fts5(
    title, excerpt, names, body,
    tokenize = 'porter unicode61 remove_diacritics 2', prefix = '2 3', content = '', contentless_delete = 1
  )`.execute(db);
  await sql`create virtual table post_search_unspaced using fts5(text, tokenize = 'trigram remove_diacritics 1')`.execute(db);
  // What each published post is found by; the triggers and the rebuild read it for the posts they name.
  await sql
    .raw(
      `create view post_search_source as
        select s.id, ${fold('s.title')} as title, ${fold('s.excerpt')} as excerpt, ${fold('s.names')} as names, ${fold('s.body')} as body,
          s.title || ' ' || s.names || ' ' || s.excerpt || ' ' || s.body as text
        from (
          select p.id, p.title, p.excerpt, ${namesOf(concat, (e) => `group_concat(${e}, ' ')`)} as names,
            case when p.visibility = 'public' then substr(p.plaintext, 1, ${BODY_LIMIT}) else '' end as body
          -- Unary + keeps SQLite from reading every published post through its status index instead
          -- of the few posts a trigger names by id.
          from posts p where +p.status = 'published' and +p.type = 'post'
        ) s`,
    )
    .execute(db);
  const reindex = (ids: string) => [
    `delete from post_search where rowid in (${ids})`,
    `delete from post_search_unspaced where rowid in (${ids})`,
    `insert into post_search(rowid, title, excerpt, names, body) select id, title, excerpt, names, body from post_search_source where id in (${ids})`,
    `insert into post_search_unspaced(rowid, text) select id, text from post_search_source where id in (${ids}) and text glob '*${UNSPACED}*'`,
  ];
  const trigger = (ids: string) =>
    reindex(ids)
      .map((statement) => `${statement};`)
      .join('\n');
  for (const [name, [when, where]] of Object.entries(SQLITE_TRIGGERS)) {
    await sql.raw(`create trigger ${name} ${when} begin ${trigger(`select p.id from posts p where ${where}`)} end`).execute(db);
  }
  await sql.raw(`create trigger post_search_post_delete after delete on posts begin ${trigger('old.id')} end`).execute(db);
  for (const from of await batches(db)) {
    for (const statement of reindex(`select id from posts where id > ${from} and id <= ${from + BATCH}`)) await sql.raw(statement).execute(db);
  }
}

async function dropSqlite(db: Kysely<any>): Promise<void> {
  const { rows } = await sql<{ name: string }>`select name from sqlite_master where type = 'trigger' and name like 'post_search_%'`.execute(db);
  for (const { name } of rows) await sql.raw(`drop trigger ${name}`).execute(db);
  await sql`drop view if exists post_search_source`.execute(db);
  await sql`drop table if exists post_search_unspaced`.execute(db);
  await sql`drop table post_search`.execute(db);
}

// ---- PostgreSQL ----

/** The columns migration 0052 added to the index rows, as the refresh copies them from the post `p`. */
const FILTER_COLUMNS = {
  columns: ', published_at, format, tag_ids, author_ids',
  values: `, p.published_at, p.format,
            array(select tag_id from post_tags where post_id = p.id order by tag_id),
            array(select author_id from post_authors where post_id = p.id order by author_id)`,
};

/** Migration 0052's refresh, with every text folded and the text of unspaced scripts kept for substring search. */
function foldingRefresh(): string {
  return `create or replace function post_search_refresh(ids integer[]) returns void language plpgsql as $$
      begin
        delete from post_search where post_id = any(ids);
        insert into post_search(post_id, title, excerpt, names, body, document${FILTER_COLUMNS.columns}, unspaced)
          select p.id, p.title, p.excerpt, n.names, b.body,
            setweight(to_tsvector('english', search_fold(p.title)), 'A') ||
            setweight(to_tsvector('english', search_fold(n.names)), 'B') ||
            setweight(to_tsvector('english', search_fold(p.excerpt)), 'B') ||
            setweight(to_tsvector('english', search_fold(b.body)), 'D')${FILTER_COLUMNS.values},
            case when t.text ~ '${UNSPACED}' then search_fold(t.text) end
          from posts p
          cross join lateral (select ${namesOf(
            (parts) => `concat_ws(' ', ${parts.join(', ')})`,
            (e) => `string_agg(${e}, ' ')`,
          )} as names) n
          cross join lateral (select case when p.visibility = 'public' then left(p.plaintext, ${BODY_LIMIT}) else '' end as body) b
          cross join lateral (select concat_ws(' ', p.title, n.names, p.excerpt, b.body) as text) t
          where p.id = any(ids) and p.status = 'published' and p.type = 'post';
        insert into search_terms(term)
          select distinct word from post_search s,
            unnest(tsvector_to_array(to_tsvector('simple', search_fold(s.title || ' ' || s.names || ' ' || s.excerpt)))) as word
          where s.post_id = any(ids) and length(word) between 3 and 40
          on conflict do nothing;
      end $$`;
}

async function refreshAll(db: Kysely<any>): Promise<void> {
  for (const from of await batches(db)) {
    await sql`select post_search_refresh(array(select id from posts where id > ${from} and id <= ${from + BATCH}))`.execute(db);
  }
}

async function upPostgres(db: Kysely<any>): Promise<void> {
  const pairs = foldedLetters();
  const from = pairs.map(([letter]) => letter).join('');
  const to = pairs.map(([, folded]) => folded).join('');
  await sql.raw(`create function search_fold(text) returns text language sql immutable strict parallel safe as $$ select translate($1, ${quote(from)}, ${quote(to)}) $$`).execute(db);
  await sql`alter table post_search add column unspaced text`.execute(db);
  await sql`create index post_search_unspaced on post_search using gin (unspaced gin_trgm_ops)`.execute(db);
  await sql.raw(foldingRefresh()).execute(db);
  await sql`truncate search_terms`.execute(db);
  await refreshAll(db);
  await sql`analyze post_search`.execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  await (isPostgres(db) ? upPostgres(db) : upSqlite(db));
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) {
    await dropSqlite(db);
    await upSearch0015(db);
    return;
  }
  await sql.raw(postgresRefresh(FILTER_COLUMNS)).execute(db);
  await sql`alter table post_search drop column unspaced`.execute(db);
  await sql`truncate search_terms`.execute(db);
  await refreshAll(db);
  await sql`drop function search_fold(text)`.execute(db);
}
