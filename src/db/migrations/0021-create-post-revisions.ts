import type { Kysely } from 'kysely';
import { idColumn, idColumnType } from './dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('post_revisions')
    .addColumn('id', idColumnType(db), idColumn(db))
    .addColumn('post_id', 'integer', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('post_revisions_post').on('post_revisions').columns(['post_id', 'id']).execute();

  await db.schema
    .createTable('trashed_posts')
    .addColumn('post_id', 'integer', (c) => c.primaryKey().references('posts.id').onDelete('cascade'))
    .addColumn('previous_status', 'text', (c) => c.notNull())
    .addColumn('previous_published_at', 'text')
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('deleted_at', 'text', (c) => c.notNull())
    .addColumn('purge_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('trashed_posts').execute();
  await db.schema.dropTable('post_revisions').execute();
}
