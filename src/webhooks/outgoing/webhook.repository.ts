import type { DbOrTx } from '../../db/client.js';
import type { WebhookDeliveriesTable, WebhooksTable } from '../../db/tables.js';
import type { Delivery, DeliveryState, Webhook, WebhookEvent } from './webhook.types.js';

type WebhookRow = Omit<WebhooksTable, 'id'> & { id: number };
type DeliveryRow = Omit<WebhookDeliveriesTable, 'id'> & { id: number };

function toWebhook(row: WebhookRow): Webhook {
  return {
    id: row.id,
    url: row.url,
    events: JSON.parse(row.events) as WebhookEvent[],
    active: row.active === 1,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toDelivery(row: DeliveryRow): Delivery {
  return {
    id: row.id,
    webhookId: row.webhook_id,
    event: row.event,
    state: row.state as DeliveryState,
    attempts: row.attempts,
    lastStatus: row.last_status,
    lastError: row.last_error,
    durationMs: row.duration_ms,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function insertWebhook(db: DbOrTx, data: { url: string; events: WebhookEvent[]; active: boolean; secret: string; createdBy: number }, now: string): Promise<Webhook> {
  const row = await db
    .insertInto('webhooks')
    .values({ url: data.url, events: JSON.stringify(data.events), active: data.active ? 1 : 0, secret: data.secret, created_by: data.createdBy, created_at: now, updated_at: now })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toWebhook(row);
}

export async function updateWebhook(db: DbOrTx, id: number, changes: { url?: string; events?: WebhookEvent[]; active?: boolean; secret?: string }, now: string): Promise<Webhook | undefined> {
  const row = await db
    .updateTable('webhooks')
    .set({
      ...(changes.url !== undefined && { url: changes.url }),
      ...(changes.events !== undefined && { events: JSON.stringify(changes.events) }),
      ...(changes.active !== undefined && { active: changes.active ? 1 : 0 }),
      ...(changes.secret !== undefined && { secret: changes.secret }),
      updated_at: now,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row && toWebhook(row);
}

export async function deleteWebhook(db: DbOrTx, id: number): Promise<boolean> {
  const result = await db.deleteFrom('webhooks').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export async function findWebhook(db: DbOrTx, id: number): Promise<Webhook | undefined> {
  const row = await db.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toWebhook(row);
}

export async function listWebhooks(db: DbOrTx): Promise<Webhook[]> {
  const rows = await db.selectFrom('webhooks').selectAll().orderBy('id').execute();
  return rows.map(toWebhook);
}

/** Active webhooks that asked for an event. The list is short, so the JSON column is read here. */
export async function activeWebhooksFor(db: DbOrTx, event: WebhookEvent): Promise<Webhook[]> {
  const rows = await db.selectFrom('webhooks').selectAll().where('active', '=', 1).orderBy('id').execute();
  return rows.map(toWebhook).filter((hook) => hook.events.includes(event));
}

export async function insertDelivery(db: DbOrTx, data: { webhookId: number; event: string; payload: string }, now: string): Promise<Delivery> {
  const row = await db
    .insertInto('webhook_deliveries')
    .values({ webhook_id: data.webhookId, event: data.event, payload: data.payload, state: 'pending', attempts: 0, last_status: null, last_error: null, duration_ms: null, created_at: now, updated_at: now })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toDelivery(row);
}

/** What one attempt needs: the delivery's body and its webhook's address, secret and switch. */
export async function findDeliveryToSend(db: DbOrTx, id: number) {
  return db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhooks as w', 'w.id', 'd.webhook_id')
    .select(['d.id', 'd.webhook_id', 'd.event', 'd.payload', 'd.state', 'd.attempts', 'w.url', 'w.secret', 'w.active'])
    .where('d.id', '=', id)
    .executeTakeFirst();
}

export async function recordAttempt(db: DbOrTx, id: number, attempt: { state: DeliveryState; status: number | null; error: string | null; durationMs: number | null }, now: string): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set((eb) => ({
      state: attempt.state,
      attempts: eb('attempts', '+', 1),
      last_status: attempt.status,
      last_error: attempt.error,
      duration_ms: attempt.durationMs,
      updated_at: now,
    }))
    .where('id', '=', id)
    .execute();
}

export async function recentDeliveries(db: DbOrTx, webhookId: number, limit: number): Promise<Delivery[]> {
  const rows = await db.selectFrom('webhook_deliveries').selectAll().where('webhook_id', '=', webhookId).orderBy('id', 'desc').limit(limit).execute();
  return rows.map(toDelivery);
}

export async function findDelivery(db: DbOrTx, id: number): Promise<Delivery | undefined> {
  const row = await db.selectFrom('webhook_deliveries').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toDelivery(row);
}

/** Forgets a webhook's deliveries finished before a time; waiting ones stay. */
export async function pruneDeliveries(db: DbOrTx, webhookId: number, before: string): Promise<void> {
  await db.deleteFrom('webhook_deliveries').where('webhook_id', '=', webhookId).where('state', '!=', 'pending').where('updated_at', '<', before).execute();
}
