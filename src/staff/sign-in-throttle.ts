import { clientKey } from '../client-key.js';
import type { Clock } from '../clock.js';
import type { Db, DbOrTx } from '../db/client.js';
import { AppError } from '../errors/app-error.js';
import { clearTries, countTry, deleteTriesBefore, uncountTry } from './sign-in-throttle.repository.js';

const MINUTE = 60_000;

/** Password tries allowed per window, by what they are counted against. */
export const signInLimits = {
  /** One email from one address (an IPv6 address counts as its /64). */
  emailAndAddress: { max: 5, windowMs: 15 * MINUTE },
  /** One address, whatever the emails. */
  address: { max: 20, windowMs: 15 * MINUTE },
  /** One email from every browser it does not know, wherever they are. */
  account: { max: 30, windowMs: 60 * MINUTE },
  /** One browser that signed in to the account before; past this it counts as unknown. */
  knownBrowser: { max: 5, windowMs: 15 * MINUTE },
} as const;

/** Emailed links of one kind an account is sent per window; further requests send nothing. */
const emailedLinkLimit = { max: 3, windowMs: 15 * MINUTE } as const;

type Limit = { max: number; windowMs: number };

const longestWindowMs = Math.max(emailedLinkLimit.windowMs, ...Object.values(signInLimits).map((limit) => limit.windowMs));

/** A counted password try; `settle(true)` after a correct password gives its counts back. */
export interface SignInTry {
  settle(correct: boolean): Promise<void>;
}

/**
 * Sign-in throttling. Every try is counted in the database before the password is checked, in one
 * statement per count, so tries sent at once (to one process or many) each count and none slips
 * past a limit. Guesses from one place lock out only that place: a known browser has its own
 * limit and passes the per-address and per-account ones, and an emailed sign-in link passes all.
 */
export class SignInThrottle {
  private prunedAt = 0;

  constructor(private readonly deps: { db: Db; clock: Clock }) {}

  /** Counts a password try, or refuses it with SIGN_IN_THROTTLED. */
  async begin(attempt: { email: string; address: string; knownBrowser?: string }): Promise<SignInTry> {
    await this.prune();
    const { db } = this.deps;
    if (attempt.knownBrowser) {
      const key = `browser:${attempt.knownBrowser}`;
      if (await this.within(key, signInLimits.knownBrowser)) {
        return { settle: async (correct) => (correct ? clearTries(db, key) : undefined) };
      }
    }
    const range = clientKey(attempt.address);
    const pair = `pair:${range}|${attempt.email}`;
    const address = `address:${range}`;
    const account = `account:${attempt.email}`;
    // In this order, a place already refused adds nothing to the account's count.
    const counts: Array<[string, Limit]> = [
      [pair, signInLimits.emailAndAddress],
      [address, signInLimits.address],
      [account, signInLimits.account],
    ];
    for (const [key, limit] of counts) {
      if (!(await this.within(key, limit))) throw new AppError('SIGN_IN_THROTTLED');
    }
    return {
      settle: async (correct) => {
        if (!correct) return;
        await clearTries(db, pair);
        await uncountTry(db, address);
        await uncountTry(db, account);
      },
    };
  }

  /** Lifts the account's own pause, once its owner has shown they read its email (a password reset). */
  forgetAccount(db: DbOrTx, email: string): Promise<void> {
    return clearTries(db, `account:${email}`);
  }

  /** Counts a request for an emailed link; false once the account has had its share this window. */
  mayEmailLink(kind: string, userId: number): Promise<boolean> {
    return this.within(`link:${kind}:${userId}`, emailedLinkLimit);
  }

  private async within(key: string, limit: Limit): Promise<boolean> {
    const now = this.deps.clock();
    const count = await countTry(this.deps.db, key, now.toISOString(), new Date(now.getTime() - limit.windowMs).toISOString());
    return count <= limit.max;
  }

  /** Drops counts whose window has passed, at most once a minute per process. */
  private async prune(): Promise<void> {
    const now = this.deps.clock().getTime();
    if (now - this.prunedAt < MINUTE) return;
    this.prunedAt = now;
    await deleteTriesBefore(this.deps.db, new Date(now - longestWindowMs).toISOString());
  }
}
