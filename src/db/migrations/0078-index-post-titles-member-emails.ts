import { sql, type Kysely } from 'kysely';
import { isPostgres } from './dialect.js';

// The admin post list's title search (`lower(title) like '%words%'`) on a large site. PostgreSQL
// answers it from a trigram index of the lower-cased title, where pg_trgm is installed (migration
// 0074 installs it when it can); without it the search reads the list's index in order as before.
// SQLite already checks titles inside the list's indexes (0074), which carry the title, so it
// needs nothing here.

export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  const { rows } = await sql<{ ok: boolean }>`select exists (select 1 from pg_extension where extname = 'pg_trgm') as ok`.execute(db);
  if (!rows[0]?.ok) return;
  await sql`create index posts_title_trigrams on posts using gin (lower(title) gin_trgm_ops)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) await db.schema.dropIndex('posts_title_trigrams').ifExists().execute();
}
