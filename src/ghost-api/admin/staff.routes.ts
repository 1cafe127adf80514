import type { FastifyInstance } from 'fastify';
import { pagination } from '../../content-api/http.js';
import { AppError } from '../../errors/app-error.js';
import type { ErrorCode } from '../../errors/codes.js';
import type { PlanService } from '../../members/index.js';
import { can, type StaffUser } from '../../staff/index.js';
import type { Newsletter, SubscriberService } from '../../subscribers/index.js';
import { idFrom, route, slugFrom } from '../http.js';
import { browseOptions, readOptions, type ReadOptions } from '../options.js';
import type { GhostQueries, StaffRow } from '../query/index.js';
import { ghostTier, pick, tierFieldNames } from '../serialize.js';
import { staffOf } from './envelope.js';

const userFieldNames = [
  'id',
  'name',
  'slug',
  'email',
  'profile_image',
  'cover_image',
  'bio',
  'website',
  'location',
  'facebook',
  'twitter',
  'status',
  'meta_title',
  'meta_description',
  'last_seen',
  'created_at',
  'updated_at',
  'roles',
  'url',
] as const;
const newsletterFieldNames = [
  'id',
  'uuid',
  'name',
  'slug',
  'description',
  'status',
  'visibility',
  'subscribe_on_signup',
  'sort_order',
  'sender_name',
  'sender_email',
  'sender_reply_to',
  'created_at',
  'updated_at',
] as const;

const roleNames = { administrator: 'Administrator', editor: 'Editor', author: 'Author', contributor: 'Contributor' } as const;

/**
 * Staff (Ghost's users), tiers (Masthead's plans, archived ones too) and newsletters, read-only,
 * for every Admin API key. Editors and administrators see staff addresses; authors and
 * contributors see the team by name and role, with only their own address, and cannot filter on
 * addresses.
 */
export function ghostAdminStaffRoutes(app: FastifyInstance, deps: { queries: GhostQueries; plans: PlanService; subscribers: SubscriberService; publicUrl: string }): void {
  const userShape = { include: ['roles'], fields: userFieldNames, formats: [] };
  const users = async (rows: StaffRow[], viewer: StaffUser, options: ReadOptions) => rows.map((row) => pick(ghostUser(row, viewer, deps.publicUrl), options.fields));
  const staffScope = (viewer: StaffUser): 'staff' | 'staffWithoutEmail' => (can(viewer, { do: 'staff.view' }) ? 'staff' : 'staffWithoutEmail');
  const oneUser = async (viewer: StaffUser, by: { id: number }, options: ReadOptions) => {
    const id = await deps.queries.find(staffScope(viewer), by);
    const [row] = id === undefined ? [] : await deps.queries.staffRows([id]);
    if (!row) throw new AppError('USER_NOT_FOUND', 'User not found.');
    return { users: await users([row], viewer, options) };
  };

  route(app, 'GET', '/users', async (request) => {
    const viewer = staffOf(request);
    const options = browseOptions(request.query, userShape);
    const { ids, total } = await deps.queries.list(staffScope(viewer), options);
    return { users: await users(await deps.queries.staffRows(ids), viewer, options), meta: { pagination: pagination(options.page, options.limit, total) } };
  });
  route(app, 'GET', '/users/:id', async (request) => oneUser(staffOf(request), { id: idFrom(request, 'USER_NOT_FOUND', 'user') }, readOptions(request.query, userShape)));

  readOnlyRoutes(app, deps.queries, {
    key: 'tiers',
    scope: 'allTiers',
    shape: { include: ['monthly_price', 'yearly_price', 'benefits'], fields: tierFieldNames, formats: [] },
    notFound: ['PLAN_NOT_FOUND', 'tier'],
    items: async () => new Map((await deps.plans.list()).map((p) => [p.id, ghostTier(p)])),
  });
  readOnlyRoutes(app, deps.queries, {
    key: 'newsletters',
    scope: 'newsletters',
    shape: { include: ['count.posts', 'count.members', 'count.active_members'], fields: newsletterFieldNames, formats: [] },
    notFound: ['NEWSLETTER_NOT_FOUND', 'newsletter'],
    items: async () => new Map((await deps.subscribers.newsletters()).map((n) => [n.id, ghostNewsletter(n)])),
  });
}

/** Browse, read by id and by slug for a small resource shaped in full from its domain's list. */
function readOnlyRoutes(
  app: FastifyInstance,
  queries: GhostQueries,
  kind: {
    key: 'tiers' | 'newsletters';
    scope: 'allTiers' | 'newsletters';
    shape: { include: string[]; fields: readonly string[]; formats: string[] };
    notFound: [ErrorCode, string];
    items: () => Promise<Map<number, Record<string, unknown>>>;
  },
): void {
  const [code, what] = kind.notFound;
  const shaped = async (ids: number[], options: ReadOptions) => {
    const all = await kind.items();
    return ids.flatMap((id) => (all.has(id) ? [pick(all.get(id)!, options.fields)] : []));
  };
  const one = async (id: number | undefined, options: ReadOptions) => {
    const found = id === undefined ? [] : await shaped([id], options);
    if (found.length === 0) throw new AppError(code, `${what[0]!.toUpperCase()}${what.slice(1)} not found.`);
    return { [kind.key]: found };
  };
  route(app, 'GET', `/${kind.key}`, async (request) => {
    staffOf(request);
    const options = browseOptions(request.query, kind.shape);
    const { ids, total } = await queries.list(kind.scope, options);
    return { [kind.key]: await shaped(ids, options), meta: { pagination: pagination(options.page, options.limit, total) } };
  });
  route(app, 'GET', `/${kind.key}/:id`, async (request) => {
    staffOf(request);
    return one(idFrom(request, code, what), readOptions(request.query, kind.shape));
  });
  route(app, 'GET', `/${kind.key}/slug/:slug`, async (request) => {
    staffOf(request);
    return one(await queries.find(kind.scope, { slug: slugFrom(request) }), readOptions(request.query, kind.shape));
  });
}

/** A staff member in Ghost's shape; the address only for those who may see the staff list, or for oneself. */
function ghostUser(row: StaffRow, viewer: StaffUser, publicUrl: string) {
  const role = row.role as keyof typeof roleNames;
  const slug = row.slug ?? `user-${row.id}`;
  return {
    id: String(row.id),
    name: row.name,
    slug,
    email: can(viewer, { do: 'staff.view' }) || viewer.id === row.id ? row.email : null,
    profile_image: row.photo_url ?? null,
    cover_image: null,
    bio: row.bio || null,
    website: row.website ?? null,
    location: null,
    facebook: null,
    twitter: null,
    status: row.status === 'suspended' ? 'inactive' : 'active',
    meta_title: null,
    meta_description: null,
    last_seen: null,
    created_at: row.created_at,
    updated_at: row.updated_at,
    roles: [{ id: role, name: roleNames[role] ?? row.role, description: null }],
    url: new URL(row.slug ? `/author/${row.slug}/` : '/404/', publicUrl).toString(),
  };
}

function ghostNewsletter(newsletter: Newsletter) {
  return {
    id: String(newsletter.id),
    uuid: null,
    name: newsletter.name,
    slug: newsletter.slug,
    description: newsletter.description || null,
    status: 'active',
    visibility: 'members',
    subscribe_on_signup: newsletter.isDefault,
    sort_order: null,
    sender_name: null,
    sender_email: null,
    sender_reply_to: 'newsletter',
    created_at: null,
    updated_at: null,
  };
}
