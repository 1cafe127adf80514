import { query, request } from './client';

export interface NewsletterStatus {
  delivery: 'smtp' | 'outbox';
  /** The folder emails land in when no SMTP server is configured. */
  outbox?: string;
  notice?: string;
  dkim: boolean;
  connections: number;
  nextDigest: string;
}

export type { Newsletter, Subscriber, SubscriberStatus, ImportReport, GrowthPoint } from '../../../../src/subscribers/subscriber.types';
export { subscriberStatuses } from '../../../../src/subscribers/subscriber.types';
export type { Digest } from '../../../../src/newsletter/digest.types';
export type { SendReport } from '../../../../src/newsletter/send.types';
export type { NewsletterSettings } from '../../../../src/newsletter/newsletter.settings';
import type { Newsletter, Subscriber, SubscriberStatus, ImportReport, GrowthPoint } from '../../../../src/subscribers/subscriber.types';
import type { Digest } from '../../../../src/newsletter/digest.types';
import type { SendReport } from '../../../../src/newsletter/send.types';
import type { NewsletterSettings } from '../../../../src/newsletter/newsletter.settings';

/** One piece of a digest as the API answers it. */
export type DigestItem = Digest['items'][number];

/** Days in the order the week is shown (the server accepts the same names). */
export const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

const base = '/newsletter';

export const getStatus = () => request<NewsletterStatus>('GET', `${base}/status`);
export const getSettings = () => request<NewsletterSettings>('GET', `${base}/settings`);
export const updateSettings = (patch: Partial<Omit<NewsletterSettings, 'digest'>> & { digest?: Partial<NewsletterSettings['digest']> }) =>
  request<NewsletterSettings>('PATCH', `${base}/settings`, patch);

export const listNewsletters = () => request<{ newsletters: Newsletter[] }>('GET', `${base}/newsletters`).then((r) => r.newsletters);
export const createNewsletter = (input: Omit<Newsletter, 'id'>) => request<Newsletter>('POST', `${base}/newsletters`, input);
export const updateNewsletter = (slug: string, patch: Partial<Omit<Newsletter, 'id' | 'slug'>>) =>
  request<Newsletter>('PATCH', `${base}/newsletters/${encodeURIComponent(slug)}`, patch);

export interface SubscriberFilter {
  q?: string;
  status?: SubscriberStatus | '';
  newsletter?: string;
  limit?: number;
  offset?: number;
}

export const listSubscribers = (filter: SubscriberFilter) =>
  request<{ subscribers: Subscriber[]; total: number }>('GET', `${base}/subscribers${query({ ...filter })}`);
export const subscriberGrowth = (from: string, to: string) =>
  request<{ points: GrowthPoint[] }>('GET', `${base}/subscribers/growth${query({ from, to })}`).then((r) => r.points);
export const exportUrl = `/admin/api${base}/subscribers/export.csv`;

/** Uploads a CSV file as it is; the answer lists every row that could not be taken, and why. */
export const importSubscribers = (file: Blob, newsletter?: string) =>
  request<ImportReport>('POST', `${base}/subscribers/import${query({ newsletter })}`, undefined, { raw: new Blob([file], { type: 'text/csv' }) });
export const exportSubscriber = (email: string) =>
  request<Subscriber & { deliveries: Array<{ sentAt: string | null; state: string; subject: string }> }>('GET', `${base}/subscribers/${encodeURIComponent(email)}/export`);
export const eraseSubscriber = (email: string) => request<void>('DELETE', `${base}/subscribers/${encodeURIComponent(email)}`);

export const listDigests = () => request<{ digests: Digest[] }>('GET', `${base}/digests`).then((r) => r.digests);
export const assembleDigest = () => request<Digest>('POST', `${base}/digests/assemble`);
export const getDigest = (id: number) => request<Digest>('GET', `${base}/digests/${id}`);
export const updateDigest = (id: number, patch: { subject?: string; intro?: string; items?: Array<{ postId: number; group?: string }> }) =>
  request<Digest>('PATCH', `${base}/digests/${id}`, patch);
export const previewUrl = (id: number) => `/admin/api${base}/digests/${id}/preview`;
export const sendTest = (id: number, to: string) => request<void>('POST', `${base}/digests/${id}/test`, { to });
export const sendDigest = (id: number) => request<{ sendId: number }>('POST', `${base}/digests/${id}/send`);
export const scheduleDigest = (id: number, at: string) => request<Digest>('POST', `${base}/digests/${id}/schedule`, { at });

export const sendPost = (slug: string, newsletter?: string) =>
  request<{ sendId: number | null; sendsAt: string | null }>('POST', `${base}/posts/${encodeURIComponent(slug)}/send`, newsletter ? { newsletter } : {});
export const listSends = () => request<{ sends: SendReport[] }>('GET', `${base}/sends`).then((r) => r.sends);
export const getSend = (id: number) => request<SendReport>('GET', `${base}/sends/${id}`);
