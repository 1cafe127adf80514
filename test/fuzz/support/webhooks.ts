import fc from 'fast-check';
import Stripe from 'stripe';
import { WEBHOOK_SECRET } from '../../support/stripe-server.js';
import { clientAddress, hostileString, hostileValue } from './hostile.js';
import type { Known } from './fuzz-app.js';
import type { Shot } from './requests.js';

/** The Stripe-Signature header for a payload, as Stripe's library makes it (optionally stale, or with another secret). */
function stripeSignature(payload: string, options: { timestamp?: number; secret?: string } = {}): string {
  return Stripe.webhooks.generateTestHeaderString({ payload, secret: options.secret ?? WEBHOOK_SECRET, ...(options.timestamp ? { timestamp: options.timestamp } : {}) });
}

/** Deliveries that are not from Stripe: no signature, a malformed one, another secret's, a stale one, or one for other bytes. */
export const forgedWebhooks: fc.Arbitrary<Shot> = fc
  .tuple(
    fc.oneof(
      fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
      hostileString,
      fc.constantFrom('', '{', '{"type":"invoice.paid","data":{"object":{}}}'),
    ),
    fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded'),
    fc.nat({ max: 5 }),
    fc.oneof(hostileString, fc.constantFrom('t=1,v1=abc', 't=,v1=', `v1=${'a'.repeat(64)}`, ',,,', 't=99999999999999999999,v1=x')),
    clientAddress,
  )
  .map(([payload, type, kind, junk, remoteAddress]) => {
    const signatures = [
      undefined,
      junk.replace(/[^\x20-\x7e]/g, ''),
      stripeSignature(payload, { secret: 'whsec_not_the_secret' }),
      stripeSignature(payload, { timestamp: Math.floor(Date.now() / 1000) - 86_400 }),
      stripeSignature(`${payload} `),
      stripeSignature(payload.toUpperCase() === payload ? `${payload}x` : payload.toUpperCase()),
    ];
    const signature = signatures[kind];
    return { method: 'POST' as const, url: '/webhooks/stripe', headers: { 'content-type': type, ...(signature === undefined ? {} : { 'stripe-signature': signature }) }, payload, remoteAddress };
  });

const eventTypes = [
  'checkout.session.completed',
  'invoice.paid',
  'invoice.payment_failed',
  'customer.subscription.created',
  'customer.subscription.updated',
  'customer.subscription.deleted',
  'customer.subscription.paused',
  'customer.subscription.resumed',
  'charge.refunded',
];

/** A value Stripe could plausibly send in a field, or something it never would. */
const field = <T>(plausible: fc.Arbitrary<T>) => fc.oneof({ arbitrary: plausible, weight: 3 }, { arbitrary: hostileValue, weight: 1 });
const epoch = field(fc.oneof(fc.integer({ min: 0, max: 4_102_444_800 }), fc.constantFrom(-1, 0, 8.64e12, 1e15, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER)));
/**
 * Events correctly signed with the webhook secret whose contents are odd: Stripe would not send
 * them, but nothing may crash on them. Some name the reader's real subscription, customer and
 * checkout, so they reach the code that applies them.
 */
export function signedOddEvents(known: Known['stripe']): fc.Arbitrary<Shot> {
  const stripeId = (prefix: string, real: string) =>
    field(
      fc.oneof(
        fc.constant(real),
        fc.integer({ min: 1, max: 5 }).map((n) => `${prefix}_test${n}`),
        fc.constantFrom(`${prefix}_`, 'x'.repeat(255)),
      ),
    );
  const checkout = fc.oneof(fc.constant(known.checkoutId), fc.integer({ min: 1, max: 12 }).map(String), fc.constantFrom('0', '999999999999', '007'));
  const subscription = stripeId('sub', known.subscriptionId);
  const customer = stripeId('cus', known.customerId);
  const object = fc.record(
    {
      id: fc.oneof(subscription, stripeId('cs', 'cs_test1'), stripeId('in', 'in_test1')),
      object: field(fc.constantFrom('checkout.session', 'invoice', 'subscription')),
      client_reference_id: field(checkout),
      customer: field(fc.oneof(customer, fc.record({ id: customer }))),
      subscription: field(fc.oneof(subscription, fc.record({ id: subscription }))),
      payment_status: field(fc.constantFrom('paid', 'unpaid', 'no_payment_required')),
      status: field(fc.constantFrom('active', 'past_due', 'canceled', 'unpaid', 'incomplete', 'paused', 'trialing')),
      cancel_at_period_end: field(fc.boolean()),
      cancel_at: epoch,
      current_period_end: epoch,
      billing_reason: field(fc.constantFrom('subscription_create', 'subscription_cycle', 'manual')),
      items: field(fc.record({ data: fc.array(fc.record({ current_period_end: epoch }), { maxLength: 3 }) })),
      lines: field(fc.record({ data: fc.array(fc.record({ period: fc.record({ end: epoch }) }), { maxLength: 3 }) })),
      parent: field(fc.record({ subscription_details: fc.record({ subscription, metadata: fc.dictionary(fc.constantFrom('checkout_id', 'x'), fc.oneof(checkout, hostileString)) }) })),
      metadata: field(fc.dictionary(fc.constantFrom('checkout_id', 'plan', '__proto__'), fc.oneof(checkout, fc.string(), hostileString))),
    },
    { requiredKeys: [] },
  );
  return fc
    .record({
      id: field(
        fc.oneof(
          fc.integer({ min: 1, max: 30 }).map((n) => `evt_fuzz${n}`),
          fc.uuid(),
        ),
      ),
      type: field(fc.constantFrom(...eventTypes)),
      created: epoch,
      object,
      remoteAddress: clientAddress,
    })
    .map(({ id, type, created, object: data, remoteAddress }) => {
      const payload = JSON.stringify({ id, object: 'event', type, created, livemode: false, data: { object: data } });
      return { method: 'POST' as const, url: '/webhooks/stripe', headers: { 'content-type': 'application/json', 'stripe-signature': stripeSignature(payload) }, payload, remoteAddress };
    });
}
