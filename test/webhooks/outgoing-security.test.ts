import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffClient, type AdminClient } from '../admin-api/support/admin-client.js';
import { testApp, type AppContext } from '../support/app.js';
import { makeAuthor, postFields } from '../support/factories.js';
import { dialects } from '../support/stores.js';
import { startReceiver } from './outgoing-receiver.js';

describe.each(dialects)('outgoing webhooks are for administrators and public addresses only (%s)', (dialect) => {
  let t: AppContext;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let admin: AdminClient;

  beforeAll(async () => {
    receiver = await startReceiver();
    t = await testApp(dialect);
    admin = (await staffClient(t.app, t.services, 'administrator')).client;
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });

  it('refuses every webhook action to contributors, authors and editors', async () => {
    const hook = await t.services.webhooks.create({ url: 'https://hooks.example.com/in', events: ['post.published'] }, (await t.services.users.list())[0]!.id);
    for (const role of ['contributor', 'author', 'editor'] as const) {
      const { client } = await staffClient(t.app, t.services, role);
      const calls = [
        ['GET', '/webhooks', undefined],
        ['POST', '/webhooks', { url: 'https://attacker.example.com/', events: ['member.added'] }],
        ['PATCH', `/webhooks/${hook.webhook.id}`, { url: 'https://attacker.example.com/' }],
        ['DELETE', `/webhooks/${hook.webhook.id}`, undefined],
        ['POST', `/webhooks/${hook.webhook.id}/secret`, undefined],
        ['GET', `/webhooks/${hook.webhook.id}/deliveries`, undefined],
        ['POST', `/webhooks/${hook.webhook.id}/ping`, undefined],
      ] as const;
      for (const [method, path, body] of calls) {
        const res = await client.call(method, `/admin/api${path}`, body);
        expect(res.statusCode, `${role} ${method} ${path}`).toBe(403);
        expect(res.json().error.code).toBe('FORBIDDEN');
      }
    }
    expect(await t.services.webhooks.list()).toMatchObject([{ id: hook.webhook.id, url: 'https://hooks.example.com/in' }]);
    expect(await t.services.webhooks.deliveries(hook.webhook.id)).toEqual([]);
    await t.services.webhooks.remove(hook.webhook.id);
  });

  it('refuses URLs that are not http(s) or point at this machine or a private network', async () => {
    const refused = [
      receiver.url,
      'http://localhost/hook',
      'http://LOCALHOST./hook',
      'http://app.localhost/hook',
      'http://2130706433/hook',
      'http://0x7f.1/hook',
      'http://0/hook',
      'http://[::1]/hook',
      'http://[::ffff:127.0.0.1]/hook',
      'http://[::ffff:a9fe:a9fe]/hook',
      'http://[fd00::1]/hook',
      'http://[fe80::1]/hook',
      'http://169.254.169.254/latest/meta-data/',
      'http://10.1.2.3/hook',
      'http://172.16.0.1/hook',
      'http://192.168.1.1/hook',
      'http://100.64.0.1/hook',
      'https://user:pass@hooks.example.com/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'gopher://hooks.example.com/',
      'not a url',
    ];
    for (const url of refused) {
      const res = await admin.call('POST', '/admin/api/webhooks', { url, events: ['post.published'] });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.code, url).toBe('WEBHOOK_ADDRESS_REFUSED');
    }
    const created = await admin.call('POST', '/admin/api/webhooks', { url: 'https://hooks.example.com/in', events: ['post.published'] });
    expect(created.statusCode).toBe(201);
    const moved = await admin.call('PATCH', `/admin/api/webhooks/${created.json().webhook.id}`, { url: 'http://127.0.0.1:6379/' });
    expect(moved.json().error.code).toBe('WEBHOOK_ADDRESS_REFUSED');
    expect((await admin.call('GET', '/admin/api/webhooks')).json().webhooks).toMatchObject([{ url: 'https://hooks.example.com/in' }]);
    await admin.call('DELETE', `/admin/api/webhooks/${created.json().webhook.id}`);
  });

  it('checks the address again when sending: a name that now resolves to a private address gets nothing', async () => {
    // Stored as if the name had been public when it was saved (DNS can change afterwards).
    const now = new Date().toISOString();
    const row = await t.store.db
      .insertInto('webhooks')
      .values({ url: `http://localhost:${receiver.port}/hook`, events: '["post.published"]', secret: 'whsec_test', active: 1, created_by: null, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const writer = await makeAuthor(t.services);
    await t.services.posts.create(postFields([writer.slug], { status: 'published' }));
    await t.services.webhooks.settled();
    await t.services.runner.drain();
    expect(receiver.received).toHaveLength(0);
    const [delivery] = await t.services.webhooks.deliveries(row.id);
    expect(delivery).toMatchObject({ state: 'failed', attempts: 1, lastStatus: null });
    expect(delivery!.lastError).toMatch(/localhost resolves to (127\.0\.0\.1|::1), which is not a public address/);
    await t.services.webhooks.remove(row.id);
  });
});

describe('a receiver that floods or stalls', () => {
  let t: AppContext;
  let server: http.Server;
  let url: string;
  let mode: 'flood' | 'stall' = 'flood';
  let adminId: number;

  beforeAll(async () => {
    server = http.createServer((request, response) => {
      request.resume();
      if (mode === 'stall') return;
      response.writeHead(200);
      const chunk = Buffer.alloc(64 * 1024, 'x');
      const pump = () => {
        while (response.write(chunk));
      };
      response.on('drain', pump);
      pump();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    t = await testApp('sqlite', { webhooksAllowPrivateAddresses: true });
    adminId = (await staffClient(t.app, t.services, 'administrator')).user.id;
  });
  afterAll(async () => {
    await t.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('stops reading an endless answer and counts its status', async () => {
    mode = 'flood';
    const { webhook } = await t.services.webhooks.create({ url, events: ['post.published'] }, adminId);
    await t.services.webhooks.ping(webhook.id);
    await t.services.runner.drain();
    expect(await t.services.webhooks.deliveries(webhook.id)).toMatchObject([{ state: 'delivered', lastStatus: 200 }]);
  });

  it('gives up on a receiver that does not answer within ten seconds, to try again later', { timeout: 20_000 }, async () => {
    mode = 'stall';
    const { webhook } = await t.services.webhooks.create({ url, events: ['post.published'] }, adminId);
    await t.services.webhooks.ping(webhook.id);
    const started = Date.now();
    await t.services.runner.drain();
    expect(Date.now() - started).toBeGreaterThanOrEqual(9_900);
    expect(Date.now() - started).toBeLessThan(13_000);
    expect(await t.services.webhooks.deliveries(webhook.id)).toMatchObject([{ state: 'pending', attempts: 1, lastStatus: null, lastError: 'no answer within 10 s' }]);
  });
});
