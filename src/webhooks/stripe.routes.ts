import type { FastifyInstance } from 'fastify';
import type { SubscriptionService } from '../members/index.js';

/**
 * POST /webhooks/stripe: the raw body is kept byte for byte (the signature covers it), verified
 * with the signing secret, then applied once. Any failure to apply answers 5xx so Stripe retries.
 */
export async function stripeWebhookRoutes(app: FastifyInstance, deps: { subscriptions: SubscriptionService }): Promise<void> {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: 1024 * 1024 }, (_request, body, done) => done(null, body));

  app.post('/webhooks/stripe', async (request) => {
    const signature = request.headers['stripe-signature'];
    const outcome = await deps.subscriptions.receiveWebhook(request.body as Buffer, typeof signature === 'string' ? signature : undefined);
    return { received: true, outcome };
  });
}
