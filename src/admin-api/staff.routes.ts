import { z } from 'zod';
import { AppError } from '../errors/app-error.js';
import { apiKeyInput, authorize, inviteInput, roleChangeInput, staffRoles, type ApiKeyService, type LinkBuilder, type StaffAuthService, type UserService } from '../staff/index.js';
import type { EndpointRegistry } from './endpoint.js';
import { idParams, staffEnvelope, staffUserOut } from './schemas.js';

const apiKeyOut = z.object({
  id: z.number(),
  name: z.string(),
  prefix: z.string(),
  role: z.enum(staffRoles),
  createdBy: z.number(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

export interface StaffRouteDeps {
  users: UserService;
  auth: StaffAuthService;
  apiKeys: ApiKeyService;
  link: LinkBuilder;
}

/** Staff accounts (invite, role, suspend, restore) and Admin API keys. */
export function staffRoutes(api: EndpointRegistry, deps: StaffRouteDeps): void {
  api.add({
    method: 'GET',
    url: '/staff',
    summary: 'List staff accounts',
    tag: 'staff',
    access: 'staff',
    response: z.object({ staff: z.array(staffUserOut) }),
    handler: async ({ staff }) => {
      authorize(staff, { do: 'staff.view' });
      return { staff: await deps.users.list() };
    },
  });

  api.add({
    method: 'POST',
    url: '/staff/invitations',
    summary: 'Invite someone by email; editors may invite authors and contributors',
    tag: 'staff',
    access: 'staff',
    body: inviteInput,
    response: staffEnvelope,
    status: 201,
    handler: async ({ staff, body }) => {
      authorize(staff, { do: 'staff.invite', role: body.role });
      const invited = await deps.users.invited(body);
      await deps.auth.invite(invited, deps.link, staff);
      return { staff: invited };
    },
  });

  api.add({
    method: 'PATCH',
    url: '/staff/:id',
    summary: "Change a staff member's role",
    tag: 'staff',
    access: 'staff',
    params: idParams,
    body: roleChangeInput,
    response: staffEnvelope,
    handler: async ({ staff, params, body }) => {
      authorize(staff, { do: 'staff.manage' });
      return { staff: await deps.users.changeRole(params.id, body) };
    },
  });

  api.add({
    method: 'POST',
    url: '/staff/:id/suspend',
    summary: 'Suspend a staff member: their sessions and API keys stop working at once',
    tag: 'staff',
    access: 'staff',
    params: idParams,
    response: staffEnvelope,
    handler: async ({ staff, params }) => {
      authorize(staff, { do: 'staff.manage' });
      if (params.id === staff.id) throw new AppError('FORBIDDEN', 'You cannot suspend yourself.');
      return { staff: await deps.users.suspend(params.id) };
    },
  });

  api.add({
    method: 'POST',
    url: '/staff/:id/restore',
    summary: 'Restore a suspended staff member',
    tag: 'staff',
    access: 'staff',
    params: idParams,
    response: staffEnvelope,
    handler: async ({ staff, params }) => {
      authorize(staff, { do: 'staff.manage' });
      return { staff: await deps.users.restore(params.id) };
    },
  });

  api.add({
    method: 'GET',
    url: '/api-keys',
    summary: 'List Admin API keys (never their secrets)',
    tag: 'integrations',
    access: 'staff',
    response: z.object({ apiKeys: z.array(apiKeyOut) }),
    handler: async ({ staff }) => {
      authorize(staff, { do: 'apiKeys.manage' });
      return { apiKeys: await deps.apiKeys.list() };
    },
  });

  api.add({
    method: 'POST',
    url: '/api-keys',
    summary: 'Create an Admin API key; the secret is in this answer only',
    tag: 'integrations',
    access: 'staff',
    body: apiKeyInput,
    response: z.object({ apiKey: apiKeyOut, secret: z.string() }),
    status: 201,
    handler: async ({ staff, body }) => {
      authorize(staff, { do: 'apiKeys.manage' });
      const { key, secret } = await deps.apiKeys.create(body, staff);
      return { apiKey: key, secret };
    },
  });

  api.add({
    method: 'DELETE',
    url: '/api-keys/:id',
    summary: 'Revoke an Admin API key; it stops working at once',
    tag: 'integrations',
    access: 'staff',
    params: idParams,
    response: z.object({ apiKey: apiKeyOut }),
    handler: async ({ staff, params }) => {
      authorize(staff, { do: 'apiKeys.manage' });
      return { apiKey: await deps.apiKeys.revoke(params.id) };
    },
  });
}
