import argon2 from 'argon2';
import { z } from 'zod';
import type { Clock } from '../clock.js';
import { inTransaction, type Db } from '../db/client.js';
import type { Mailer } from '../email/index.js';
import { AppError } from '../errors/app-error.js';
import { parseInput } from '../errors/validate.js';
import * as repo from './auth.repository.js';
import { hashToken, newToken } from './secret.js';
import { findUserByEmail, findUserById, toUser, updateUser } from './user.repository.js';
import { hashPassword, password, UserService, userInput } from './user.service.js';
import type { StaffUser } from './user.types.js';

const DAY = 24 * 60 * 60 * 1000;
/** Sessions last two weeks and are renewed while used, so a daily editor stays signed in. */
export const SESSION_DAYS = 14;
const INVITE_DAYS = 7;
const RESET_HOURS = 1;
/** Failed sign-ins allowed per window, per account and per address, before sign-in pauses. */
export const signInLimits = { account: 5, address: 20, windowMs: 15 * 60 * 1000 } as const;

const emailField = userInput.shape.email;
export const signInInput = z.object({ email: emailField, password: z.string().min(1, 'is required').max(200) }).strict();
export const setupInput = z.object({ email: emailField, name: userInput.shape.name, password }).strict();
export const acceptInviteInput = z.object({ token: z.string().min(1, 'is required').max(200), name: userInput.shape.name, password }).strict();
export const resetRequestInput = z.object({ email: emailField }).strict();
export const resetInput = z.object({ token: z.string().min(1, 'is required').max(200), password }).strict();

export interface SignedIn {
  token: string;
  user: StaffUser;
  expiresAt: string;
}

/** Builds the address a link in an email points at, e.g. `${publicUrl}/admin/reset-password?token=…`. */
export type LinkBuilder = (path: string, token: string) => string;

/** Staff sessions, sign-in throttling, invitations, password resets and first-run setup. */
export class StaffAuthService {
  private dummyHash: Promise<string> | undefined;

  constructor(private readonly deps: { db: Db; clock: Clock; mailer: Mailer; users: UserService; siteTitle: () => Promise<string> }) {}

  async signIn(input: unknown, address: string): Promise<SignedIn> {
    const data = parseInput(signInInput, input);
    const keys = { account: `account:${data.email}`, address: `address:${address}` };
    await this.assertNotThrottled(keys);
    const row = await findUserByEmail(this.deps.db, data.email);
    // Unknown addresses cost the same work as known ones, so timing does not tell them apart.
    const valid = await argon2.verify(row?.password_hash ?? (await this.fakeHash()), data.password);
    if (!row || !row.password_hash || !valid || row.status !== 'active') {
      await this.recordFailure(keys.account);
      await this.recordFailure(keys.address);
      throw new AppError('SIGN_IN_FAILED');
    }
    await repo.clearFailures(this.deps.db, keys.account);
    return this.startSession(toUser(row));
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
    const token = newToken();
    const now = this.deps.clock();
    await repo.insertToken(this.deps.db, {
      tokenHash: hashToken(token),
      userId: user.id,
      purpose: 'invite',
      now: now.toISOString(),
      expiresAt: new Date(now.getTime() + INVITE_DAYS * DAY).toISOString(),
    });
    const title = await this.deps.siteTitle();
    const url = link('/admin/accept-invite', token);
    await this.deps.mailer.send({
      to: user.email,
      subject: `${inviter.name} invited you to ${title}`,
      text: `${inviter.name} invited you to join ${title} as ${article(user.role)} ${user.role}.\n\nAccept the invitation and choose your password:\n${url}\n\nThe link works once and expires in ${INVITE_DAYS} days.\n`,
      html: `<p>${escapeHtml(inviter.name)} invited you to join ${escapeHtml(title)} as ${article(user.role)} ${user.role}.</p><p><a href="${escapeHtml(url)}">Accept the invitation and choose your password</a></p><p>The link works once and expires in ${INVITE_DAYS} days.</p>`,
    });
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

  /** Emails a reset link when the address belongs to an active account; answers the same either way. */
  async requestPasswordReset(input: unknown, link: LinkBuilder): Promise<void> {
    const data = parseInput(resetRequestInput, input);
    const row = await findUserByEmail(this.deps.db, data.email);
    if (!row || row.status !== 'active') return;
    const token = newToken();
    const now = this.deps.clock();
    await repo.insertToken(this.deps.db, {
      tokenHash: hashToken(token),
      userId: row.id,
      purpose: 'reset',
      now: now.toISOString(),
      expiresAt: new Date(now.getTime() + RESET_HOURS * 60 * 60 * 1000).toISOString(),
    });
    const title = await this.deps.siteTitle();
    const url = link('/admin/reset-password', token);
    await this.deps.mailer.send({
      to: row.email,
      subject: `Reset your ${title} password`,
      text: `Someone asked to reset the password of your ${title} account.\n\nChoose a new password:\n${url}\n\nThe link works once and expires in ${RESET_HOURS} hour. If it was not you, ignore this email.\n`,
      html: `<p>Someone asked to reset the password of your ${escapeHtml(title)} account.</p><p><a href="${escapeHtml(url)}">Choose a new password</a></p><p>The link works once and expires in ${RESET_HOURS} hour. If it was not you, ignore this email.</p>`,
    });
  }

  /** Sets the new password and signs the account out everywhere (a reset often follows a lost device). */
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
      await repo.clearFailures(tx, `account:${row.email}`);
    });
  }

  private async startSession(user: StaffUser): Promise<SignedIn> {
    const token = newToken();
    const now = this.deps.clock();
    const expiresAt = new Date(now.getTime() + SESSION_DAYS * DAY).toISOString();
    await repo.deleteExpiredSessions(this.deps.db, now.toISOString());
    await repo.insertSession(this.deps.db, { tokenHash: hashToken(token), userId: user.id, now: now.toISOString(), expiresAt });
    return { token, user, expiresAt };
  }

  private async assertNotThrottled(keys: { account: string; address: string }): Promise<void> {
    const now = this.deps.clock().getTime();
    for (const [kind, key] of Object.entries(keys) as Array<['account' | 'address', string]>) {
      const row = await repo.findFailures(this.deps.db, key);
      const open = row && now - new Date(row.window_started_at).getTime() < signInLimits.windowMs;
      if (open && row.failures >= signInLimits[kind]) throw new AppError('SIGN_IN_THROTTLED');
    }
  }

  private async recordFailure(key: string): Promise<void> {
    const now = this.deps.clock();
    const row = await repo.findFailures(this.deps.db, key);
    const open = row && now.getTime() - new Date(row.window_started_at).getTime() < signInLimits.windowMs;
    await repo.saveFailures(this.deps.db, key, open ? row.failures + 1 : 1, open ? row.window_started_at : now.toISOString());
  }

  private fakeHash(): Promise<string> {
    this.dummyHash ??= hashPassword(newToken());
    return this.dummyHash;
  }
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? 'an' : 'a';
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
