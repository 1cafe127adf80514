import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';

/**
 * A local stand-in for the parts of Stripe's API that memberships call (checkout sessions,
 * customers, subscriptions, the billing portal, coupons, promotion codes), answering with objects shaped like Stripe's.
 * The official client is pointed at it; nothing leaves the machine.
 */
export interface StripeTestServer {
  settings: { secretKey: string; webhookSecret: string; api: { host: string; port: number; protocol: 'http' } };
  requests: Array<{ method: string; path: string; body: URLSearchParams }>;
  subscriptions: Map<string, Record<string, unknown>>;
  /** Coupons created and not deleted, by id. */
  coupons: Map<string, Record<string, unknown>>;
  /** Promotion codes created, by id, with `active` as last set. */
  promotionCodes: Map<string, Record<string, unknown>>;
  /** Checkout sessions created, by id, with `status` open, complete (set by a test as a reader paying) or expired. */
  checkoutSessions: Map<string, Record<string, unknown>>;
  /** Makes the next requests fail with a 500 from "Stripe". */
  failing: boolean;
  /** Runs when a checkout session has been made, before "Stripe" answers (a test acting at that moment). */
  onCheckoutCreated: ((session: Record<string, unknown>) => Promise<void>) | null;
  close(): Promise<void>;
}

export const WEBHOOK_SECRET = 'whsec_test_masthead';

let counter = 0;
const nextId = (prefix: string) => `${prefix}_test${(counter += 1).toString().padStart(6, '0')}`;
const now = () => Math.floor(Date.now() / 1000);

export function subscriptionState(id: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const start = now();
  return {
    id,
    object: 'subscription',
    customer: 'cus_test',
    status: 'active',
    cancel_at_period_end: false,
    cancel_at: null,
    items: { object: 'list', data: [{ id: `si_${id}`, object: 'subscription_item', current_period_start: start, current_period_end: start + 30 * 86_400 }] },
    metadata: {},
    ...overrides,
  };
}

export async function startStripeServer(): Promise<StripeTestServer> {
  const requests: StripeTestServer['requests'] = [];
  const subscriptions = new Map<string, Record<string, unknown>>();
  const coupons = new Map<string, Record<string, unknown>>();
  const promotionCodes = new Map<string, Record<string, unknown>>();
  const checkoutSessions = new Map<string, Record<string, unknown>>();
  const state: { failing: boolean; onCheckoutCreated: StripeTestServer['onCheckoutCreated'] } = { failing: false, onCheckoutCreated: null };

  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://stripe.test');
      const body = new URLSearchParams(raw);
      requests.push({ method: req.method ?? 'GET', path: url.pathname, body });
      const send = (status: number, payload: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json', 'request-id': nextId('req') });
        res.end(JSON.stringify(payload));
      };
      if (state.failing) return send(500, { error: { type: 'api_error', message: 'Stripe test server is failing on purpose' } });
      if (req.headers.authorization !== 'Bearer sk_test_masthead') return send(401, { error: { type: 'invalid_request_error', message: 'Invalid API Key provided' } });

      if (req.method === 'POST' && url.pathname === '/v1/checkout/sessions') {
        const id = nextId('cs');
        const session = {
          id,
          object: 'checkout.session',
          mode: body.get('mode'),
          client_reference_id: body.get('client_reference_id'),
          customer: body.get('customer'),
          customer_email: body.get('customer_email'),
          payment_status: 'unpaid',
          status: 'open',
          url: `https://checkout.stripe.com/c/pay/${id}`,
        };
        checkoutSessions.set(id, session);
        if (state.onCheckoutCreated) return void state.onCheckoutCreated(session).then(() => send(200, session));
        return send(200, session);
      }
      const checkoutSession = /^\/v1\/checkout\/sessions\/([A-Za-z0-9_]+)(\/expire)?$/.exec(url.pathname);
      if (checkoutSession) {
        const session = checkoutSessions.get(checkoutSession[1]!);
        if (!session) return send(404, { error: { type: 'invalid_request_error', code: 'resource_missing', message: `No such checkout.session: '${checkoutSession[1]}'` } });
        if (req.method === 'GET' && !checkoutSession[2]) return send(200, session);
        if (req.method === 'POST' && checkoutSession[2]) {
          if (session.status !== 'open')
            return send(400, { error: { type: 'invalid_request_error', message: `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${session.status}".` } });
          session.status = 'expired';
          return send(200, session);
        }
      }
      if (req.method === 'POST' && url.pathname === '/v1/customers') {
        return send(200, { id: nextId('cus'), object: 'customer', email: body.get('email') });
      }
      if (req.method === 'POST' && url.pathname === '/v1/billing_portal/sessions') {
        const id = nextId('bps');
        return send(200, { id, object: 'billing_portal.session', customer: body.get('customer'), return_url: body.get('return_url'), url: `https://billing.stripe.com/p/session/${id}` });
      }
      if (req.method === 'POST' && url.pathname === '/v1/coupons') {
        const number = (key: string) => (body.has(key) ? Number(body.get(key)) : null);
        const coupon = {
          id: nextId('co'),
          object: 'coupon',
          name: body.get('name'),
          percent_off: number('percent_off'),
          amount_off: number('amount_off'),
          currency: body.get('currency'),
          duration: body.get('duration'),
          duration_in_months: number('duration_in_months'),
          max_redemptions: number('max_redemptions'),
          redeem_by: number('redeem_by'),
          valid: true,
        };
        coupons.set(coupon.id, coupon);
        return send(200, coupon);
      }
      const coupon = /^\/v1\/coupons\/([A-Za-z0-9_]+)$/.exec(url.pathname);
      if (req.method === 'DELETE' && coupon) {
        if (!coupons.delete(coupon[1]!)) return send(404, { error: { type: 'invalid_request_error', code: 'resource_missing', message: `No such coupon: '${coupon[1]}'` } });
        return send(200, { id: coupon[1], object: 'coupon', deleted: true });
      }
      if (req.method === 'POST' && url.pathname === '/v1/promotion_codes') {
        const couponId = body.get('promotion[coupon]') ?? '';
        if (body.get('promotion[type]') !== 'coupon' || !coupons.has(couponId)) return send(400, { error: { type: 'invalid_request_error', code: 'resource_missing', message: `No such coupon: '${couponId}'` } });
        // Like Stripe, codes are compared without regard to case, and an active one cannot be made twice.
        const code = body.get('code') ?? nextId('PROMO');
        if ([...promotionCodes.values()].some((p) => p.active && String(p.code).toUpperCase() === code.toUpperCase())) {
          return send(400, { error: { type: 'invalid_request_error', message: 'An active promotion code with `code` already exists.', param: 'code' } });
        }
        const number = (key: string) => (body.has(key) ? Number(body.get(key)) : null);
        const promotionCode = {
          id: nextId('promo'),
          object: 'promotion_code',
          code,
          active: true,
          promotion: { type: 'coupon', coupon: couponId },
          expires_at: number('expires_at'),
          max_redemptions: number('max_redemptions'),
          times_redeemed: 0,
        };
        promotionCodes.set(promotionCode.id, promotionCode);
        return send(200, promotionCode);
      }
      const promotion = /^\/v1\/promotion_codes\/([A-Za-z0-9_]+)$/.exec(url.pathname);
      if (req.method === 'POST' && promotion) {
        const found = promotionCodes.get(promotion[1]!);
        if (!found) return send(404, { error: { type: 'invalid_request_error', code: 'resource_missing', message: `No such promotion code: '${promotion[1]}'` } });
        if (body.has('active')) found.active = body.get('active') === 'true';
        return send(200, found);
      }
      const match = /^\/v1\/subscriptions\/([A-Za-z0-9_]+)$/.exec(url.pathname);
      if (match) {
        const id = match[1]!;
        const current = subscriptions.get(id) ?? subscriptionState(id);
        if (req.method === 'POST' && body.has('cancel_at_period_end')) current.cancel_at_period_end = body.get('cancel_at_period_end') === 'true';
        subscriptions.set(id, current);
        return send(200, current);
      }
      send(404, { error: { type: 'invalid_request_error', message: `Unrecognized request URL (${req.method}: ${url.pathname})` } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    settings: { secretKey: 'sk_test_masthead', webhookSecret: WEBHOOK_SECRET, api: { host: '127.0.0.1', port, protocol: 'http' } },
    requests,
    subscriptions,
    coupons,
    promotionCodes,
    checkoutSessions,
    get failing() {
      return state.failing;
    },
    set failing(value: boolean) {
      state.failing = value;
    },
    get onCheckoutCreated() {
      return state.onCheckoutCreated;
    },
    set onCheckoutCreated(hook: StripeTestServer['onCheckoutCreated']) {
      state.onCheckoutCreated = hook;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A Stripe event as the webhook would carry it, with the header Stripe's library signs it with. */
export function signedEvent(type: string, object: Record<string, unknown>, options: { id?: string; created?: number; secret?: string } = {}) {
  const event = {
    id: options.id ?? nextId('evt'),
    object: 'event',
    api_version: Stripe.API_VERSION,
    created: options.created ?? now(),
    livemode: false,
    pending_webhooks: 1,
    type,
    data: { object },
  };
  const payload = JSON.stringify(event);
  const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: options.secret ?? WEBHOOK_SECRET });
  return { event, payload, signature };
}

export function invoice(subscriptionId: string, overrides: Record<string, unknown> = {}, periodEnd = now() + 365 * 86_400) {
  return {
    id: nextId('in'),
    object: 'invoice',
    customer: 'cus_test',
    billing_reason: 'subscription_cycle',
    hosted_invoice_url: 'https://invoice.stripe.com/i/test',
    parent: { type: 'subscription_details', subscription_details: { subscription: subscriptionId, metadata: {} } },
    lines: { object: 'list', data: [{ period: { start: periodEnd - 365 * 86_400, end: periodEnd } }] },
    ...overrides,
  };
}
