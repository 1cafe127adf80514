import type { Kysely } from 'kysely';
import { idColumn, idColumnType } from './dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  // Browsers that signed in to an account: their password sign-ins pass the account-wide throttle.
  // Like sessions, only a hash of the cookie's token is kept.
  await db.schema
    .createTable('staff_known_browsers')
    .addColumn('id', idColumnType(db), idColumn(db))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('staff_known_browsers_user').on('staff_known_browsers').column('user_id').execute();
  await db.schema.createIndex('staff_known_browsers_expiry').on('staff_known_browsers').column('expires_at').execute();
  // Sign-in throttling now removes counts whose window has passed.
  await db.schema.createIndex('sign_in_failures_window').on('sign_in_failures').column('window_started_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('sign_in_failures_window').execute();
  await db.schema.dropTable('staff_known_browsers').execute();
}
