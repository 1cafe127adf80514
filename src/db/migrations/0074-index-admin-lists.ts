import { sql, type Kysely } from 'kysely';
import { isPostgres } from './dialect.js';

// The admin lists of a large site (100,000 posts, 1,000,000 subscribers, 100,000 members; see
// `npm run bench:large`):
//  - posts are listed newest change first, optionally by status: both orders get an index, so a
//    page reads its ids in order instead of sorting every post;
//  - subscribers and members are searched for any part of an address or name. PostgreSQL answers
//    that from trigram indexes (pg_trgm, shipped with PostgreSQL; skipped where it cannot be
//    installed, and the search then reads every row as before). SQLite keeps a trigram FTS5 index
//    of the two columns, kept in step by triggers; the repositories narrow a search of three or
//    more characters to its matches before the exact LIKE.

const trigramTables = [
  { table: 'subscribers', index: 'subscriber_trigrams' },
  { table: 'members', index: 'member_trigrams' },
] as const;

async function canUseTrigrams(db: Kysely<any>): Promise<boolean> {
  const { rows } = await sql<{ ok: boolean }>`
    select exists (select 1 from pg_extension where extname = 'pg_trgm')
        or (exists (select 1 from pg_available_extensions where name = 'pg_trgm') and has_database_privilege(current_database(), 'CREATE')) as ok`.execute(db);
  return Boolean(rows[0]?.ok);
}

export async function up(db: Kysely<any>): Promise<void> {
  // On SQLite the indexes carry the title too, so a title search checks each post in the index
  // instead of reading its row (long, with the body and HTML) in list order. PostgreSQL keeps
  // long values out of the row and its btree entries have a size limit, so it leaves the title out.
  const title = isPostgres(db) ? [] : ['title'];
  await db.schema
    .createIndex('posts_admin_list')
    .on('posts')
    .columns(['type', 'updated_at', 'id', ...title])
    .execute();
  await db.schema
    .createIndex('posts_admin_status_list')
    .on('posts')
    .columns(['type', 'status', 'updated_at', 'id', ...title])
    .execute();
  if (isPostgres(db)) {
    if (!(await canUseTrigrams(db))) return;
    await sql`create extension if not exists pg_trgm`.execute(db);
    await sql`create index subscribers_email_trigrams on subscribers using gin (email gin_trgm_ops)`.execute(db);
    await sql`create index subscribers_name_trigrams on subscribers using gin (lower(name) gin_trgm_ops)`.execute(db);
    await sql`create index members_email_trigrams on members using gin (lower(email) gin_trgm_ops)`.execute(db);
    await sql`create index members_name_trigrams on members using gin (lower(name) gin_trgm_ops)`.execute(db);
    return;
  }
  for (const { table, index } of trigramTables) {
    await sql.raw(`create virtual table ${index} using fts5(email, name, content='${table}', content_rowid='id', tokenize='trigram')`).execute(db);
    await sql.raw(`insert into ${index}(${index}) values ('rebuild')`).execute(db);
    await sql
      .raw(`create trigger ${index}_insert after insert on ${table} begin
        insert into ${index}(rowid, email, name) values (new.id, new.email, new.name);
      end`)
      .execute(db);
    await sql
      .raw(`create trigger ${index}_delete after delete on ${table} begin
        insert into ${index}(${index}, rowid, email, name) values ('delete', old.id, old.email, old.name);
      end`)
      .execute(db);
    await sql
      .raw(`create trigger ${index}_update after update of email, name on ${table} begin
        insert into ${index}(${index}, rowid, email, name) values ('delete', old.id, old.email, old.name);
        insert into ${index}(rowid, email, name) values (new.id, new.email, new.name);
      end`)
      .execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('posts_admin_status_list').execute();
  await db.schema.dropIndex('posts_admin_list').execute();
  if (isPostgres(db)) {
    for (const index of ['subscribers_email_trigrams', 'subscribers_name_trigrams', 'members_email_trigrams', 'members_name_trigrams']) {
      await db.schema.dropIndex(index).ifExists().execute();
    }
    return;
  }
  for (const { index } of trigramTables) {
    for (const trigger of ['insert', 'delete', 'update']) await sql.raw(`drop trigger ${index}_${trigger}`).execute(db);
    await sql.raw(`drop table ${index}`).execute(db);
  }
}
