import { request } from './client';

export interface DashboardStats {
  /** Pieces published each week (ISO week start) in each section. */
  publishedPerWeek: Array<{ week: string; section: string; count: number }>;
  /** The most read pieces by cookieless view counts. */
  topPosts: Array<{ id: number; title: string; views: number }>;
  /** Confirmed newsletter subscribers at the end of each day, once the newsletter records them. */
  subscribers?: Array<{ date: string; count: number }>;
}

export const getDashboard = () => request<DashboardStats>('GET', '/dashboard');
