export const deliveryStates = ['pending', 'sent', 'deferred', 'failed', 'bounced', 'skipped'] as const;
export type DeliveryState = (typeof deliveryStates)[number];

/** What a send delivers, fixed when it starts so a resumed send sends the same thing. */
export interface SendContent {
  html: string;
  text: string;
  newsletterName: string;
  newsletterSlug: string;
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
