import GhostAdminAPI from '@tryghost/admin-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffRole } from '../../src/staff/index.js';
import { makePlans } from '../members/helpers.js';
import { testApp, type AppContext } from '../support/app.js';
import { failure, listening, token } from './support/server.js';

describe('users, tiers and newsletters through the official Ghost Admin API client', () => {
  let t: AppContext;
  const clients = new Map<StaffRole, ReturnType<typeof GhostAdminAPI>>();
  const ids = new Map<StaffRole, string>();
  const keys = new Map<StaffRole, string>();
  const as = (role: StaffRole) => clients.get(role)!;

  beforeAll(async () => {
    t = await testApp('sqlite');
    const url = await listening(t);
    for (const role of ['contributor', 'author', 'editor', 'administrator'] as const) {
      const user = await t.services.users.create({ email: `${role}@masthead.example`, name: `The ${role}`, role });
      ids.set(role, String(user.id));
      keys.set(role, (await t.services.apiKeys.create({ name: role, role }, user)).secret);
      clients.set(role, GhostAdminAPI({ url, key: keys.get(role)!, version: 'v6.0' }));
    }
    await makePlans(t.services);
  });
  afterAll(async () => t.close());

  describe('users', () => {
    it('lists staff in Ghost’s shape with their roles and addresses for editors and administrators', async () => {
      const users = await as('editor').users.browse({ limit: 'all' });
      expect(users.map((u: { email: string }) => u.email)).toEqual(['contributor@masthead.example', 'author@masthead.example', 'editor@masthead.example', 'administrator@masthead.example']);
      expect(users[3]).toMatchObject({ id: ids.get('administrator'), name: 'The administrator', status: 'active', roles: [{ name: 'Administrator' }] });
      expect(users.meta.pagination.total).toBe(4);
      const one = await as('administrator').users.read({ id: ids.get('author') });
      expect(one).toMatchObject({ email: 'author@masthead.example', roles: [{ name: 'Author' }] });
      expect(JSON.stringify(one)).not.toMatch(/password|secret|hash/i);
    });

    it('shows authors and contributors the team without others’ addresses, and lets no filter find them', async () => {
      const users = await as('contributor').users.browse();
      expect(users.map((u: { name: string; email: string | null }) => [u.name, u.email])).toEqual([
        ['The contributor', 'contributor@masthead.example'],
        ['The author', null],
        ['The editor', null],
        ['The administrator', null],
      ]);
      expect(await failure(as('author').users.browse({ filter: "email:~'admin'" }))).toMatchObject({ type: 'BadRequestError' });
      expect((await as('author').users.read({ id: ids.get('editor') })).email).toBeNull();
    });

    it('answers Ghost’s NotFoundError for a user that is not there', async () => {
      expect(await failure(as('editor').users.read({ id: '999999' }))).toMatchObject({ type: 'NotFoundError' });
    });
  });

  describe('tiers', () => {
    // The official client (1.14) has no tiers resource; tools built on Ghost's API ask for them directly.
    const tiers = async (role: StaffRole, path: string) => t.app.inject({ method: 'GET', url: `/ghost/api/admin/tiers/${path}`, headers: { authorization: `Ghost ${await token(keys.get(role)!)}` } });

    it('lists every plan as a tier and reads one', async () => {
      const plans = await t.services.plans.list();
      const listed = await tiers('author', '');
      expect(listed.statusCode).toBe(200);
      expect(listed.json().tiers.map((tier: { slug: string }) => tier.slug)).toEqual(plans.map((p) => p.slug));
      expect(listed.json().meta.pagination.total).toBe(plans.length);
      const paid = plans.find((p) => p.tier !== 'free')!;
      expect((await tiers('editor', `${paid.id}/`)).json().tiers[0]).toMatchObject({ id: String(paid.id), type: 'paid', monthly_price: paid.monthlyCents });
      const missing = await tiers('editor', '424242/');
      expect(missing.statusCode).toBe(404);
      expect(missing.json().errors[0].type).toBe('NotFoundError');
      expect((await t.app.inject({ method: 'GET', url: '/ghost/api/admin/tiers/' })).statusCode).toBe(401);
    });
  });

  describe('newsletters', () => {
    it('lists and reads newsletters in Ghost’s shape', async () => {
      const [first] = await t.services.subscribers.newsletters();
      const newsletters = await as('editor').newsletters.browse();
      expect(newsletters).toHaveLength((await t.services.subscribers.newsletters()).length);
      expect(newsletters[0]).toMatchObject({ id: String(first!.id), slug: first!.slug, name: first!.name, status: 'active' });
      expect((await as('contributor').newsletters.read({ id: String(first!.id) })).slug).toBe(first!.slug);
      expect((await as('editor').newsletters.read({ slug: first!.slug })).id).toBe(String(first!.id));
      expect(await failure(as('editor').newsletters.read({ id: '31337' }))).toMatchObject({ type: 'NotFoundError' });
    });
  });
});
