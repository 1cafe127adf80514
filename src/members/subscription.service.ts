import type { Logger } from 'pino';
import { z } from 'zod';
import type { Clock } from '../clock.js';
import { line, paragraph } from '../content/text.js';
import { inTransaction, type Db, type Tx } from '../db/client.js';
import { AppError } from '../errors/app-error.js';
import type { EventChannel } from '../events.js';
import { parseInput } from '../errors/validate.js';
import type { JobQueue } from '../jobs/index.js';
import { validateAddress, type Address } from './address.js';
import { giftEmail, graceEndingEmail, lapsedEmail, MEMBER_EMAIL_JOB, paymentFailedEmail, type EmailWords } from './member.emails.js';
import { findMember, insertMember, updateMemberRow, upsertMember } from './member.repository.js';
import { lockMember } from './member-data.repository.js';
import { whileMemberExists } from './member-lock.js';
import { emailInput } from './member.service.js';
import { billings, type Billing, type Member, type MemberChange, type Plan, type Subscription, type SubscriptionStatus } from './member.types.js';
import { currencyCode, fromStripeAmount, priceIn } from './money.js';
import { usableOffer } from './offer.service.js';
import { recordTip } from './tip.service.js';
import type { Payments } from './payments.js';
import { findPlan } from './plan.repository.js';
import { checkoutIdOf, checkoutSessionObject, epochToIso, eventEnvelope, invoiceObject, invoicePeriodEnd, invoiceSubscription, periodEnd, subscriptionObject } from './stripe-objects.js';
import {
  completeCheckout,
  findCheckout,
  setCheckoutAmount,
  findSubscription,
  insertCheckout,
  insertSubscription,
  recordEvent,
  setCheckoutSession,
  setEventOutcome,
  updateSubscriptionRow,
} from './subscription.repository.js';

/** Runs at the end of a grace period: lapses the subscription if it is still unpaid. */
export const GRACE_END_JOB = 'members.grace-end';
export const GRACE_DAYS = 14;
const DAY_MS = 86_400_000;

export const checkoutInput = z
  .object({
    plan: z.string().trim().max(190),
    billing: z.enum(billings),
    email: emailInput.optional(),
    /** The code of the offer the reader came from (its landing page). */
    offer: z.string().trim().toLowerCase().max(60).optional(),
    address: z.unknown().optional(),
    gift: z
      .object({ email: emailInput, name: line(120, 1), message: paragraph(500).default(''), address: z.unknown().optional() })
      .strict()
      .optional(),
  })
  .strict();

export interface SubscriptionDeps {
  db: Db;
  clock: Clock;
  jobs: JobQueue;
  payments: Payments | null;
  publicUrl: string;
  events: EventChannel<MemberChange>;
  /** The site's language, for the emails to members. */
  words: () => Promise<EmailWords>;
  /** Told of a checkout session left open at Stripe that nobody was given. */
  logger: Pick<Logger, 'warn'>;
}

type Outcome = string;
type Stored = Subscription & { stripeStateAt: number };

/** Stripe Checkout, the webhook events that follow it, and cancel/resume from the portal. */
export class SubscriptionService {
  constructor(private readonly deps: SubscriptionDeps) {}

  get paymentsConfigured(): boolean {
    return this.deps.payments !== null;
  }

  private payments(): Payments {
    if (!this.deps.payments) throw new AppError('PAYMENTS_NOT_CONFIGURED');
    return this.deps.payments;
  }

  private now(): string {
    return this.deps.clock().toISOString();
  }

  /**
   * Starts a hosted Stripe Checkout for a plan and returns the address to send the reader to.
   * A signed-in member buys as themselves. Someone not signed in names the buyer by email, which
   * must be new: an email that has an account belongs to someone who can sign in, and a stranger
   * typing it must not reach their Stripe customer (saved cards), address or subscriptions.
   */
  async startCheckout(signedIn: Member | null, input: unknown): Promise<string> {
    const payments = this.payments();
    const parsed = parseInput(checkoutInput, input);
    const plan = await findPlan(this.deps.db, { slug: parsed.plan });
    if (!plan || !plan.active) throw AppError.validation([{ field: 'plan', message: 'is not a plan on sale' }]);
    const amount = priceOf(plan, parsed.billing);
    if (amount === null) throw AppError.validation([{ field: 'billing', message: `${plan.name} is not sold that way` }]);
    // A plan saved before currencies were checked may hold a code or an amount Stripe would refuse.
    priceIn(amount, currencyCode(plan.currency, 'plan'), 'billing');
    if (!signedIn && !parsed.email) throw AppError.validation([{ field: 'email', message: 'is required' }]);
    if (parsed.billing === 'gift' && !parsed.gift) throw AppError.validation([{ field: 'gift.email', message: 'is required for a gift' }]);
    const gift = parsed.billing === 'gift' ? parsed.gift! : undefined;
    const offer = parsed.offer ? await usableOffer(this.deps.db, parsed.offer, plan.id, parsed.billing, this.now()) : null;
    const address = plan.tier === 'print' ? this.addressFor(gift ? gift.address : parsed.address, gift ? 'gift.address' : 'address') : null;

    const now = this.now();
    const record = async (tx: Tx) => {
      const buyer = signedIn ?? (await insertMember(tx, parsed.email!, now));
      if (!buyer) throw new AppError('CHECKOUT_SIGNIN_REQUIRED', undefined, [{ field: 'email', message: 'belongs to an account: sign in first' }]);
      const details = {
        address: gift ? null : address,
        gift: gift ? { email: gift.email, name: gift.name, message: gift.message, address } : null,
        signedIn: signedIn !== null,
      };
      return { buyer, checkoutId: await insertCheckout(tx, { memberId: buyer.id, planId: plan.id, billing: parsed.billing, details, offerId: offer?.id ?? null }, now) };
    };
    // A signed-in buyer's checkout lands before their erasure or not at all.
    const { buyer, checkoutId } = await (signedIn ? whileMemberExists(this.deps.db, signedIn.id, record) : inTransaction(this.deps.db, record));
    // Without a sign-in, the checkout made the buyer's account.
    if (!signedIn) this.deps.events.emit({ kind: 'added', member: buyer });
    let session: { id: string; url: string };
    try {
      session = await payments.createCheckout({
        checkoutId,
        customerId: buyer.stripeCustomerId,
        email: buyer.email,
        productName: parsed.billing === 'gift' ? `${plan.name} (gift, one year)` : plan.name,
        amountCents: amount,
        currency: plan.currency,
        billing: parsed.billing,
        trialDays: parsed.billing === 'gift' ? 0 : plan.trialDays,
        discount: offer ? (offer.stripePromotionCodeId ? { promotionCode: offer.stripePromotionCodeId } : { coupon: offer.stripeCouponId! }) : null,
        successUrl: `${this.deps.publicUrl}/members/welcome/`,
        cancelUrl: `${this.deps.publicUrl}${offer ? `/members/offers/${offer.code}/` : '/members/print/'}`,
      });
    } catch (error) {
      throw new AppError('PAYMENT_PROVIDER_FAILED', `The payment provider did not answer: ${error instanceof Error ? error.message : 'unknown error'}`);
    }
    // Under the buyer's lock, as erasure takes it: recorded before an erasure (which then closes
    // the session) or finding the checkout gone after one.
    const recorded = await whileMemberExists(this.deps.db, buyer.id, (tx) => setCheckoutSession(tx, checkoutId, session.id, this.now())).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'SIGNIN_REQUIRED') return false;
      throw error;
    });
    if (!recorded) {
      // The buyer was erased while Stripe made the session: close it before anyone can pay it. Its
      // address is given to no one, so the checkout stops here whether or not Stripe closes it;
      // if not, the operator learns which session stays open (until Stripe expires it in a day).
      await payments.expireCheckout(session.id).catch((error: unknown) => {
        const reason = error instanceof Error ? error.message : 'unknown error';
        this.deps.logger.warn({ session: session.id, reason }, 'could not close the Stripe checkout session of a buyer erased while it was made');
      });
      throw new AppError('SIGNIN_REQUIRED');
    }
    return session.url;
  }

  private addressFor(input: unknown, field: string): Address {
    if (input === undefined) throw AppError.validation([{ field, message: 'is required for print delivery' }]);
    try {
      return validateAddress(input);
    } catch (error) {
      if (error instanceof AppError) throw AppError.validation(error.fields.map((f) => ({ ...f, field: `${field}.${f.field}` })));
      throw error;
    }
  }

  /**
   * Verifies a webhook and applies its event exactly once. The event id is recorded in the same
   * transaction that applies it: a crash before commit leaves nothing, so Stripe's retry applies
   * it; a replay of a committed event finds the record and changes nothing.
   */
  async receiveWebhook(rawBody: Buffer, signature: string | undefined): Promise<Outcome> {
    const payments = this.payments();
    if (!payments.webhooksEnabled) throw new AppError('PAYMENTS_NOT_CONFIGURED', 'Webhooks are not configured (STRIPE_WEBHOOK_SECRET is not set).');
    let verified: unknown;
    try {
      verified = await payments.verifyEvent(rawBody, signature ?? '');
    } catch {
      throw new AppError('WEBHOOK_INVALID');
    }
    const event = eventEnvelope.safeParse(verified);
    if (!event.success) throw new AppError('WEBHOOK_INVALID', 'The webhook is not a Stripe event.');
    return this.applyEvent(event.data);
  }

  async applyEvent(event: z.infer<typeof eventEnvelope>): Promise<Outcome> {
    // Read before the transaction: on SQLite the settings wait for its one connection.
    const words = await this.deps.words();
    return inTransaction(this.deps.db, async (tx) => {
      const fresh = await recordEvent(tx, { id: event.id, type: event.type, created: event.created, outcome: 'received' }, this.now());
      if (!fresh) return 'duplicate';
      const outcome = await this.apply(tx, event, words);
      await setEventOutcome(tx, event.id, outcome);
      return outcome;
    });
  }

  private async apply(tx: Tx, event: z.infer<typeof eventEnvelope>, words: EmailWords): Promise<Outcome> {
    const object = event.data.object;
    const read = <S extends z.ZodType>(schema: S, handle: (value: z.output<S>) => Promise<Outcome>) => {
      const parsed = schema.safeParse(object);
      return parsed.success ? handle(parsed.data) : Promise.resolve('ignored: unreadable object');
    };
    switch (event.type) {
      // A session paid by a slow method (a bank debit or transfer) completes unpaid; Stripe says
      // later whether the money arrived. Either event is read the same way: only a paid session counts.
      case 'checkout.session.completed':
      case 'checkout.session.async_payment_succeeded':
        if (isTipSession(object)) return recordTip(tx, object, { jobs: this.deps.jobs, now: this.now(), words, publicUrl: this.deps.publicUrl });
        return read(checkoutSessionObject, (o) => this.checkoutCompleted(tx, o, event.created, words));
      case 'checkout.session.async_payment_failed':
        return isTipSession(object) ? 'ignored: tip payment failed' : 'ignored: event type not used';
      case 'invoice.paid':
        return read(invoiceObject, (o) => this.invoicePaid(tx, o, event.created));
      case 'invoice.payment_failed':
        return read(invoiceObject, (o) => this.paymentFailed(tx, o, event.created, words));
      case 'customer.subscription.created':
      case 'customer.subscription.updated':
      case 'customer.subscription.resumed':
      case 'customer.subscription.paused':
        return read(subscriptionObject, (o) => this.subscriptionChanged(tx, o, event.created, words));
      case 'customer.subscription.deleted':
        return read(subscriptionObject, (o) => this.subscriptionDeleted(tx, o, event.created));
      default:
        return 'ignored: event type not used';
    }
  }

  private async checkoutCompleted(tx: Tx, session: z.infer<typeof checkoutSessionObject>, created: number, words: EmailWords): Promise<Outcome> {
    const checkoutId = checkoutIdOf(session.client_reference_id);
    const checkout = checkoutId === null ? undefined : await findCheckout(tx, checkoutId);
    if (!checkout) return 'ignored: unknown checkout';
    // The buyer's row first, as erasure does: an erasure under way ends before, taking the checkout with it.
    if (!(await lockMember(tx, { id: checkout.memberId }))) return 'ignored: buyer erased';
    if (!paidCheckouts.has(session.payment_status)) return checkout.status === 'completed' ? 'ignored: checkout already completed' : 'ignored: not paid yet';
    const now = this.now();
    // What Stripe charged (after any offer's discount); kept even when an earlier event completed the checkout.
    if (session.amount_total != null && checkout.amountTotal === null) {
      const plan = (await findPlan(tx, { id: checkout.planId }))!;
      await setCheckoutAmount(tx, checkout.id, fromStripeAmount(session.amount_total, plan.currency), now);
    }
    if (checkout.status === 'completed') return 'ignored: checkout already completed';
    const buyer = (await findMember(tx, { id: checkout.memberId }))!;
    if (session.customer && !buyer.stripeCustomerId && !(await findMember(tx, { stripeCustomerId: session.customer }))) {
      await updateMemberRow(tx, buyer.id, { stripeCustomerId: session.customer }, now);
    }
    const plan = (await findPlan(tx, { id: checkout.planId }))!;
    if (checkout.billing === 'gift' && checkout.details.gift) {
      const gift = checkout.details.gift;
      const recipient = await upsertMember(tx, gift.email, gift.name, now);
      if (gift.address && !recipient.address) await updateMemberRow(tx, recipient.id, { address: gift.address }, now);
      await insertSubscription(
        tx,
        {
          memberId: recipient.id,
          buyerMemberId: buyer.id,
          planId: plan.id,
          billing: 'gift',
          status: 'active',
          stripeSubscriptionId: null,
          currentPeriodEnd: new Date(Date.parse(now) + 365 * DAY_MS).toISOString(),
          issuesRemaining: plan.tier === 'print' ? plan.issuesPerYear : 0,
          stripeStateAt: created,
        },
        now,
      );
      await completeCheckout(tx, checkout.id, now);
      await this.email(tx, giftEmail(words, gift.email, buyer.name || buyer.email, plan.name, gift.message));
      return 'gift subscription created';
    }
    if (!session.subscription) return 'ignored: no subscription in session';
    const existing = await findSubscription(tx, { stripeId: session.subscription });
    if (existing) return 'ignored: subscription already recorded';
    await this.createFromCheckout(tx, checkout.id, session.subscription);
    return 'subscription created';
  }

  /**
   * Creates the local subscription a completed checkout paid for. The checkout's address becomes
   * the member's, unless the checkout was started by someone not signed in and the owner of the
   * account has set an address since.
   */
  private async createFromCheckout(tx: Tx, checkoutId: number, stripeId: string): Promise<Stored | undefined> {
    const checkout = await findCheckout(tx, checkoutId);
    if (!checkout || checkout.billing === 'gift' || !(await lockMember(tx, { id: checkout.memberId }))) return undefined;
    const now = this.now();
    const { address, signedIn } = checkout.details;
    if (address && (signedIn || !(await findMember(tx, { id: checkout.memberId }))!.address)) {
      await updateMemberRow(tx, checkout.memberId, { address }, now);
    }
    const id = await insertSubscription(
      tx,
      {
        memberId: checkout.memberId,
        buyerMemberId: null,
        planId: checkout.planId,
        billing: checkout.billing,
        status: 'active',
        stripeSubscriptionId: stripeId,
        currentPeriodEnd: null,
        issuesRemaining: 0,
        stripeStateAt: 0,
      },
      now,
    );
    await completeCheckout(tx, checkout.id, now);
    return findSubscription(tx, { id });
  }

  /** The local subscription for a Stripe one; created from its checkout when that event has not arrived yet. */
  private async subscriptionFor(tx: Tx, stripeId: string, checkoutId: number | null): Promise<Stored | undefined> {
    const found = await findSubscription(tx, { stripeId });
    if (found || checkoutId === null) return found;
    return this.createFromCheckout(tx, checkoutId, stripeId);
  }

  private async invoicePaid(tx: Tx, invoice: z.infer<typeof invoiceObject>, created: number): Promise<Outcome> {
    const link = invoiceSubscription(invoice);
    if (!link) return 'ignored: not a subscription invoice';
    const subscription = await this.subscriptionFor(tx, link.id, link.checkoutId);
    if (!subscription) return 'ignored: unknown subscription';
    if (subscription.status === 'canceled') return 'ignored: subscription canceled';
    const end = invoicePeriodEnd(invoice);
    const endIso = end ? epochToIso(end) : subscription.currentPeriodEnd;
    const newer = created >= subscription.stripeStateAt;
    await updateSubscriptionRow(
      tx,
      subscription.id,
      {
        issuesRemaining: creditIssues(subscription),
        currentPeriodEnd: endIso && (!subscription.currentPeriodEnd || endIso > subscription.currentPeriodEnd) ? endIso : subscription.currentPeriodEnd,
        ...(newer ? { status: 'active', graceUntil: null, stripeStateAt: created } : {}),
      },
      this.now(),
    );
    if (newer) await this.endGraceJobs(tx, subscription.id);
    return newer ? 'paid' : 'paid (older than current state: issues credited only)';
  }

  private async paymentFailed(tx: Tx, invoice: z.infer<typeof invoiceObject>, created: number, words: EmailWords): Promise<Outcome> {
    const link = invoiceSubscription(invoice);
    if (!link) return 'ignored: not a subscription invoice';
    const subscription = await findSubscription(tx, { stripeId: link.id });
    if (!subscription) return 'ignored: unknown subscription';
    if (subscription.status === 'canceled') return 'ignored: subscription canceled';
    if (created < subscription.stripeStateAt) return 'ignored: older than current state';
    return this.enterGrace(tx, subscription, created, words);
  }

  private async enterGrace(tx: Tx, subscription: Stored, created: number, words: EmailWords): Promise<Outcome> {
    const now = this.deps.clock();
    const graceUntil = subscription.graceUntil ?? new Date(now.getTime() + GRACE_DAYS * DAY_MS).toISOString();
    await updateSubscriptionRow(tx, subscription.id, { status: 'past_due', graceUntil, stripeStateAt: created }, now.toISOString());
    if (subscription.graceUntil) return 'payment failed again (grace period unchanged)';
    const member = (await findMember(tx, { id: subscription.memberId }))!;
    const portal = `${this.deps.publicUrl}/members/`;
    await this.email(tx, paymentFailedEmail(words, member.email, graceUntil, portal));
    await this.email(tx, graceEndingEmail(words, member.email, graceUntil, portal), new Date(Date.parse(graceUntil) - 3 * DAY_MS).toISOString(), reminderKey(subscription.id));
    await this.deps.jobs.enqueue(tx, { name: GRACE_END_JOB, key: graceKey(subscription.id), payload: { subscriptionId: subscription.id }, runAt: graceUntil });
    return 'payment failed: grace period started';
  }

  private async subscriptionChanged(tx: Tx, object: z.infer<typeof subscriptionObject>, created: number, words: EmailWords): Promise<Outcome> {
    const checkoutId = checkoutIdOf(object.metadata?.checkout_id);
    const paid = paidStates.has(object.status);
    // Only a paid subscription is recorded: one that is still incomplete gives nothing yet.
    const subscription = await this.subscriptionFor(tx, object.id, paid ? checkoutId : null);
    if (!subscription) return paid || checkoutId === null ? 'ignored: unknown subscription' : 'ignored: not paid';
    if (subscription.status === 'canceled') return 'ignored: subscription canceled';
    // A recorded subscription has been paid and never becomes incomplete again: this is a late copy.
    if (object.status === 'incomplete') return 'ignored: incomplete (already paid)';
    if (created < subscription.stripeStateAt) return 'ignored: older than current state';
    return this.applyState(tx, subscription, object, created, words);
  }

  private async applyState(tx: Tx, subscription: Stored, object: z.infer<typeof subscriptionObject>, stateAt: number, words: EmailWords): Promise<Outcome> {
    const status = mapStatus(object.status);
    if (status === 'past_due' && subscription.status !== 'past_due') return this.enterGrace(tx, subscription, stateAt, words);
    const end = periodEnd(object);
    const cancelAtPeriodEnd = object.cancel_at_period_end || (object.cancel_at ?? null) !== null;
    await updateSubscriptionRow(
      tx,
      subscription.id,
      {
        status,
        cancelAtPeriodEnd,
        stripeStateAt: stateAt,
        trialEndsAt: object.status === 'trialing' && object.trial_end ? epochToIso(object.trial_end) : null,
        ...(end ? { currentPeriodEnd: epochToIso(end) } : {}),
        ...(status !== 'past_due' ? { graceUntil: null } : {}),
      },
      this.now(),
    );
    if (status !== 'past_due') await this.endGraceJobs(tx, subscription.id);
    if (subscription.cancelAtPeriodEnd && !cancelAtPeriodEnd && status === 'active') return 'resumed';
    if (!subscription.cancelAtPeriodEnd && cancelAtPeriodEnd) return 'cancels at period end';
    return `updated: ${object.status === 'trialing' ? 'trialing' : status}`;
  }

  private async subscriptionDeleted(tx: Tx, object: z.infer<typeof subscriptionObject>, created: number): Promise<Outcome> {
    const subscription = await findSubscription(tx, { stripeId: object.id });
    if (!subscription) return 'ignored: unknown subscription';
    if (subscription.status === 'canceled') return 'ignored: subscription canceled';
    // Cancellation is final in Stripe, so it applies even when it arrives before older events.
    await updateSubscriptionRow(
      tx,
      subscription.id,
      { status: 'canceled', cancelAtPeriodEnd: false, graceUntil: null, issuesRemaining: 0, trialEndsAt: null, stripeStateAt: Math.max(created, subscription.stripeStateAt) },
      this.now(),
    );
    await this.endGraceJobs(tx, subscription.id);
    return 'canceled';
  }

  /** The grace-period job: a subscription still unpaid at the end of its grace lapses. */
  async endGrace(subscriptionId: number): Promise<void> {
    const words = await this.deps.words();
    await inTransaction(this.deps.db, async (tx) => {
      const subscription = await findSubscription(tx, { id: subscriptionId });
      if (!subscription || subscription.status !== 'past_due' || (subscription.graceUntil ?? '') > this.now()) return;
      await updateSubscriptionRow(tx, subscription.id, { status: 'lapsed' }, this.now());
      const member = (await findMember(tx, { id: subscription.memberId }))!;
      await this.email(tx, lapsedEmail(words, member.email, `${this.deps.publicUrl}/members/print/`));
    });
  }

  /** Cancel at the end of the paid period, or take that back; the member's own subscriptions only. */
  async setCancelAtPeriodEnd(member: Member, subscriptionId: number, cancel: boolean): Promise<void> {
    const payments = this.payments();
    const subscription = await findSubscription(this.deps.db, { id: subscriptionId });
    if (!subscription || subscription.memberId !== member.id) throw new AppError('SUBSCRIPTION_NOT_FOUND');
    if (!subscription.stripeSubscriptionId || subscription.status === 'canceled' || subscription.status === 'lapsed' || subscription.cancelAtPeriodEnd === cancel) {
      throw new AppError('SUBSCRIPTION_NOT_CHANGEABLE');
    }
    let updated: unknown;
    try {
      updated = await payments.setCancelAtPeriodEnd(subscription.stripeSubscriptionId, cancel);
    } catch (error) {
      throw new AppError('PAYMENT_PROVIDER_FAILED', `The payment provider did not answer: ${error instanceof Error ? error.message : 'unknown error'}`);
    }
    const object = subscriptionObject.parse(updated);
    const words = await this.deps.words();
    await inTransaction(this.deps.db, async (tx) => {
      const current = (await findSubscription(tx, { id: subscriptionId }))!;
      await this.applyState(tx, current, object, Math.max(current.stripeStateAt, Math.floor(this.deps.clock().getTime() / 1000)), words);
    });
  }

  /** The Stripe billing portal (payment details, invoices) for a member who has paid before. */
  async billingPortal(member: Member): Promise<string> {
    const payments = this.payments();
    if (!member.stripeCustomerId) throw new AppError('SUBSCRIPTION_NOT_FOUND', 'You have no payments to manage yet.');
    try {
      return await payments.billingPortalUrl(member.stripeCustomerId, `${this.deps.publicUrl}/members/`);
    } catch (error) {
      throw new AppError('PAYMENT_PROVIDER_FAILED', `The payment provider did not answer: ${error instanceof Error ? error.message : 'unknown error'}`);
    }
  }

  /** Payment arrived or the subscription ended: no lapse, no reminder. */
  private async endGraceJobs(tx: Tx, subscriptionId: number): Promise<void> {
    await this.deps.jobs.cancel(tx, graceKey(subscriptionId));
    await this.deps.jobs.cancel(tx, reminderKey(subscriptionId));
  }

  private email(tx: Tx, message: ReturnType<typeof giftEmail>, runAt?: string, key?: string): Promise<void> {
    return this.deps.jobs.enqueue(tx, { name: MEMBER_EMAIL_JOB, payload: message, ...(runAt ? { runAt } : {}), ...(key ? { key } : {}) });
  }
}

const graceKey = (subscriptionId: number) => `grace-end:${subscriptionId}`;
const reminderKey = (subscriptionId: number) => `grace-reminder:${subscriptionId}`;

export function priceOf(plan: Plan, billing: Billing): number | null {
  return billing === 'month' ? plan.monthlyCents : billing === 'year' ? plan.yearlyCents : plan.giftCents;
}

/** Print issues after a paid invoice: a year pays for a year of issues; a paid month keeps the next issue coming. */
function creditIssues(subscription: Subscription): number {
  if (subscription.plan.tier !== 'print') return subscription.issuesRemaining;
  if (subscription.billing === 'year') return subscription.issuesRemaining + subscription.plan.issuesPerYear;
  return Math.max(subscription.issuesRemaining, 1);
}

/** A checkout session for a tip (in payment mode, marked by its metadata). */
function isTipSession(object: Record<string, unknown>): boolean {
  const metadata = object.metadata;
  return typeof metadata === 'object' && metadata !== null && (metadata as Record<string, unknown>).kind === 'tip';
}

/** Checkout sessions that have been paid for, or needed no payment (a free trial, a full discount). */
const paidCheckouts = new Set(['paid', 'no_payment_required']);

/** Stripe's subscription states that are paid up. */
const paidStates = new Set(['active', 'trialing']);

/**
 * Stripe's subscription status as ours. Only `active` and `trialing` are paid. `past_due` (a
 * renewal failed, Stripe is retrying) keeps access through our grace period (GRACE_DAYS), then
 * lapses. `unpaid` (retries exhausted), `paused` and any status Stripe may add later give no
 * access; `canceled` and `incomplete_expired` end the subscription. `incomplete` never reaches
 * here: an unpaid subscription is not recorded.
 */
function mapStatus(stripeStatus: string): SubscriptionStatus {
  switch (stripeStatus) {
    case 'active':
    case 'trialing':
      return 'active';
    case 'past_due':
      return 'past_due';
    case 'canceled':
    case 'incomplete_expired':
      return 'canceled';
    default:
      return 'lapsed';
  }
}
