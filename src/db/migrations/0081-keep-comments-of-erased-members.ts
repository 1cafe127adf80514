import { sql, type Kysely } from 'kysely';
import { isPostgres } from './dialect.js';

// A member's erasure keeps their published comments, detached from them (member_id null), so that
// other readers' replies to those comments survive: comments.member_id becomes ON DELETE SET NULL.
// SQLite cannot change a foreign key in place, so the table is rebuilt there.
export async function up(db: Kysely<any>): Promise<void> {
  await memberReference(db, 'set null');
}

export async function down(db: Kysely<any>): Promise<void> {
  await memberReference(db, 'cascade');
}

async function memberReference(db: Kysely<any>, onDelete: 'set null' | 'cascade'): Promise<void> {
  if (isPostgres(db)) {
    await sql`alter table comments drop constraint comments_member_id_fkey`.execute(db);
    await sql`alter table comments add constraint comments_member_id_fkey foreign key (member_id) references members (id) on delete ${sql.raw(onDelete)}`.execute(db);
    return;
  }
  // The new table names itself in parent_id, so dropping the old one cascades into nothing of
  // the new; renaming it afterwards rewrites that reference to "comments".
  await db.schema
    .createTable('comments_rebuilt')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('post_id', 'integer', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('parent_id', 'integer', (c) => c.references('comments_rebuilt.id').onDelete('cascade'))
    .addColumn('member_id', 'integer', (c) => c.references('members.id').onDelete(onDelete))
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'approved', 'hidden')`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('notified_at', 'text')
    .execute();
  const columns = sql.raw('id, post_id, parent_id, member_id, author_name, body, status, created_at, updated_at, notified_at');
  await sql`insert into comments_rebuilt (${columns}) select ${columns} from comments order by id`.execute(db);
  await db.schema.dropTable('comments').execute();
  await db.schema.alterTable('comments_rebuilt').renameTo('comments').execute();
  await db.schema.createIndex('comments_post_status').on('comments').columns(['post_id', 'status', 'created_at']).execute();
  await db.schema.createIndex('comments_status_created').on('comments').columns(['status', 'created_at']).execute();
  await db.schema.createIndex('comments_member').on('comments').columns(['member_id', 'created_at']).execute();
  await db.schema.createIndex('comments_parent').on('comments').column('parent_id').execute();
}
