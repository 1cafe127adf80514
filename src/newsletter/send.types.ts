import type { FollowedSection } from './followed.js';

export const deliveryStates = ['pending', 'sent', 'deferred', 'failed', 'bounced', 'skipped'] as const;
export type DeliveryState = (typeof deliveryStates)[number];

/** One rendering of a send's email, with stand-ins for each recipient's own links. */
export interface EmailParts {
  html: string;
  text: string;
}

/**
 * Which rendering a recipient gets: readers without a member account get the email everyone may
 * read (gated pieces as excerpt and link); members, and paying members, get it with the gated
 * pieces they may read in full.
 */
export type ReaderAccess = 'everyone' | 'members' | 'paid';

/** What a send delivers, fixed when it starts so a resumed send sends the same thing. */
export interface SendContent extends EmailParts {
  /** The renderings for members and paying members, present only where they differ from html/text. */
  members?: EmailParts;
  paid?: EmailParts;
  newsletterName: string;
  newsletterSlug: string;
  /** A digest's pieces for "From what you follow", each recipient getting those about what they follow. */
  followed?: FollowedSection;
}

export interface SendReport {
  id: number;
  newsletter: string;
  kind: 'digest' | 'post' | 'test';
  subject: string;
  state: 'sending' | 'done';
  startedAt: string;
  finishedAt: string | null;
  total: number;
  pending: number;
  delivered: number;
  deferred: number;
  failed: number;
  bounced: number;
  skipped: number;
  /** Recipients of this send who have left the newsletter since it started. */
  unsubscribedSince: number;
}
