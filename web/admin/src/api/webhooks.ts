import { request } from './client';

export interface Webhook {
  id: number;
  url: string;
  events: string[];
  active: boolean;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface Delivery {
  id: number;
  webhookId: number;
  event: string;
  state: 'pending' | 'delivered' | 'failed';
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  durationMs: number | null;
  createdAt: string;
  updatedAt: string;
}

type WithSecret = { webhook: Webhook; secret: string };

export const listWebhooks = () => request<{ webhooks: Webhook[]; events: string[] }>('GET', '/webhooks');
export const createWebhook = (input: { url: string; events: string[] }) => request<WithSecret>('POST', '/webhooks', input);
export const updateWebhook = (id: number, changes: { url?: string; events?: string[]; active?: boolean }) =>
  request<{ webhook: Webhook }>('PATCH', `/webhooks/${id}`, changes).then((r) => r.webhook);
export const deleteWebhook = (id: number) => request<void>('DELETE', `/webhooks/${id}`);
export const rotateSecret = (id: number) => request<WithSecret>('POST', `/webhooks/${id}/secret`, {});
export const listDeliveries = (id: number) => request<{ deliveries: Delivery[] }>('GET', `/webhooks/${id}/deliveries`).then((r) => r.deliveries);
export const pingWebhook = (id: number) => request<{ delivery: Delivery }>('POST', `/webhooks/${id}/ping`, {}).then((r) => r.delivery);
