import type { Kysely } from 'kysely';
import { idColumn, idColumnType } from './dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  // Imports from another platform started in the admin: the uploaded file, its dry-run report,
  // then the real run's progress and report. `active` is 1 while an import is queued or running
  // and null otherwise: its unique index lets only one run at a time, whichever process asks.
  await db.schema
    .createTable('import_runs')
    .addColumn('id', idColumnType(db), idColumn(db))
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_size', 'bigint', (c) => c.notNull())
    .addColumn('file_path', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.unique())
    .addColumn('preview', 'text')
    .addColumn('report', 'text')
    .addColumn('error', 'text')
    .addColumn('step', 'text')
    .addColumn('done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('import_runs').execute();
}
