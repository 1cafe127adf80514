import type { CommentOutcome } from '../../src/comments/comment.types.js';
import type { Services } from '../../src/services.js';
import { makeAuthor, postFields } from '../support/factories.js';
import { testServices, type Dialect, type TestContext } from '../support/stores.js';
import { invoice, signedEvent, startStripeServer, type StripeTestServer } from '../support/stripe-server.js';

export const gbAddress = { name: 'Ada Obi', line1: '1 High Street', city: 'London', postcode: 'sw1a1aa', country: 'gb' };
export const usAddress = { name: 'Sam Lee', line1: '5 Main St', city: 'Springfield', region: 'il', postcode: '62701', country: 'US' };

export async function makePlans(services: Services) {
  const digital = await services.plans.create({ name: 'Digital', tier: 'digital', monthlyCents: 500, yearlyCents: 5000 });
  const print = await services.plans.create({ name: 'Print + Digital', tier: 'print', monthlyCents: 900, yearlyCents: 9000, giftCents: 9500, issuesPerYear: 4 });
  return { digital, print };
}

/** Delivers a signed event to the service the way the webhook route does. */
export function deliver(services: Services, type: string, object: Record<string, unknown>, options: { id?: string; created?: number } = {}) {
  const { payload, signature, event } = signedEvent(type, object, options);
  return { event, outcome: services.subscriptions.receiveWebhook(Buffer.from(payload), signature) };
}

/** The session cookie of a member signed in by the emailed link, as the browser would send it. */
export async function memberCookie(services: Services, email: string): Promise<string> {
  let token = '';
  await services.members.requestSignIn(email, (value) => (token = value));
  const { session } = await services.members.completeSignIn(token);
  return `masthead_member=${session}`;
}

/** Two readers signed in: a free member, and a paying one (digital plan, monthly). Their session cookies. */
export async function freeAndPayingReaders(services: Services, stripe: StripeTestServer): Promise<{ freeCookie: string; paidCookie: string }> {
  const freeCookie = await memberCookie(services, 'free@example.com');
  await subscribe(services, stripe, { plan: 'digital', billing: 'month', email: 'paid@example.com' });
  return { freeCookie, paidCookie: await memberCookie(services, 'paid@example.com') };
}

let counter = 0;

/** A reader buys a plan through checkout; Stripe then reports the completed session and the paid first invoice. */
export async function subscribe(
  services: Services,
  stripe: StripeTestServer,
  input: { plan: string; billing: 'month' | 'year'; email: string; address?: object },
): Promise<{ stripeId: string; customer: string; checkoutId: string }> {
  await services.subscriptions.startCheckout(null, input);
  const checkoutId = stripe.requests.at(-1)!.body.get('client_reference_id')!;
  counter += 1;
  const stripeId = `sub_flow${counter}`;
  const customer = `cus_flow${counter}`;
  await deliver(services, 'checkout.session.completed', {
    id: `cs_flow${counter}`,
    object: 'checkout.session',
    mode: 'subscription',
    client_reference_id: checkoutId,
    customer,
    subscription: stripeId,
    payment_status: 'paid',
  }).outcome;
  await deliver(services, 'invoice.paid', invoice(stripeId, { customer, billing_reason: 'subscription_create' })).outcome;
  return { stripeId, customer, checkoutId };
}

/** Someone buys a year of a plan as a gift for another reader, and Stripe reports the payment. */
export async function giveGift(services: Services, stripe: StripeTestServer, input: { plan: string; buyer: string; recipient: { email: string; name: string; message?: string; address?: object } }): Promise<void> {
  await services.subscriptions.startCheckout(null, { plan: input.plan, billing: 'gift', email: input.buyer, gift: { message: '', ...input.recipient } });
  counter += 1;
  const session = { id: `cs_gift${counter}`, client_reference_id: stripe.requests.at(-1)!.body.get('client_reference_id'), customer: `cus_gift${counter}`, subscription: null, payment_status: 'paid' };
  await deliver(services, 'checkout.session.completed', session).outcome;
}

/** Services over a fresh database with the Stripe client pointed at a local stand-in, and the two plans. */
export async function stripeServices(dialect: Dialect, options: Omit<Parameters<typeof testServices>[1] & object, 'stripe'> = {}) {
  const stripe = await startStripeServer();
  const t: TestContext = await testServices(dialect, { ...options, stripe: stripe.settings });
  await makePlans(t.services);
  return { t, stripe, close: async () => Promise.all([t.close(), stripe.close()]) };
}

/** Words that appear only in the bodies of the gated pieces below: finding them anywhere is a leak. */
export const MEMBERS_SECRET = 'Quillwort members-only paragraph';
export const PAID_SECRET = 'Zanzibar paid-only paragraph';

/** An open piece, a members-only one and a paid one (with teasers), by one author. */
export async function makeGatedPieces(services: Services) {
  const author = await makeAuthor(services, { name: 'Gate Keeper' });
  await services.posts.create(postFields([author.slug], { title: 'An open piece', status: 'published' }));
  const members = await services.posts.create(postFields([author.slug], { title: 'A members piece', excerpt: 'Members teaser.', body: `${MEMBERS_SECRET}.\n\nMore.`, visibility: 'members', status: 'published' }));
  const paid = await services.posts.create(postFields([author.slug], { title: 'A paid piece', excerpt: 'Paid teaser.', body: `${PAID_SECRET}.\n\nMore.`, visibility: 'paid', status: 'published' }));
  return { authorSlug: author.slug, membersSlug: members.slug, paidSlug: paid.slug };
}

/** The comment a member's comment was kept as (a test's comment is never expected to be discarded). */
export function keptComment(outcome: CommentOutcome) {
  if (outcome.kind === 'discarded') throw new Error('the comment was discarded');
  return outcome.comment;
}
