import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // One random salt per day, shared by every process, deleted when the day is over.
  await db.schema
    .createTable('view_salts')
    .addColumn('day', 'text', (c) => c.primaryKey())
    .addColumn('salt', 'text', (c) => c.notNull())
    .execute();
  // Today's readers as salted hashes, so a reader counts once a day whichever process serves
  // them (or after a restart). Deleted with the day's salt, after which nothing links them to anyone.
  await db.schema
    .createTable('view_readers')
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('reader', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('view_readers_pk', ['day', 'reader'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('view_readers').execute();
  await db.schema.dropTable('view_salts').execute();
}
