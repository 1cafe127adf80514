import type { Address } from '../members/index.js';

export interface PrintIssue {
  id: number;
  slug: string;
  name: string;
  coverImageUrl: string | null;
  /** Calendar date the issue goes on sale, like 2026-12-01. */
  onSaleDate: string;
  /** Addresses as they stand at this moment are the ones the issue is sent to. */
  addressCutoff: string;
  /** When the fulfilment list was frozen; null until the cutoff passes. */
  frozenAt: string | null;
}

/** One line of a frozen fulfilment list: a subscriber, where to send, how many copies. */
export interface FulfilmentItem extends Address {
  memberId: number;
  quantity: number;
}
