import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { staffClient, type AdminClient } from '../admin-api/support/admin-client.js';
import { makePlans } from '../members/helpers.js';
import { testApp, type AppContext } from '../support/app.js';
import { makeAuthor, postFields } from '../support/factories.js';
import { dialects, manualClock } from '../support/stores.js';
import { startStripeServer, type StripeTestServer } from '../support/stripe-server.js';
import { startReceiver, verifySignature } from './outgoing-receiver.js';

describe.each(dialects)('outgoing webhooks (%s)', (dialect) => {
  let t: AppContext;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let stripe: StripeTestServer;
  let admin: AdminClient;
  let writer: string;
  const time = manualClock();

  beforeAll(async () => {
    receiver = await startReceiver();
    stripe = await startStripeServer();
    t = await testApp(dialect, { clock: time.clock, webhooksAllowPrivateAddresses: true, stripe: stripe.settings });
    await makePlans(t.services);
    admin = (await staffClient(t.app, t.services, 'administrator')).client;
    writer = (await makeAuthor(t.services)).slug;
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
    await stripe.close();
  });
  beforeEach(async () => {
    // Each test starts with no webhooks, an empty inbox and a receiver that says yes.
    for (const hook of (await admin.call('GET', '/admin/api/webhooks')).json().webhooks) {
      await admin.call('DELETE', `/admin/api/webhooks/${hook.id}`);
    }
    receiver.received.length = 0;
    receiver.answerWith(() => ({ status: 200 }));
  });

  async function addWebhook(events: string[]) {
    const res = await admin.call('POST', '/admin/api/webhooks', { url: receiver.url, events });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { webhook: { id: number }; secret: string };
  }

  /** Lets the event listeners queue their deliveries, then runs every job that is due. */
  async function deliver() {
    await t.services.webhooks.settled();
    await t.services.runner.drain();
  }

  const deliveries = async (id: number) => (await admin.call('GET', `/admin/api/webhooks/${id}/deliveries`)).json().deliveries;

  it('sends one signed delivery when a post is published, with no paid body in it', async () => {
    const { webhook, secret } = await addWebhook(['post.published']);
    expect(secret).toMatch(/^whsec_/);
    const listed = await admin.call('GET', '/admin/api/webhooks');
    expect(listed.body).not.toContain(secret);

    const draft = await t.services.posts.create(postFields([writer], { title: 'Members only essay', body: 'The secret paid paragraph.', visibility: 'paid' }));
    await deliver();
    expect(receiver.received).toHaveLength(0);
    await t.services.posts.publish(draft.id);
    await deliver();

    expect(receiver.received).toHaveLength(1);
    const [sent] = receiver.received;
    expect(verifySignature(sent!, secret)).toBe(true);
    expect(verifySignature(sent!, 'whsec_wrong')).toBe(false);
    expect(sent!.headers['x-masthead-event']).toBe('post.published');
    const body = JSON.parse(sent!.body);
    expect(body).toMatchObject({ event: 'post.published', data: { post: { id: draft.id, title: 'Members only essay', status: 'published', visibility: 'paid', url: `http://localhost:3000/${draft.slug}/` } } });
    expect(sent!.body).not.toContain('secret paid paragraph');
    expect(await deliveries(webhook.id)).toMatchObject([{ event: 'post.published', state: 'delivered', attempts: 1, lastStatus: 200, lastError: null }]);
  });

  it('tells updates, unpublishing and deletion apart, and sends each only to webhooks that asked', async () => {
    const all = await addWebhook(['post.published', 'post.updated', 'post.unpublished', 'post.deleted']);
    const onlyDeletes = await addWebhook(['post.deleted']);
    const post = await t.services.posts.create(postFields([writer], { status: 'published' }));
    await t.services.posts.update(post.id, { title: 'A better title' });
    await t.services.posts.unpublish(post.id);
    await t.services.posts.delete(post.id);
    await deliver();
    const events = (await deliveries(all.webhook.id)).map((d: { event: string }) => d.event).reverse();
    expect(events).toEqual(['post.published', 'post.updated', 'post.unpublished', 'post.deleted']);
    expect((await deliveries(onlyDeletes.webhook.id)).map((d: { event: string }) => d.event)).toEqual(['post.deleted']);
    expect(receiver.received).toHaveLength(5);
    // Each delivery describes the post as it was at that event, in the order things happened.
    const sent = (await t.store.db.selectFrom('webhook_deliveries').select('payload').where('webhook_id', '=', all.webhook.id).orderBy('id').execute()).map((d) => JSON.parse(d.payload).data.post);
    expect(sent.map((p) => [p.title, p.status, p.url !== null])).toEqual([
      [post.title, 'published', true],
      ['A better title', 'published', true],
      ['A better title', 'draft', false],
      ['A better title', 'draft', false],
    ]);
  });

  it('retries a failing receiver with growing waits, then marks the delivery failed', async () => {
    const { webhook } = await addWebhook(['post.published']);
    receiver.answerWith(() => ({ status: 503 }));
    await t.services.posts.create(postFields([writer], { status: 'published' }));
    await deliver();
    expect(receiver.received).toHaveLength(1);
    await deliver();
    expect(receiver.received).toHaveLength(1);
    for (const wait of [10_000, 40_000, 160_000, 640_000, 2_560_000]) {
      time.advance(wait - 1_000);
      await deliver();
      const before = receiver.received.length;
      time.advance(1_001);
      await deliver();
      expect(receiver.received.length).toBe(before + 1);
    }
    expect(receiver.received).toHaveLength(6);
    time.advance(86_400_000);
    await deliver();
    expect(receiver.received).toHaveLength(6);
    expect(await deliveries(webhook.id)).toMatchObject([{ state: 'failed', attempts: 6, lastStatus: 503, lastError: 'answered 503' }]);
  });

  it('gives up at once on a 4xx, but retries 429 and 408', async () => {
    const { webhook } = await addWebhook(['post.published']);
    const answers = [429, 408, 200];
    receiver.answerWith(() => ({ status: answers.shift() ?? 500 }));
    await t.services.posts.create(postFields([writer], { status: 'published' }));
    await deliver();
    time.advance(10_001);
    await deliver();
    time.advance(40_001);
    await deliver();
    expect(await deliveries(webhook.id)).toMatchObject([{ state: 'delivered', attempts: 3, lastStatus: 200 }]);

    receiver.answerWith(() => ({ status: 410 }));
    await t.services.posts.create(postFields([writer], { status: 'published' }));
    await deliver();
    time.advance(3_600_000);
    await deliver();
    expect((await deliveries(webhook.id))[0]).toMatchObject({ state: 'failed', attempts: 1, lastStatus: 410 });
  });

  it('keeps deliveries for thirty days', async () => {
    const { webhook } = await addWebhook(['post.published']);
    await admin.call('POST', `/admin/api/webhooks/${webhook.id}/ping`);
    await deliver();
    time.advance(31 * 86_400_000);
    // Staff sessions last two weeks: sign in again.
    admin = (await staffClient(t.app, t.services, 'administrator')).client;
    await t.services.posts.create(postFields([writer], { status: 'published' }));
    await deliver();
    expect((await deliveries(webhook.id)).map((d: { event: string }) => d.event)).toEqual(['post.published']);
    const stored = await t.store.db.selectFrom('webhook_deliveries').select('event').where('webhook_id', '=', webhook.id).execute();
    expect(stored).toEqual([{ event: 'post.published' }]);
  });

  it('does not follow redirects', async () => {
    const { webhook } = await addWebhook(['post.published']);
    receiver.answerWith(() => ({ status: 302 }));
    await t.services.posts.create(postFields([writer], { status: 'published' }));
    await deliver();
    time.advance(3_600_000);
    await deliver();
    expect(receiver.received).toHaveLength(1);
    expect(await deliveries(webhook.id)).toMatchObject([{ state: 'failed', attempts: 1, lastStatus: 302 }]);
  });

  it('sends member and subscriber events', async () => {
    const { webhook, secret } = await addWebhook(['member.added', 'member.updated', 'subscriber.added']);
    const member = await t.services.members.add({ email: 'ada@example.com', name: 'Ada' });
    await t.services.members.rename(member.id, 'Ada Lovelace');
    await t.services.subscribers.subscribe({ email: 'reader@example.com' });
    const row = (await t.services.subscribers.findRow((await t.services.subscribers.find('reader@example.com')).id))!;
    await t.services.subscribers.confirm(await t.services.subscribers.confirmToken(row));
    // A reader who signs in by email link for the first time becomes a member; a second sign-in adds no one.
    for (let i = 0; i < 2; i += 1) {
      let token = '';
      await t.services.members.requestSignIn('new.reader@example.com', (value) => {
        token = value;
        return `http://localhost:3000/members/signin?token=${value}`;
      });
      await t.services.members.completeSignIn(token);
    }
    // So does someone who starts a checkout without an account.
    await t.services.subscriptions.startCheckout(null, { plan: 'digital', billing: 'month', email: 'buyer@example.com' });
    await deliver();
    const bodies = receiver.received.map((r) => JSON.parse(r.body));
    expect(bodies.map((b) => b.event).sort()).toEqual(['member.added', 'member.added', 'member.added', 'member.updated', 'subscriber.added']);
    expect(
      bodies
        .filter((b) => b.event === 'member.added')
        .map((b) => b.data.member.email)
        .sort(),
    ).toEqual(['ada@example.com', 'buyer@example.com', 'new.reader@example.com']);
    expect(bodies.find((b) => b.event === 'member.updated').data.member).toMatchObject({ id: member.id, email: 'ada@example.com', name: 'Ada Lovelace' });
    expect(bodies.find((b) => b.event === 'subscriber.added').data.subscriber).toMatchObject({ email: 'reader@example.com', status: 'confirmed' });
    expect(receiver.received.every((r) => verifySignature(r, secret))).toBe(true);
    expect((await deliveries(webhook.id)).every((d: { state: string }) => d.state === 'delivered')).toBe(true);
  });

  it('sends a test ping, signs with a new secret after rotation, and stops when turned off', async () => {
    const { webhook, secret } = await addWebhook(['post.published']);
    const rotated = await admin.call('POST', `/admin/api/webhooks/${webhook.id}/secret`);
    expect(rotated.statusCode).toBe(200);
    const fresh = rotated.json().secret;
    expect(fresh).not.toBe(secret);
    const ping = await admin.call('POST', `/admin/api/webhooks/${webhook.id}/ping`);
    expect(ping.statusCode, ping.body).toBe(202);
    await deliver();
    expect(receiver.received).toHaveLength(1);
    expect(JSON.parse(receiver.received[0]!.body).event).toBe('ping');
    expect(verifySignature(receiver.received[0]!, fresh)).toBe(true);
    expect(verifySignature(receiver.received[0]!, secret)).toBe(false);

    const off = await admin.call('PATCH', `/admin/api/webhooks/${webhook.id}`, { active: false, events: ['post.published', 'post.published'] });
    expect(off.json().webhook).toMatchObject({ active: false, events: ['post.published'] });
    await t.services.posts.create(postFields([writer], { status: 'published' }));
    await deliver();
    expect(receiver.received).toHaveLength(1);
    // A test send still goes out, so a webhook can be tried before it is turned on.
    await admin.call('POST', `/admin/api/webhooks/${webhook.id}/ping`);
    await deliver();
    expect(receiver.received.map((r) => JSON.parse(r.body).event)).toEqual(['ping', 'ping']);
  });

  it('answers bad input and unknown webhooks with clear errors', async () => {
    const bad = await admin.call('POST', '/admin/api/webhooks', { url: receiver.url, events: ['post.exploded'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    const none = await admin.call('POST', '/admin/api/webhooks', { url: receiver.url, events: [] });
    expect(none.statusCode).toBe(400);
    const ftp = await admin.call('POST', '/admin/api/webhooks', { url: 'ftp://example.com/x', events: ['post.published'] });
    expect(ftp.json().error.code).toBe('WEBHOOK_ADDRESS_REFUSED');
    const huge = await admin.call('POST', '/admin/api/webhooks', { url: `https://example.com/${'a'.repeat(5000)}`, events: ['post.published'] });
    expect(huge.statusCode).toBe(400);
    for (const [method, path] of [
      ['PATCH', '/webhooks/9999'],
      ['DELETE', '/webhooks/9999'],
      ['POST', '/webhooks/9999/secret'],
      ['GET', '/webhooks/9999/deliveries'],
      ['POST', '/webhooks/9999/ping'],
    ] as const) {
      const res = await admin.call(method, `/admin/api${path}`, method === 'PATCH' ? { active: false } : undefined);
      expect(res.statusCode, `${method} ${path}`).toBe(404);
      expect(res.json().error.code).toBe('WEBHOOK_NOT_FOUND');
    }
    // Past what an id column holds: PostgreSQL would fail the query itself.
    const far = await admin.call('GET', '/admin/api/webhooks/99999999999/deliveries');
    expect(far.statusCode).toBe(400);
    expect(far.json().error.fields).toEqual([{ field: 'id', message: 'must be at most 2147483647' }]);
  });
});
