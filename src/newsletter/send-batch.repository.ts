import { sql, type Selectable } from 'kysely';
import type { DbOrTx } from '../db/client.js';
import type { NewsletterSendBatchesTable } from '../db/tables.js';

export type SendBatch = Selectable<NewsletterSendBatchesTable>;

/** Splits the send's delivery rows, in id order, into batches of `size` rows (one statement). */
export async function createBatches(db: DbOrTx, sendId: number, size: number): Promise<void> {
  await sql`
    insert into newsletter_send_batches (send_id, first_id, last_id, state, attempts)
    select ${sql.lit(sendId)}, min(id), max(id), 'pending', 0
    from (select id, (row_number() over (order by id) - 1) / ${sql.lit(size)} as part from newsletter_deliveries where send_id = ${sendId}) numbered
    group by part`.execute(db);
}

/**
 * Takes the send's first batch that is due and free: nobody holds it, its holder's lease ran out,
 * or its holder is known dead. On PostgreSQL, SKIP LOCKED lets processes claim side by side
 * without waiting on each other; SQLite serialises writers, so the statement is atomic there.
 */
export async function claimBatch(db: DbOrTx, sendId: number, claim: { owner: string; until: string; now: string; deadOwners: string[]; postgres: boolean }): Promise<SendBatch | undefined> {
  const free = db
    .selectFrom('newsletter_send_batches')
    .select('id')
    .where('send_id', '=', sendId)
    .where('state', '=', 'pending')
    .where((eb) => eb.or([eb('due_at', 'is', null), eb('due_at', '<=', claim.now)]))
    .where((eb) => eb.or([eb('owner', 'is', null), eb('owner_until', '<', claim.now), ...(claim.deadOwners.length > 0 ? [eb('owner', 'in', claim.deadOwners)] : [])]))
    .orderBy('id')
    .limit(1);
  return db
    .updateTable('newsletter_send_batches')
    .set((eb) => ({ owner: claim.owner, owner_until: claim.until, attempts: eb('attempts', '+', 1) }))
    .where('id', '=', claim.postgres ? free.forUpdate().skipLocked() : free)
    .returningAll()
    .executeTakeFirst();
}

/** Extends this owner's lease on the batch; false when another process has taken it over. */
export async function renewBatch(db: DbOrTx, id: number, owner: string, until: string): Promise<boolean> {
  const result = await db.updateTable('newsletter_send_batches').set({ owner_until: until }).where('id', '=', id).where('owner', '=', owner).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Ends this owner's run of the batch: done when none of its rows is pending or deferred; otherwise
 * free again, due at once if rows are pending (the run was stopped) or when its first deferred row is.
 */
export async function releaseBatch(db: DbOrTx, batch: SendBatch, owner: string): Promise<void> {
  const left = await db
    .selectFrom('newsletter_deliveries')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>(sql`case when state = 'pending' then 1 else 0 end`).as('pending'), eb.fn.min('next_attempt_at').as('next')])
    .where('send_id', '=', batch.send_id)
    .where('id', '>=', batch.first_id)
    .where('id', '<=', batch.last_id)
    .where('state', 'in', ['pending', 'deferred'])
    .executeTakeFirstOrThrow();
  const done = Number(left.n) === 0;
  await db
    .updateTable('newsletter_send_batches')
    .set({ owner: null, owner_until: null, attempts: 0, state: done ? 'done' : 'pending', due_at: done || Number(left.pending) > 0 ? null : left.next })
    .where('id', '=', batch.id)
    .where('owner', '=', owner)
    .execute();
}

/** Every process holding an unfinished batch of the send, with the latest end of its leases. */
export async function batchHolders(db: DbOrTx, sendId: number): Promise<Array<{ owner: string; until: string }>> {
  const rows = await db
    .selectFrom('newsletter_send_batches')
    .select(['owner', (eb) => eb.fn.max('owner_until').as('until')])
    .where('send_id', '=', sendId)
    .where('state', '=', 'pending')
    .where('owner', 'is not', null)
    .groupBy('owner')
    .execute();
  return rows.map((r) => ({ owner: r.owner!, until: r.until! }));
}

export async function unfinishedBatches(db: DbOrTx, sendId: number): Promise<number> {
  const row = await db
    .selectFrom('newsletter_send_batches')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('send_id', '=', sendId)
    .where('state', '=', 'pending')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Gives up the rows of a batch that stopped every process that took it: they are marked failed. */
export async function failBatchRows(db: DbOrTx, batch: SendBatch, error: string): Promise<void> {
  await db
    .updateTable('newsletter_deliveries')
    .set({ state: 'failed', next_attempt_at: null, last_error: error })
    .where('send_id', '=', batch.send_id)
    .where('id', '>=', batch.first_id)
    .where('id', '<=', batch.last_id)
    .where('state', 'in', ['pending', 'deferred'])
    .execute();
}
