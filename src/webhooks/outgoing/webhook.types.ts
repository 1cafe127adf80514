/** What an administrator can subscribe a webhook to. */
export const webhookEvents = ['post.published', 'post.updated', 'post.unpublished', 'post.deleted', 'member.added', 'member.updated', 'subscriber.added'] as const;

export type WebhookEvent = (typeof webhookEvents)[number];

/** A test delivery asked for in the admin; every webhook receives it whatever its events. */
export const PING_EVENT = 'ping';

export interface Webhook {
  id: number;
  url: string;
  events: WebhookEvent[];
  active: boolean;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
}

/** pending: waiting for its first or next attempt; delivered: answered 2xx; failed: given up. */
export type DeliveryState = 'pending' | 'delivered' | 'failed';

export interface Delivery {
  id: number;
  webhookId: number;
  event: string;
  state: DeliveryState;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  durationMs: number | null;
  createdAt: string;
  updatedAt: string;
}
