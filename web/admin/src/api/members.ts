/**
 * Memberships and print issues in the admin API (`/admin/api/members/…`), typed by its OpenAPI
 * document.
 */
import { queryOptions } from '@tanstack/react-query';
import { answer, api, present, request } from './client';
import { everyOf, type Answer } from './types';

export type Plan = Answer<'/admin/api/members/plans', 'get'>['plans'][number];
export type PlanTier = Plan['tier'];
export type MemberList = Answer<'/admin/api/members', 'get'>;
export type Member = MemberList['members'][number];
export type Subscription = Member['subscriptions'][number];
export type SubscriptionStatus = Subscription['status'];
export type Billing = Subscription['billing'];
export type MemberDetail = Answer<'/admin/api/members/{id}', 'get'>;
export type PrintIssue = Answer<'/admin/api/members/print-issues/{id}', 'get'>;
export type FreezeReport = Answer<'/admin/api/members/print-issues/{id}/freeze', 'post'>['report'];

export const planTiers = everyOf<PlanTier>()('free', 'digital', 'print');
export const subscriptionStatuses = everyOf<SubscriptionStatus>()('active', 'past_due', 'lapsed', 'canceled', 'expired');

type Price = number | string | null;
/**
 * What a plan form sends: a price is a whole number of minor units or the amount as typed ("12.50"),
 * which the server reads for the plan's currency; null where the plan is not sold that way.
 */
export type PlanInput = Omit<Plan, 'id' | 'slug' | 'currencyDigits' | 'monthlyCents' | 'yearlyCents' | 'giftCents'> & {
  slug?: string;
  monthlyCents: Price;
  yearlyCents: Price;
  giftCents: Price;
};

export const planList = queryOptions({
  queryKey: ['plans'],
  queryFn: ({ signal }) => answer(api.GET('/admin/api/members/plans', { signal })).then((r) => r.plans),
});
export const createPlan = (input: PlanInput) => request<Plan>('POST', '/members/plans', input);
export const updatePlan = (id: number, input: PlanInput) => request<Plan>('PUT', `/members/plans/${id}`, input);
export const deletePlan = (id: number) => request<void>('DELETE', `/members/plans/${id}`);

export interface MemberFilter {
  q?: string;
  plan?: number;
  status?: SubscriptionStatus | '';
  /** A page's `next`: the page that follows it. */
  after?: string;
}
export const MEMBERS_PAGE = 50;
/** One page of members for a filter; the request is aborted when the screen asks for another. */
export const memberList = (filter: MemberFilter) =>
  queryOptions({
    queryKey: ['members', 'list', filter],
    queryFn: ({ signal }) => answer(api.GET('/admin/api/members', { params: { query: present({ ...filter, limit: MEMBERS_PAGE }) }, signal })),
  });

/** One member with their subscriptions, address and history. */
export type MemberExport = Answer<'/admin/api/members/{id}/export', 'get'>;
export const exportMember = (id: number) => request<MemberExport>('GET', `/members/${id}/export`);
export const eraseMember = (id: number) => request<void>('POST', `/members/${id}/erase`);

export const memberDetail = (id: number) =>
  queryOptions({
    queryKey: ['members', id],
    queryFn: ({ signal }) => answer(api.GET('/admin/api/members/{id}', { params: { path: { id: String(id) } }, signal })),
  });

export type PrintIssueInput = Pick<PrintIssue, 'name' | 'coverImageUrl' | 'onSaleDate' | 'addressCutoff'> & { slug?: string };

export const issueList = queryOptions({
  queryKey: ['print-issues'],
  queryFn: ({ signal }) => answer(api.GET('/admin/api/members/print-issues', { signal })).then((r) => r.issues),
});
export const issueDetail = (id: number) =>
  queryOptions({
    queryKey: ['print-issues', id],
    queryFn: ({ signal }) => answer(api.GET('/admin/api/members/print-issues/{id}', { params: { path: { id: String(id) } }, signal })),
  });
export const createIssue = (input: PrintIssueInput) => request<PrintIssue>('POST', '/members/print-issues', input);
export const updateIssue = (id: number, input: PrintIssueInput) => request<PrintIssue>('PUT', `/members/print-issues/${id}`, input);
export const deleteIssue = (id: number) => request<void>('DELETE', `/members/print-issues/${id}`);
export const freezeIssue = (id: number) => request<{ issue: PrintIssue; report: FreezeReport }>('POST', `/members/print-issues/${id}/freeze`);
/** The frozen list with copies per country; the server freezes it first once the cutoff has passed. */
export const fulfilment = (id: number) =>
  queryOptions({
    queryKey: ['print-issues', id, 'fulfilment'],
    queryFn: async ({ signal, client }) => {
      const found = await answer(api.GET('/admin/api/members/print-issues/{id}/fulfilment', { params: { path: { id: String(id) } }, signal }));
      // Reading the list may have frozen it: the issue shown beside it says so too.
      client.setQueryData(issueDetail(id).queryKey, found.issue);
      return found;
    },
  });
/** The address of the CSV download (a plain link: the browser saves the file). */
export const fulfilmentCsvUrl = (id: number) => `/admin/api/members/print-issues/${id}/fulfilment.csv`;
