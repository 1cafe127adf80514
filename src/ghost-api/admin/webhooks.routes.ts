import type { FastifyInstance } from 'fastify';
import { AppError, type FieldError } from '../../errors/app-error.js';
import { authorize } from '../../staff/index.js';
import type { Webhook, WebhookEvent, WebhookService } from '../../webhooks/outgoing/index.js';
import { idFrom, route } from '../http.js';
import { inGhostTerms, single, staffOf } from './envelope.js';

/** Ghost's webhook events that Masthead sends, and the Masthead event each one is. */
const ghostEvents: Record<string, WebhookEvent> = {
  'post.published': 'post.published',
  'post.published.edited': 'post.updated',
  'post.unpublished': 'post.unpublished',
  'post.deleted': 'post.deleted',
  'member.added': 'member.added',
  'member.edited': 'member.updated',
};
const ghostEventOf = new Map(Object.entries(ghostEvents).map(([ghost, masthead]) => [masthead, ghost]));

/** Fields a client may send: Ghost's own, of which Masthead keeps the event and the address. */
const accepted = new Set(['event', 'target_url', 'name', 'api_version', 'integration_id']);
const mastheadNames = { url: 'target_url', events: 'event' };

/**
 * Webhooks for Ghost's Admin API clients, kept as Masthead's outgoing webhooks (administrators
 * only). Ghost gives each webhook one event: those with a Masthead counterpart are taken, others
 * are refused naming the ones that are. Masthead makes the signing secret and answers it once.
 */
export function ghostAdminWebhookRoutes(app: FastifyInstance, deps: { webhooks: WebhookService }): void {
  route(app, 'POST', '/webhooks', async (request, reply) => {
    const staff = staffOf(request);
    authorize(staff, { do: 'webhooks.manage' });
    const { event, url } = webhookFields(single(request.body, 'webhooks'), true);
    const { webhook, secret } = await deps.webhooks.create({ url, events: [event] }, staff.id).catch(inGhostTerms('webhooks.0', mastheadNames));
    reply.code(201);
    return { webhooks: [ghostWebhook(webhook, secret)] };
  });
  route(app, 'PUT', '/webhooks/:id', async (request) => {
    authorize(staffOf(request), { do: 'webhooks.manage' });
    const id = idFrom(request, 'WEBHOOK_NOT_FOUND', 'webhook');
    const { event, url } = webhookFields(single(request.body, 'webhooks'), false);
    const changes = { ...(event ? { events: [event] } : {}), ...(url !== undefined ? { url } : {}) };
    const webhook = await deps.webhooks.update(id, changes).catch(inGhostTerms('webhooks.0', mastheadNames));
    return { webhooks: [ghostWebhook(webhook, null)] };
  });
  route(app, 'DELETE', '/webhooks/:id', async (request, reply) => {
    authorize(staffOf(request), { do: 'webhooks.manage' });
    await deps.webhooks.remove(idFrom(request, 'WEBHOOK_NOT_FOUND', 'webhook'));
    return reply.code(204).send();
  });
}

function webhookFields(item: Record<string, unknown>, adding: boolean): { event: WebhookEvent | undefined; url: string | undefined } {
  const problems: FieldError[] = [];
  for (const name of Object.keys(item)) {
    if (name === 'secret') problems.push({ field: 'webhooks.0.secret', message: 'Masthead makes the signing secret and answers it once; leave it out' });
    else if (!accepted.has(name) && name !== 'id') problems.push({ field: `webhooks.0.${name}`, message: 'is not a field of Ghost webhooks' });
  }
  let event: WebhookEvent | undefined;
  if (item.event !== undefined || adding) {
    event = typeof item.event === 'string' && Object.hasOwn(ghostEvents, item.event) ? ghostEvents[item.event] : undefined;
    if (!event) {
      const named = typeof item.event === 'string' ? `"${item.event.slice(0, 80)}"` : 'an event';
      problems.push({ field: 'webhooks.0.event', message: `${named} is not one Masthead sends; it sends ${Object.keys(ghostEvents).join(', ')}` });
    }
  }
  if (item.target_url !== undefined && typeof item.target_url !== 'string') problems.push({ field: 'webhooks.0.target_url', message: 'must be a URL' });
  if (adding && item.target_url === undefined) problems.push({ field: 'webhooks.0.target_url', message: 'is required' });
  if (problems.length > 0) throw AppError.validation(problems);
  return { event, url: item.target_url as string | undefined };
}

/** A webhook in Ghost's shape; `secret` only in the answer that made it. */
function ghostWebhook(webhook: Webhook, secret: string | null) {
  return {
    id: String(webhook.id),
    event: webhook.events.map((e) => ghostEventOf.get(e)).find((e) => e !== undefined) ?? webhook.events[0],
    target_url: webhook.url,
    name: null,
    secret,
    api_version: 'v6',
    integration_id: null,
    status: webhook.active ? 'available' : 'error',
    last_triggered_at: null,
    last_triggered_status: null,
    last_triggered_error: null,
    created_at: webhook.createdAt,
    updated_at: webhook.updatedAt,
  };
}
