import type { Kysely } from 'kysely';

// Emails about comments: when a comment was first announced (so approving it again after hiding
// it sends nothing more), and who asked for no more of them.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('comments').addColumn('notified_at', 'text').execute();
  await db.schema
    .createTable('member_comment_email_optouts')
    .addColumn('member_id', 'integer', (c) => c.primaryKey().references('members.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('staff_comment_email_optouts')
    .addColumn('user_id', 'integer', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('staff_comment_email_optouts').execute();
  await db.schema.dropTable('member_comment_email_optouts').execute();
  await db.schema.alterTable('comments').dropColumn('notified_at').execute();
}
