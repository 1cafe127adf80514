import { sql } from 'kysely';
import type { DbOrTx } from '../db/client.js';
import type { NewsletterSendRow } from '../db/tables.js';
import type { DeliveryState } from './send.types.js';

export async function insertSend(db: DbOrTx, values: { newsletterId: number; kind: string; postId: number | null; digestId: number | null; subject: string; content: string }, now: string): Promise<number> {
  const row = await db
    .insertInto('newsletter_sends')
    .values({
      newsletter_id: values.newsletterId,
      kind: values.kind,
      post_id: values.postId,
      digest_id: values.digestId,
      subject: values.subject,
      content: values.content,
      state: 'sending',
      total: 0,
      started_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** One pending delivery row for every confirmed subscriber of the newsletter, in one statement. */
export async function addRecipients(db: DbOrTx, sendId: number, newsletterId: number): Promise<number> {
  await db
    .insertInto('newsletter_deliveries')
    .columns(['send_id', 'subscriber_id', 'email', 'state', 'attempts'])
    .expression(
      db
        .selectFrom('subscribers as s')
        .innerJoin('subscriber_newsletters as sn', 'sn.subscriber_id', 's.id')
        .select([sql.lit(sendId).as('send_id'), 's.id', 's.email', sql.lit('pending').as('state'), sql.lit(0).as('attempts')])
        .where('sn.newsletter_id', '=', newsletterId)
        .where('sn.unsubscribed_at', 'is', null)
        .where('s.status', '=', 'confirmed')
        .orderBy('s.id'),
    )
    .execute();
  const count = await db
    .selectFrom('newsletter_deliveries')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('send_id', '=', sendId)
    .executeTakeFirstOrThrow();
  await db
    .updateTable('newsletter_sends')
    .set({ total: Number(count.n) })
    .where('id', '=', sendId)
    .execute();
  return Number(count.n);
}

export async function findSend(db: DbOrTx, id: number): Promise<NewsletterSendRow | undefined> {
  return db.selectFrom('newsletter_sends').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findSendOf(db: DbOrTx, by: { postId: number; newsletterId: number } | { digestId: number }): Promise<NewsletterSendRow | undefined> {
  const query = db.selectFrom('newsletter_sends').selectAll();
  return ('digestId' in by ? query.where('digest_id', '=', by.digestId) : query.where('post_id', '=', by.postId).where('newsletter_id', '=', by.newsletterId)).executeTakeFirst();
}

export async function listSends(db: DbOrTx, limit: number): Promise<NewsletterSendRow[]> {
  return db.selectFrom('newsletter_sends').selectAll().orderBy('id', 'desc').limit(limit).execute();
}

/** Marks the send done once no batch is left; a second caller finds it done already. */
export async function finishSend(db: DbOrTx, id: number, finishedAt: string): Promise<void> {
  await db.updateTable('newsletter_sends').set({ state: 'done', finished_at: finishedAt }).where('id', '=', id).where('state', '=', 'sending').execute();
}

export interface DueDelivery {
  id: number;
  subscriber_id: number | null;
  email: string;
  attempts: number;
  /** Still subscribed: the subscriber is confirmed and has not left this newsletter. */
  active: number;
  /**
   * The subscriber was erased after the row was made: an erasure committing while the send chose
   * its recipients from what it saw before, so the erasure found no row of this send to forget.
   */
  erased: number;
}

/**
 * The next deliveries due in a batch (ids up to `lastId`), in id order after `afterId`, with
 * whether each recipient still wants the email. Pending and due deferred rows are read apart,
 * each in the order of the queue index, and merged: asking for both at once made the database
 * collect and sort every remaining row of the send for each read, which grew with the list.
 */
export async function dueDeliveries(db: DbOrTx, send: { id: number; newsletterId: number }, range: { afterId: number; lastId: number }, now: string, limit: number): Promise<DueDelivery[]> {
  const due = (state: 'pending' | 'deferred') => {
    const query = db
      .selectFrom('newsletter_deliveries as d')
      .leftJoin('subscribers as s', 's.id', 'd.subscriber_id')
      .leftJoin('subscriber_newsletters as sn', (join) => join.onRef('sn.subscriber_id', '=', 'd.subscriber_id').on('sn.newsletter_id', '=', send.newsletterId))
      .select([
        'd.id',
        'd.subscriber_id',
        'd.email',
        'd.attempts',
        sql<number>`case when s.status = 'confirmed' and sn.subscriber_id is not null and sn.unsubscribed_at is null then 1 else 0 end`.as('active'),
        sql<number>`case when s.id is null and d.subscriber_id is not null then 1 else 0 end`.as('erased'),
      ])
      .where('d.send_id', '=', send.id)
      .where('d.state', '=', state)
      .where('d.id', '>', range.afterId)
      .where('d.id', '<=', range.lastId);
    return (state === 'deferred' ? query.where('d.next_attempt_at', '<=', now) : query).orderBy('d.id').limit(limit).execute();
  };
  const [pending, deferred] = [await due('pending'), await due('deferred')];
  return deferred.length === 0 ? pending : [...pending, ...deferred].sort((a, b) => a.id - b.id).slice(0, limit);
}

export async function recordDelivery(
  db: DbOrTx,
  id: number,
  outcome: {
    state: Exclude<DeliveryState, 'sent' | 'pending'>;
    attempts: number;
    nextAttemptAt?: string;
    error?: string /** The recipient was erased: their address goes, as erasure takes it from every other row. */;
    forget?: boolean;
  },
): Promise<void> {
  await db
    .updateTable('newsletter_deliveries')
    .set({
      ...(outcome.forget ? { email: '', subscriber_id: null } : {}),
      state: outcome.state,
      attempts: outcome.attempts,
      sent_at: null,
      next_attempt_at: outcome.nextAttemptAt ?? null,
      last_error: outcome.error?.slice(0, 500) ?? null,
    })
    .where('id', '=', id)
    .execute();
}

/** Records many accepted deliveries at once. */
export async function markSent(db: DbOrTx, ids: number[], at: string): Promise<void> {
  await db
    .updateTable('newsletter_deliveries')
    .set((eb) => ({ state: 'sent', sent_at: at, attempts: eb('attempts', '+', 1), next_attempt_at: null, last_error: null }))
    .where('id', 'in', ids)
    .execute();
}

export async function deliveryCounts(db: DbOrTx, sendId: number): Promise<Record<DeliveryState, number>> {
  const rows = await db
    .selectFrom('newsletter_deliveries')
    .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
    .where('send_id', '=', sendId)
    .groupBy('state')
    .execute();
  const counts: Record<DeliveryState, number> = { pending: 0, sent: 0, deferred: 0, failed: 0, bounced: 0, skipped: 0 };
  for (const row of rows) counts[row.state as DeliveryState] = Number(row.n);
  return counts;
}

export async function nextDeferredAt(db: DbOrTx, sendId: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('newsletter_deliveries')
    .select((eb) => eb.fn.min('next_attempt_at').as('next'))
    .where('send_id', '=', sendId)
    .where('state', '=', 'deferred')
    .executeTakeFirst();
  return row?.next ?? undefined;
}

/** A bounce reported after the server had accepted the message: marks that recipient's delivery in the send. */
export async function markReportedBounce(db: DbOrTx, sendId: number, subscriberId: number, error: string): Promise<void> {
  await db
    .updateTable('newsletter_deliveries')
    .set({ state: 'bounced', last_error: error.slice(0, 500) })
    .where('send_id', '=', sendId)
    .where('subscriber_id', '=', subscriberId)
    .where('state', '=', 'sent')
    .execute();
}
