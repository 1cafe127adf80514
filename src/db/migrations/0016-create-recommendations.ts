import { sql, type Kysely } from 'kysely';
import { isPostgres } from './dialect.js';

// "You may also like" lists are computed by a background job and stored here. Triggers mark a
// post as changed in the same transaction as the write (its text, status, date, tags, authors,
// reviewed work or the work's credits), so a crash between the write and the job loses nothing:
// the job works through the marks. A mark's version grows with each change, so the job only
// clears marks it has seen.

const watchedPostColumns = 'title, excerpt, plaintext, status, type, visibility, work_id, published_at, primary_tag_id';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('post_recommendations')
    .addColumn('post_id', 'integer', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    // No foreign key: when a related post is deleted, its mark tells the job which lists held it.
    .addColumn('related_id', 'integer', (c) => c.notNull())
    .addColumn('score', 'real', (c) => c.notNull())
    .addPrimaryKeyConstraint('post_recommendations_pk', ['post_id', 'position'])
    .execute();
  await db.schema.createIndex('post_recommendations_related').on('post_recommendations').column('related_id').execute();
  await db.schema
    .createTable('recommendation_marks')
    .addColumn('post_id', 'integer', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();

  if (isPostgres(db)) {
    await sql
      .raw(
        `create function recommendation_mark(ids integer[]) returns void language plpgsql as $$
        begin
          insert into recommendation_marks(post_id, version) select distinct unnest(ids), 1
            on conflict (post_id) do update set version = recommendation_marks.version + 1;
        end $$`,
      )
      .execute(db);
    const functions: Record<string, string> = {
      recommendation_mark_post: `perform recommendation_mark(array[coalesce(new.id, old.id)]); return null;`,
      recommendation_mark_links: `perform recommendation_mark(array(select distinct post_id from changed)); return null;`,
      recommendation_mark_credits: `perform recommendation_mark(array(select id from posts where work_id in (select work_id from changed))); return null;`,
    };
    for (const [name, body] of Object.entries(functions)) {
      await sql.raw(`create function ${name}() returns trigger language plpgsql as $$ begin ${body} end $$`).execute(db);
    }
    const triggers: Array<[string, string, string]> = [
      ['recommendation_mark_post_insert', 'after insert on posts for each row', 'recommendation_mark_post'],
      ['recommendation_mark_post_update', `after update of ${watchedPostColumns} on posts for each row`, 'recommendation_mark_post'],
      ['recommendation_mark_post_delete', 'after delete on posts for each row', 'recommendation_mark_post'],
      ['recommendation_mark_tag_link', 'after insert on post_tags referencing new table as changed for each statement', 'recommendation_mark_links'],
      ['recommendation_mark_tag_unlink', 'after delete on post_tags referencing old table as changed for each statement', 'recommendation_mark_links'],
      ['recommendation_mark_author_link', 'after insert on post_authors referencing new table as changed for each statement', 'recommendation_mark_links'],
      ['recommendation_mark_author_unlink', 'after delete on post_authors referencing old table as changed for each statement', 'recommendation_mark_links'],
      ['recommendation_mark_credit_insert', 'after insert on work_credits referencing new table as changed for each statement', 'recommendation_mark_credits'],
      ['recommendation_mark_credit_delete', 'after delete on work_credits referencing old table as changed for each statement', 'recommendation_mark_credits'],
    ];
    for (const [name, when, fn] of triggers) await sql.raw(`create trigger ${name} ${when} execute function ${fn}()`).execute(db);
  } else {
    const mark = (id: string) =>
      `insert into recommendation_marks(post_id, version) values (${id}, 1)
         on conflict (post_id) do update set version = version + 1;`;
    const markWork = (workId: string) =>
      `insert into recommendation_marks(post_id, version) select id, 1 from posts where work_id = ${workId} and true
         on conflict (post_id) do update set version = version + 1;`;
    const triggers: Record<string, string> = {
      recommendation_mark_post_insert: `after insert on posts begin ${mark('new.id')} end`,
      recommendation_mark_post_update: `after update of ${watchedPostColumns} on posts begin ${mark('new.id')} end`,
      recommendation_mark_post_delete: `after delete on posts begin ${mark('old.id')} end`,
      recommendation_mark_tag_link: `after insert on post_tags begin ${mark('new.post_id')} end`,
      recommendation_mark_tag_unlink: `after delete on post_tags begin ${mark('old.post_id')} end`,
      recommendation_mark_author_link: `after insert on post_authors begin ${mark('new.post_id')} end`,
      recommendation_mark_author_unlink: `after delete on post_authors begin ${mark('old.post_id')} end`,
      recommendation_mark_credit_insert: `after insert on work_credits begin ${markWork('new.work_id')} end`,
      recommendation_mark_credit_delete: `after delete on work_credits begin ${markWork('old.work_id')} end`,
    };
    for (const [name, body] of Object.entries(triggers)) await sql.raw(`create trigger ${name} ${body}`).execute(db);
  }
  // Posts that exist already get their lists on the first run of the job.
  await sql`insert into recommendation_marks(post_id, version) select id, 1 from posts`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    for (const fn of ['recommendation_mark_post', 'recommendation_mark_links', 'recommendation_mark_credits']) {
      await sql.raw(`drop function ${fn}() cascade`).execute(db);
    }
    await sql`drop function recommendation_mark(integer[])`.execute(db);
  } else {
    const rows = await sql<{ name: string }>`select name from sqlite_master where type = 'trigger' and name like 'recommendation_mark_%'`.execute(db);
    for (const { name } of rows.rows) await sql.raw(`drop trigger ${name}`).execute(db);
  }
  await db.schema.dropTable('recommendation_marks').execute();
  await db.schema.dropTable('post_recommendations').execute();
}
