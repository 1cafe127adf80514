import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { verifyCsrf } from '../admin-api/guard.js';
import { AppError } from '../errors/app-error.js';
import { wantsJson } from '../http/error-handler.js';
import type { FollowAlerts, FollowService } from '../follows/index.js';
import type { SettingsService } from '../settings/index.js';
import type { SubscriberService } from '../subscribers/index.js';
import { returnPath } from './member-pages.routes.js';
import { refusedEmail, typedEmail } from './email-field.js';
import { pageMeta } from './page.js';
import { renderPage } from './render.js';
import type { Theme } from './theme.js';

export interface FollowPagesDeps {
  follows: FollowService;
  followAlerts: FollowAlerts;
  subscribers: Pick<SubscriberService, 'preferences' | 'links'>;
  settings: SettingsService;
  theme: Theme;
}

type Form = Record<string, unknown>;
const formOf = (request: FastifyRequest): Form => (typeof request.body === 'object' && request.body !== null ? (request.body as Form) : {});
const limited = (max: number) => ({ config: { rateLimit: { max, timeWindow: '1 minute' } } });

/**
 * Following from a page's follow form (one button for a signed-in member, with the page's CSRF
 * token; an email field and a confirmation link for anyone else), confirming by that link, and
 * removing follows from the newsletter preferences page (its signed link) or the account page.
 */
export async function followPagesRoutes(app: FastifyInstance, deps: FollowPagesDeps): Promise<void> {
  // Mail providers send the RFC 8058 one-click POST as multipart/form-data; its body carries nothing we need.
  app.addContentTypeParser('multipart/form-data', { parseAs: 'string', bodyLimit: 4096 }, (_request, body, done) => done(null, { form: String(body) }));

  async function page(request: FastifyRequest, reply: FastifyReply, template: string, view: { title: string; [key: string]: unknown }, status = 200) {
    const site = await deps.settings.site();
    const title = deps.theme.translate(site.locale)(view.title);
    const meta = pageMeta({ path: request.url.split('?')[0]!, description: title, title, noindex: true });
    return reply
      .code(status)
      .type('text/html; charset=utf-8')
      .header('cache-control', 'private, no-store')
      .send(renderPage(deps, site, { template: `follows/${template}`, view, meta }));
  }

  /** Back to the page the form was on (a path on this site only), or the account page. */
  const back = (form: Form) => returnPath(form.back) ?? '/members/';

  // The same limit as the newsletter signup: the email form mails whoever is named in it.
  app.post('/follows/', limited(10), async (request, reply) => {
    const form = formOf(request);
    if (request.member) {
      await verifyCsrf(request);
      await deps.follows.followAsMember(request.member.id, form);
      return reply.redirect(back(form), 303);
    }
    const target = await deps.follows.requestByEmail(form).catch(async (error: unknown) => {
      if (wantsJson(request) || !refusedEmail(error)) throw error;
      return null;
    });
    // A form sent with a wrong address comes back with it as typed and a note at the field.
    if (!target) {
      const { kind, id, name } = await deps.follows.target(form);
      const follow = { mode: 'email', kind, id, name, back: back(form), email: typedEmail(form), refused: true };
      return page(request, reply, 'again', { title: 'signup.again.title', follow }, 400);
    }
    return page(request, reply, 'check-your-inbox', { title: 'follow.inbox.title', target });
  });

  app.post('/follows/unfollow', limited(30), async (request, reply) => {
    if (!request.member) throw new AppError('SIGNIN_REQUIRED');
    await verifyCsrf(request);
    const form = formOf(request);
    await deps.follows.unfollowAsMember(request.member.id, form);
    return reply.redirect(back(form), 303);
  });

  app.get<{ Querystring: { token?: unknown } }>('/follows/confirm/', limited(30), async (request, reply) => {
    const { target, subscriberId } = await deps.follows.confirm(request.query.token);
    const preferencesToken = (await deps.subscribers.links()).sign({ purpose: 'preferences', subscriberId });
    return page(request, reply, 'confirmed', { title: 'follow.confirmed.title', target, preferencesToken });
  });

  // Removing a follow from the newsletter preferences page: the page's signed link says whose.
  app.post('/newsletter/preferences/follows/remove', limited(30), async (request, reply) => {
    const form = formOf(request);
    const { subscriber } = await deps.subscribers.preferences(form.token);
    await deps.follows.remove({ kind: 'subscriber', id: subscriber.id }, form.id);
    return reply.redirect(`/newsletter/preferences/?token=${encodeURIComponent(String(form.token))}`, 303);
  });

  // Alerts: "email me when something I follow is published", on the preferences and account pages.
  const alertsOn = (form: Form) => form.alerts === 'on';
  app.post('/newsletter/preferences/follows/alerts', limited(30), async (request, reply) => {
    const form = formOf(request);
    const { subscriber } = await deps.subscribers.preferences(form.token);
    await deps.followAlerts.set({ kind: 'subscriber', id: subscriber.id }, alertsOn(form));
    return reply.redirect(`/newsletter/preferences/?token=${encodeURIComponent(String(form.token))}`, 303);
  });

  app.post('/members/follows/alerts', limited(30), async (request, reply) => {
    if (!request.member) throw new AppError('SIGNIN_REQUIRED');
    await verifyCsrf(request);
    await deps.followAlerts.set({ kind: 'member', id: request.member.id }, alertsOn(formOf(request)));
    return reply.redirect('/members/#follows', 303);
  });

  // The link in every alert: the page only checks it (mail scanners open links); its button, or
  // the mail provider's one-click POST (RFC 8058), turns alerts off.
  const offToken = (request: FastifyRequest) => (request.query as Record<string, unknown>).token ?? formOf(request).token;
  app.get('/follows/alerts/off/', limited(60), async (request, reply) => {
    const token = offToken(request);
    await deps.followAlerts.readerOfLink(token);
    return page(request, reply, 'alerts-off', { title: 'follow.alerts.off.title', token, done: false });
  });

  app.post('/follows/alerts/off/', limited(60), async (request, reply) => {
    await deps.followAlerts.offByLink(offToken(request));
    const form = formOf(request);
    if ('List-Unsubscribe' in form || 'form' in form) return reply.send({ status: 'alerts-off' });
    return page(request, reply, 'alerts-off', { title: 'follow.alerts.off.title', done: true });
  });

  app.post('/members/follows/remove', limited(30), async (request, reply) => {
    if (!request.member) throw new AppError('SIGNIN_REQUIRED');
    await verifyCsrf(request);
    await deps.follows.remove({ kind: 'member', id: request.member.id }, formOf(request).id);
    return reply.redirect('/members/#follows', 303);
  });
}
