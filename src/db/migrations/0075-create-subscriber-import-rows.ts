import type { Kysely } from 'kysely';

// A subscriber CSV import reads its file a batch at a time into these rows: each address once per
// import (the first line that names it), so repeats are found without holding the file in
// memory; the rows are then applied to the subscribers in one transaction and removed. Rows left
// behind by a process that stopped mid-import are removed by a later import once a day old.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('subscriber_import_rows')
    .addColumn('import_key', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('line', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    // 0 when the address may not be imported (on the suppression list): kept to recognise repeats.
    .addColumn('kept', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('subscriber_import_rows_pk', ['import_key', 'email'])
    .execute();
  await db.schema.createIndex('subscriber_import_rows_line').on('subscriber_import_rows').columns(['import_key', 'line']).execute();
  await db.schema.createIndex('subscriber_import_rows_created').on('subscriber_import_rows').column('created_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('subscriber_import_rows').execute();
}
