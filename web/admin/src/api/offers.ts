/** Offers on paid plans and one-off tips in the admin API (`/admin/api/members/offers…`, `/members/tips`), typed by its OpenAPI document. */
import { queryOptions } from '@tanstack/react-query';
import { answer, api, request } from './client';
import type { Answer } from './types';

export type Offer = Answer<'/admin/api/members/offers', 'get'>['offers'][number];
export type OfferReport = Answer<'/admin/api/members/offers/{id}', 'get'>;
export type OfferState = Offer['state'];

/** What the new-offer form sends; the amount off is as typed ("2.50"), read by the server for the plan's currency. */
export interface OfferInput {
  code?: string;
  name: string;
  planId: number;
  billing: Offer['billing'];
  percentOff: number | null;
  amountOff: string | null;
  duration: Offer['duration'];
  durationMonths: number | null;
  startsAt?: string;
  endsAt: string | null;
  maxRedemptions: number | null;
  promotionCode: string | null;
}

export const offerList = queryOptions({
  queryKey: ['offers'],
  queryFn: ({ signal }) => answer(api.GET('/admin/api/members/offers', { signal })).then((r) => r.offers),
});

export const offerReport = (id: number) =>
  queryOptions({
    queryKey: ['offers', id],
    queryFn: ({ signal }) => answer(api.GET('/admin/api/members/offers/{id}', { params: { path: { id: String(id) } }, signal })),
  });

export const createOffer = (input: OfferInput) => request<Offer>('POST', '/members/offers', input);
export const endOffer = (id: number) => request<Offer>('POST', `/members/offers/${id}/end`);

export type TipReport = Answer<'/admin/api/members/tips', 'get'>;

export const tipReport = queryOptions({
  queryKey: ['tips'],
  queryFn: ({ signal }) => answer(api.GET('/admin/api/members/tips', { signal })),
});
