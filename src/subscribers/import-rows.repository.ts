import { sql } from 'kysely';
import { onPostgres, type DbOrTx, type Tx } from '../db/client.js';

/** A row of a subscriber CSV being imported, as it is held between reading and writing. */
export interface ImportRow {
  line: number;
  email: string;
  name: string;
}

/** Removes rows of imports that stopped (the process ended mid-import) before the given time. */
export async function dropStaleImportRows(db: DbOrTx, before: string): Promise<void> {
  await db.deleteFrom('subscriber_import_rows').where('created_at', '<', before).execute();
}

export async function dropImportRows(db: DbOrTx, key: string): Promise<void> {
  await db.deleteFrom('subscriber_import_rows').where('import_key', '=', key).execute();
}

/**
 * Holds a batch of rows for the import; an address the import already holds keeps its first
 * line. Returns, for each address of the batch, the line that holds it (in line order, a batch's
 * own repeat finds the batch's first line).
 */
export async function holdImportRows(db: DbOrTx, key: string, rows: ImportRow[], now: string): Promise<Map<string, number>> {
  if (rows.length === 0) return new Map();
  await db
    .insertInto('subscriber_import_rows')
    .values(rows.map((r) => ({ import_key: key, email: r.email, line: r.line, name: r.name, kept: 1, created_at: now })))
    .onConflict((oc) => oc.columns(['import_key', 'email']).doNothing())
    .execute();
  const held = await db
    .selectFrom('subscriber_import_rows')
    .select(['email', 'line'])
    .where('import_key', '=', key)
    .where('email', 'in', [...new Set(rows.map((r) => r.email))])
    .execute();
  return new Map(held.map((h) => [h.email, h.line]));
}

/** Marks held addresses that must not be imported (they stay held, so their repeats are still found). */
export async function leaveOutImportRows(db: DbOrTx, key: string, emails: string[]): Promise<void> {
  if (emails.length === 0) return;
  await db.updateTable('subscriber_import_rows').set({ kept: 0 }).where('import_key', '=', key).where('email', 'in', emails).execute();
}

/** The import's rows to write, in line order after the given line. */
export async function keptImportRowsAfter(db: DbOrTx, key: string, afterLine: number, limit: number): Promise<ImportRow[]> {
  return db.selectFrom('subscriber_import_rows').select(['line', 'email', 'name']).where('import_key', '=', key).where('line', '>', afterLine).where('kept', '=', 1).orderBy('line').limit(limit).execute();
}

/**
 * On PostgreSQL, makes the transaction look addresses up in their unique index. Otherwise the
 * planner may answer `email in (...)` from the trigram search index, whose entries added by this
 * same transaction wait in a pending list that every lookup reads again: an import would slow
 * down with each batch it wrote.
 */
export async function lookUpAddressesByUniqueIndex(tx: Tx): Promise<void> {
  if (onPostgres(tx)) await sql`set local enable_bitmapscan = off`.execute(tx);
}

/**
 * Adds the batch's new addresses as confirmed subscribers and confirms the others, then puts all
 * on the newsletters. An address another import or a signup adds at the same moment is found
 * there, not added twice. Returns how many were added.
 */
export async function writeImportBatch(db: DbOrTx, rows: ImportRow[], newsletterIds: number[], source: string, now: string): Promise<number> {
  if (rows.length === 0) return 0;
  const emails = rows.map((r) => r.email);
  const added = await db
    .insertInto('subscribers')
    .values(rows.map((r) => ({ email: r.email, name: r.name, status: 'confirmed', source, confirm_nonce: null, confirmed_at: now, created_at: now, updated_at: now })))
    .onConflict((oc) => oc.column('email').doNothing())
    .returning('id')
    .execute();
  await db
    .updateTable('subscribers')
    .set({ status: 'confirmed', confirmed_at: now, unsubscribed_at: null, confirm_nonce: null, updated_at: now })
    .where('email', 'in', emails)
    .where('status', '!=', 'confirmed')
    .execute();
  if (newsletterIds.length > 0) {
    const ids = await db.selectFrom('subscribers').select('id').where('email', 'in', emails).execute();
    await db
      .insertInto('subscriber_newsletters')
      .values(ids.flatMap(({ id }) => newsletterIds.map((newsletterId) => ({ subscriber_id: id, newsletter_id: newsletterId, created_at: now, unsubscribed_at: null }))))
      .onConflict((oc) => oc.columns(['subscriber_id', 'newsletter_id']).doUpdateSet({ unsubscribed_at: null }))
      .execute();
  }
  return added.length;
}
