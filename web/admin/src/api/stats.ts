import { queryOptions } from '@tanstack/react-query';
import { answer, api } from './client';
import type { Answer } from './types';

/** Pieces published per week by section, and the most read pieces since `viewsSince`. */
export type DashboardStats = Answer<'/admin/api/dashboard', 'get'>;

export const dashboardStats = queryOptions({
  queryKey: ['dashboard'],
  queryFn: ({ signal }) => answer(api.GET('/admin/api/dashboard', { signal })),
});

/** Confirmed followers per section and per author, most followed first (editors and up). */
export const followerCounts = queryOptions({
  queryKey: ['follows', 'counts'],
  queryFn: ({ signal }) => answer(api.GET('/admin/api/follows/counts', { signal })),
});
