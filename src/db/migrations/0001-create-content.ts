import type { Kysely } from 'kysely';
import { idColumn, idColumnType } from './dialect.js';

// Timestamps are ISO-8601 UTC text on both databases so they sort and compare the same way.
// Flags are 0/1 integers for the same reason.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('authors')
    .addColumn('id', idColumnType(db), idColumn(db))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('bio', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('photo_url', 'text')
    .addColumn('website', 'text')
    .addColumn('links', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('tags')
    .addColumn('id', idColumnType(db), idColumn(db))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('accent_color', 'text')
    .addColumn('is_section', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('nav_order', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('people')
    .addColumn('id', idColumnType(db), idColumn(db))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('works')
    .addColumn('id', idColumnType(db), idColumn(db))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('year', 'integer')
    .addColumn('organization', 'text')
    .addColumn('release_date', 'text')
    .addColumn('runtime_minutes', 'integer')
    .addColumn('availability', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('work_credits')
    .addColumn('work_id', 'integer', (c) => c.notNull().references('works.id').onDelete('cascade'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id').onDelete('restrict'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('character', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('work_credits_pk', ['work_id', 'position'])
    .execute();
  await db.schema.createIndex('work_credits_person').on('work_credits').columns(['person_id', 'work_id']).execute();

  await db.schema
    .createTable('posts')
    .addColumn('id', idColumnType(db), idColumn(db))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('excerpt', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body_format', 'text', (c) => c.notNull())
    .addColumn('body_source', 'text', (c) => c.notNull())
    .addColumn('html', 'text', (c) => c.notNull())
    .addColumn('plaintext', 'text', (c) => c.notNull())
    .addColumn('word_count', 'integer', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('visibility', 'text', (c) => c.notNull().defaultTo('public'))
    .addColumn('featured', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('primary_tag_id', 'integer', (c) => c.references('tags.id').onDelete('set null'))
    .addColumn('feature_image_url', 'text')
    .addColumn('feature_image_alt', 'text')
    .addColumn('feature_image_caption', 'text')
    .addColumn('feature_image_credit', 'text')
    .addColumn('seo_title', 'text')
    .addColumn('seo_description', 'text')
    .addColumn('canonical_url', 'text')
    .addColumn('content_notes', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('work_id', 'integer', (c) => c.references('works.id').onDelete('set null'))
    .addColumn('rating_value', 'real')
    .addColumn('rating_scale', 'integer')
    .addColumn('verdict', 'text')
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('published_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // The archives read newest first, optionally by format; (published_at, id) is the keyset.
  await db.schema.createIndex('posts_listing').on('posts').columns(['type', 'status', 'published_at desc', 'id desc']).execute();
  await db.schema.createIndex('posts_format_listing').on('posts').columns(['format', 'type', 'status', 'published_at desc', 'id desc']).execute();
  await db.schema.createIndex('posts_work').on('posts').column('work_id').execute();
  await db.schema.createIndex('posts_status_updated').on('posts').columns(['status', 'updated_at']).execute();

  // Link tables carry a copy of the post's listing key (listed = published post, and its date),
  // so that a section or author archive is one index range scan at any size.
  await db.schema
    .createTable('post_tags')
    .addColumn('post_id', 'integer', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('tag_id', 'integer', (c) => c.notNull().references('tags.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('listed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('published_at', 'text')
    .addPrimaryKeyConstraint('post_tags_pk', ['post_id', 'tag_id'])
    .execute();
  await db.schema.createIndex('post_tags_listing').on('post_tags').columns(['tag_id', 'listed', 'published_at desc', 'post_id desc']).execute();

  await db.schema
    .createTable('post_authors')
    .addColumn('post_id', 'integer', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('author_id', 'integer', (c) => c.notNull().references('authors.id').onDelete('restrict'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('listed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('published_at', 'text')
    .addPrimaryKeyConstraint('post_authors_pk', ['post_id', 'author_id'])
    .execute();
  await db.schema.createIndex('post_authors_listing').on('post_authors').columns(['author_id', 'listed', 'published_at desc', 'post_id desc']).execute();

  await db.schema
    .createTable('slug_redirects')
    .addColumn('old_slug', 'text', (c) => c.primaryKey())
    .addColumn('post_id', 'integer', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['slug_redirects', 'post_authors', 'post_tags', 'posts', 'work_credits', 'works', 'people', 'tags', 'authors', 'settings']) {
    await db.schema.dropTable(table).execute();
  }
}
