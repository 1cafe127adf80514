import { inTransaction, type Db } from '../db/client.js';
import { AppError } from '../errors/app-error.js';
import type { EmailWords } from './member.emails.js';
import { checkoutsOf, lockMember, commentSettingsOf, commentsOf, eraseMemberRows, fulfilmentOf, hasBilledSubscription, openCheckoutSessions, tipsOf } from './member-data.repository.js';
import type { Payments } from './payments.js';
import type { MemberService } from './member.service.js';

export interface MemberDataDeps<Followed> {
  db: Db;
  members: Pick<MemberService, 'detail'>;
  /** Stripe, to close the member's unpaid checkouts; null where payments are not configured. */
  payments: Payments | null;
  /** The site's language: erased members' comments are signed with its "A former member". */
  words: () => Promise<Pick<EmailWords, 't'>>;
  /** Told, after the erasure commits, which pieces now show different comments. */
  commentsChanged: (postIds: number[]) => void;
  /** What the member follows and whether they get alerts (the follows domain holds these). */
  followsOf: (memberId: number) => Promise<{ followAlerts: boolean; follows: Followed[] }>;
}

/** A member's data on request: everything held about them, or their erasure. */
export class MemberDataService<Followed = unknown> {
  constructor(private readonly deps: MemberDataDeps<Followed>) {}

  /** Everything Masthead holds about one member, for staff answering a data request or the member themself. */
  async export(id: number) {
    const { db } = this.deps;
    const detail = await this.deps.members.detail(id);
    return {
      member: detail.member,
      subscriptions: detail.subscriptions,
      giftsGiven: detail.giftsGiven,
      checkouts: await checkoutsOf(db, id),
      tips: await tipsOf(db, id),
      printFulfilment: await fulfilmentOf(db, id),
      comments: await commentsOf(db, id),
      ...(await commentSettingsOf(db, id)),
      ...(await this.deps.followsOf(id)),
    };
  }

  /** Whether Stripe still bills the member, which stops their erasure until the subscription ends. */
  stillBilled(id: number): Promise<boolean> {
    return hasBilledSubscription(this.deps.db, id);
  }

  /**
   * Erases one member in one transaction (see `eraseMemberRows` for what stays). Refused while
   * Stripe still bills them: their subscription must be cancelled first, on purpose, by staff.
   */
  async erase(id: number): Promise<void> {
    const { t } = await this.deps.words();
    for (let attempt = 1; ; attempt += 1) {
      const closed = await this.closeCheckouts(id);
      try {
        const touched = await inTransaction(this.deps.db, async (tx) => {
          if (!(await lockMember(tx, { id }))) throw new AppError('MEMBER_NOT_FOUND');
          if (await hasBilledSubscription(tx, id)) throw new AppError('MEMBER_STILL_SUBSCRIBED');
          // A checkout opened while the others were being closed: its payment would find no one.
          if ((await openCheckoutSessions(tx, id)).some((session) => !closed.has(session))) throw new AppError('MEMBER_CHECKOUT_OPEN');
          return eraseMemberRows(tx, id, t('comments.formerMember'));
        });
        this.deps.commentsChanged(touched);
        return;
      } catch (error) {
        // Close that one too and try again; a member opening checkouts faster than that is told.
        if (!(error instanceof AppError && error.code === 'MEMBER_CHECKOUT_OPEN') || attempt === 3) throw error;
      }
    }
  }

  /**
   * Closes the member's checkouts still open at Stripe, so no one pays for an account about to be
   * gone (the payment would arrive for no member and be kept for nothing). One already paid stops
   * the erasure until its payment is recorded; Stripe not answering stops it too, to be tried again.
   */
  private async closeCheckouts(id: number): Promise<Set<string>> {
    const sessions = await openCheckoutSessions(this.deps.db, id);
    const closed = new Set<string>();
    if (sessions.length === 0 || !this.deps.payments) return closed;
    for (const session of sessions) {
      let outcome: 'closed' | 'paid';
      try {
        outcome = await this.deps.payments.expireCheckout(session);
      } catch (error) {
        throw new AppError('PAYMENT_PROVIDER_FAILED', `The payment provider did not answer: ${error instanceof Error ? error.message : 'unknown error'}`);
      }
      if (outcome === 'paid') throw new AppError('MEMBER_CHECKOUT_PAID');
      closed.add(session);
    }
    return closed;
  }
}
