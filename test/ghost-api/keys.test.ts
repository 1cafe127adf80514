import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../src/staff/secret.js';
import { staffClient, type AdminClient } from '../admin-api/support/admin-client.js';
import { testApp, type AppContext } from '../support/app.js';
import { dialects } from '../support/stores.js';

describe.each(dialects)('key formats on %s', (dialect) => {
  let t: AppContext;
  let admin: AdminClient;
  let adminId: number;

  beforeAll(async () => {
    t = await testApp(dialect);
    const made = await staffClient(t.app, t.services, 'administrator');
    admin = made.client;
    adminId = made.user.id;
  });
  afterAll(async () => t.close());

  it('makes Content API keys of 26 hex characters that the native Content API accepts', async () => {
    const created = await admin.call('POST', '/admin/api/content-keys', { name: 'Front end' });
    expect(created.statusCode).toBe(201);
    const { secret, contentKey } = created.json();
    expect(secret).toMatch(/^[0-9a-f]{26}$/);
    expect(secret.startsWith(contentKey.prefix)).toBe(true);
    expect((await t.app.inject({ url: `/api/content/settings/?key=${secret}` })).statusCode).toBe(200);
    expect((await admin.call('GET', '/admin/api/content-keys')).body).not.toContain(secret);
  });

  it('makes Admin API keys as id:secret (24 and 64 hex) that work whole as bearer tokens and are never listed', async () => {
    const created = await admin.call('POST', '/admin/api/api-keys', { name: 'Migration', role: 'editor' });
    expect(created.statusCode).toBe(201);
    const { secret, apiKey } = created.json();
    expect(secret).toMatch(/^[0-9a-f]{24}:[0-9a-f]{64}$/);
    expect(apiKey.prefix).toBe(secret.split(':')[0]);
    const asKey = await t.app.inject({ url: '/admin/api/staff', headers: { authorization: `Bearer ${secret}` } });
    expect(asKey.statusCode).toBe(200);
    const listed = (await admin.call('GET', '/admin/api/api-keys')).body;
    expect(listed).not.toContain(secret.split(':')[1]);
  });

  it('keeps keys made in the earlier formats working', async () => {
    const now = new Date().toISOString();
    const oldContent = 'mhc_0a1b2c3d_oldformatsecretoldformatsecret';
    await t.store.db
      .insertInto('content_api_keys')
      .values({ name: 'Old front end', key_hash: hashToken(oldContent), prefix: 'mhc_0a1b2c3d', created_by: adminId, created_at: now })
      .execute();
    const oldAdmin = 'mh_0a1b2c3d_oldformatadminsecretoldformat';
    await t.store.db
      .insertInto('api_keys')
      .values({ name: 'Old sync', key_hash: hashToken(oldAdmin), prefix: 'mh_0a1b2c3d', role: 'editor', created_by: adminId, created_at: now })
      .execute();
    expect((await t.app.inject({ url: `/api/content/settings/?key=${oldContent}` })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/admin/api/staff', headers: { authorization: `Bearer ${oldAdmin}` } })).statusCode).toBe(200);
  });
});
