import type { DbOrTx } from '../db/client.js';
import type { DigestRow } from '../db/tables.js';

export async function insertDigest(db: DbOrTx, values: { newsletterId: number; slot: string; periodStart: string; subject: string; items: string }, now: string): Promise<void> {
  await db
    .insertInto('digests')
    .values({ newsletter_id: values.newsletterId, slot: values.slot, period_start: values.periodStart, subject: values.subject, items: values.items, intro: '', state: 'draft', created_at: now, updated_at: now })
    .onConflict((oc) => oc.columns(['newsletter_id', 'slot']).doNothing())
    .execute();
}

export async function findDigest(db: DbOrTx, by: { id: number } | { newsletterId: number; slot: string }): Promise<DigestRow | undefined> {
  const query = db.selectFrom('digests').selectAll();
  return ('id' in by ? query.where('id', '=', by.id) : query.where('newsletter_id', '=', by.newsletterId).where('slot', '=', by.slot)).executeTakeFirst();
}

export async function latestDigests(db: DbOrTx, limit: number): Promise<DigestRow[]> {
  return db.selectFrom('digests').selectAll().orderBy('slot', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

export async function updateDigest(db: DbOrTx, id: number, changes: Partial<Pick<DigestRow, 'subject' | 'intro' | 'items' | 'state' | 'scheduled_at' | 'send_id'>>, now: string): Promise<void> {
  await db
    .updateTable('digests')
    .set({ ...changes, updated_at: now })
    .where('id', '=', id)
    .execute();
}
