import { sql, type Kysely } from 'kysely';
import { idColumn, idColumnType } from './dialect.js';

// Readers' comments on pieces, who may comment where, and members stopped from commenting.
export async function up(db: Kysely<any>): Promise<void> {
  // A comment by a member, or (member_id null) one brought in by an import under its author's name.
  // Replies are one level deep: parent_id always names a top-level comment of the same piece.
  await db.schema
    .createTable('comments')
    .addColumn('id', idColumnType(db), idColumn(db))
    .addColumn('post_id', 'integer', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('parent_id', 'integer', (c) => c.references('comments.id').onDelete('cascade'))
    .addColumn('member_id', 'integer', (c) => c.references('members.id').onDelete('cascade'))
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'approved', 'hidden')`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('comments_post_status').on('comments').columns(['post_id', 'status', 'created_at']).execute();
  await db.schema.createIndex('comments_status_created').on('comments').columns(['status', 'created_at']).execute();
  await db.schema.createIndex('comments_member').on('comments').columns(['member_id', 'created_at']).execute();
  await db.schema.createIndex('comments_parent').on('comments').column('parent_id').execute();

  // A piece's own rule for who may comment; pieces without a row follow the site's.
  await db.schema
    .createTable('comment_post_access')
    .addColumn('post_id', 'integer', (c) => c.primaryKey().references('posts.id').onDelete('cascade'))
    .addColumn('access', 'text', (c) => c.notNull().check(sql`access in ('off', 'members', 'paid')`))
    .execute();

  await db.schema
    .createTable('comment_bans')
    .addColumn('member_id', 'integer', (c) => c.primaryKey().references('members.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('comment_bans').execute();
  await db.schema.dropTable('comment_post_access').execute();
  await db.schema.dropTable('comments').execute();
}
