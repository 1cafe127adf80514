import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Clock } from '../clock.js';
import type { Viewer } from '../content/index.js';
import { inTransaction, type Db } from '../db/client.js';
import type { Mailer } from '../email/index.js';
import { AppError } from '../errors/app-error.js';
import type { EventChannel } from '../events.js';
import { parseInput } from '../errors/validate.js';
import { line } from '../content/text.js';
import { validateAddress, type Address } from './address.js';
import { signInEmail, type EmailWords } from './member.emails.js';
import { lockMember } from './member-data.repository.js';
import {
  countRecentTokens,
  deleteSession,
  sessionCreatedAt,
  deleteTokensBefore,
  findMember,
  findSessionMember,
  findUsableToken,
  insertMember,
  insertSession,
  membersByEmail,
  insertToken,
  sqliteWriteMark,
  listMembers,
  memberNames,
  updateMemberRow,
  useToken,
  type ListPage,
  type MemberFilter,
} from './member.repository.js';
import type { Member, MemberChange, MemberDetail, Subscription } from './member.types.js';
import { SessionMemo } from './session-memo.js';
import { giftsBoughtBy, memberCheckouts, memberSubscriptions, subscriptionsOfMembers } from './subscription.repository.js';

export const SIGN_IN_LINK_MINUTES = 20;
/** How recent a sign-in must be for the member to erase their own account. */
export const RECENT_SIGN_IN_MINUTES = 15;
const SESSION_DAYS = 90;
/** Sign-in emails one address may be sent per quarter hour; more requests are quietly dropped. */
const LINKS_PER_WINDOW = 3;
const WINDOW_MS = 15 * 60_000;

export const emailInput = z.string().trim().toLowerCase().max(254, 'must be at most 254 characters').pipe(z.email('must be an email address'));

/** A member added by staff (an integration moving readers in): an address and, optionally, a name. */
export const memberInput = z.object({ email: emailInput, name: line(120).default('') }).strict();

/** How many of a member's checkouts their detail shows. */
const RECENT_CHECKOUTS = 10;

const hash = (token: string) => createHash('sha256').update(token).digest('hex');
const isTokenShaped = (token: string) => token.length > 0 && token.length < 200;
const newToken = () => randomBytes(32).toString('base64url');

/** Whether a subscription gives full access to paid posts right now. */
export function givesPaidAccess(subscription: Subscription, now: Date): boolean {
  if (subscription.plan.tier === 'free') return false;
  const iso = now.toISOString();
  if (subscription.billing === 'gift' && (subscription.currentPeriodEnd ?? '') <= iso) return false;
  if (subscription.status === 'active') return true;
  return subscription.status === 'past_due' && (subscription.graceUntil ?? '') > iso;
}

interface SignedInSession {
  member: Member;
  expiresAt: string;
  subscriptions: Subscription[];
}

/** Readers' accounts: passwordless sign-in by emailed link, sessions, shipping address. */
export class MemberService {
  /** On SQLite, whose write mark sees every write: sessions read once until the database changes. */
  private readonly sessions: SessionMemo<SignedInSession> | undefined;

  constructor(private readonly deps: { db: Db; clock: Clock; mailer: Mailer; events: EventChannel<MemberChange>; dialect: 'sqlite' | 'postgres'; words: () => Promise<EmailWords> }) {
    this.sessions = deps.dialect === 'sqlite' ? new SessionMemo(() => sqliteWriteMark(deps.db)) : undefined;
  }

  private now(): string {
    return this.deps.clock().toISOString();
  }

  /**
   * Emails a single-use sign-in link (which also creates the account on first use). Answers the
   * same whether or not the address has an account, and quietly sends nothing past the limit.
   */
  async requestSignIn(emailValue: unknown, link: (token: string) => string): Promise<void> {
    const { email } = parseInput(z.object({ email: emailInput }), { email: emailValue });
    const now = this.deps.clock();
    const token = newToken();
    const sent = await inTransaction(this.deps.db, async (tx) => {
      if ((await countRecentTokens(tx, email, new Date(now.getTime() - WINDOW_MS).toISOString())) >= LINKS_PER_WINDOW) return false;
      await deleteTokensBefore(tx, new Date(now.getTime() - 86_400_000).toISOString());
      await insertToken(tx, { hash: hash(token), email, expiresAt: new Date(now.getTime() + SIGN_IN_LINK_MINUTES * 60_000).toISOString() }, now.toISOString());
      return true;
    });
    if (sent) await this.deps.mailer.send(signInEmail(await this.deps.words(), email, link(token), SIGN_IN_LINK_MINUTES));
  }

  /**
   * Who a sign-in link is for, while it can still be used, without using it: opening the link only
   * shows this and a button, so a link scanner or a cross-site request signs nobody in.
   */
  async signInLinkEmail(token: string): Promise<string | undefined> {
    return isTokenShaped(token) ? findUsableToken(this.deps.db, hash(token), this.now()) : undefined;
  }

  /** Uses a sign-in link: returns a new session token for the (possibly new) member. */
  async completeSignIn(token: string): Promise<{ session: string; member: Member }> {
    const now = this.now();
    const signedIn = await inTransaction(this.deps.db, async (tx) => {
      const email = isTokenShaped(token) ? await findUsableToken(tx, hash(token), now) : undefined;
      if (!email) throw new AppError('SIGNIN_LINK_INVALID');
      // The member's row first, as erasure does: an erasure under way ends before the link is
      // used, and takes the link with it.
      await lockMember(tx, { email });
      if (!(await useToken(tx, hash(token), now))) throw new AppError('SIGNIN_LINK_INVALID');
      // Only the sign-in that adds the member announces it, though other links for the address are used at the same moment.
      const added = await insertMember(tx, email, now);
      const isNew = added !== undefined;
      const member = added ?? (await findMember(tx, { email }))!;
      const session = newToken();
      await insertSession(tx, { hash: hash(session), memberId: member.id, expiresAt: new Date(Date.parse(now) + SESSION_DAYS * 86_400_000).toISOString() }, now);
      return { session, member, isNew };
    });
    if (signedIn.isNew) this.deps.events.emit({ kind: 'added', member: signedIn.member });
    return { session: signedIn.session, member: signedIn.member };
  }

  async signOut(session: string): Promise<void> {
    await deleteSession(this.deps.db, hash(session));
  }

  /**
   * Whether the session was made from a sign-in link in the last RECENT_SIGN_IN_MINUTES: someone
   * at a computer left signed in for days cannot erase the account without the member's mailbox.
   */
  async signedInRecently(session: string): Promise<boolean> {
    if (session.length === 0 || session.length > 200) return false;
    const now = this.deps.clock();
    const createdAt = await sessionCreatedAt(this.deps.db, hash(session), now.toISOString());
    return createdAt !== undefined && now.getTime() - Date.parse(createdAt) <= RECENT_SIGN_IN_MINUTES * 60_000;
  }

  /** The member behind a session cookie and what they may read; undefined for unknown or expired sessions. */
  async session(session: string): Promise<{ member: Member; viewer: Viewer } | undefined> {
    if (session.length === 0 || session.length > 200) return undefined;
    const tokenHash = hash(session);
    const read = () => this.readSession(tokenHash);
    const found = this.sessions ? await this.sessions.read(tokenHash, read) : await read();
    const now = this.deps.clock();
    // A kept session may have ended, or a subscription run out, since it was read.
    if (!found || Date.parse(found.expiresAt) <= now.getTime()) return undefined;
    return { member: found.member, viewer: { kind: 'member', paid: found.subscriptions.some((s) => givesPaidAccess(s, now)) } };
  }

  private async readSession(tokenHash: string): Promise<SignedInSession | undefined> {
    const found = await findSessionMember(this.deps.db, tokenHash, this.now());
    return found && { ...found, subscriptions: await memberSubscriptions(this.deps.db, found.member.id) };
  }

  /**
   * What the people behind these addresses may read as members, e.g. newsletter subscribers who
   * also have a reader account (matched by address, case and spaces ignored). Addresses without
   * an account are absent from the answer: they read as anyone does.
   */
  async readersByEmail(emails: string[]): Promise<Map<string, Viewer>> {
    const normalised = [...new Set(emails.map((e) => e.trim().toLowerCase()))];
    const found = new Map<string, Viewer>();
    for (let i = 0; i < normalised.length; i += 500) {
      const members = await membersByEmail(this.deps.db, normalised.slice(i, i + 500));
      const subscriptions = await subscriptionsOfMembers(
        this.deps.db,
        members.map((m) => m.id),
      );
      const now = this.deps.clock();
      for (const member of members) {
        const paid = (subscriptions.get(member.id) ?? []).some((s) => givesPaidAccess(s, now));
        found.set(member.email, { kind: 'member', paid });
      }
    }
    return found;
  }

  async get(by: { id: number } | { email: string }): Promise<Member> {
    const member = await findMember(this.deps.db, by);
    if (!member) throw new AppError('MEMBER_NOT_FOUND');
    return member;
  }

  subscriptions(memberId: number): Promise<Subscription[]> {
    return memberSubscriptions(this.deps.db, memberId);
  }

  /** Adds a reader account for an address; an address that already has one is MEMBER_EXISTS. */
  async add(input: unknown): Promise<Member> {
    const data = parseInput(memberInput, input);
    // The insert is the check, so of two additions of one address at the same moment one is refused.
    const member = await insertMember(this.deps.db, data.email, this.now(), data.name);
    if (!member) throw new AppError('MEMBER_EXISTS', `A member with ${data.email} already exists.`, [{ field: 'email', message: 'already has a member account' }]);
    this.deps.events.emit({ kind: 'added', member });
    return member;
  }

  /** Changes a member's name. */
  async rename(id: number, name: unknown): Promise<Member> {
    const data = parseInput(memberInput.pick({ name: true }), { name });
    await this.get({ id });
    await updateMemberRow(this.deps.db, id, { name: data.name }, this.now());
    const member = await this.get({ id });
    this.deps.events.emit({ kind: 'updated', member });
    return member;
  }

  /** Sets the shipping address (validated and normalised for its country); later issues go there. */
  async updateAddress(memberId: number, input: unknown): Promise<Address> {
    const address = validateAddress(input);
    await updateMemberRow(this.deps.db, memberId, { address }, this.now());
    this.deps.events.emit({ kind: 'updated', member: await this.get({ id: memberId }) });
    return address;
  }

  /** Members matching the filter, newest first, each with their subscriptions. */
  async list(filter: MemberFilter, page: ListPage): Promise<{ members: Array<Member & { subscriptions: Subscription[] }>; total: number; totalEstimated: boolean; next: string | null }> {
    const { members, total, estimated, next } = await listMembers(this.deps.db, filter, page);
    const subscriptions = await subscriptionsOfMembers(
      this.deps.db,
      members.map((m) => m.id),
    );
    return { members: members.map((m) => ({ ...m, subscriptions: subscriptions.get(m.id) ?? [] })), total, totalEstimated: estimated, next };
  }

  /**
   * Everything staff need about one member: subscriptions (with who paid for a gift), gifts they
   * bought for others (with the recipient) and their latest checkouts.
   */
  async detail(id: number): Promise<MemberDetail> {
    const member = await this.get({ id });
    const [subscriptions, gifts, checkouts] = await Promise.all([this.subscriptions(id), giftsBoughtBy(this.deps.db, id), memberCheckouts(this.deps.db, id, RECENT_CHECKOUTS)]);
    const people = await memberNames(this.deps.db, [...subscriptions.flatMap((s) => (s.buyerMemberId === null ? [] : [s.buyerMemberId])), ...gifts.map((g) => g.memberId)]);
    const person = (memberId: number | null) => (memberId === null ? null : { id: memberId, ...(people.get(memberId) ?? { email: '', name: '' }) });
    return {
      member,
      subscriptions: subscriptions.map((s) => ({ ...s, buyer: s.buyerMemberId === id ? null : person(s.buyerMemberId) })),
      giftsGiven: gifts.map((g) => ({ ...g, recipient: person(g.memberId)! })),
      checkouts: checkouts.map((c) => ({
        id: c.id,
        planId: c.planId,
        billing: c.billing,
        status: c.status,
        createdAt: c.createdAt,
        giftRecipient: c.details.gift ? { email: c.details.gift.email, name: c.details.gift.name } : null,
      })),
    };
  }
}
