import type { FastifyInstance } from 'fastify';
import type { Services } from '../../../src/services.js';
import type { StaffRole } from '../../../src/staff/index.js';
import { AdminClient, staffClient } from '../../admin-api/support/admin-client.js';

const staffRoles: StaffRole[] = ['contributor', 'author', 'editor', 'administrator'];

/** Someone sending admin API requests: what they add to every request, and how to stay signed in. */
export interface Actor {
  name: string;
  headers(): Record<string, string>;
  /** Checks the actor can still act as intended (the fuzzing may sign it out, demote or suspend it) and repairs it. */
  revive(): Promise<void>;
}

function cookieHeader(client: AdminClient): string {
  return [...client.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
}

/** A stranger with a CSRF cookie and token (as anyone gets from GET /admin/api/session) but no session. */
async function stranger(app: FastifyInstance): Promise<Actor> {
  const client = await new AdminClient(app).start();
  return { name: 'a stranger', headers: () => ({ cookie: cookieHeader(client), 'x-csrf-token': client.csrf }), revive: async () => undefined };
}

/** Staff signed in by session cookie, with the CSRF header; signed in again (as a fresh account) when the fuzzing undid it. */
async function signedIn(app: FastifyInstance, services: Services, role: StaffRole): Promise<Actor> {
  let { client } = await staffClient(app, services, role);
  return {
    name: `a signed-in ${role}`,
    headers: () => ({ cookie: cookieHeader(client), 'x-csrf-token': client.csrf }),
    revive: async () => {
      const res = await client.call('GET', '/admin/api/session');
      const session = res.json() as { signedIn: boolean; staff?: { role: string } };
      if (!session.signedIn || session.staff?.role !== role) ({ client } = await staffClient(app, services, role));
    },
  };
}

let keys = 0;

/** An integration with an administrator's Admin API key; a new key when the fuzzing revoked it. */
async function apiKey(app: FastifyInstance, services: Services): Promise<Actor> {
  const make = async () => {
    const user = await services.users.create({ email: `integration-${(keys += 1)}@masthead.example`, name: 'Integration owner', role: 'administrator' });
    return (await services.apiKeys.create({ name: 'Integration', role: 'administrator' }, user)).secret;
  };
  let key = await make();
  return {
    name: 'an administrator API key',
    headers: () => ({ authorization: `Bearer ${key}` }),
    revive: async () => {
      if (!(await services.apiKeys.authenticate(key))) key = await make();
    },
  };
}

/** A stranger, each staff role signed in, and an Admin API key. */
export async function actors(app: FastifyInstance, services: Services): Promise<Actor[]> {
  const staff = [];
  for (const role of staffRoles) staff.push(await signedIn(app, services, role));
  return [await stranger(app), ...staff, await apiKey(app, services)];
}
