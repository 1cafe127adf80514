import { sql } from 'kysely';
import { inTransaction, type Db, type DbOrTx } from '../db/client.js';
import type { ClickClaims } from './engagement.tokens.js';

/** Stores a send's tracked links by their number (their place in `urls`). */
export async function insertLinks(db: DbOrTx, sendId: number, urls: string[]): Promise<void> {
  if (urls.length === 0) return;
  await db
    .insertInto('newsletter_send_links')
    .values(urls.map((url, link) => ({ send_id: sendId, link, url })))
    .execute();
}

export async function linkUrl(db: DbOrTx, sendId: number, link: number): Promise<string | undefined> {
  const row = await db.selectFrom('newsletter_send_links').select('url').where('send_id', '=', sendId).where('link', '=', link).executeTakeFirst();
  return row?.url;
}

/**
 * Counts a group of clicks in one transaction: every click adds to its link's total; a recipient's
 * first click on a link (still traceable to a subscriber, so not after an erasure) adds a row and
 * one unique click.
 */
export async function recordClicks(db: Db, clicks: ClickClaims[], at: string): Promise<void> {
  await inTransaction(db, async (tx) => {
    const deliveryIds = [...new Set(clicks.map((c) => c.deliveryId))];
    const live = await tx.selectFrom('newsletter_deliveries').select(['id', 'send_id']).where('id', 'in', deliveryIds).where('subscriber_id', 'is not', null).execute();
    const sendOf = new Map(live.map((d) => [d.id, d.send_id]));
    const firsts = new Map<string, ClickClaims>();
    for (const click of clicks) if (sendOf.get(click.deliveryId) === click.sendId) firsts.set(`${click.deliveryId}.${click.link}`, click);
    const added =
      firsts.size === 0
        ? []
        : await tx
            .insertInto('newsletter_clicks')
            .values([...firsts.values()].sort((a, b) => a.deliveryId - b.deliveryId || a.link - b.link).map((c) => ({ delivery_id: c.deliveryId, link: c.link, send_id: c.sendId, first_at: at })))
            .onConflict((oc) => oc.columns(['delivery_id', 'link']).doNothing())
            .returning(['send_id', 'link'])
            .execute();
    const counts = new Map<string, { sendId: number; link: number; total: number; unique: number }>();
    const count = (sendId: number, link: number) => {
      const key = `${sendId}.${link}`;
      let entry = counts.get(key);
      if (!entry) counts.set(key, (entry = { sendId, link, total: 0, unique: 0 }));
      return entry;
    };
    for (const click of clicks) count(click.sendId, click.link).total += 1;
    for (const row of added) count(row.send_id, row.link).unique += 1;
    // Rows are locked in one order in every process, so two processes' groups cannot deadlock.
    for (const { sendId, link, total, unique } of [...counts.values()].sort((a, b) => a.sendId - b.sendId || a.link - b.link)) {
      await tx
        .updateTable('newsletter_send_links')
        .set((eb) => ({ clicks: eb('clicks', '+', total), unique_clicks: eb('unique_clicks', '+', unique) }))
        .where('send_id', '=', sendId)
        .where('link', '=', link)
        .execute();
    }
  });
}

/** Notes the first open of each delivery (of a subscriber still on the list) and counts it on its send. */
export async function recordOpens(db: Db, opens: Array<{ sendId: number; deliveryId: number }>, at: string): Promise<void> {
  await inTransaction(db, async (tx) => {
    const opened = await tx
      .updateTable('newsletter_deliveries')
      .set({ opened_at: at })
      .where('id', 'in', [...new Set(opens.map((o) => o.deliveryId))])
      .where('opened_at', 'is', null)
      .where('subscriber_id', 'is not', null)
      .returning(['id', 'send_id'])
      .execute();
    const perSend = new Map<number, number>();
    for (const row of opened) perSend.set(row.send_id, (perSend.get(row.send_id) ?? 0) + 1);
    for (const [sendId, n] of [...perSend].sort(([a], [b]) => a - b)) {
      await tx
        .updateTable('newsletter_sends')
        .set((eb) => ({ opens: eb('opens', '+', n) }))
        .where('id', '=', sendId)
        .execute();
    }
  });
}

/**
 * The delivery an unsubscribe or complaint belongs to: the named send's to this subscriber, else
 * the last one they received (of the newsletter they left, when one is named).
 */
async function lastDelivery(db: DbOrTx, subscriberId: number, of: { sendId?: number; newsletterId?: number }): Promise<number | undefined> {
  let query = db.selectFrom('newsletter_deliveries as d').innerJoin('newsletter_sends as s', 's.id', 'd.send_id').select('d.id').where('d.subscriber_id', '=', subscriberId).where('d.state', '=', 'sent');
  if (of.sendId !== undefined) query = query.where('d.send_id', '=', of.sendId);
  if (of.newsletterId !== undefined) query = query.where('s.newsletter_id', '=', of.newsletterId);
  return (await query.orderBy('d.id', 'desc').limit(1).executeTakeFirst())?.id;
}

export async function markUnsubscribed(db: DbOrTx, subscriberId: number, newsletterId: number | undefined, at: string): Promise<void> {
  const id = await lastDelivery(db, subscriberId, newsletterId === undefined ? {} : { newsletterId });
  if (id !== undefined) await db.updateTable('newsletter_deliveries').set({ unsubscribed_at: at }).where('id', '=', id).where('unsubscribed_at', 'is', null).execute();
}

export async function markComplained(db: DbOrTx, subscriberId: number, sendId: number | undefined, at: string): Promise<void> {
  const id = (sendId !== undefined ? await lastDelivery(db, subscriberId, { sendId }) : undefined) ?? (await lastDelivery(db, subscriberId, {}));
  if (id !== undefined) await db.updateTable('newsletter_deliveries').set({ complained_at: at }).where('id', '=', id).where('complained_at', 'is', null).execute();
}

export interface LinkCounts {
  url: string;
  clicks: number;
  uniqueClicks: number;
}

export async function linkCounts(db: DbOrTx, sendId: number): Promise<LinkCounts[]> {
  const rows = await db.selectFrom('newsletter_send_links').select(['url', 'clicks', 'unique_clicks']).where('send_id', '=', sendId).orderBy('link').execute();
  return rows.map((r) => ({ url: r.url, clicks: Number(r.clicks), uniqueClicks: Number(r.unique_clicks) }));
}

/** Recipients of the send who unsubscribed or complained after it (each attributed to one send). */
export async function departures(db: DbOrTx, sendId: number): Promise<{ unsubscribed: number; complained: number }> {
  const row = await db
    .selectFrom('newsletter_deliveries')
    .select([sql<number>`count(unsubscribed_at)`.as('unsubscribed'), sql<number>`count(complained_at)`.as('complained')])
    .where('send_id', '=', sendId)
    .executeTakeFirstOrThrow();
  return { unsubscribed: Number(row.unsubscribed), complained: Number(row.complained) };
}
