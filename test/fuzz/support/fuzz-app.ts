import sharp from 'sharp';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../src/app.js';
import type { StaffUser } from '../../../src/staff/index.js';
import { makePlans, subscribe } from '../../members/helpers.js';
import { filmReview, makeAuthor, makeTag, postFields } from '../../support/factories.js';
import { testServices, type Dialect, type TestContext } from '../../support/stores.js';
import { startStripeServer, type StripeTestServer } from '../../support/stripe-server.js';
import type { Trouble } from './harness.js';

export interface FuzzApp extends TestContext {
  app: FastifyInstance;
  stripe: StripeTestServer;
  /** Real names and secrets in the seeded magazine, so generated requests sometimes hit something. */
  known: Known;
}

export interface Known {
  postSlugs: string[];
  tagSlugs: string[];
  authorSlugs: string[];
  planSlugs: string[];
  /** Secrets of a Content API key. */
  contentKey: string;
  /** Session cookie value of a signed-in reader with a monthly subscription. */
  memberSession: string;
  /** Signed newsletter links of a subscriber, and of one that does not exist (or was erased). */
  subscriberTokens: string[];
  administrator: StaffUser;
  /** Stripe's names for the reader's subscription and customer, and the checkout it came from. */
  stripe: { subscriptionId: string; customerId: string; checkoutId: string };
}

/**
 * The whole app over a fresh database with a small magazine in it (posts, a review, a page, a
 * members-only piece, plans, a reader with a subscription, a subscriber, a print issue, an
 * image), payments pointed at the local Stripe stand-in, and its log going to `trouble`.
 */
export async function fuzzApp(dialect: Dialect, trouble: Trouble): Promise<FuzzApp> {
  const stripe = await startStripeServer();
  const context = await testServices(dialect, { stripe: stripe.settings });
  const { services } = context;
  const app = await buildApp({
    config: { publicUrl: 'http://localhost:3000', themeDir: undefined, dataDir: context.dataDir },
    services,
    logger: trouble.logger,
  });
  await app.ready();

  const administrator = await services.users.create({ email: 'owner@masthead.example', name: 'Owner', role: 'administrator' });
  const author = await makeAuthor(services, { name: 'Ada Writer' });
  const section = await makeTag(services, { name: 'Culture' });
  const posts = await Promise.all([
    services.posts.create(postFields([author.slug], { status: 'published', tags: [section.slug], featured: true })),
    services.posts.create(filmReview([author.slug], { status: 'published', tags: [section.slug] })),
    services.posts.create(postFields([author.slug], { status: 'published', visibility: 'paid' })),
    services.posts.create(postFields([author.slug], { status: 'published', type: 'page' })),
    services.posts.create(postFields([author.slug])),
  ]);
  const plans = await makePlans(services);
  const subscription = await subscribe(services, stripe, { plan: plans.digital.slug, billing: 'month', email: 'reader@example.com' });
  await services.print.create({ name: 'Winter issue', onSaleDate: '2099-02-01', addressCutoff: '2099-01-01T00:00:00Z' });
  const image = await sharp({ create: { width: 32, height: 24, channels: 3, background: '#c04020' } })
    .jpeg()
    .toBuffer();
  await services.media.upload({ data: image, filename: 'cover.jpg', mimetype: 'image/jpeg' }, { alt: 'A red cover' }, administrator);
  const { secret: contentKey } = await services.contentKeys.create({ name: 'Front end' }, administrator.id);

  let signInToken = '';
  await services.members.requestSignIn('reader@example.com', (token) => (signInToken = token));
  const { session: memberSession } = await services.members.completeSignIn(signInToken);

  await services.subscribers.subscribe({ email: 'subscriber@example.com' });
  const subscriber = await services.subscribers.find('subscriber@example.com');
  const links = await services.subscribers.links();
  const row = (await services.subscribers.findRow(subscriber.id))!;
  const subscriberTokens = [
    await services.subscribers.confirmToken(row),
    links.sign({ purpose: 'preferences', subscriberId: subscriber.id }),
    links.sign({ purpose: 'unsubscribe', subscriberId: subscriber.id }),
    links.sign({ purpose: 'preferences', subscriberId: 999_999 }),
    links.sign({ purpose: 'unsubscribe', subscriberId: subscriber.id, newsletterId: 999_999 }),
    // Erasure forms' tokens that erase no one: one expired, one for nobody.
    links.sign({ purpose: 'erase', subscriberId: subscriber.id, expires: 1 }),
    links.sign({ purpose: 'erase', subscriberId: 999_999 }),
  ];

  return {
    ...context,
    app,
    stripe,
    known: {
      postSlugs: posts.map((p) => p.slug),
      tagSlugs: [section.slug],
      authorSlugs: [author.slug],
      planSlugs: [plans.digital.slug, plans.print.slug],
      contentKey,
      memberSession,
      subscriberTokens,
      administrator,
      stripe: { subscriptionId: subscription.stripeId, customerId: subscription.customer, checkoutId: subscription.checkoutId },
    },
    close: async () => {
      await app.close();
      await context.close();
      await stripe.close();
    },
  };
}
