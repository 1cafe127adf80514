import type { Logger } from 'pino';
import type { Clock } from '../../clock.js';
import type { ContentChange, ContentEvents } from '../../content/index.js';
import { inTransaction, type Db } from '../../db/client.js';
import { AppError } from '../../errors/app-error.js';
import { parseInput } from '../../errors/validate.js';
import type { EventChannel } from '../../events.js';
import type { JobContext, JobQueue } from '../../jobs/index.js';
import type { MemberChange } from '../../members/index.js';
import type { SubscriberChange } from '../../subscribers/index.js';
import { checkWebhookUrl } from './address-guard.js';
import { memberData, postData, postEvent, subscriberData } from './webhook.payloads.js';
import * as repo from './webhook.repository.js';
import { webhookChanges, webhookInput } from './webhook.schema.js';
import { post } from './webhook.sender.js';
import { newSecret, signature } from './webhook.signature.js';
import { PING_EVENT, type Delivery, type Webhook, type WebhookEvent } from './webhook.types.js';

export const DELIVERY_JOB = 'webhook.deliver';
/** Tries per delivery; the job queue waits 10 s, 40 s, 2.7 min, 10.7 min and 42.7 min between them. */
export const DELIVERY_ATTEMPTS = 6;
const RECENT_DELIVERIES = 50;
const KEEP_DELIVERIES_MS = 30 * 86_400_000;

export interface WebhookServiceDeps {
  db: Db;
  clock: Clock;
  jobs: JobQueue;
  logger: Logger;
  publicUrl: string;
  /** WEBHOOKS_ALLOW_PRIVATE_ADDRESSES: lets webhooks reach loopback and private networks. */
  allowPrivateAddresses: boolean;
}

/** Outgoing webhooks: administrators' subscriptions to events, and their signed, retried deliveries. */
export class WebhookService {
  /** Deliveries are queued one change after another, in the order the changes happened. */
  private queueing: Promise<void> = Promise.resolve();

  constructor(private readonly deps: WebhookServiceDeps) {}

  private now(): string {
    return this.deps.clock().toISOString();
  }

  list(): Promise<Webhook[]> {
    return repo.listWebhooks(this.deps.db);
  }

  async get(id: number): Promise<Webhook> {
    const webhook = await repo.findWebhook(this.deps.db, id);
    if (!webhook) throw new AppError('WEBHOOK_NOT_FOUND', `No webhook has the id ${id}.`);
    return webhook;
  }

  /** Adds a webhook; its signing secret is in this answer only. */
  async create(input: unknown, createdBy: number): Promise<{ webhook: Webhook; secret: string }> {
    const data = parseInput(webhookInput, input);
    const url = checkWebhookUrl(data.url, this.deps.allowPrivateAddresses);
    const secret = newSecret();
    const webhook = await repo.insertWebhook(this.deps.db, { ...data, url, secret, createdBy }, this.now());
    return { webhook, secret };
  }

  async update(id: number, input: unknown): Promise<Webhook> {
    const data = parseInput(webhookChanges, input);
    const url = data.url === undefined ? undefined : checkWebhookUrl(data.url, this.deps.allowPrivateAddresses);
    const webhook = await repo.updateWebhook(this.deps.db, id, { ...data, url }, this.now());
    if (!webhook) throw new AppError('WEBHOOK_NOT_FOUND', `No webhook has the id ${id}.`);
    return webhook;
  }

  /** Deletes a webhook with its deliveries; those still waiting are not sent. */
  async remove(id: number): Promise<void> {
    if (!(await repo.deleteWebhook(this.deps.db, id))) throw new AppError('WEBHOOK_NOT_FOUND', `No webhook has the id ${id}.`);
  }

  /** Replaces the signing secret at once (deliveries still waiting are signed with the new one). */
  async rotateSecret(id: number): Promise<{ webhook: Webhook; secret: string }> {
    const secret = newSecret();
    const webhook = await repo.updateWebhook(this.deps.db, id, { secret }, this.now());
    if (!webhook) throw new AppError('WEBHOOK_NOT_FOUND', `No webhook has the id ${id}.`);
    return { webhook, secret };
  }

  async deliveries(id: number): Promise<Delivery[]> {
    await this.get(id);
    return repo.recentDeliveries(this.deps.db, id, RECENT_DELIVERIES);
  }

  /** Queues a test delivery to one webhook, whatever its events and even while it is off. */
  async ping(id: number): Promise<Delivery> {
    const webhook = await this.get(id);
    const [delivery] = await this.queue([webhook], PING_EVENT, { webhook: { id: webhook.id, url: webhook.url } });
    return delivery!;
  }

  /** Follows content, member and subscriber changes, queueing a delivery to each webhook that asked. */
  listen(channels: { content: ContentEvents; members: EventChannel<MemberChange>; subscribers: EventChannel<SubscriberChange> }): void {
    channels.content.on((change) => this.track(() => this.onContent(change)));
    channels.members.on((change) => this.track(() => this.send(`member.${change.kind}`, memberData(change.member))));
    channels.subscribers.on((change) => this.track(() => this.send('subscriber.added', subscriberData(change.subscriber))));
  }

  /** Resolves once every delivery caused by a change so far is queued. */
  settled(): Promise<void> {
    return this.queueing;
  }

  private track(work: () => Promise<void>): void {
    this.queueing = this.queueing.then(work).catch((error: unknown) => this.deps.logger.error({ err: error }, 'could not queue webhook deliveries'));
  }

  private async onContent(change: ContentChange): Promise<void> {
    if (change.kind !== 'post' || !change.status || !change.post) return;
    const event = postEvent(change.status);
    if (!event) return;
    // The post as this change left it, not as it is by now: later changes send their own deliveries.
    return this.send(event, postData(change.post, event === 'post.deleted' ? null : this.deps.publicUrl));
  }

  private async send(event: WebhookEvent, data: unknown): Promise<void> {
    const webhooks = await repo.activeWebhooksFor(this.deps.db, event);
    if (webhooks.length > 0) await this.queue(webhooks, event, data);
  }

  /** Stores one delivery per webhook, each with its job, in one transaction. */
  private async queue(webhooks: Webhook[], event: string, data: unknown): Promise<Delivery[]> {
    const now = this.now();
    const body = JSON.stringify({ event, createdAt: now, data });
    return inTransaction(this.deps.db, async (tx) => {
      const deliveries: Delivery[] = [];
      for (const webhook of webhooks) {
        const delivery = await repo.insertDelivery(tx, { webhookId: webhook.id, event, payload: body }, now);
        await this.deps.jobs.enqueue(tx, { name: DELIVERY_JOB, payload: { deliveryId: delivery.id }, maxAttempts: DELIVERY_ATTEMPTS });
        deliveries.push(delivery);
      }
      return deliveries;
    });
  }

  /**
   * One attempt at a delivery, run by its job. A 2xx delivers it. A refused address, a redirect
   * or a 4xx other than 408 and 429 fails it for good. Anything else throws, so the job queue
   * tries again later, until the last attempt fails it.
   */
  async deliver(deliveryId: number, context: Pick<JobContext, 'attempt'>): Promise<void> {
    const { db } = this.deps;
    const row = await repo.findDeliveryToSend(db, deliveryId);
    if (!row || row.state !== 'pending') return;
    if (row.active !== 1 && row.event !== PING_EVENT) {
      await repo.recordAttempt(db, deliveryId, { state: 'failed', status: null, error: 'the webhook is turned off', durationMs: null }, this.now());
      return;
    }
    const headers = {
      'user-agent': 'Masthead-Webhooks/1',
      'x-masthead-event': row.event,
      'x-masthead-delivery': String(row.id),
      'x-masthead-signature': signature(row.secret, row.payload, Math.floor(this.deps.clock().getTime() / 1000)),
    };
    const attempt = await post(row.url, row.payload, headers, this.deps.allowPrivateAddresses);
    const delivered = attempt.status !== null && attempt.status >= 200 && attempt.status < 300;
    const final = delivered || attempt.refused === true || context.attempt >= DELIVERY_ATTEMPTS || (attempt.status !== null && !retryable(attempt.status));
    const error = delivered ? null : (attempt.error ?? `answered ${attempt.status}`);
    await repo.recordAttempt(db, deliveryId, { state: delivered ? 'delivered' : final ? 'failed' : 'pending', status: attempt.status, error, durationMs: attempt.durationMs }, this.now());
    if (final) await repo.pruneDeliveries(db, row.webhook_id, new Date(this.deps.clock().getTime() - KEEP_DELIVERIES_MS).toISOString());
    else throw new Error(`webhook delivery ${deliveryId}: ${error}`);
  }
}

/** Statuses worth trying again: the receiver was busy, slow or broken, not refusing this request. */
function retryable(status: number): boolean {
  if (status === 408 || status === 429) return true;
  return status >= 500;
}
