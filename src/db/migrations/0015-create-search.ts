import { sql, type Kysely } from 'kysely';
import { isPostgres } from './dialect.js';

// The search index holds one row per published post, rebuilt by triggers in the same
// transaction as every write that changes what a post is found by: the post itself, its tags
// and authors (and their names), its reviewed work, the work's credits and people. Gated posts
// (members, paid) are indexed by title, excerpt and names only: their body never enters it.
// Bodies are cut at 200,000 characters, far beyond what ranking or snippets need.

const BODY_LIMIT = 200_000;

/** SQL for the names a post is found by: its tags, authors, reviewed work, and the work's people. */
function namesOf(post: string, concat: (parts: string[]) => string, agg: (expr: string) => string): string {
  return concat([
    `(select ${agg('t.name')} from post_tags pt join tags t on t.id = pt.tag_id where pt.post_id = ${post}.id)`,
    `(select ${agg('a.name')} from post_authors pa join authors a on a.id = pa.author_id where pa.post_id = ${post}.id)`,
    `(select w.title from works w where w.id = ${post}.work_id)`,
    `(select ${agg(concat(['pe.name', 'c.character']))} from work_credits c join people pe on pe.id = c.person_id where c.work_id = ${post}.work_id)`,
  ]);
}

const sqliteConcat = (parts: string[]) => parts.map((p) => `coalesce(${p}, '')`).join(` || ' ' || `);
const sqliteAgg = (expr: string) => `group_concat(${expr}, ' ')`;

/** Rebuilds the index rows of the posts matched by `where` (SQL over `p`, the posts table). */
function sqliteReindexStatements(where: string): string[] {
  return [
    `delete from post_search where rowid in (select p.id from posts p where ${where})`,
    `insert into post_search(rowid, title, excerpt, names, body)
      select p.id, p.title, p.excerpt, ${namesOf('p', sqliteConcat, sqliteAgg)},
        case when p.visibility = 'public' then substr(p.plaintext, 1, ${BODY_LIMIT}) else '' end
      from posts p where (${where}) and p.status = 'published' and p.type = 'post'`,
  ];
}

const sqliteReindex = (where: string) =>
  sqliteReindexStatements(where)
    .map((s) => `${s};`)
    .join('\n');

async function upSqlite(db: Kysely<any>): Promise<void> {
  await sql`create virtual table post_search using fts5(
    title, excerpt, names, body,
    tokenize = 'porter unicode61 remove_diacritics 2',
    prefix = '2 3'
  )`.execute(db);
  const triggers: Record<string, string> = {
    post_search_post_insert: `after insert on posts begin ${sqliteReindex('p.id = new.id')} end`,
    post_search_post_update: `after update of title, excerpt, plaintext, status, type, visibility, work_id on posts
      begin ${sqliteReindex('p.id = new.id')} end`,
    post_search_post_delete: `after delete on posts begin delete from post_search where rowid = old.id; end`,
    post_search_tag_link: `after insert on post_tags begin ${sqliteReindex('p.id = new.post_id')} end`,
    post_search_tag_unlink: `after delete on post_tags begin ${sqliteReindex('p.id = old.post_id')} end`,
    post_search_author_link: `after insert on post_authors begin ${sqliteReindex('p.id = new.post_id')} end`,
    post_search_author_unlink: `after delete on post_authors begin ${sqliteReindex('p.id = old.post_id')} end`,
    post_search_tag_rename: `after update of name on tags
      begin ${sqliteReindex('p.id in (select post_id from post_tags where tag_id = new.id)')} end`,
    post_search_author_rename: `after update of name on authors
      begin ${sqliteReindex('p.id in (select post_id from post_authors where author_id = new.id)')} end`,
    post_search_work_rename: `after update of title on works begin ${sqliteReindex('p.work_id = new.id')} end`,
    post_search_credit_insert: `after insert on work_credits begin ${sqliteReindex('p.work_id = new.work_id')} end`,
    post_search_credit_delete: `after delete on work_credits begin ${sqliteReindex('p.work_id = old.work_id')} end`,
    post_search_credit_update: `after update on work_credits begin ${sqliteReindex('p.work_id in (old.work_id, new.work_id)')} end`,
    post_search_person_rename: `after update of name on people
      begin ${sqliteReindex('p.work_id in (select work_id from work_credits where person_id = new.id)')} end`,
  };
  for (const [name, body] of Object.entries(triggers)) await sql.raw(`create trigger ${name} ${body}`).execute(db);
  for (const statement of sqliteReindexStatements('1 = 1')) await sql.raw(statement).execute(db);
}

const pgConcat = (parts: string[]) => `concat_ws(' ', ${parts.join(', ')})`;
const pgAgg = (expr: string) => `string_agg(${expr}, ' ')`;

/**
 * The PostgreSQL function that rebuilds the index rows of the given posts. `extra` adds columns
 * copied from the post (migration 0052 adds the filtered ones).
 */
export function postgresRefresh(extra: { columns: string; values: string } = { columns: '', values: '' }): string {
  return `create or replace function post_search_refresh(ids integer[]) returns void language plpgsql as $$
      begin
        delete from post_search where post_id = any(ids);
        insert into post_search(post_id, title, excerpt, names, body, document${extra.columns})
          select p.id, p.title, p.excerpt, n.names, b.body,
            setweight(to_tsvector('english', p.title), 'A') ||
            setweight(to_tsvector('english', n.names), 'B') ||
            setweight(to_tsvector('english', p.excerpt), 'B') ||
            setweight(to_tsvector('english', b.body), 'D')${extra.values}
          from posts p
          cross join lateral (select ${namesOf('p', pgConcat, pgAgg)} as names) n
          cross join lateral (select case when p.visibility = 'public' then left(p.plaintext, ${BODY_LIMIT}) else '' end as body) b
          where p.id = any(ids) and p.status = 'published' and p.type = 'post';
        insert into search_terms(term)
          select distinct word from post_search s,
            unnest(tsvector_to_array(to_tsvector('simple', s.title || ' ' || s.names || ' ' || s.excerpt))) as word
          where s.post_id = any(ids) and length(word) between 3 and 40
          on conflict do nothing;
      end $$`;
}

async function upPostgres(db: Kysely<any>): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db);
  await sql`create table post_search (
    post_id integer primary key references posts(id) on delete cascade,
    title text not null,
    excerpt text not null,
    names text not null,
    body text not null,
    document tsvector not null
  )`.execute(db);
  await sql`create index post_search_document on post_search using gin (document)`.execute(db);
  // Words readers may misspell (titles, names, excerpts), for the trigram fallback.
  await sql`create table search_terms (term text primary key)`.execute(db);
  await sql`create index search_terms_trigram on search_terms using gin (term gin_trgm_ops)`.execute(db);

  await sql.raw(postgresRefresh()).execute(db);

  // One trigger function per source of change; statement-level ones see the changed rows at once.
  const functions: Record<string, string> = {
    post_search_on_post: `perform post_search_refresh(array[new.id]); return null;`,
    post_search_on_links_new: `perform post_search_refresh(array(select distinct post_id from changed)); return null;`,
    post_search_on_credits_new: `perform post_search_refresh(array(select id from posts where work_id in (select work_id from changed))); return null;`,
    post_search_on_tag: `perform post_search_refresh(array(select post_id from post_tags where tag_id = new.id)); return null;`,
    post_search_on_author: `perform post_search_refresh(array(select post_id from post_authors where author_id = new.id)); return null;`,
    post_search_on_work: `perform post_search_refresh(array(select id from posts where work_id = new.id)); return null;`,
    post_search_on_person: `perform post_search_refresh(array(select p.id from posts p join work_credits c on c.work_id = p.work_id where c.person_id = new.id)); return null;`,
  };
  for (const [name, body] of Object.entries(functions)) {
    await sql.raw(`create function ${name}() returns trigger language plpgsql as $$ begin ${body} end $$`).execute(db);
  }
  const triggers: Array<[string, string, string]> = [
    ['post_search_post_insert', 'after insert on posts for each row', 'post_search_on_post'],
    ['post_search_post_update', 'after update of title, excerpt, plaintext, status, type, visibility, work_id on posts for each row', 'post_search_on_post'],
    ['post_search_tag_link', 'after insert on post_tags referencing new table as changed for each statement', 'post_search_on_links_new'],
    ['post_search_tag_unlink', 'after delete on post_tags referencing old table as changed for each statement', 'post_search_on_links_new'],
    ['post_search_author_link', 'after insert on post_authors referencing new table as changed for each statement', 'post_search_on_links_new'],
    ['post_search_author_unlink', 'after delete on post_authors referencing old table as changed for each statement', 'post_search_on_links_new'],
    ['post_search_credit_insert', 'after insert on work_credits referencing new table as changed for each statement', 'post_search_on_credits_new'],
    ['post_search_credit_delete', 'after delete on work_credits referencing old table as changed for each statement', 'post_search_on_credits_new'],
    ['post_search_tag_rename', 'after update of name on tags for each row', 'post_search_on_tag'],
    ['post_search_author_rename', 'after update of name on authors for each row', 'post_search_on_author'],
    ['post_search_work_rename', 'after update of title on works for each row', 'post_search_on_work'],
    ['post_search_person_rename', 'after update of name on people for each row', 'post_search_on_person'],
  ];
  for (const [name, when, fn] of triggers) await sql.raw(`create trigger ${name} ${when} execute function ${fn}()`).execute(db);
  await sql`select post_search_refresh(array(select id from posts))`.execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  await (isPostgres(db) ? upPostgres(db) : upSqlite(db));
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) {
    // The triggers live on the tables they watch, so they go first.
    const rows = await sql<{ name: string }>`select name from sqlite_master where type = 'trigger' and name like 'post_search_%'`.execute(db);
    for (const { name } of rows.rows) await sql.raw(`drop trigger ${name}`).execute(db);
    await sql`drop table post_search`.execute(db);
    return;
  }
  await sql`drop table post_search cascade`.execute(db);
  await sql`drop table search_terms`.execute(db);
  for (const fn of ['post_search_on_post', 'post_search_on_links_new', 'post_search_on_credits_new', 'post_search_on_tag', 'post_search_on_author', 'post_search_on_work', 'post_search_on_person']) {
    await sql.raw(`drop function ${fn}() cascade`).execute(db);
  }
  await sql`drop function post_search_refresh(integer[])`.execute(db);
}
