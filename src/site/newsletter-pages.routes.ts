import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { verifyCsrf } from '../admin-api/guard.js';
import type { MemberService } from '../members/index.js';
import type { SettingsService } from '../settings/index.js';
import { pageMeta } from './page.js';
import { refusedEmail, typedEmail } from './email-field.js';
import { renderPage } from './render.js';
import type { Theme } from './theme.js';
import type { SubscriberService } from '../subscribers/index.js';
import type { FollowAlerts, FollowService } from '../follows/index.js';
import type { EngagementService } from '../newsletter/index.js';
import { listedFollows } from './follow-form.js';

export interface NewsletterPagesDeps {
  subscribers: SubscriberService;
  engagement: EngagementService;
  settings: SettingsService;
  theme: Theme;
  publicUrl: string;
  /** The subscriber's follows, listed on their preferences page. */
  follows: Pick<FollowService, 'list'>;
  /** Whether the subscriber asked to be emailed when something they follow is published. */
  followAlerts: Pick<FollowAlerts, 'enabled'>;
  /** Whether an address erasing its subscription also has a reader account, which stays. */
  members: Pick<MemberService, 'readersByEmail'>;
}

const html = 'text/html; charset=utf-8';

function wantsJson(request: FastifyRequest): boolean {
  return (request.headers['content-type'] ?? '').includes('application/json') || (request.headers.accept ?? '').startsWith('application/json');
}

function tokenOf(request: FastifyRequest): unknown {
  const query = request.query as Record<string, unknown>;
  const body = request.body;
  return query.token ?? (typeof body === 'object' && body !== null ? (body as Record<string, unknown>).token : undefined);
}

/** A transparent 1×1 GIF, the image that counts an open. */
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/**
 * The public newsletter pages: signup, confirmation, preferences, unsubscribing (with RFC 8058
 * one-click) and erasing one's data, and the addresses that count clicks and opens of newsletter emails.
 */
export async function newsletterPagesRoutes(app: FastifyInstance, deps: NewsletterPagesDeps): Promise<void> {
  // Mail providers send the RFC 8058 one-click POST as multipart/form-data; its body carries nothing we need.
  app.addContentTypeParser('multipart/form-data', { parseAs: 'string', bodyLimit: 4096 }, (_request, body, done) => done(null, { form: String(body) }));

  /** A newsletter page; its title is a key of the theme's messages, written in the site's language. */
  async function page(request: FastifyRequest, reply: FastifyReply, template: string, view: { title: string; [key: string]: unknown }, status = 200) {
    const site = await deps.settings.site();
    const title = deps.theme.translate(site.locale)(view.title);
    const meta = pageMeta({ path: request.url.split('?')[0]!, description: title, title, noindex: true });
    const body = renderPage(deps, site, { template: `newsletter/${template}`, view, meta });
    return reply.code(status).type(html).header('cache-control', 'no-store').send(body);
  }

  const limited = (max: number) => ({ config: { rateLimit: { max, timeWindow: '1 minute' } } });

  app.post('/newsletter/subscribe', limited(10), async (request, reply) => {
    try {
      await deps.subscribers.subscribe(request.body ?? {});
    } catch (error) {
      // A form sent without scripts comes back with the address as typed and a note at the field.
      if (wantsJson(request) || !refusedEmail(error)) throw error;
      return page(request, reply, 'signup', { title: 'signup.again.title', signup: { email: typedEmail(request.body) } }, 400);
    }
    // The same answer whether the address is new, pending or already subscribed.
    if (wantsJson(request)) return reply.code(202).send({ status: 'check-your-inbox', message: deps.theme.translate((await deps.settings.site()).locale)('signup.sent') });
    return reply.redirect('/newsletter/check-your-inbox/', 303);
  });

  // A click leads only to the address stored for the signed link; anything else gets an error page, never a redirect.
  app.get('/newsletter/click/:token', limited(300), async (request, reply) => {
    const url = await deps.engagement.click((request.params as { token: string }).token, request.method !== 'HEAD');
    return reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').redirect(url, 302);
  });

  app.get('/newsletter/open/:token', limited(300), async (request, reply) => {
    await deps.engagement.open((request.params as { token: string }).token);
    return reply.type('image/gif').header('cache-control', 'no-store, private').send(PIXEL);
  });

  app.get('/newsletter/check-your-inbox/', async (request, reply) => page(request, reply, 'check-your-inbox', { title: 'inbox.title' }));

  app.get('/newsletter/confirm/', limited(30), async (request, reply) => {
    const { subscriber, preferencesToken } = await deps.subscribers.confirm(tokenOf(request));
    return page(request, reply, 'confirmed', { title: 'confirmed.title', subscriber, preferencesToken });
  });

  app.get('/newsletter/preferences/', limited(60), async (request, reply) => {
    const token = tokenOf(request);
    const { subscriber, newsletters } = await deps.subscribers.preferences(token);
    const reader = { kind: 'subscriber', id: subscriber.id } as const;
    const [follows, followAlerts] = [listedFollows(await deps.follows.list(reader)), await deps.followAlerts.enabled(reader)];
    return page(request, reply, 'preferences', { title: 'preferences.title', subscriber, newsletters, follows, followAlerts, token, saved: false });
  });

  app.post('/newsletter/preferences/', limited(30), async (request, reply) => {
    const token = tokenOf(request);
    await deps.subscribers.updatePreferences({ ...(request.body as object), token });
    const { subscriber, newsletters } = await deps.subscribers.preferences(token);
    if (wantsJson(request)) return reply.send({ subscriber: { status: subscriber.status, newsletters: subscriber.newsletters } });
    const reader = { kind: 'subscriber', id: subscriber.id } as const;
    const [follows, followAlerts] = [listedFollows(await deps.follows.list(reader)), await deps.followAlerts.enabled(reader)];
    return page(request, reply, 'preferences', { title: 'preferences.title', subscriber, newsletters, follows, followAlerts, token, saved: true });
  });

  app.get('/newsletter/unsubscribe/', limited(60), async (request, reply) => {
    const token = tokenOf(request);
    // Only check the link here: mail scanners open links, and a GET must not unsubscribe anyone.
    await deps.subscribers.checkLink(token, 'unsubscribe');
    return page(request, reply, 'unsubscribe', { title: 'unsubscribe.title', token: typeof token === 'string' ? token : '' });
  });

  app.post('/newsletter/unsubscribe/', limited(60), async (request, reply) => {
    const { newsletter, preferencesToken } = await deps.subscribers.unsubscribe(tokenOf(request));
    const oneClick = typeof request.body === 'object' && request.body !== null && ('List-Unsubscribe' in request.body || 'form' in request.body);
    if (oneClick || wantsJson(request)) return reply.send({ status: 'unsubscribed' });
    return page(request, reply, 'unsubscribed', { title: 'unsubscribed.short', newsletter, preferencesToken });
  });

  const isMember = async (email: string) => (await deps.members.readersByEmail([email])).size > 0;

  // Erasing one's data: the preferences link opens a page that asks first (a GET never erases);
  // only its form, with its own signed token and the page's CSRF token, erases. Neither page
  // invites someone leaving for good to subscribe (noPromos).
  app.get('/newsletter/erase/', limited(30), async (request, reply) => {
    const token = tokenOf(request);
    const { email, eraseToken } = await deps.subscribers.erasureRequest(token);
    const view = { title: 'erase.title', email, eraseToken, preferencesToken: token, member: await isMember(email), csrf: reply.generateCsrf(), noPromos: true };
    return page(request, reply, 'erase', view);
  });

  app.post('/newsletter/erase/', { preHandler: verifyCsrf, ...limited(10) }, async (request, reply) => {
    const { email } = await deps.subscribers.eraseByLink(tokenOf(request));
    return page(request, reply, 'erased', { title: 'erased.title', member: await isMember(email), noPromos: true });
  });
}
