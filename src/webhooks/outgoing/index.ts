export { WebhookService, DELIVERY_JOB, DELIVERY_ATTEMPTS } from './webhook.service.js';
export { webhookInput, webhookChanges } from './webhook.schema.js';
export { webhookEvents } from './webhook.types.js';
export type { Webhook, Delivery, WebhookEvent } from './webhook.types.js';
export { resolveTarget } from './address-guard.js';
export { signature } from './webhook.signature.js';
