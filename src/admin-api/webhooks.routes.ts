import { z } from 'zod';
import { authorize } from '../staff/index.js';
import { webhookChanges, webhookEvents, webhookInput, type WebhookService } from '../webhooks/outgoing/index.js';
import type { EndpointRegistry } from './endpoint.js';
import { idParams } from './schemas.js';

const webhookOut = z.object({
  id: z.number(),
  url: z.string(),
  events: z.array(z.enum(webhookEvents)),
  active: z.boolean(),
  createdBy: z.number().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const deliveryOut = z.object({
  id: z.number(),
  webhookId: z.number(),
  event: z.string(),
  state: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.number(),
  lastStatus: z.number().nullable(),
  lastError: z.string().nullable(),
  durationMs: z.number().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const withSecret = z.object({ webhook: webhookOut, secret: z.string() });

/** Outgoing webhooks: signed POSTs to other systems when posts, members or subscribers change. Administrators only. */
export function webhookRoutes(api: EndpointRegistry, webhooks: WebhookService): void {
  const common = { tag: 'integrations', access: 'staff' } as const;

  api.add({
    ...common,
    method: 'GET',
    url: '/webhooks',
    summary: 'List outgoing webhooks (never their secrets)',
    response: z.object({ webhooks: z.array(webhookOut), events: z.array(z.enum(webhookEvents)) }),
    handler: async ({ staff }) => {
      authorize(staff, { do: 'webhooks.manage' });
      return { webhooks: await webhooks.list(), events: [...webhookEvents] };
    },
  });

  api.add({
    ...common,
    method: 'POST',
    url: '/webhooks',
    summary: 'Add an outgoing webhook; its signing secret is in this answer only',
    body: webhookInput,
    response: withSecret,
    status: 201,
    handler: async ({ staff, body }) => {
      authorize(staff, { do: 'webhooks.manage' });
      return webhooks.create(body, staff.id);
    },
  });

  api.add({
    ...common,
    method: 'PATCH',
    url: '/webhooks/:id',
    summary: "Change a webhook's URL, events or whether it is on",
    params: idParams,
    body: webhookChanges,
    response: z.object({ webhook: webhookOut }),
    handler: async ({ staff, params, body }) => {
      authorize(staff, { do: 'webhooks.manage' });
      return { webhook: await webhooks.update(params.id, body) };
    },
  });

  api.add({
    ...common,
    method: 'DELETE',
    url: '/webhooks/:id',
    summary: 'Delete a webhook and its deliveries; waiting ones are not sent',
    params: idParams,
    response: null,
    handler: async ({ staff, params }) => {
      authorize(staff, { do: 'webhooks.manage' });
      await webhooks.remove(params.id);
    },
  });

  api.add({
    ...common,
    method: 'POST',
    url: '/webhooks/:id/secret',
    summary: 'Replace the signing secret; the new one is in this answer only',
    params: idParams,
    response: withSecret,
    handler: async ({ staff, params }) => {
      authorize(staff, { do: 'webhooks.manage' });
      return webhooks.rotateSecret(params.id);
    },
  });

  api.add({
    ...common,
    method: 'GET',
    url: '/webhooks/:id/deliveries',
    summary: "A webhook's 50 most recent deliveries, newest first, with attempts and last answer",
    params: idParams,
    response: z.object({ deliveries: z.array(deliveryOut) }),
    handler: async ({ staff, params }) => {
      authorize(staff, { do: 'webhooks.manage' });
      return { deliveries: await webhooks.deliveries(params.id) };
    },
  });

  api.add({
    ...common,
    method: 'POST',
    url: '/webhooks/:id/ping',
    summary: 'Queue a signed test delivery (event "ping") to the webhook',
    params: idParams,
    response: z.object({ delivery: deliveryOut }),
    status: 202,
    handler: async ({ staff, params }) => {
      authorize(staff, { do: 'webhooks.manage' });
      return { delivery: await webhooks.ping(params.id) };
    },
  });
}
