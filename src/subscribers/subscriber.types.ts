export const subscriberStatuses = ['pending', 'confirmed', 'unsubscribed', 'bounced', 'complained'] as const;
export type SubscriberStatus = (typeof subscriberStatuses)[number];
/** Why an address is on the suppression list and never mailed again (until it opts in anew). */
export type SuppressionReason = 'unsubscribed' | 'bounced' | 'complained';

export interface Newsletter {
  id: number;
  slug: string;
  name: string;
  description: string;
  isDefault: boolean;
  /** Its emails carry a 1×1 image that counts opens (off unless an editor turns it on). */
  countOpens: boolean;
}

/** Said after someone confirms their subscription. */
export interface SubscriberChange {
  kind: 'added';
  subscriber: Subscriber;
}

export interface Subscriber {
  id: number;
  email: string;
  name: string;
  status: SubscriberStatus;
  source: string;
  /** Slugs of the newsletters the subscriber receives (or chose, while pending). */
  newsletters: string[];
  createdAt: string;
  confirmedAt: string | null;
  unsubscribedAt: string | null;
}

export interface ImportRejection {
  /** Line in the file (the header is line 1). */
  line: number;
  email: string;
  reason: string;
}

export interface ImportReport {
  layout: string;
  rows: number;
  added: number;
  updated: number;
  /** The first rows not taken (at most REJECTIONS_LISTED), in line order, each with its reason. */
  rejected: ImportRejection[];
  /** How many rows were not taken in all. */
  rejectedTotal: number;
}

export interface GrowthPoint {
  date: string;
  subscribed: number;
  unsubscribed: number;
  total: number;
}
