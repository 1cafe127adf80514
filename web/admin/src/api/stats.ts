import { queryOptions } from '@tanstack/react-query';
import { answer, api } from './client';
import type { Answer } from './types';

/** Pieces published per week by section, and the most read pieces since `viewsSince`. */
export type DashboardStats = Answer<'/admin/api/dashboard', 'get'>;

export const dashboardStats = queryOptions({
  queryKey: ['dashboard'],
  queryFn: ({ signal }) => answer(api.GET('/admin/api/dashboard', { signal })),
});
