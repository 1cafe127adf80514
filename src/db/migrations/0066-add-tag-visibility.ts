import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Internal tags (Ghost's `#name`) organise pieces for staff and are never shown to readers.
  // Tags made before this column existed were all public.
  await db.schema
    .alterTable('tags')
    .addColumn('visibility', 'text', (c) => c.notNull().defaultTo('public').check(sql`visibility in ('public', 'internal')`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('tags').dropColumn('visibility').execute();
}
