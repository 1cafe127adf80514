import { sql, type Kysely } from 'kysely';
import { isPostgres } from './dialect.js';

// Members' addresses by their lower-cased form, on both databases: a search for a whole address
// looks it up there. (Addresses from a site document keep the case they were written in.)
//
// The admin post list's title search (`lower(title) like '%words%'`) on a large site. PostgreSQL
// answers it from a trigram index of the lower-cased title, where pg_trgm is installed (migration
// 0074 installs it when it can); without it the search reads the list's index in order as before.
// SQLite already checks titles inside the list's indexes (0074), which carry the title, so it
// needs nothing here.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('members_email_lower').on('members').expression(sql`lower(email)`).execute();
  if (!isPostgres(db)) return;
  const { rows } = await sql<{ ok: boolean }>`select exists (select 1 from pg_extension where extname = 'pg_trgm') as ok`.execute(db);
  if (!rows[0]?.ok) return;
  await sql`create index posts_title_trigrams on posts using gin (lower(title) gin_trgm_ops)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) await db.schema.dropIndex('posts_title_trigrams').ifExists().execute();
  await db.schema.dropIndex('members_email_lower').execute();
}
