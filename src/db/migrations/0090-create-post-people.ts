import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // People a piece names other than through the work it reviews: the subject of an interview, say.
  // They are the same people records that works credit, so one person page lists both; `role`
  // says how the piece names them, `position` keeps the editor's order.
  await db.schema
    .createTable('post_people')
    .addColumn('post_id', 'integer', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('interviewee')`))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('post_people_pk', ['post_id', 'position'])
    .addUniqueConstraint('post_people_once', ['post_id', 'person_id', 'role'])
    .execute();
  await db.schema.createIndex('post_people_person').on('post_people').column('person_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('post_people').execute();
}
