import type { FastifyInstance } from 'fastify';
import { pagination } from '../../content-api/http.js';
import { AppError, type FieldError } from '../../errors/app-error.js';
import { toMember, type Member, type MemberService } from '../../members/index.js';
import { authorize } from '../../staff/index.js';
import { idFrom, route } from '../http.js';
import { browseOptions, readOptions, type ReadOptions } from '../options.js';
import type { GhostQueries } from '../query/index.js';
import { ghostMember, memberFieldNames, pick } from '../serialize.js';
import { inGhostTerms, single, staffOf } from './envelope.js';

const shape = { include: [], fields: memberFieldNames, formats: [] };

/**
 * Members (reader accounts) for Ghost's Admin API clients: editors and administrators browse and
 * read them; administrators add them and change their names. `status` is paid while a
 * subscription gives paid access, else free.
 */
export function ghostAdminMemberRoutes(app: FastifyInstance, deps: { members: MemberService; queries: GhostQueries }): void {
  const render = async (members: Member[], options: ReadOptions) => {
    const readers = await deps.members.readersByEmail(members.map((m) => m.email));
    return members.map((member) => {
      const reader = readers.get(member.email);
      return pick(ghostMember(member, reader?.kind === 'member' && reader.paid), options.fields);
    });
  };

  route(app, 'GET', '/members', async (request) => {
    authorize(staffOf(request), { do: 'members.view' });
    const options = browseOptions(request.query, shape);
    const { ids, total } = await deps.queries.list('members', options);
    return { members: await render((await deps.queries.memberRows(ids)).map(toMember), options), meta: { pagination: pagination(options.page, options.limit, total) } };
  });
  route(app, 'GET', '/members/:id', async (request) => {
    authorize(staffOf(request), { do: 'members.view' });
    const member = await deps.members.get({ id: idFrom(request, 'MEMBER_NOT_FOUND', 'member') });
    return { members: await render([member], readOptions(request.query, shape)) };
  });

  route(app, 'POST', '/members', async (request, reply) => {
    authorize(staffOf(request), { do: 'members.manage' });
    const item = single(request.body, 'members');
    checkFields(item);
    const member = await deps.members.add({ email: item.email, name: item.name ?? '' }).catch(inGhostTerms('members.0', {}));
    reply.code(201);
    return { members: await render([member], readOptions(request.query, shape)) };
  });
  route(app, 'PUT', '/members/:id', async (request) => {
    authorize(staffOf(request), { do: 'members.manage' });
    const current = await deps.members.get({ id: idFrom(request, 'MEMBER_NOT_FOUND', 'member') });
    const item = single(request.body, 'members');
    checkFields(item);
    if (item.email !== undefined && item.email !== current.email) {
      throw AppError.validation([{ field: 'members.0.email', message: 'cannot change: a member signs in with their address' }]);
    }
    const member = 'name' in item ? await deps.members.rename(current.id, item.name ?? '').catch(inGhostTerms('members.0', {})) : current;
    return { members: await render([member], readOptions(request.query, shape)) };
  });
}

/**
 * Ghost's member fields: Masthead keeps the address and the name. Newsletter subscriptions and
 * complimentary access are refused rather than dropped (readers subscribe to newsletters apart
 * from their account); notes and labels, which nothing here would use, are ignored.
 */
function checkFields(item: Record<string, unknown>): void {
  const problems: FieldError[] = [];
  const ignored = new Set(['id', 'uuid', 'note', 'labels', 'status', 'created_at', 'updated_at', 'geolocation', 'avatar_image']);
  for (const [name, value] of Object.entries(item)) {
    if (name === 'email' || name === 'name' || ignored.has(name)) continue;
    if ((name === 'subscribed' || name === 'comped') && !value) continue;
    if (name === 'newsletters' && Array.isArray(value) && value.length === 0) continue;
    if (name === 'subscribed' || name === 'newsletters') {
      problems.push({ field: `members.0.${name}`, message: 'cannot be set here: newsletter subscribers are kept apart from members; import them with masthead subscribers import or the admin' });
    } else if (name === 'comped') {
      problems.push({ field: `members.0.${name}`, message: 'cannot be set: paid access comes from a plan bought or given as a gift' });
    } else {
      problems.push({ field: `members.0.${name}`, message: 'is not a field of Ghost members' });
    }
  }
  if (problems.length > 0) throw AppError.validation(problems);
}
