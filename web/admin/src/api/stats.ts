import { query, request } from './client';

export interface DashboardStats {
  /** One entry per week (starting Monday, UTC), oldest first; pieces published per section slug. */
  publishedPerWeek: Array<{ weekStart: string; total: number; bySection: Record<string, number> }>;
  /** The most viewed pieces since `viewsSince`, by cookieless view counts. */
  topPosts: Array<{ id: number; title: string; slug: string; views: number }>;
  viewsSince: string;
}

export const getDashboard = (options: { weeks?: number; days?: number; top?: number } = {}) =>
  request<DashboardStats>('GET', `/dashboard${query(options)}`);
