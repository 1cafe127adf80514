import { sql, type Kysely } from 'kysely';
import { isPostgres } from './dialect.js';

// PostgreSQL only. Saving a post touches the post, then its tags and authors, and each of those
// triggers used to rebuild the post's index row at once: five tsvectors per save. Now the
// triggers only note the post as pending, and one deferred trigger rebuilds each pending post
// once, at commit, still inside the same transaction. SQLite has no deferred triggers; its FTS5
// rows are cheap enough to rebuild per statement.

/** The trigger functions of migration 0015, with the refresh replaced by a pending mark. */
const functions: Record<string, string> = {
  post_search_on_post: `perform post_search_mark(array[new.id]); return null;`,
  post_search_on_links_new: `perform post_search_mark(array(select distinct post_id from changed)); return null;`,
  post_search_on_credits_new: `perform post_search_mark(array(select id from posts where work_id in (select work_id from changed))); return null;`,
  post_search_on_tag: `perform post_search_mark(array(select post_id from post_tags where tag_id = new.id)); return null;`,
  post_search_on_author: `perform post_search_mark(array(select post_id from post_authors where author_id = new.id)); return null;`,
  post_search_on_work: `perform post_search_mark(array(select id from posts where work_id = new.id)); return null;`,
  post_search_on_person: `perform post_search_mark(array(select p.id from posts p join work_credits c on c.work_id = p.work_id where c.person_id = new.id)); return null;`,
};

export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`create table post_search_pending (post_id integer primary key)`.execute(db);
  await sql
    .raw(
      `create function post_search_mark(ids integer[]) returns void language plpgsql as $$
      begin
        insert into post_search_pending(post_id) select distinct unnest(ids) on conflict do nothing;
      end $$`,
    )
    .execute(db);
  await sql
    .raw(
      `create function post_search_flush() returns trigger language plpgsql as $$
      begin
        delete from post_search_pending where post_id = new.post_id;
        perform post_search_refresh(array[new.post_id]);
        return null;
      end $$`,
    )
    .execute(db);
  await sql
    .raw(
      `create constraint trigger post_search_pending_flush after insert on post_search_pending
       deferrable initially deferred for each row execute function post_search_flush()`,
    )
    .execute(db);
  for (const [name, body] of Object.entries(functions)) {
    await sql.raw(`create or replace function ${name}() returns trigger language plpgsql as $$ begin ${body} end $$`).execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  for (const [name, body] of Object.entries(functions)) {
    const immediate = body.replace('post_search_mark', 'post_search_refresh');
    await sql.raw(`create or replace function ${name}() returns trigger language plpgsql as $$ begin ${immediate} end $$`).execute(db);
  }
  await sql`drop table post_search_pending`.execute(db);
  await sql`drop function post_search_flush()`.execute(db);
  await sql`drop function post_search_mark(integer[])`.execute(db);
}
