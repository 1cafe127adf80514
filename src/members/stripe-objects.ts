import { z } from 'zod';
import { MAX_STORED_INTEGER } from '../db/ids.js';

// The parts of Stripe's objects that memberships use, read defensively: a signed event is
// trusted, but a field Stripe moved between API versions must not become a crash.

const id = z.string().min(1).max(255);
/** Unix seconds up to the end of year 9999: a larger time is no date at all, and must not crash the handler. */
const epoch = z.number().int().min(0).max(253_402_300_799);
const expandable = z.union([id, z.object({ id }).transform((o) => o.id)]);
const metadata = z.record(z.string(), z.string()).nullish();

export const eventEnvelope = z.object({
  id,
  type: z.string().max(100),
  created: epoch,
  data: z.object({ object: z.record(z.string(), z.unknown()) }),
});

export const checkoutSessionObject = z.object({
  id,
  client_reference_id: z
    .string()
    .regex(/^\d{1,12}$/)
    .nullish(),
  customer: expandable.nullish(),
  subscription: expandable.nullish(),
  payment_status: z.string(),
  /** What was charged, in Stripe's units for the session's currency. */
  amount_total: z.number().int().min(0).max(MAX_STORED_INTEGER).nullish(),
});

/** A paid checkout in payment mode for a tip (metadata.kind = tip); the email is the one Stripe asked for. */
export const tipSessionObject = z.object({
  id,
  payment_status: z.string(),
  amount_total: z.number().int().min(1).max(MAX_STORED_INTEGER),
  currency: z.string().regex(/^[a-zA-Z]{3}$/),
  customer_email: z.string().email().max(254).nullish(),
  customer_details: z.object({ email: z.string().email().max(254).nullish() }).nullish(),
  metadata,
});

export const subscriptionObject = z.object({
  id,
  customer: expandable.nullish(),
  status: z.string(),
  cancel_at_period_end: z.boolean().default(false),
  cancel_at: epoch.nullish(),
  trial_end: epoch.nullish(),
  // Before API 2025-03-31 the period end sat on the subscription; since then on each item.
  current_period_end: epoch.nullish(),
  items: z.object({ data: z.array(z.object({ current_period_end: epoch.nullish() })) }).nullish(),
  metadata,
});

export const invoiceObject = z.object({
  id,
  customer: expandable.nullish(),
  billing_reason: z.string().nullish(),
  // Before API 2025-03-31 `subscription`; since then `parent.subscription_details`.
  subscription: expandable.nullish(),
  parent: z.object({ subscription_details: z.object({ subscription: expandable, metadata }).nullish() }).nullish(),
  lines: z.object({ data: z.array(z.object({ period: z.object({ end: epoch }).nullish() })) }).nullish(),
});

export type SubscriptionObject = z.infer<typeof subscriptionObject>;
export type InvoiceObject = z.infer<typeof invoiceObject>;

export function periodEnd(subscription: SubscriptionObject): number | null {
  const fromItems = subscription.items?.data.map((i) => i.current_period_end ?? 0) ?? [];
  const end = Math.max(subscription.current_period_end ?? 0, ...fromItems);
  return end > 0 ? end : null;
}

export function invoiceSubscription(invoice: InvoiceObject): { id: string; checkoutId: number | null } | null {
  const details = invoice.parent?.subscription_details;
  const subscriptionId = details?.subscription ?? invoice.subscription;
  if (!subscriptionId) return null;
  const checkout = details?.metadata?.checkout_id;
  return { id: subscriptionId, checkoutId: checkoutIdOf(checkout) };
}

/**
 * Our checkout id as we gave it to Stripe (client_reference_id, metadata.checkout_id), or null
 * when the value cannot be one: not digits, or past what the id column holds.
 */
export function checkoutIdOf(value: string | null | undefined): number | null {
  if (!value || !/^\d{1,10}$/.test(value)) return null;
  const id = Number(value);
  return id >= 1 && id <= MAX_STORED_INTEGER ? id : null;
}

export function invoicePeriodEnd(invoice: InvoiceObject): number | null {
  const ends = invoice.lines?.data.map((l) => l.period?.end ?? 0) ?? [];
  const end = Math.max(0, ...ends);
  return end > 0 ? end : null;
}

export const epochToIso = (seconds: number) => new Date(seconds * 1000).toISOString();
