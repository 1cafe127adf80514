import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Addresses of a site that moved in (permalinks, ?p=ID, archives) and what now stands there:
  // a post, a tag, an author or a fixed path. Rows go with their target when it is deleted.
  await db.schema
    .createTable('old_addresses')
    .addColumn('address', 'text', (c) => c.primaryKey())
    .addColumn('post_id', 'integer', (c) => c.references('posts.id').onDelete('cascade'))
    .addColumn('tag_id', 'integer', (c) => c.references('tags.id').onDelete('cascade'))
    .addColumn('author_id', 'integer', (c) => c.references('authors.id').onDelete('cascade'))
    .addColumn('location', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  for (const column of ['post_id', 'tag_id', 'author_id']) {
    await db.schema.createIndex(`old_addresses_${column}`).on('old_addresses').column(column).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('old_addresses').execute();
}
