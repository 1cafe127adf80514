import { sql, type Kysely } from 'kysely';
import { isPostgres } from './dialect.js';

// Each post's search row is written once per transaction that changes what it is found by, on
// both databases (src/search/README.md, "Writing the index"). Before, saving a post rewrote its
// row on SQLite for the post and again for every tag and author link deleted and inserted (seven
// times for a post with two tags and one author), and on both databases for any update naming a
// searched column, even one that changed nothing in it.
//  - Triggers only note the posts whose row must change in post_search_pending, and only when a
//    searched value really changes (the WHEN clauses; a rename to the same name notes nothing).
//    Link rows moved to another post, tag or author, and credits edited in place, are noted too.
//  - The pending posts are indexed once, at commit. PostgreSQL: the deferred trigger of migration
//    0017, now rebuilding every pending post of the transaction in batches when it first fires.
//    SQLite has no deferred triggers: emptying post_search_pending rewrites each deleted post's
//    row (its delete trigger), and the store empties it just before each commit and after each
//    write made outside a transaction (src/db/sqlite-index-at-commit.ts).
// The rows themselves do not change, so nothing is rebuilt.

const BATCH = 1_000;

/** Letters of scripts written without spaces, as migration 0077 keeps them in post_search_unspaced. */
const UNSPACED = '[぀-ヿ㐀-鿿가-힯]';

/** A row's values changed (SQLite `is not`, PostgreSQL `is distinct from`). */
const changed = (columns: string[], differ: string) => columns.map((c) => `old.${c} ${differ} new.${c}`).join(' or ');

// ---- SQLite ----

const SQLITE_POST_COLUMNS = ['title', 'excerpt', 'plaintext', 'status', 'type', 'visibility', 'work_id'];

/** A trigger: when it fires, on which change of values (if any), and the posts it names. */
interface Watch {
  when: string;
  onlyIf?: string;
  posts: string;
}

/** The triggers of migration 0077, by name, and the posts each names (the WHEN clauses are new). */
const SQLITE_0077: Record<string, Watch> = {
  post_search_post_insert: { when: 'after insert on posts', posts: 'select new.id' },
  post_search_post_update: { when: `after update of ${SQLITE_POST_COLUMNS.join(', ')} on posts`, onlyIf: changed(SQLITE_POST_COLUMNS, 'is not'), posts: 'select new.id' },
  post_search_post_delete: { when: 'after delete on posts', posts: 'select old.id' },
  post_search_tag_link: { when: 'after insert on post_tags', posts: 'select new.post_id' },
  post_search_tag_unlink: { when: 'after delete on post_tags', posts: 'select old.post_id' },
  post_search_author_link: { when: 'after insert on post_authors', posts: 'select new.post_id' },
  post_search_author_unlink: { when: 'after delete on post_authors', posts: 'select old.post_id' },
  post_search_tag_rename: { when: 'after update of name on tags', onlyIf: 'old.name is not new.name', posts: 'select post_id from post_tags where tag_id = new.id' },
  post_search_author_rename: { when: 'after update of name on authors', onlyIf: 'old.name is not new.name', posts: 'select post_id from post_authors where author_id = new.id' },
  post_search_work_rename: { when: 'after update of title on works', onlyIf: 'old.title is not new.title', posts: 'select id from posts where work_id = new.id' },
  post_search_credit_insert: { when: 'after insert on work_credits', posts: 'select id from posts where work_id = new.work_id' },
  post_search_credit_delete: { when: 'after delete on work_credits', posts: 'select id from posts where work_id = old.work_id' },
  post_search_credit_update: {
    when: 'after update on work_credits',
    onlyIf: changed(['work_id', 'person_id', 'character'], 'is not'),
    posts: 'select id from posts where work_id in (old.work_id, new.work_id)',
  },
  post_search_person_rename: {
    when: 'after update of name on people',
    onlyIf: 'old.name is not new.name',
    posts: 'select p.id from posts p join work_credits c on c.work_id = p.work_id where c.person_id = new.id',
  },
};

/** Triggers 0077 lacked: a link row moved to another post, tag or author. */
const SQLITE_ADDED: Record<string, Watch> = {
  post_search_tag_relink: { when: 'after update of post_id, tag_id on post_tags', onlyIf: changed(['post_id', 'tag_id'], 'is not'), posts: 'select old.post_id union select new.post_id' },
  post_search_author_relink: {
    when: 'after update of post_id, author_id on post_authors',
    onlyIf: changed(['post_id', 'author_id'], 'is not'),
    posts: 'select old.post_id union select new.post_id',
  },
};

/** Rewrites the index rows of the posts `ids` selects, as migration 0077 does. */
function sqliteReindex(ids: string): string {
  return [
    `delete from post_search where rowid in (${ids})`,
    `delete from post_search_unspaced where rowid in (${ids})`,
    `insert into post_search(rowid, title, excerpt, names, body) select id, title, excerpt, names, body from post_search_source where id in (${ids})`,
    `insert into post_search_unspaced(rowid, text) select id, text from post_search_source where id in (${ids}) and text glob '*${UNSPACED}*'`,
  ]
    .map((statement) => `${statement};`)
    .join('\n');
}

async function dropSqliteTriggers(db: Kysely<any>): Promise<void> {
  const { rows } = await sql<{ name: string }>`select name from sqlite_master where type = 'trigger' and name like 'post_search_%'`.execute(db);
  for (const { name } of rows) await sql.raw(`drop trigger ${name}`).execute(db);
}

async function upSqlite(db: Kysely<any>): Promise<void> {
  await dropSqliteTriggers(db);
  await sql`create table post_search_pending (post_id integer primary key)`.execute(db);
  for (const [name, watch] of Object.entries({ ...SQLITE_0077, ...SQLITE_ADDED })) {
    const onlyIf = watch.onlyIf ? ` when ${watch.onlyIf}` : '';
    // Posts already pending are left out by the select itself: a statement's own conflict clause
    // (an upsert's ON CONFLICT) overrides a trigger's OR IGNORE, so a credit upserted for a work
    // with two reviews would otherwise fail on the second row with a unique violation.
    await sql.raw(`create trigger ${name} ${watch.when}${onlyIf} begin insert or ignore into post_search_pending(post_id) ${watch.posts} except select post_id from post_search_pending; end`).execute(db);
  }
  await sql.raw(`create trigger post_search_flush after delete on post_search_pending begin ${sqliteReindex('select old.post_id')} end`).execute(db);
}

async function downSqlite(db: Kysely<any>): Promise<void> {
  await sql`delete from post_search_pending`.execute(db);
  await dropSqliteTriggers(db);
  await sql`drop table post_search_pending`.execute(db);
  for (const [name, watch] of Object.entries(SQLITE_0077)) {
    await sql.raw(`create trigger ${name} ${watch.when} begin ${sqliteReindex(watch.posts)} end`).execute(db);
  }
}

// ---- PostgreSQL ----

const PG_POST_COLUMNS = [...SQLITE_POST_COLUMNS, 'published_at', 'format'];

/**
 * The deferred flush: its first firing in a transaction rewrites every pending post, a batch at a
 * time in order of id; the later firings find their post taken (one index lookup) and stop.
 */
const FLUSH_ALL = `create or replace function post_search_flush() returns trigger language plpgsql as $$
    declare
      ids integer[];
      last integer := -2147483648;
    begin
      if not exists (select 1 from post_search_pending where post_id = new.post_id) then
        return null;
      end if;
      loop
        with taken as (
          delete from post_search_pending
          where post_id in (select post_id from post_search_pending where post_id > last order by post_id limit ${BATCH})
          returning post_id
        ) select array_agg(post_id), max(post_id) into ids, last from taken;
        exit when ids is null;
        perform post_search_refresh(ids);
      end loop;
      return null;
    end $$`;

/** Migration 0017's flush: the one pending post the firing is for. */
const FLUSH_ONE = `create or replace function post_search_flush() returns trigger language plpgsql as $$
    begin
      delete from post_search_pending where post_id = new.post_id;
      perform post_search_refresh(array[new.post_id]);
      return null;
    end $$`;

/** The row triggers that now fire only when a searched value changes: name, table, columns, function. */
const PG_GUARDED: Array<[string, string, string[], string]> = [
  ['post_search_post_update', 'posts', PG_POST_COLUMNS, 'post_search_on_post'],
  ['post_search_tag_rename', 'tags', ['name'], 'post_search_on_tag'],
  ['post_search_author_rename', 'authors', ['name'], 'post_search_on_author'],
  ['post_search_work_rename', 'works', ['title'], 'post_search_on_work'],
  ['post_search_person_rename', 'people', ['name'], 'post_search_on_person'],
];

/** New trigger functions: a link row or a credit changed in place. */
const PG_FUNCTIONS: Record<string, string> = {
  post_search_on_link_move: 'perform post_search_mark(array[old.post_id, new.post_id]); return null;',
  post_search_on_credit_update: 'perform post_search_mark(array(select id from posts where work_id in (old.work_id, new.work_id))); return null;',
};

const PG_ADDED: Array<[string, string, string[], string]> = [
  ['post_search_tag_relink', 'post_tags', ['post_id', 'tag_id'], 'post_search_on_link_move'],
  ['post_search_author_relink', 'post_authors', ['post_id', 'author_id'], 'post_search_on_link_move'],
  ['post_search_credit_update', 'work_credits', ['work_id', 'person_id', 'character'], 'post_search_on_credit_update'],
];

async function pgTrigger(db: Kysely<any>, [name, table, columns, fn]: [string, string, string[], string], guarded: boolean): Promise<void> {
  const onlyIf = guarded ? ` when (${changed(columns, 'is distinct from')})` : '';
  await sql.raw(`create trigger ${name} after update of ${columns.join(', ')} on ${table} for each row${onlyIf} execute function ${fn}()`).execute(db);
}

async function upPostgres(db: Kysely<any>): Promise<void> {
  await sql.raw(FLUSH_ALL).execute(db);
  for (const trigger of PG_GUARDED) {
    await sql.raw(`drop trigger ${trigger[0]} on ${trigger[1]}`).execute(db);
    await pgTrigger(db, trigger, true);
  }
  for (const [name, body] of Object.entries(PG_FUNCTIONS)) {
    await sql.raw(`create function ${name}() returns trigger language plpgsql as $$ begin ${body} end $$`).execute(db);
  }
  for (const trigger of PG_ADDED) await pgTrigger(db, trigger, true);
}

async function downPostgres(db: Kysely<any>): Promise<void> {
  for (const [name, table] of PG_ADDED) await sql.raw(`drop trigger ${name} on ${table}`).execute(db);
  for (const name of Object.keys(PG_FUNCTIONS)) await sql.raw(`drop function ${name}()`).execute(db);
  for (const trigger of PG_GUARDED) {
    await sql.raw(`drop trigger ${trigger[0]} on ${trigger[1]}`).execute(db);
    await pgTrigger(db, trigger, false);
  }
  await sql.raw(FLUSH_ONE).execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  await (isPostgres(db) ? upPostgres(db) : upSqlite(db));
}

export async function down(db: Kysely<any>): Promise<void> {
  await (isPostgres(db) ? downPostgres(db) : downSqlite(db));
}
