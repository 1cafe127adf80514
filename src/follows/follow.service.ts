import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock.js';
import { inTransaction, type Db } from '../db/client.js';
import type { EmailDocument } from '../email/index.js';
import { AppError } from '../errors/app-error.js';
import { parseInput } from '../errors/validate.js';
import type { Translate } from '../i18n/index.js';
import type { JobQueue } from '../jobs/index.js';
import { whileMemberExists } from '../members/index.js';
import { whileSubscriberExists, type SubscriberService } from '../subscribers/index.js';
import * as repo from './follow.repository.js';
import { emailFollowInput, followId, targetInput } from './follow.schema.js';
import { FollowMemo } from './follow-memo.js';
import { FollowLinks } from './follow.tokens.js';
import type { Follow, FollowerCount, FollowKind, FollowTarget, Reader } from './follow.types.js';

export const FOLLOW_EMAIL_JOB = 'follows.confirm-email';
const CONFIRM_DAYS = 3;
/** At most one confirmation email per follow in this time, so the form cannot flood an inbox. */
const RESEND_AFTER_MS = 10 * 60_000;
/**
 * Confirmations one address is mailed a day, whatever it is asked to follow: each target would
 * otherwise mail it again, so anyone could fill a stranger's inbox from many clients.
 */
const CONFIRMATIONS_PER_DAY = 5;
const DAY_MS = 86_400_000;

export interface FollowServiceDeps {
  db: Db;
  clock: Clock;
  jobs: JobQueue;
  subscribers: Pick<SubscriberService, 'enrol' | 'confirmAddress' | 'linkKey' | 'findRow'>;
  /** The theme's messages in the site's language. */
  words: () => Promise<Translate>;
  /** Sends one email in the newsletter's look, from the newsletter's sender. */
  notify: (message: { to: string; subject: string; document: EmailDocument; headers?: Record<string, string> }) => Promise<void>;
  /** Where a path on the public site is (PUBLIC_URL + path). */
  publicUrl: string;
}

/** Readers following sections, authors, people and works: by one click as a member, by a confirmed email otherwise. */
export class FollowService {
  private links: FollowLinks | undefined;
  private readonly memo = new FollowMemo((memberId) => repo.confirmedTargets(this.deps.db, { kind: 'member', id: memberId }));
  private readonly changeListeners = new Set<(memberId: number) => void>();

  constructor(private readonly deps: FollowServiceDeps) {}

  /** After a member's follows change here: forgets the kept ones, and tells listeners (other processes). */
  private changed(memberId: number): void {
    this.memo.forget(memberId);
    for (const listener of this.changeListeners) listener(memberId);
  }

  private now(): string {
    return this.deps.clock().toISOString();
  }

  /** The signer of follow links (confirmation, and alerts off). */
  async signer(): Promise<FollowLinks> {
    this.links ??= new FollowLinks(await this.deps.subscribers.linkKey('follow-links'));
    return this.links;
  }

  /** The target a form names; unknown kinds and ids are FOLLOW_TARGET_NOT_FOUND. */
  async target(input: unknown): Promise<FollowTarget> {
    const parsed = targetInput.safeParse(input);
    const found = parsed.success ? await repo.findTarget(this.deps.db, parsed.data.kind, parsed.data.id) : undefined;
    if (!found) throw new AppError('FOLLOW_TARGET_NOT_FOUND');
    return found;
  }

  /** A signed-in member follows at once. */
  async followAsMember(memberId: number, input: unknown): Promise<FollowTarget> {
    const target = await this.target(input);
    const now = this.now();
    try {
      await whileMemberExists(this.deps.db, memberId, (tx) => repo.insertFollow(tx, { reader: { kind: 'member', id: memberId }, target, confirmedAt: now, nonce: null, sentAt: null }, now));
    } finally {
      this.changed(memberId);
    }
    return target;
  }

  async unfollowAsMember(memberId: number, input: unknown): Promise<FollowTarget> {
    const target = await this.target(input);
    try {
      await repo.deleteFollow(this.deps.db, { kind: 'member', id: memberId }, { kind: target.kind, targetId: target.id });
    } finally {
      this.changed(memberId);
    }
    return target;
  }

  /**
   * Everything a signed-in member follows (`kind:id` keys), kept for their session until their
   * follows change: in this process at once, in others once `forgetMember` is called for them.
   */
  following(memberId: number, session: string): Promise<Set<string>> {
    return this.memo.read(memberId, session);
  }

  /** Calls the listener with the member's id whenever this process changes a member's follows. */
  onMemberChange(listener: (memberId: number) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /** Forgets the kept follows of a member whose follows another process changed. */
  forgetMember(memberId: number): void {
    this.memo.forget(memberId);
  }

  /** Forgets every kept follow, after a change that may touch anyone's (a site import). */
  forgetAll(): void {
    this.memo.clear();
  }

  /**
   * The email form: the follow waits for the link mailed to the address. An unknown address
   * becomes a pending subscriber, as a newsletter signup would. Answers the same whatever the
   * address's state, and mails each follow's link at most every ten minutes.
   */
  async requestByEmail(input: unknown): Promise<FollowTarget> {
    const target = await this.target(input);
    const data = parseInput(emailFollowInput, input);
    if (data.company) return target;
    await inTransaction(this.deps.db, async (tx) => {
      const now = this.now();
      const subscriber = await this.deps.subscribers.enrol(tx, data.email);
      const reader: Reader = { kind: 'subscriber', id: subscriber.id };
      await repo.insertFollow(tx, { reader, target, confirmedAt: null, nonce: nonce(), sentAt: null }, now);
      const follow = (await repo.findFollow(tx, { reader, kind: target.kind, targetId: target.id }))!;
      if (follow.confirmed_at !== null) return;
      if (follow.confirm_sent_at && Date.parse(follow.confirm_sent_at) > Date.parse(now) - RESEND_AFTER_MS) return;
      // Counted with the subscriber held (enrol locks it), so requests for one address at once count one after another.
      const dayAgo = new Date(Date.parse(now) - DAY_MS).toISOString();
      if ((await repo.confirmationsSentSince(tx, subscriber.id, dayAgo)) >= CONFIRMATIONS_PER_DAY) return;
      await repo.updateFollow(tx, follow.id, { confirm_sent_at: now, confirm_nonce: follow.confirm_nonce ?? nonce() });
      await this.deps.jobs.enqueue(tx, { name: FOLLOW_EMAIL_JOB, payload: { followId: follow.id } });
    });
    return target;
  }

  /** The job behind the email form: mails the confirmation link of a follow still waiting for it. */
  async sendConfirmation(payload: { followId: number }): Promise<void> {
    const follow = await repo.findFollow(this.deps.db, { id: payload.followId });
    if (!follow?.subscriber_id || follow.confirmed_at !== null || !follow.confirm_nonce) return;
    const subscriber = await this.deps.subscribers.findRow(follow.subscriber_id);
    const [kind, id] = follow.target.split(':');
    const target = await repo.findTarget(this.deps.db, kind as FollowKind, Number(id));
    if (!subscriber || !target) return;
    const expires = Math.floor(this.deps.clock().getTime() / 1000) + CONFIRM_DAYS * 86_400;
    const token = (await this.signer()).sign({ followId: follow.id, nonce: follow.confirm_nonce, expires });
    const t = await this.deps.words();
    const subject = t('follow.email.subject', { name: target.name });
    await this.deps.notify({
      to: subscriber.email,
      subject,
      document: {
        preheader: t('follow.email.preheader', { name: target.name }),
        heading: subject,
        intro: subscriber.status === 'pending' ? `${t('follow.email.intro', { name: target.name })} ${t('follow.email.newsletter')}` : t('follow.email.intro', { name: target.name }),
        button: { label: t('follow.email.button'), url: `${this.deps.publicUrl}/follows/confirm/?token=${token}` },
        sections: [],
        footer: { reason: t('follow.email.reason') },
      },
    });
  }

  /**
   * Follows a confirmation link: it works once, while fresh; a pending subscriber is confirmed with
   * it. The follow is confirmed under the subscriber's lock, so an erasure at the same moment
   * either comes after (and removes it) or leaves nothing to confirm.
   */
  async confirm(token: unknown): Promise<{ target: FollowTarget; subscriberId: number }> {
    const claims = (await this.signer()).verify(token, this.deps.clock());
    const used = () => new AppError('LINK_USED', 'This link has already been used, or the follow it confirms was removed.');
    const follow = await repo.findFollow(this.deps.db, { id: claims.followId });
    if (!follow?.subscriber_id || follow.confirm_nonce !== claims.nonce) throw used();
    const [kind, id] = follow.target.split(':');
    const target = await repo.findTarget(this.deps.db, kind as FollowKind, Number(id));
    if (!target) throw new AppError('FOLLOW_TARGET_NOT_FOUND');
    await whileSubscriberExists(this.deps.db, follow.subscriber_id, async (tx) => {
      if (!(await repo.confirmFollow(tx, follow.id, claims.nonce, this.now()))) throw used();
    });
    await this.deps.subscribers.confirmAddress(follow.subscriber_id);
    return { target, subscriberId: follow.subscriber_id };
  }

  /** The reader's follows, for their preferences or account page and their data export. */
  list(reader: Reader): Promise<Follow[]> {
    return repo.followsOf(this.deps.db, reader);
  }

  /** Removes one of the reader's follows by its id. */
  async remove(reader: Reader, id: unknown): Promise<void> {
    const parsed = followId.safeParse(id);
    const removed = parsed.success && (await repo.deleteFollow(this.deps.db, reader, { id: parsed.data }));
    if (removed && reader.kind === 'member') this.changed(reader.id);
    if (!removed) throw new AppError('FOLLOW_NOT_FOUND');
  }

  /** Confirmed followers of each section and author, for editors. */
  async counts(): Promise<{ tags: FollowerCount[]; authors: FollowerCount[] }> {
    const [tags, authors] = await Promise.all([repo.followerCounts(this.deps.db, 'tag'), repo.followerCounts(this.deps.db, 'author')]);
    return { tags, authors };
  }

  /** What each of these newsletter subscribers follows (their own follows and their member account's), as `kind:id` keys. */
  followedBySubscribers(subscriberIds: number[]): Promise<Map<number, Set<string>>> {
    return repo.followedBySubscribers(this.deps.db, subscriberIds);
  }

  /** What each post is about that can be followed, as `kind:id` keys. */
  targetsOfPosts(postIds: number[]): Promise<Map<number, string[]>> {
    return repo.targetsOfPosts(this.deps.db, postIds);
  }
}

function nonce(): string {
  return randomBytes(9).toString('base64url');
}
