import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { defaultThemeDir } from '../../src/site/theme.js';
import { AdminClient, staffClient } from '../admin-api/support/admin-client.js';
import { makePlans, memberCookie, subscribe } from '../members/helpers.js';
import { testApp, type AppContext } from '../support/app.js';
import { makeAuthor, postFields } from '../support/factories.js';
import { dialects, silentLogger, testServices, type TestContext } from '../support/stores.js';
import { invoice, signedEvent, startStripeServer, subscriptionState, type StripeTestServer } from '../support/stripe-server.js';

/** Inputs the fuzzing found answered wrongly, kept as plain tests so they stay fixed. */
describe.each(dialects)('what the fuzzing found, on %s', (dialect) => {
  let t: AppContext;
  let stripe: StripeTestServer;
  let editor: AdminClient;
  beforeAll(async () => {
    stripe = await startStripeServer();
    t = await testApp(dialect, { stripe: stripe.settings });
    editor = (await staffClient(t.app, t.services, 'editor')).client;
  });
  afterAll(async () => {
    await t.close();
    await stripe.close();
  });

  it.each(['/admin/api/posts/%', '/admin/api/posts/1/revisions/%zz', '/api/content/posts/%E0%A4%A', '/tag/%/'])('answers a broken percent-escape in %s with a 400 in the error envelope', async (url) => {
    const res = await t.app.inject({ url, headers: { accept: 'application/json' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: { code: 'FST_ERR_BAD_URL', message: 'The address contains a broken percent-escape.' } });
  });

  it('answers a broken percent-escape on the site with its error page', async () => {
    const res = await t.app.inject({ url: '/%zz/', headers: { accept: 'text/html' } });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('The address contains a broken percent-escape.');
  });

  it('answers a path parameter over the length limit with a 414 in the error envelope', async () => {
    const res = await t.app.inject({ url: `/admin/api/tags/${'a'.repeat(600)}`, method: 'PUT', headers: { 'content-type': 'application/json' }, payload: '{}' });
    expect(res.statusCode).toBe(414);
    expect(res.json().error.code).toBe('FST_ERR_MAX_PARAM_LENGTH');
  });

  it('answers an upload whose file part is cut short with a 400 naming the problem', async () => {
    const payload = '--x\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n\x89PNG';
    const res = await editor.call('POST', '/admin/api/media', payload, { 'content-type': 'multipart/form-data; boundary=x' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: '(input)', message: 'is cut short or is not valid multipart/form-data' }] });
  });

  it.each(['/api/content/posts/a', '/ghost/api/content/posts/a'])('answers an OPTIONS request to %s that is not a CORS preflight without a plain-text error', async (url) => {
    const res = await t.app.inject({ method: 'OPTIONS', url });
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
  });

  it("answers addresses under Ghost's APIs that fail before routing in Ghost's error envelope", async () => {
    const broken = await t.app.inject({ url: '/ghost/api/content/posts/%' });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().errors[0]).toMatchObject({ type: 'BadRequestError', code: 'FST_ERR_BAD_URL' });
    const long = await t.app.inject({ url: `/ghost/api/content/posts/slug/${'a'.repeat(600)}/` });
    expect(long.statusCode).toBe(414);
    expect(long.json().errors).toHaveLength(1);
  });

  it('ignores a return path that is not valid UTF-16 when a reader asks for a sign-in link', async () => {
    // The sign-in form carries a CSRF token; a JSON client sends it in a header with the form's cookie.
    const form = await t.app.inject({ url: '/members/signin/' });
    const token = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!;
    const cookie = form.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const res = await t.app.inject({
      method: 'POST',
      url: '/members/signin',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': token },
      payload: JSON.stringify({ email: 'reader@example.com', next: '/\ud800' }),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ ok: true });
  });

  it('keeps serving pages when the site title starts with a character beyond the basic plane', async () => {
    const { client: administrator } = await staffClient(t.app, t.services, 'administrator');
    expect((await administrator.call('PATCH', '/admin/api/settings', { title: '𝕏 Weekly' })).statusCode).toBe(200);
    const home = await t.app.inject({ url: '/' });
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain(encodeURIComponent('>𝕏</text>'));
    expect((await administrator.call('PATCH', '/admin/api/settings', { title: 'Masthead' })).statusCode).toBe(200);
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])('answers /sitemap-%s with a 404, not a lookup on Object.prototype', async (name) => {
    const res = await t.app.inject({ url: `/sitemap-${name}`, headers: { accept: 'application/json' } });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });

  it("shows no notice for a 'saved' value that only Object.prototype knows", async () => {
    const cookie = await memberCookie(t.services, 'notices@example.com');
    const res = await t.app.inject({ url: '/members/?saved=constructor', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('native code');
  });

  describe('the same request racing itself', () => {
    type Answer = { statusCode: number; body: string; json(): { error: { code: string } } };
    /** Sends the same request several times at once: none may fail on the server, one must succeed, the rest say why not. */
    const race = async (send: () => Promise<Answer>, times = 3): Promise<Answer[]> => {
      const answers = await Promise.all(Array.from({ length: times }, send));
      for (const answer of answers) expect(answer.statusCode, answer.body).toBeLessThan(500);
      expect(answers.some((a) => a.statusCode < 300)).toBe(true);
      return answers;
    };
    const refusals = (answers: Answer[]) => answers.filter((a) => a.statusCode >= 400).map((a) => a.json().error.code);

    it('deleting one post from three places trashes it once', async () => {
      const author = await makeAuthor(t.services);
      const post = await t.services.posts.create(postFields([author.slug]));
      for (const code of refusals(await race(() => editor.call('DELETE', `/admin/api/posts/${post.id}`)))) expect(['POST_NOT_FOUND', 'CONFLICT']).toContain(code);
    });

    it('creating one newsletter slug three times at once makes one newsletter', async () => {
      const { client: administrator } = await staffClient(t.app, t.services, 'administrator');
      const answers = await race(() => administrator.call('POST', '/admin/api/newsletter/newsletters', { slug: 'the-same', name: 'The same' }));
      expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(1);
      for (const code of refusals(answers)) expect(['SLUG_TAKEN', 'CONFLICT']).toContain(code);
    });

    it('inviting one address three times at once leaves one account', async () => {
      const { client: administrator } = await staffClient(t.app, t.services, 'administrator');
      const answers = await race(() => administrator.call('POST', '/admin/api/staff/invitations', { email: 'twice@example.com', role: 'author' }));
      for (const code of refusals(answers)) expect(['EMAIL_TAKEN', 'CONFLICT']).toContain(code);
      expect((await t.services.users.list()).filter((u) => u.email === 'twice@example.com')).toHaveLength(1);
    });

    it('sending one digest three times at once sends it once', async () => {
      const digest = await t.services.newsletter.assemble(new Date('2026-12-04T08:00:00Z'));
      const answers = await race(() => editor.call('POST', `/admin/api/newsletter/digests/${digest.id}/send`));
      expect(answers.filter((a) => a.statusCode === 202)).toHaveLength(1);
      for (const code of refusals(answers)) expect(['DIGEST_SENT', 'SEND_BUSY', 'CONFLICT']).toContain(code);
    });

    it('sending one post by email three times at once queues it once', async () => {
      const author = await makeAuthor(t.services);
      const post = await t.services.posts.create(postFields([author.slug], { status: 'published' }));
      const answers = await race(() => editor.call('POST', `/admin/api/newsletter/posts/${post.slug}/send`, {}));
      for (const code of refusals(answers)) expect(['SEND_BUSY', 'CONFLICT']).toContain(code);
    });

    it('subscribing one address three times at once keeps one subscriber', async () => {
      let n = 0;
      const answers = await race(() =>
        t.app.inject({ method: 'POST', url: '/newsletter/subscribe', remoteAddress: `10.77.0.${(n += 1)}`, headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ email: 'eager@example.com' }) }),
      );
      for (const code of refusals(answers)) expect(code).toBe('CONFLICT');
      expect((await t.services.subscribers.find('eager@example.com')).email).toBe('eager@example.com');
    });
  });

  describe('ids too large for any row', () => {
    const huge = 2_147_483_648;
    const refused = (res: { statusCode: number; json(): { error: { code: string; fields?: Array<{ field: string }> } } }, field: string) => {
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      expect(res.json().error.fields?.map((f) => f.field)).toContain(field);
    };

    it.each(['/admin/api/posts/{}', '/admin/api/posts/{}/revisions', '/admin/api/posts/1/revisions/{}', '/admin/api/media/{}', '/admin/api/posts/{}/preview'])('refuses %s with a 400', async (url) => {
      refused(await editor.call('GET', url.replace('{}', String(huge))), url.endsWith('{}') && url.includes('revisions/') ? 'revisionId' : 'id');
    });

    it('refuses them in a bulk action and as the revision a save started from', async () => {
      refused(await editor.call('POST', '/admin/api/posts/bulk', { action: 'publish', ids: [1, huge] }), 'ids.1');
      const author = await makeAuthor(t.services);
      const post = await t.services.posts.create(postFields([author.slug]));
      refused(await editor.call('PATCH', `/admin/api/posts/${post.id}`, { title: 'New', revision: huge }), 'revision');
    });

    it('refuses them in the Content API', async () => {
      const { secret } = await t.services.contentKeys.create({ name: 'Front end' }, (await t.services.users.list())[0]!.id);
      refused(await t.app.inject({ url: `/api/content/posts/${huge}/?key=${secret}` }), 'id');
    });

    it("answers a reader's subscription id past the range as no subscription of theirs", async () => {
      const browser = await new AdminClient(t.app).start();
      const cookie = `${await memberCookie(t.services, 'reader@example.com')}; _csrf=${browser.cookies.get('_csrf')}`;
      const res = await t.app.inject({ method: 'POST', url: `/members/subscriptions/${huge}/cancel`, headers: { cookie, 'x-csrf-token': browser.csrf, accept: 'application/json' } });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('SUBSCRIPTION_NOT_FOUND');
    });

    it('refuses them among the pieces of a digest', async () => {
      const digest = await t.services.newsletter.assemble(new Date('2026-11-27T08:00:00Z'));
      refused(await editor.call('PATCH', `/admin/api/newsletter/digests/${digest.id}`, { items: [{ postId: huge }] }), 'items.0.postId');
    });
  });

  describe('a NUL character where text goes to the database', () => {
    const refused = (res: { statusCode: number; body: string; json(): { error: { code: string } } }) => {
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    };

    it.each(['tags/slug/a%00b/', 'authors/slug/a%00b/', 'works/slug/a%00b/', 'people/slug/a%00b/', 'posts/slug/a%00b/', 'posts/?tag=a%00b'])('is refused in the Content API at %s', async (path) => {
      const { secret } = await t.services.contentKeys.create({ name: 'Front end' }, (await t.services.users.list())[0]!.id);
      refused(await t.app.inject({ url: `/api/content/${path}`, headers: { 'x-content-key': secret } }));
    });

    it.each(['posts', 'works', 'people', 'media', 'members'])('is refused in the admin search of %s', async (list) => {
      refused(await editor.call('GET', `/admin/api/${list}?q=a%00b`));
    });

    it('is refused in the address of a feature image', async () => {
      const author = await makeAuthor(t.services);
      refused(await editor.call('POST', '/admin/api/posts', { title: 'A title', authors: [author.slug], featureImage: { url: '/media/a\u0000b.jpg' } }));
    });

    it('is refused in a signed Stripe event', async () => {
      const { payload, signature } = signedEvent('checkout.session.completed', { id: 'cs_\u0000' }, { id: 'evt_\u0000' });
      refused(await t.app.inject({ method: 'POST', url: '/webhooks/stripe', headers: { 'content-type': 'application/json', 'stripe-signature': signature }, payload }));
    });
  });

  describe('Stripe events with times far from now', () => {
    let stripeId: string;
    beforeAll(async () => {
      const plans = await makePlans(t.services);
      ({ stripeId } = await subscribe(t.services, stripe, { plan: plans.digital.slug, billing: 'month', email: 'far@example.com' }));
    });
    const deliver = (type: string, object: Record<string, unknown>, created: number) => {
      const { payload, signature } = signedEvent(type, object, { created });
      return t.app.inject({ method: 'POST', url: '/webhooks/stripe', headers: { 'content-type': 'application/json', 'stripe-signature': signature }, payload });
    };
    const year2039 = 2_200_000_000;

    it('applies an event sent after January 2038 and orders later ones by it', async () => {
      const later = await deliver('customer.subscription.updated', subscriptionState(stripeId, { cancel_at_period_end: true }), year2039);
      expect(later.statusCode, later.body).toBe(200);
      expect(later.json().outcome).toBe('cancels at period end');
      const older = await deliver('customer.subscription.updated', subscriptionState(stripeId), year2039 - 60);
      expect(older.json().outcome).toBe('ignored: older than current state');
    });

    it('ignores a period end no calendar can show instead of failing on it', async () => {
      const res = await deliver('customer.subscription.updated', subscriptionState(stripeId, { current_period_end: 1e15 }), year2039 + 60);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().outcome).toBe('ignored: unreadable object');
    });

    it('treats a checkout reference past the id range as no checkout of ours', async () => {
      const completed = await deliver('checkout.session.completed', { id: 'cs_far', client_reference_id: '999999999999', payment_status: 'paid' }, year2039 + 120);
      expect(completed.statusCode, completed.body).toBe(200);
      expect(completed.json().outcome).toBe('ignored: unknown checkout');
      const paid = await deliver('invoice.paid', invoice('sub_unknown', { parent: { subscription_details: { subscription: 'sub_unknown', metadata: { checkout_id: '999999999999' } } } }), year2039 + 120);
      expect(paid.statusCode, paid.body).toBe(200);
      expect(paid.json().outcome).toBe('ignored: unknown subscription');
      const changed = await deliver('customer.subscription.updated', subscriptionState('sub_unknown', { metadata: { checkout_id: '999999999999' } }), year2039 + 120);
      expect(changed.statusCode, changed.body).toBe(200);
      expect(changed.json().outcome).toBe('ignored: unknown subscription');
    });

    it('refuses an event whose own time no calendar can show', async () => {
      const res = await deliver('customer.subscription.updated', subscriptionState(stripeId), 1e15);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('WEBHOOK_INVALID');
    });
  });
});

describe('an error page that cannot be rendered', () => {
  let context: TestContext;
  let app: FastifyInstance;
  let themeDir: string;
  beforeAll(async () => {
    // A theme whose error template fails: the answer must still be the right status, without internals.
    themeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-theme-'));
    fs.cpSync(defaultThemeDir, themeDir, { recursive: true });
    fs.writeFileSync(path.join(themeDir, 'error.eta'), '<%= it.missing.deeper %>');
    context = await testServices('sqlite');
    app = await buildApp({ config: { publicUrl: 'http://localhost:3000', themeDir, dataDir: context.dataDir }, services: context.services, logger: silentLogger });
  });
  afterAll(async () => {
    await app.close();
    await context.close();
    fs.rmSync(themeDir, { recursive: true, force: true });
  });

  it.each(['/nothing-here/', '/%zz/'])('still answers %s with its status and a plain page', async (url) => {
    const res = await app.inject({ url, headers: { accept: 'text/html' } });
    expect(res.statusCode).toBe(url === '/%zz/' ? 400 : 404);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).not.toMatch(/missing|deeper|Cannot read|statusCode/);
  });
});
