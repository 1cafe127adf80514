import argon2 from 'argon2';
import { z } from 'zod';
import type { Clock } from '../clock.js';
import { inTransaction, type Db } from '../db/client.js';
import type { Mailer } from '../email/index.js';
import { AppError } from '../errors/app-error.js';
import { parseInput } from '../errors/validate.js';
import type { JobQueue } from '../jobs/index.js';
import { invitationEmail, passwordResetEmail, signInLinkEmail } from './auth.emails.js';
import * as repo from './auth.repository.js';
import { hashToken, newToken } from './secret.js';
import { SignInThrottle } from './sign-in-throttle.js';
import { findUserByEmail, findUserById, toUser, updateUser } from './user.repository.js';
import { hashPassword, password, UserService, userInput } from './user.service.js';
import type { StaffUser } from './user.types.js';

const DAY = 24 * 60 * 60 * 1000;
/** Sessions last two weeks and are renewed while used, so a daily editor stays signed in. */
export const SESSION_DAYS = 14;
const INVITE_DAYS = 7;
const RESET_HOURS = 1;
const SIGN_IN_LINK_MINUTES = 15;
/** A browser stays known to an account for a year after it last signed in to it. */
const KNOWN_BROWSER_DAYS = 365;
/** The job that emails a password reset or sign-in link, off the request that asked for it. */
export const STAFF_LINK_JOB = 'staff.email-link';

const emailField = userInput.shape.email;
export const signInInput = z.object({ email: emailField, password: z.string().min(1, 'is required').max(200) }).strict();
export const setupInput = z.object({ email: emailField, name: userInput.shape.name, password }).strict();
export const acceptInviteInput = z.object({ token: z.string().min(1, 'is required').max(200), name: userInput.shape.name, password }).strict();
/** Asking for an emailed link: a password reset or a sign-in link. */
export const linkRequestInput = z.object({ email: emailField }).strict();
export const resetInput = z.object({ token: z.string().min(1, 'is required').max(200), password }).strict();
export const signInLinkInput = z.object({ token: z.string().min(1, 'is required').max(200) }).strict();

/** What each emailed link leads to, how long it works, and the email that carries it. */
const emailedLinks = {
  reset: { path: '/admin/reset-password', lifetimeMs: RESET_HOURS * 60 * 60 * 1000, lasts: `${RESET_HOURS} hour`, email: passwordResetEmail },
  'sign-in': { path: '/admin/sign-in-link', lifetimeMs: SIGN_IN_LINK_MINUTES * 60 * 1000, lasts: `${SIGN_IN_LINK_MINUTES} minutes`, email: signInLinkEmail },
} as const;
type EmailedLink = keyof typeof emailedLinks;
const emailedLinkJob = z.object({ email: z.string(), link: z.enum(['reset', 'sign-in']) });

export interface SignedIn {
  token: string;
  user: StaffUser;
  expiresAt: string;
  /** The browser's new known-browser token: keep it in a long-lived cookie sent with sign-ins. */
  browser: { token: string; expiresAt: string };
}

/** Where a password sign-in comes from: the client address and the browser's known-browser token, if any. */
export interface SignInOrigin {
  address: string;
  browser?: string;
}

/** Builds the address a link in an email points at, e.g. `${publicUrl}/admin/reset-password?token=…`. */
export type LinkBuilder = (path: string, token: string) => string;

/** The site's links with a token, e.g. `https://magazine.example/admin/reset-password?token=…`. */
export function linkBuilder(publicUrl: string): LinkBuilder {
  return (path, token) => new URL(`${path}?token=${encodeURIComponent(token)}`, publicUrl).toString();
}

/** Staff sessions, sign-in throttling, invitations, emailed links, password resets and first-run setup. */
export class StaffAuthService {
  private dummyHash: Promise<string> | undefined;
  private readonly throttle: SignInThrottle;

  constructor(private readonly deps: { db: Db; clock: Clock; mailer: Mailer; jobs: JobQueue; link: LinkBuilder; users: UserService; siteTitle: () => Promise<string> }) {
    this.throttle = new SignInThrottle({ db: deps.db, clock: deps.clock });
  }

  async signIn(input: unknown, origin: SignInOrigin): Promise<SignedIn> {
    const data = parseInput(signInInput, input);
    const row = await findUserByEmail(this.deps.db, data.email);
    // Looked up whether or not the email has an account, so the work does not tell.
    const browser = origin.browser ? await repo.findKnownBrowser(this.deps.db, hashToken(origin.browser), this.deps.clock().toISOString()) : undefined;
    const knownBrowser = browser && browser.userId === row?.id ? String(browser.id) : undefined;
    const attempt = await this.throttle.begin({ email: data.email, address: origin.address, knownBrowser });
    // Unknown addresses cost the same work as known ones, so timing does not tell them apart.
    const valid = await argon2.verify(row?.password_hash ?? (await this.fakeHash()), data.password);
    const correct = row !== undefined && row.password_hash !== null && valid && row.status === 'active';
    await attempt.settle(correct);
    if (!correct) throw new AppError('SIGN_IN_FAILED');
    return this.startSession(toUser(row), origin.browser);
  }

  /**
   * The signed-in user of a session token, or undefined when the session ended or the user lost
   * access. A session past half its life is renewed; `renewedUntil` then says the new end.
   */
  async authenticate(token: string): Promise<{ user: StaffUser; renewedUntil: string | null } | undefined> {
    const now = this.deps.clock();
    const found = await repo.findSessionUser(this.deps.db, hashToken(token), now.toISOString());
    if (!found || found.user.status !== 'active') return undefined;
    let renewedUntil: string | null = null;
    if (new Date(found.expiresAt).getTime() - now.getTime() < (SESSION_DAYS / 2) * DAY) {
      renewedUntil = new Date(now.getTime() + SESSION_DAYS * DAY).toISOString();
      await repo.extendSession(this.deps.db, found.sessionId, renewedUntil);
    }
    return { user: toUser(found.user), renewedUntil };
  }

  async signOut(token: string): Promise<void> {
    await repo.deleteSession(this.deps.db, hashToken(token));
  }

  /** Ends every session of the user, on every device. */
  async signOutEverywhere(userId: number): Promise<number> {
    return repo.deleteSessionsOf(this.deps.db, userId);
  }

  async setupNeeded(): Promise<boolean> {
    return (await this.deps.users.count()) === 0;
  }

  /** Creates the first administrator; refused once any staff account exists. */
  async setup(input: unknown): Promise<SignedIn> {
    const data = parseInput(setupInput, input);
    const user = await inTransaction(this.deps.db, async (tx) => {
      const users = new UserService({ db: tx, clock: this.deps.clock });
      if ((await users.count()) > 0 || !(await repo.claimSetup(tx, this.deps.clock().toISOString()))) {
        throw new AppError('SETUP_DONE');
      }
      return users.create({ ...data, role: 'administrator' });
    });
    return this.startSession(user);
  }

  /** Sends an invitation link; the person chooses their name and password when accepting. */
  async invite(user: StaffUser, link: LinkBuilder, inviter: StaffUser): Promise<void> {
    const token = await this.issueToken(user.id, 'invite', INVITE_DAYS * DAY);
    const site = await this.deps.siteTitle();
    const url = link('/admin/accept-invite', token);
    await this.deps.mailer.send(invitationEmail(user.email, { inviter: inviter.name, site, role: user.role, url, days: INVITE_DAYS }));
  }

  async acceptInvite(input: unknown): Promise<SignedIn> {
    const data = parseInput(acceptInviteInput, input);
    const passwordHash = await hashPassword(data.password);
    const user = await inTransaction(this.deps.db, async (tx) => {
      const now = this.deps.clock().toISOString();
      const userId = await repo.consumeToken(tx, hashToken(data.token), 'invite', now);
      const row = userId === undefined ? undefined : await findUserById(tx, userId);
      if (!row || row.status !== 'invited') throw new AppError('LINK_INVALID');
      return (await updateUser(tx, row.id, { name: data.name, password_hash: passwordHash, status: 'active' }, now))!;
    });
    return this.startSession(user);
  }

  /** Queues a password reset email for the address; see `emailLink`. */
  requestPasswordReset(input: unknown): Promise<void> {
    return this.requestLink(input, 'reset');
  }

  /** Queues an email with a sign-in link for the address; see `emailLink`. */
  requestSignInLink(input: unknown): Promise<void> {
    return this.requestLink(input, 'sign-in');
  }

  /**
   * The job behind both requests: emails the link when the address belongs to an active account
   * that has not had its share of links this quarter hour, and otherwise does nothing.
   */
  async emailLink(payload: unknown): Promise<void> {
    const job = emailedLinkJob.parse(payload);
    const row = await findUserByEmail(this.deps.db, job.email);
    if (!row || row.status !== 'active' || !(await this.throttle.mayEmailLink(job.link, row.id))) return;
    const kind = emailedLinks[job.link];
    const token = await this.issueToken(row.id, job.link, kind.lifetimeMs);
    const site = await this.deps.siteTitle();
    await this.deps.mailer.send(kind.email(row.email, { site, url: this.deps.link(kind.path, token), lasts: kind.lasts }));
  }

  /**
   * Signs in with an emailed link, whatever the password throttling says: the link shows the
   * person reads the account's email. Using one link ends the account's other sign-in links.
   */
  async signInWithLink(input: unknown, origin: Pick<SignInOrigin, 'browser'>): Promise<SignedIn> {
    const data = parseInput(signInLinkInput, input);
    const user = await inTransaction(this.deps.db, async (tx) => {
      const now = this.deps.clock().toISOString();
      const userId = await repo.consumeToken(tx, hashToken(data.token), 'sign-in', now);
      const row = userId === undefined ? undefined : await findUserById(tx, userId);
      if (!row || row.status !== 'active') throw new AppError('LINK_INVALID');
      await repo.useUpTokens(tx, row.id, 'sign-in', now);
      return toUser(row);
    });
    return this.startSession(user, origin.browser);
  }

  /**
   * Sets the new password and signs the account out everywhere (a reset often follows a lost
   * device); every browser has to sign in again before it counts as known.
   */
  async resetPassword(input: unknown): Promise<void> {
    const data = parseInput(resetInput, input);
    const passwordHash = await hashPassword(data.password);
    await inTransaction(this.deps.db, async (tx) => {
      const now = this.deps.clock().toISOString();
      const userId = await repo.consumeToken(tx, hashToken(data.token), 'reset', now);
      const row = userId === undefined ? undefined : await findUserById(tx, userId);
      if (!row || row.status !== 'active') throw new AppError('LINK_INVALID');
      await updateUser(tx, row.id, { password_hash: passwordHash }, now);
      await repo.deleteSessionsOf(tx, row.id);
      await repo.deleteKnownBrowsersOf(tx, row.id);
      await this.throttle.forgetAccount(tx, row.email);
    });
  }

  /**
   * Checks the address and queues the email: the same work whether or not the address has an
   * account, and no waiting for the mail server, so neither the answer nor its timing tells.
   */
  private async requestLink(input: unknown, link: EmailedLink): Promise<void> {
    const data = parseInput(linkRequestInput, input);
    await this.deps.jobs.enqueue(this.deps.db, { name: STAFF_LINK_JOB, payload: { email: data.email, link } });
  }

  /** Stores a new emailed-link token (hashed) and returns it; a new reset or invitation replaces the earlier one. */
  private async issueToken(userId: number, purpose: repo.TokenPurpose, lifetimeMs: number): Promise<string> {
    const token = newToken();
    const now = this.deps.clock();
    await repo.insertToken(this.deps.db, {
      tokenHash: hashToken(token),
      userId,
      purpose,
      now: now.toISOString(),
      expiresAt: new Date(now.getTime() + lifetimeMs).toISOString(),
      // Several sign-in links may be out at once, so one asked for by someone else never voids the owner's.
      replace: purpose !== 'sign-in',
    });
    return token;
  }

  /**
   * Starts a session and makes the browser known to the account, with a fresh token that
   * replaces the one it brought.
   */
  private async startSession(user: StaffUser, previousBrowser?: string): Promise<SignedIn> {
    const token = newToken();
    const browserToken = newToken();
    const now = this.deps.clock();
    const expiresAt = new Date(now.getTime() + SESSION_DAYS * DAY).toISOString();
    const browserExpiresAt = new Date(now.getTime() + KNOWN_BROWSER_DAYS * DAY).toISOString();
    const { db } = this.deps;
    await repo.deleteExpiredSessions(db, now.toISOString());
    await repo.insertSession(db, { tokenHash: hashToken(token), userId: user.id, now: now.toISOString(), expiresAt });
    await repo.deleteExpiredKnownBrowsers(db, now.toISOString());
    if (previousBrowser) await repo.deleteKnownBrowser(db, hashToken(previousBrowser));
    await repo.insertKnownBrowser(db, { tokenHash: hashToken(browserToken), userId: user.id, now: now.toISOString(), expiresAt: browserExpiresAt });
    return { token, user, expiresAt, browser: { token: browserToken, expiresAt: browserExpiresAt } };
  }

  private fakeHash(): Promise<string> {
    this.dummyHash ??= hashPassword(newToken());
    return this.dummyHash;
  }
}
