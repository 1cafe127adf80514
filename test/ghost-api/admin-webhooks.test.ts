import GhostAdminAPI from '@tryghost/admin-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffRole } from '../../src/staff/index.js';
import { testApp, type AppContext } from '../support/app.js';
import { makeAuthor, postFields } from '../support/factories.js';
import { startReceiver, verifySignature } from '../webhooks/outgoing-receiver.js';
import { failure, listening } from './support/server.js';

describe('webhooks through the official Ghost Admin API client', () => {
  let t: AppContext;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  const clients = new Map<StaffRole, ReturnType<typeof GhostAdminAPI>>();
  const as = (role: StaffRole) => clients.get(role)!;

  beforeAll(async () => {
    receiver = await startReceiver();
    t = await testApp('sqlite', { webhooksAllowPrivateAddresses: true });
    const url = await listening(t);
    for (const role of ['editor', 'administrator'] as const) {
      const user = await t.services.users.create({ email: `${role}@masthead.example`, name: role, role });
      clients.set(role, GhostAdminAPI({ url, key: (await t.services.apiKeys.create({ name: role, role }, user)).secret, version: 'v6.0' }));
    }
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });

  it('adds a webhook for a Ghost event Masthead sends, answering its secret once, and delivers to it', async () => {
    const hook = await as('administrator').webhooks.add({ event: 'post.published', target_url: receiver.url, name: 'Rebuild the static site' });
    expect(hook).toMatchObject({ event: 'post.published', target_url: receiver.url, secret: expect.stringMatching(/^whsec_/), status: 'available' });
    const stored = await t.services.webhooks.get(Number(hook.id));
    expect(stored.events).toEqual(['post.published']);

    const writer = await makeAuthor(t.services);
    const draft = await t.services.posts.create(postFields([writer.slug], { title: 'Fresh from the press' }));
    await t.services.posts.publish(draft.id);
    await t.services.webhooks.settled();
    await t.services.runner.drain();
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]!.body).toContain('Fresh from the press');
    expect(verifySignature(receiver.received[0]!, hook.secret)).toBe(true);
  });

  it('edits the event and the address, mapping Ghost’s names onto Masthead’s, and deletes', async () => {
    const hook = await as('administrator').webhooks.add({ event: 'member.added', target_url: receiver.url });
    const edited = await as('administrator').webhooks.edit({ id: hook.id, event: 'post.published.edited', target_url: `${receiver.url}?v=2` });
    expect(edited).toMatchObject({ id: hook.id, event: 'post.published.edited', target_url: `${receiver.url}?v=2`, secret: null });
    expect((await t.services.webhooks.get(Number(hook.id))).events).toEqual(['post.updated']);
    await as('administrator').webhooks.delete({ id: hook.id });
    await expect(t.services.webhooks.get(Number(hook.id))).rejects.toMatchObject({ code: 'WEBHOOK_NOT_FOUND' });
    expect(await failure(as('administrator').webhooks.delete({ id: hook.id }))).toMatchObject({ type: 'NotFoundError' });
  });

  it('refuses events Masthead does not send, chosen secrets, bad addresses and lower roles, adding nothing', async () => {
    const before = (await t.services.webhooks.list()).length;
    const unknown = await failure(as('administrator').webhooks.add({ event: 'tag.added', target_url: receiver.url }));
    expect(unknown).toMatchObject({ type: 'ValidationError' });
    expect(unknown.context).toContain('webhooks.0.event: "tag.added" is not one Masthead sends');
    const secret = await failure(as('administrator').webhooks.add({ event: 'post.published', target_url: receiver.url, secret: 'mine' }));
    expect(secret.context).toContain('webhooks.0.secret:');
    const address = await failure(as('administrator').webhooks.add({ event: 'post.published', target_url: 'ftp://files.example/' }));
    expect(address.context).toContain('webhooks.0.target_url:');
    expect(await failure(as('editor').webhooks.add({ event: 'post.published', target_url: receiver.url }))).toMatchObject({ type: 'NoPermissionError' });
    expect((await t.services.webhooks.list()).length).toBe(before);
  });
});
