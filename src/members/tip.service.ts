import { z } from 'zod';
import type { Clock } from '../clock.js';
import type { Db, Tx } from '../db/client.js';
import { AppError } from '../errors/app-error.js';
import { parseInput } from '../errors/validate.js';
import type { JobQueue } from '../jobs/index.js';
import { MEMBER_EMAIL_JOB, tipThanksEmail, type EmailWords } from './member.emails.js';
import type { Member } from './member.types.js';
import { currencyDigits, formatMoney, fromStripeAmount, isCurrency, priceIn } from './money.js';
import type { Payments } from './payments.js';
import { findMember } from './member.repository.js';
import { listPlans } from './plan.repository.js';
import { checkoutIdOf, tipSessionObject } from './stripe-objects.js';
import { insertTip, latestTips, tipTotals, type Tip } from './tip.repository.js';

/** What a reader may give: the site's currency (its first paid plan's), three suggested amounts, and the bounds of a free amount. */
export interface TipChoices {
  currency: string;
  presets: number[];
  min: number;
  max: number;
}

export const tipInput = z
  .object({
    /** A suggested amount in minor units, or an amount as typed in the main unit ("7.50"). */
    amount: z.union([z.number().int('must be a whole number of minor units'), z.string().trim().min(1, 'is required').max(40)]),
  })
  .strict();

export interface TipDeps {
  db: Db;
  clock: Clock;
  payments: Payments | null;
  publicUrl: string;
  locale: () => Promise<string>;
}

/** The amount rounded to whole units of the currency (13.00 from 12.50), at least one unit. */
function wholeUnits(minor: number, currency: string): number {
  const unit = 10 ** currencyDigits(currency);
  return Math.max(unit, Math.round(minor / unit) * unit);
}

/** One-off tips through Stripe Checkout in payment mode, and the admin's view of them. */
export class TipService {
  constructor(private readonly deps: TipDeps) {}

  get paymentsConfigured(): boolean {
    return this.deps.payments !== null;
  }

  /**
   * Suggested amounts follow what the magazine charges: the cheapest monthly price (or a twelfth of
   * a yearly one) of its plans on sale, once, twice and four times, in whole units; a free amount
   * may go from a fifth of it to a hundred times it. Without paid plans: 5.00 in pounds.
   */
  async choices(): Promise<TipChoices> {
    const plans = (await listPlans(this.deps.db, true)).filter((p) => p.tier !== 'free');
    const currency = plans[0]?.currency ?? 'gbp';
    const monthly = plans.filter((p) => p.currency === currency).flatMap((p) => p.monthlyCents ?? (p.yearlyCents !== null ? [Math.round(p.yearlyCents / 12)] : []));
    const base = wholeUnits(monthly.length > 0 ? Math.min(...monthly) : 5 * 10 ** currencyDigits(currency), currency);
    return { currency, presets: [base, base * 2, base * 4], min: wholeUnits(base / 5, currency), max: base * 100 };
  }

  /** Starts a hosted Stripe Checkout for a tip; a signed-in member gives as themselves, anyone else is asked their email by Stripe. */
  async startCheckout(member: Member | null, input: unknown): Promise<string> {
    const payments = this.deps.payments;
    if (!payments) throw new AppError('PAYMENTS_NOT_CONFIGURED');
    const parsed = parseInput(tipInput, input);
    const choices = await this.choices();
    const amount = priceIn(parsed.amount, choices.currency, 'amount');
    if (amount < choices.min || amount > choices.max) {
      const locale = await this.deps.locale();
      const money = (minor: number) => formatMoney(minor, choices.currency, locale);
      throw AppError.validation([{ field: 'amount', message: `must be between ${money(choices.min)} and ${money(choices.max)}` }]);
    }
    try {
      const session = await payments.createTipCheckout({
        amount,
        currency: choices.currency,
        memberId: member?.id ?? null,
        customerId: member?.stripeCustomerId ?? null,
        email: member?.email ?? null,
        successUrl: `${this.deps.publicUrl}/members/tip/thanks/`,
        cancelUrl: `${this.deps.publicUrl}/members/tip/`,
      });
      return session.url;
    } catch (error) {
      throw new AppError('PAYMENT_PROVIDER_FAILED', `The payment provider did not answer: ${error instanceof Error ? error.message : 'unknown error'}`);
    }
  }

  /** The latest tips, totals per currency, and sums per month over the last year. */
  async report(limit = 100): Promise<{ tips: Tip[]; totals: Array<{ currency: string; count: number; amount: number }>; byMonth: Array<{ month: string; currency: string; count: number; amount: number }> }> {
    const now = this.deps.clock();
    const since = new Date(Date.UTC(now.getUTCFullYear() - 1, now.getUTCMonth() + 1, 1)).toISOString();
    const [tips, sums] = [await latestTips(this.deps.db, limit), await tipTotals(this.deps.db, since)];
    return { tips, ...sums };
  }
}

/**
 * A completed checkout for a tip, inside the webhook's transaction: recorded once per session (a
 * second event for the same session changes nothing), then a thank-you email is queued.
 */
export async function recordTip(tx: Tx, object: Record<string, unknown>, deps: { jobs: JobQueue; now: string; words: EmailWords; publicUrl: string }): Promise<string> {
  const parsed = tipSessionObject.safeParse(object);
  if (!parsed.success) return 'ignored: unreadable tip';
  const session = parsed.data;
  if (session.payment_status !== 'paid') return 'ignored: tip not paid yet';
  const email = session.customer_details?.email ?? session.customer_email;
  if (!email) return 'ignored: tip without an email';
  const currency = session.currency.toLowerCase();
  if (!isCurrency(currency)) return 'ignored: unknown currency';
  const amount = fromStripeAmount(session.amount_total, currency);
  // The member who gave it, if they still have an account.
  const memberId = checkoutIdOf(session.metadata?.member_id);
  const member = memberId === null ? undefined : await findMember(tx, { id: memberId });
  const fresh = await insertTip(tx, { sessionId: session.id, memberId: member?.id ?? null, email, amount, currency }, deps.now);
  if (!fresh) return 'ignored: tip already recorded';
  await deps.jobs.enqueue(tx, { name: MEMBER_EMAIL_JOB, payload: tipThanksEmail(deps.words, email, formatMoney(amount, currency, deps.words.locale), deps.publicUrl) });
  return 'tip recorded';
}
