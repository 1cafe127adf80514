import { sql, type Kysely } from 'kysely';
import { idColumn, idColumnType } from './dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  // A reader following a section (tag), an author, a person or a work.
  //
  // A reader is a member or a newsletter subscriber (separate records), so a follow names one
  // of them in member_id or subscriber_id and the target in exactly one of tag_id, author_id,
  // person_id or work_id. Every reference cascades: when a reader is erased or a target is
  // deleted, its follows go with it, whichever code path deletes it. `reader` ('member:7',
  // 'subscriber:12') and `target` ('tag:3') say the same in one text each, so that one unique
  // index keeps a reader from following a target twice on both databases (NULLs never clash).
  //
  // A follow made by email waits for its confirmation link: confirmed_at is null until then, and
  // confirm_nonce makes the link work once.
  await db.schema
    .createTable('follows')
    .addColumn('id', idColumnType(db), idColumn(db))
    .addColumn('reader', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('member_id', 'integer', (c) => c.references('members.id').onDelete('cascade'))
    .addColumn('subscriber_id', 'integer', (c) => c.references('subscribers.id').onDelete('cascade'))
    .addColumn('tag_id', 'integer', (c) => c.references('tags.id').onDelete('cascade'))
    .addColumn('author_id', 'integer', (c) => c.references('authors.id').onDelete('cascade'))
    .addColumn('person_id', 'integer', (c) => c.references('people.id').onDelete('cascade'))
    .addColumn('work_id', 'integer', (c) => c.references('works.id').onDelete('cascade'))
    .addColumn('confirmed_at', 'text')
    .addColumn('confirm_nonce', 'text')
    .addColumn('confirm_sent_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('follows_one_reader', sql`(member_id is null) <> (subscriber_id is null)`)
    .execute();
  await db.schema.createIndex('follows_reader_target').on('follows').columns(['reader', 'target']).unique().execute();
  for (const column of ['member_id', 'subscriber_id', 'tag_id', 'author_id', 'person_id', 'work_id']) {
    await db.schema.createIndex(`follows_${column}`).on('follows').column(column).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('follows').execute();
}
