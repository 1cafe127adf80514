import { z } from 'zod';
import type { DashboardService } from '../analytics/index.js';
import { authorize, postScope } from '../staff/index.js';
import type { EndpointRegistry } from './endpoint.js';

const count = (max: number, fallback: number) => z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(max, `must be at most ${max}`).default(fallback);

export function dashboardRoutes(api: EndpointRegistry, dashboard: DashboardService): void {
  api.add({
    method: 'GET',
    url: '/dashboard',
    summary: 'Pieces published per week by section, and the most viewed pieces your role sees (cookieless counts)',
    tag: 'dashboard',
    access: 'staff',
    query: z.object({ weeks: count(104, 12), days: count(365, 30), top: count(50, 10) }).strict(),
    response: z.object({
      publishedPerWeek: z.array(z.object({ weekStart: z.string(), total: z.number(), bySection: z.record(z.string(), z.number()) })),
      topPosts: z.array(z.object({ id: z.number(), title: z.string(), slug: z.string(), views: z.number() })),
      viewsSince: z.string(),
    }),
    handler: async ({ query, staff }) => {
      authorize(staff, { do: 'dashboard.view' });
      return dashboard.summary(query, postScope(staff));
    },
  });
}
