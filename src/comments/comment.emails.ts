import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../clock.js';
import { inTransaction, type Db } from '../db/client.js';
import { AppError } from '../errors/app-error.js';
import type { JobQueue } from '../jobs/index.js';
import { MEMBER_EMAIL_JOB, memberEmail, type EmailWords } from '../members/index.js';
import * as repo from './comment.repository.js';

/** Who an email about comments went to: a member (replies to them) or a staff user (comments on their pieces). */
export interface EmailRecipient {
  kind: 'member' | 'staff';
  id: number;
}

export interface CommentEmailDeps {
  db: Db;
  clock: Clock;
  jobs: JobQueue;
  publicUrl: string;
  /** The site's language for the emails. */
  words: () => Promise<EmailWords>;
}

/**
 * Emails when a comment is first shown: to the staff credited on the piece, and for a reply to the
 * member replied to. Each is a durable member-email job, queued in the transaction that marks the
 * comment announced, so each goes out once. Every email carries a one-click unsubscribe link
 * (List-Unsubscribe with List-Unsubscribe-Post), signed for its recipient.
 */
export class CommentEmails {
  private secret: Buffer | undefined;

  constructor(private readonly deps: CommentEmailDeps) {}

  /** Queues the emails about a comment that has just been shown, unless they were queued before. */
  async announce(commentId: number): Promise<void> {
    const { db, publicUrl } = this.deps;
    const words = await this.deps.words();
    const { t } = words;
    const secret = await this.key();
    await inTransaction(db, async (tx) => {
      const comment = await repo.claimAnnouncement(tx, commentId, this.deps.clock().toISOString());
      if (!comment) return;
      const piece = await repo.pieceTitle(tx, comment.postId);
      if (!piece) return;
      const name = comment.authorName || t('comments.anonymous');
      const view = { label: t('commentEmail.view'), url: `${publicUrl}/${piece.slug}/#comment-${comment.id}` };
      const send = async (to: string, who: EmailRecipient, subject: string, intro: string) => {
        const stop = `${publicUrl}/comments/emails/stop/?token=${encodeURIComponent(sign(secret, who))}`;
        const message = memberEmail(words, to, subject, [intro, comment.body, t('commentEmail.stop', { url: stop })], view);
        const headers = { 'List-Unsubscribe': `<${stop}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
        await this.deps.jobs.enqueue(tx, { name: MEMBER_EMAIL_JOB, payload: { ...message, headers } });
      };
      for (const staff of await repo.staffToTell(tx, comment.postId)) {
        await send(staff.email, { kind: 'staff', id: staff.id }, t('commentEmail.staff.subject', { title: piece.title }), t('commentEmail.staff.text', { name, title: piece.title }));
      }
      const parent = comment.parentId === null ? undefined : await repo.findComment(tx, comment.parentId);
      if (parent?.memberId && parent.memberId !== comment.memberId) {
        const email = await repo.memberToTell(tx, parent.memberId);
        if (email) await send(email, { kind: 'member', id: parent.memberId }, t('commentEmail.reply.subject', { name }), t('commentEmail.reply.text', { name, title: piece.title }));
      }
    });
  }

  /** Stops (or restarts) emails about comments for the holder of a link from one of them. */
  async stopByLink(token: unknown): Promise<EmailRecipient> {
    const who = verify(await this.key(), token);
    await repo.setEmailsOff(this.deps.db, who, true, this.deps.clock().toISOString());
    return who;
  }

  /** Checks a link without acting on it (opening a link must change nothing). */
  async checkLink(token: unknown): Promise<EmailRecipient> {
    return verify(await this.key(), token);
  }

  async setEmails(who: EmailRecipient, on: boolean): Promise<void> {
    await repo.setEmailsOff(this.deps.db, who, !on, this.deps.clock().toISOString());
  }

  async emailsOn(who: EmailRecipient): Promise<boolean> {
    return !(await repo.emailsOff(this.deps.db, who));
  }

  private async key(): Promise<Buffer> {
    this.secret ??= Buffer.from(await repo.linkKey(this.deps.db), 'base64url');
    return this.secret;
  }
}

const mac = (secret: Buffer, body: string) => createHmac('sha256', secret).update(body).digest('base64url').slice(0, 32);

function sign(secret: Buffer, who: EmailRecipient): string {
  const body = `${who.kind === 'member' ? 'm' : 's'}${who.id}`;
  return `${body}.${mac(secret, body)}`;
}

function verify(secret: Buffer, token: unknown): EmailRecipient {
  const invalid = new AppError('LINK_INVALID', 'This link is damaged or was not made by this site.');
  if (typeof token !== 'string' || token.length > 100) throw invalid;
  const found = /^([ms])(\d{1,10})\.([A-Za-z0-9_-]{32})$/.exec(token);
  if (!found) throw invalid;
  const expected = Buffer.from(mac(secret, `${found[1]}${found[2]}`));
  const given = Buffer.from(found[3]!);
  if (!timingSafeEqual(given, expected)) throw invalid;
  return { kind: found[1] === 'm' ? 'member' : 'staff', id: Number(found[2]) };
}
