import { z } from 'zod';
import { idCursor } from '../db/list-cursor.js';
import { planInput, subscriptionStatuses, type MemberDataService, type MemberService, type PlanService } from '../members/index.js';
import { authorize } from '../staff/index.js';
import type { EndpointRegistry } from './endpoint.js';
import { nextOut } from './schemas.js';
import { idOf, memberDetailOut, memberExportOut, memberOut, numericId, planOut, subscriptionOut } from './members.schemas.js';
import type { ExportedFollow } from '../services.js';

const memberQuery = z
  .object({
    q: z.string().trim().max(200, 'must be at most 200 characters').optional(),
    plan: z.coerce
      .number({ message: 'must be a plan id' })
      .int('must be a plan id')
      .positive('must be a plan id')
      .max(2 ** 31 - 1)
      .optional(),
    status: z.enum(subscriptionStatuses, { message: `must be one of ${subscriptionStatuses.join(', ')}` }).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
    after: idCursor.optional().describe("A page's `next`: this page starts after it (and `offset` members further)"),
  })
  .strict();

export interface MemberRouteDeps {
  plans: PlanService;
  members: MemberService;
  memberData: MemberDataService<ExportedFollow>;
}

/** Membership plans (editors read, administrators change) and members (editors and up). */
export function adminMemberRoutes(api: EndpointRegistry, deps: MemberRouteDeps): void {
  api.add({
    method: 'GET',
    url: '/members/plans',
    summary: 'List membership plans, on sale or archived',
    tag: 'members',
    access: 'staff',
    response: z.object({ plans: z.array(planOut) }),
    handler: async ({ staff }) => {
      authorize(staff, { do: 'members.view' });
      return { plans: await deps.plans.list() };
    },
  });

  api.add({
    method: 'POST',
    url: '/members/plans',
    summary: 'Create a plan (free, digital or print + digital) with its prices',
    tag: 'members',
    access: 'staff',
    bodyDoc: planInput,
    response: planOut,
    status: 201,
    handler: async ({ staff, request }) => {
      authorize(staff, { do: 'plans.manage' });
      return deps.plans.create(request.body ?? {});
    },
  });

  api.add({
    method: 'PUT',
    url: '/members/plans/:id',
    summary: "Replace a plan's fields; `active: false` archives it (off sale, subscribers keep it)",
    tag: 'members',
    access: 'staff',
    params: numericId,
    bodyDoc: planInput,
    response: planOut,
    handler: async ({ staff, params, request }) => {
      authorize(staff, { do: 'plans.manage' });
      return deps.plans.update(idOf(params, 'PLAN_NOT_FOUND'), request.body ?? {});
    },
  });

  api.add({
    method: 'DELETE',
    url: '/members/plans/:id',
    summary: 'Delete a plan nobody ever bought (409 PLAN_IN_USE otherwise: archive it instead)',
    tag: 'members',
    access: 'staff',
    params: numericId,
    response: null,
    handler: async ({ staff, params }) => {
      authorize(staff, { do: 'plans.manage' });
      await deps.plans.remove(idOf(params, 'PLAN_NOT_FOUND'));
    },
  });

  api.add({
    method: 'GET',
    url: '/members',
    summary: 'List members, newest first, with their subscriptions; search by email or name, filter by plan and status; past 10,000 matches the total may be an estimate (totalEstimated)',
    tag: 'members',
    access: 'staff',
    query: memberQuery,
    response: z.object({ members: z.array(memberOut.extend({ subscriptions: z.array(subscriptionOut) })), total: z.number(), totalEstimated: z.boolean(), next: nextOut }),
    handler: async ({ staff, query }) => {
      authorize(staff, { do: 'members.view' });
      const { limit, offset, after, plan, ...filter } = query;
      return deps.members.list({ ...filter, planId: plan }, { limit, offset, after });
    },
  });

  api.add({
    method: 'GET',
    url: '/members/:id',
    summary: 'One member: address, subscriptions (who paid for gifts), gifts bought for others, latest checkouts',
    tag: 'members',
    access: 'staff',
    params: numericId,
    response: memberDetailOut,
    handler: async ({ staff, params }) => {
      authorize(staff, { do: 'members.view' });
      return deps.members.detail(idOf(params, 'MEMBER_NOT_FOUND'));
    },
  });
  api.add({
    method: 'GET',
    url: '/members/:id/export',
    summary: 'Everything stored about one member (profile, address, subscriptions, checkouts, tips, print fulfilment lines, comments, follows, settings), for a data request',
    tag: 'members',
    access: 'staff',
    params: numericId,
    response: memberExportOut,
    handler: async ({ staff, params, reply }) => {
      authorize(staff, { do: 'members.erase' });
      const id = idOf(params, 'MEMBER_NOT_FOUND');
      const data = await deps.memberData.export(id);
      reply.header('content-disposition', `attachment; filename="member-${id}.json"`);
      return data;
    },
  });

  api.add({
    method: 'POST',
    url: '/members/:id/erase',
    summary:
      'Erase one member: pending comments, follows, settings, sessions and payments records go; shown comments stay as "A former member"; print fulfilment lines keep country and copies only. 409 MEMBER_STILL_SUBSCRIBED while Stripe still bills them',
    tag: 'members',
    access: 'staff',
    params: numericId,
    response: null,
    handler: async ({ staff, params }) => {
      authorize(staff, { do: 'members.erase' });
      await deps.memberData.erase(idOf(params, 'MEMBER_NOT_FOUND'));
    },
  });
}
