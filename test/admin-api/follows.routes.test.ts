import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type AppContext } from '../support/app.js';
import { makeAuthor, makeTag } from '../support/factories.js';
import { dialects } from '../support/stores.js';
import { staffClient } from './support/admin-client.js';

describe.each(dialects)('follows in the admin API (%s)', (dialect) => {
  let t: AppContext;

  beforeAll(async () => {
    t = await testApp(dialect);
  });
  afterAll(async () => t.close());

  /** A confirmed follow by a newsletter subscriber, as the emailed link would confirm it. */
  async function subscriberFollows(email: string, target: { kind: string; id: number }) {
    await t.services.follows.requestByEmail({ email, ...target });
    const subscriber = await t.services.subscribers.find(email);
    await t.store.db.updateTable('follows').set({ confirmed_at: '2026-12-01T00:00:00.000Z', confirm_nonce: null }).where('subscriber_id', '=', subscriber.id).execute();
    return subscriber;
  }

  it('shows editors the followers of each section and author, and refuses contributors and authors', async () => {
    const tag = await makeTag(t.services, { name: 'Dispatches' });
    const author = await makeAuthor(t.services, { name: 'Ines Okafor' });
    for (const email of ['m1@example.com', 'm2@example.com']) {
      const member = await t.services.members.add({ email, name: '' });
      await t.services.follows.followAsMember(member.id, { kind: 'tag', id: tag.id });
    }
    await subscriberFollows('s1@example.com', { kind: 'tag', id: tag.id });
    await subscriberFollows('s2@example.com', { kind: 'author', id: author.id });
    // Waiting for the emailed link: not counted.
    await t.services.follows.requestByEmail({ email: 's3@example.com', kind: 'author', id: author.id });

    expect((await t.app.inject('/admin/api/follows/counts')).statusCode).toBe(401);
    for (const role of ['contributor', 'author'] as const) {
      const { client } = await staffClient(t.app, t.services, role);
      const refused = await client.call('GET', '/admin/api/follows/counts');
      expect(refused.statusCode, role).toBe(403);
      expect(refused.json().error.code).toBe('FORBIDDEN');
    }
    const { client } = await staffClient(t.app, t.services, 'editor');
    const counts = await client.call('GET', '/admin/api/follows/counts');
    expect(counts.statusCode).toBe(200);
    expect(counts.json()).toEqual({
      tags: [{ id: tag.id, slug: tag.slug, name: 'Dispatches', followers: 3 }],
      authors: [{ id: author.id, slug: author.slug, name: 'Ines Okafor', followers: 1 }],
    });
  });

  it("exports a subscriber's follows with their data and erases them with the subscriber", async () => {
    const tag = await makeTag(t.services, { name: 'Letters' });
    const subscriber = await subscriberFollows('leaving@example.com', { kind: 'tag', id: tag.id });
    await t.services.followAlerts.set({ kind: 'subscriber', id: subscriber.id }, true);
    const { client } = await staffClient(t.app, t.services, 'editor');
    const exported = await client.call('GET', '/admin/api/newsletter/subscribers/leaving@example.com/export');
    expect(exported.statusCode).toBe(200);
    expect(exported.json().followAlerts).toBe(true);
    expect(exported.json().follows).toEqual([{ kind: 'tag', slug: tag.slug, name: 'Letters', confirmed: true, createdAt: expect.any(String) }]);

    expect((await client.call('DELETE', '/admin/api/newsletter/subscribers/leaving@example.com')).statusCode).toBe(204);
    expect(await t.store.db.selectFrom('follows').select('id').where('reader', '=', `subscriber:${subscriber.id}`).execute()).toEqual([]);
    expect(await t.store.db.selectFrom('follows').select('id').where('subscriber_id', '=', subscriber.id).execute()).toEqual([]);
    expect(await t.store.db.selectFrom('follow_alert_readers').select('reader').where('subscriber_id', '=', subscriber.id).execute()).toEqual([]);
  });
});
