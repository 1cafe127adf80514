import { z } from 'zod';
import { webhookEvents } from './webhook.types.js';

const events = z
  .array(z.enum(webhookEvents))
  .min(1, 'choose at least one event')
  .max(webhookEvents.length)
  .transform((list) => [...new Set(list)]);

const url = z.string().trim().min(1).max(2000);

export const webhookInput = z.object({ url, events, active: z.boolean().default(true) }).strict();
export const webhookChanges = z.object({ url: url.optional(), events: events.optional(), active: z.boolean().optional() }).strict();

export type WebhookInput = z.output<typeof webhookInput>;
export type WebhookChanges = z.output<typeof webhookChanges>;
