import { queryOptions } from '@tanstack/react-query';
import { answer, api, present, query, request, uriComponent } from './client';
import { everyOf, type Answer } from './types';

export type Newsletter = Answer<'/admin/api/newsletter/newsletters', 'get'>['newsletters'][number];
export type Subscriber = Answer<'/admin/api/newsletter/subscribers', 'get'>['subscribers'][number];
export type SubscriberStatus = Subscriber['status'];
export type ImportReport = Answer<'/admin/api/newsletter/subscribers/import', 'post'>;
export type GrowthPoint = Answer<'/admin/api/newsletter/subscribers/growth', 'get'>['points'][number];
export type Digest = Answer<'/admin/api/newsletter/digests/{id}', 'get'>;
export type SendReport = Answer<'/admin/api/newsletter/sends/{id}', 'get'>;
export type NewsletterSettings = Answer<'/admin/api/newsletter/settings', 'get'>;
/** How mail leaves (SMTP, or files in the outbox folder when none is set up) and the next digest slot. */
export type NewsletterStatus = Answer<'/admin/api/newsletter/status', 'get'>;

export const subscriberStatuses = everyOf<SubscriberStatus>()('pending', 'confirmed', 'unsubscribed', 'bounced', 'complained');

/** One piece of a digest as the API answers it. */
export type DigestItem = Digest['items'][number];

/** Days in the order the week is shown (the server accepts the same names). */
export const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

const base = '/newsletter';

export const newsletterStatus = queryOptions({
  queryKey: ['newsletter', 'status'],
  queryFn: ({ signal }) => answer(api.GET('/admin/api/newsletter/status', { signal })),
});
export const newsletterSettings = queryOptions({
  queryKey: ['newsletter', 'settings'],
  queryFn: ({ signal }) => answer(api.GET('/admin/api/newsletter/settings', { signal })),
});
export const updateSettings = (patch: Partial<Omit<NewsletterSettings, 'digest'>> & { digest?: Partial<NewsletterSettings['digest']> }) => request<NewsletterSettings>('PATCH', `${base}/settings`, patch);

export const newsletterList = queryOptions({
  queryKey: ['newsletters'],
  queryFn: ({ signal }) => answer(api.GET('/admin/api/newsletter/newsletters', { signal })).then((r) => r.newsletters),
});
export const createNewsletter = (input: Omit<Newsletter, 'id' | 'countOpens'>) => request<Newsletter>('POST', `${base}/newsletters`, input);
export const updateNewsletter = (slug: string, patch: Partial<Omit<Newsletter, 'id' | 'slug'>>) => request<Newsletter>('PATCH', `${base}/newsletters/${uriComponent(slug)}`, patch);

export interface SubscriberFilter {
  q?: string;
  status?: SubscriberStatus | '';
  newsletter?: string;
  limit?: number;
  /** A page's `next`: the page that follows it. */
  after?: string;
}

/** One page of subscribers for a filter; the request is aborted when the screen asks for another. */
export const subscriberList = (filter: SubscriberFilter) =>
  queryOptions({
    queryKey: ['subscribers', 'list', filter],
    queryFn: ({ signal }) => answer(api.GET('/admin/api/newsletter/subscribers', { params: { query: present({ ...filter }) }, signal })),
  });
/** Confirmed subscribers per day from `from` to `to` (dates). */
export const subscriberGrowth = (from: string, to: string) =>
  queryOptions({
    queryKey: ['subscribers', 'growth', from, to],
    queryFn: ({ signal }) => answer(api.GET('/admin/api/newsletter/subscribers/growth', { params: { query: { from, to } }, signal })).then((r) => r.points),
  });
export const exportUrl = `/admin/api${base}/subscribers/export.csv`;

/** Uploads a CSV file as it is; the answer lists every row that could not be taken, and why. */
export const importSubscribers = (file: Blob, newsletter?: string) => request<ImportReport>('POST', `${base}/subscribers/import${query({ newsletter })}`, undefined, { raw: new Blob([file], { type: 'text/csv' }) });
/** Everything kept about one subscriber, for their data request; read when asked, never cached. */
export const exportSubscriber = (email: string) => request<Answer<'/admin/api/newsletter/subscribers/{email}/export', 'get'>>('GET', `${base}/subscribers/${uriComponent(email)}/export`);
export const eraseSubscriber = (email: string) => request<void>('DELETE', `${base}/subscribers/${uriComponent(email)}`);

export const digestList = queryOptions({
  queryKey: ['digests'],
  queryFn: ({ signal }) => answer(api.GET('/admin/api/newsletter/digests', { signal })).then((r) => r.digests),
});
export const digestDetail = (id: number) =>
  queryOptions({
    queryKey: ['digests', id],
    queryFn: ({ signal }) => answer(api.GET('/admin/api/newsletter/digests/{id}', { params: { path: { id } }, signal })),
  });
export const assembleDigest = () => request<Digest>('POST', `${base}/digests/assemble`);
export const updateDigest = (id: number, patch: { subject?: string; intro?: string; items?: Array<{ postId: number; group?: string }> }) => request<Digest>('PATCH', `${base}/digests/${id}`, patch);
export const previewUrl = (id: number) => `/admin/api${base}/digests/${id}/preview`;
export const sendTest = (id: number, to: string) => request<void>('POST', `${base}/digests/${id}/test`, { to });
export const sendDigest = (id: number) => request<{ sendId: number }>('POST', `${base}/digests/${id}/send`);
export const scheduleDigest = (id: number, at: string) => request<Digest>('POST', `${base}/digests/${id}/schedule`, { at });

export const sendPost = (slug: string, newsletter?: string) => request<{ sendId: number | null; sendsAt: string | null }>('POST', `${base}/posts/${uriComponent(slug)}/send`, newsletter ? { newsletter } : {});
export const sendList = queryOptions({
  queryKey: ['sends'],
  queryFn: ({ signal }) => answer(api.GET('/admin/api/newsletter/sends', { signal })).then((r) => r.sends),
});
export const getSend = (id: number) => request<SendReport>('GET', `${base}/sends/${id}`);
