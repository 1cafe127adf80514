import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { staffOnly } from '../admin-api/index.js';
import { AppError } from '../errors/app-error.js';
import { parseInput } from '../errors/validate.js';
import type { PrintService } from '../print/index.js';
import type { MemberService } from './member.service.js';
import type { PlanService } from './plan.service.js';

export interface MemberAdminDeps {
  plans: PlanService;
  members: MemberService;
  print: PrintService;
}

const idParams = z.object({ id: z.coerce.number().int().positive().max(2 ** 31 - 1) });
const pageQuery = z
  .object({ limit: z.coerce.number().int().min(1).max(200).default(50), offset: z.coerce.number().int().min(0).max(10_000_000).default(0) })
  .strict();

function idOf(params: unknown, notFound: 'PLAN_NOT_FOUND' | 'PRINT_ISSUE_NOT_FOUND'): number {
  const parsed = idParams.safeParse(params);
  if (!parsed.success) throw new AppError(notFound);
  return parsed.data.id;
}

/**
 * Staff endpoints under /admin/api/members: plans (administrators change them; editors read),
 * the member list, print issues and their fulfilment lists (editors and up).
 */
export async function memberAdminRoutes(app: FastifyInstance, deps: MemberAdminDeps): Promise<void> {
  const editor = { preHandler: staffOnly('editor') };
  const administrator = { preHandler: staffOnly('administrator') };
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });

  app.get('/admin/api/members/plans', editor, async () => ({ plans: await deps.plans.list() }));
  app.post('/admin/api/members/plans', administrator, async (request, reply) => reply.code(201).send(await deps.plans.create(request.body ?? {})));
  app.put('/admin/api/members/plans/:id', administrator, async (request) => deps.plans.update(idOf(request.params, 'PLAN_NOT_FOUND'), request.body ?? {}));
  app.delete('/admin/api/members/plans/:id', administrator, async (request, reply) => {
    await deps.plans.remove(idOf(request.params, 'PLAN_NOT_FOUND'));
    return reply.code(204).send();
  });

  app.get('/admin/api/members', editor, async (request) => {
    const page = parseInput(pageQuery, request.query);
    const { members, total } = await deps.members.list(page);
    const withSubscriptions = await Promise.all(members.map(async (m) => ({ ...m, subscriptions: await deps.members.subscriptions(m.id) })));
    return { members: withSubscriptions, total };
  });

  app.get('/admin/api/members/print-issues', editor, async () => ({ issues: await deps.print.list() }));
  app.post('/admin/api/members/print-issues', editor, async (request, reply) => reply.code(201).send(await deps.print.create(request.body ?? {})));
  app.get('/admin/api/members/print-issues/:id', editor, async (request) => deps.print.get(idOf(request.params, 'PRINT_ISSUE_NOT_FOUND')));
  app.put('/admin/api/members/print-issues/:id', editor, async (request) => deps.print.update(idOf(request.params, 'PRINT_ISSUE_NOT_FOUND'), request.body ?? {}));
  app.delete('/admin/api/members/print-issues/:id', editor, async (request, reply) => {
    await deps.print.remove(idOf(request.params, 'PRINT_ISSUE_NOT_FOUND'));
    return reply.code(204).send();
  });
  app.get('/admin/api/members/print-issues/:id/fulfilment', editor, async (request) => deps.print.fulfilment(idOf(request.params, 'PRINT_ISSUE_NOT_FOUND')));
  app.get('/admin/api/members/print-issues/:id/countries', editor, async (request) => {
    const { issue, countries } = await deps.print.fulfilment(idOf(request.params, 'PRINT_ISSUE_NOT_FOUND'));
    return { issue: issue.slug, countries };
  });
  app.get('/admin/api/members/print-issues/:id/fulfilment.csv', editor, async (request, reply) => {
    const { issue, csv } = await deps.print.csv(idOf(request.params, 'PRINT_ISSUE_NOT_FOUND'));
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="fulfilment-${issue.slug}.csv"`)
      .send(csv);
  });
}
