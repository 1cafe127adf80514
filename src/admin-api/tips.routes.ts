import { z } from 'zod';
import type { TipService } from '../members/index.js';
import { authorize } from '../staff/index.js';
import type { EndpointRegistry } from './endpoint.js';

const sum = z.object({ currency: z.string(), count: z.number(), amount: z.number().describe("In the currency's minor units") });

/** One-off tips: editors and administrators see them. */
export function adminTipRoutes(api: EndpointRegistry, tips: TipService): void {
  api.add({
    method: 'GET',
    url: '/members/tips',
    summary: 'The latest 100 tips, totals per currency, and sums per month over the last twelve months',
    tag: 'members',
    access: 'staff',
    response: z.object({
      tips: z.array(z.object({ id: z.number(), memberId: z.number().nullable(), email: z.string(), amount: z.number(), currency: z.string(), createdAt: z.string() })),
      totals: z.array(sum),
      byMonth: z.array(sum.extend({ month: z.string().describe('YYYY-MM, UTC') })),
    }),
    handler: async ({ staff }) => {
      authorize(staff, { do: 'members.view' });
      return tips.report();
    },
  });
}
