import { queryOptions } from '@tanstack/react-query';
import { answer, api, request } from './client';
import type { Answer } from './types';

export type WebhookList = Answer<'/admin/api/webhooks', 'get'>;
export type Webhook = WebhookList['webhooks'][number];
export type WebhookEvent = WebhookList['events'][number];
export type Delivery = Answer<'/admin/api/webhooks/{id}/deliveries', 'get'>['deliveries'][number];

type WithSecret = { webhook: Webhook; secret: string };

export const webhookList = queryOptions({
  queryKey: ['webhooks'],
  queryFn: ({ signal }) => answer(api.GET('/admin/api/webhooks', { signal })),
});
/** A webhook's most recent deliveries, newest first. */
export const deliveryList = (id: number) =>
  queryOptions({
    queryKey: ['webhooks', id, 'deliveries'],
    queryFn: ({ signal }) => answer(api.GET('/admin/api/webhooks/{id}/deliveries', { params: { path: { id } }, signal })).then((r) => r.deliveries),
  });
export const createWebhook = (input: { url: string; events: WebhookEvent[] }) => request<WithSecret>('POST', '/webhooks', input);
export const updateWebhook = (id: number, changes: { url?: string; events?: WebhookEvent[]; active?: boolean }) => request<{ webhook: Webhook }>('PATCH', `/webhooks/${id}`, changes).then((r) => r.webhook);
export const deleteWebhook = (id: number) => request<void>('DELETE', `/webhooks/${id}`);
export const rotateSecret = (id: number) => request<WithSecret>('POST', `/webhooks/${id}/secret`, {});
export const pingWebhook = (id: number) => request<{ delivery: Delivery }>('POST', `/webhooks/${id}/ping`, {}).then((r) => r.delivery);
