import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { verifyCsrf } from '../admin-api/guard.js';
import { textProblem } from '../content/text.js';
import { recordId } from '../db/ids.js';
import { AppError, isAppError } from '../errors/app-error.js';
import type { SettingsService } from '../settings/index.js';
import type { SubscriberService } from '../subscribers/index.js';
import type { Theme } from './theme.js';
import { pageMeta } from './page.js';
import { renderPage } from './render.js';
import type { MemberService } from '../members/member.service.js';
import type { MemberDataService } from '../members/index.js';
import { memberDataRoutes } from './member-data-pages.routes.js';
import { SIGN_IN_LINK_MINUTES } from '../members/member.service.js';
import type { Member, Subscription } from '../members/member.types.js';
import { formatMoney } from '../members/money.js';
import type { OfferService } from '../members/offer.service.js';
import type { PlanService } from '../members/plan.service.js';
import type { TipService } from '../members/tip.service.js';
import type { SubscriptionService } from '../members/subscription.service.js';
import type { FollowAlerts, FollowService } from '../follows/index.js';
import { listedFollows } from './follow-form.js';
import { CANONICAL_CACHE_CONTROL } from './http-cache.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in reader, when a member session cookie is valid. */
    member: Member | null;
  }
}

export const MEMBER_COOKIE = 'masthead_member';
const SESSION_SECONDS = 90 * 86_400;

export interface MemberPagesDeps {
  members: MemberService;
  /** The member's own data: its download and the account's erasure. */
  memberData: Pick<MemberDataService, 'export' | 'erase' | 'stillBilled'>;
  plans: PlanService;
  offers: OfferService;
  tips: TipService;
  subscriptions: SubscriptionService;
  settings: SettingsService;
  theme: Theme;
  publicUrl: string;
  /** Newsletter subscriptions: a member who subscribed gets a link to their preferences. */
  subscribers: Pick<SubscriberService, 'find' | 'links'>;
  /** What the member follows, listed on their account page. */
  follows: Pick<FollowService, 'list'>;
  followAlerts: Pick<FollowAlerts, 'enabled'>;
}

/** Upgrades `request.viewer` to a member (paid or not) when the member session cookie is valid. */
export function memberViewerHook(members: MemberService) {
  return async (request: FastifyRequest) => {
    const token = request.cookies[MEMBER_COOKIE];
    if (!token || request.viewer.kind !== 'anonymous') return;
    const found = await members.session(token);
    if (!found) return;
    request.member = found.member;
    request.viewer = found.viewer;
  };
}

type Form = Record<string, unknown>;

/**
 * Where to go after signing in: a path on this site (e.g. the piece the reader was looking at),
 * never another host. Anything else falls back to the account page.
 */
export function returnPath(value: unknown): string | null {
  // Control characters and broken UTF-16 (a lone surrogate cannot be put in a link) are refused too.
  if (typeof value !== 'string' || value.length > 300 || textProblem(value, false)) return null;
  return /^\/(?![/\\])[^\s\\]*$/.test(value) ? value : null;
}

const wantsJson = (request: FastifyRequest) => (request.headers['content-type'] ?? '').includes('application/json');

/** Field errors of a validation failure, keyed by field, for re-rendering a form. */
function fieldErrors(error: unknown): Record<string, string> | undefined {
  if (!isAppError(error) || error.code !== 'VALIDATION_FAILED') return undefined;
  return Object.fromEntries(error.fields.map((f) => [f.field, f.message]));
}

/** Values typed into flat form fields named `<prefix>_<key>` (or errors keyed `<prefix>.<key>`). */
function nested(source: Form, prefix: string, fallback?: object | null): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source ?? {})) {
    if (key.startsWith(`${prefix}_`) || key.startsWith(`${prefix}.`)) out[key.slice(prefix.length + 1)] = value;
  }
  return Object.keys(out).length === 0 && fallback ? { ...fallback } : out;
}

const addressKeys = ['name', 'line1', 'line2', 'city', 'region', 'postcode', 'country'];

function addressFrom(form: Form, prefix: string): Record<string, unknown> | undefined {
  const fields = Object.fromEntries(addressKeys.map((k) => [k, form[`${prefix}_${k}`]]).filter(([, v]) => typeof v === 'string'));
  return Object.values(fields).some((v) => v !== '') ? fields : undefined;
}

/** A flat checkout form (or JSON) as the checkout input the service takes. */
function checkoutFrom(body: Form, json: boolean): unknown {
  if (json) return body;
  const billing = body.billing;
  const gift = billing === 'gift' ? { email: body.gift_email ?? '', name: body.gift_name ?? '', message: body.gift_message ?? '', address: addressFrom(body, 'gift_address') } : undefined;
  return {
    plan: body.plan ?? '',
    billing: billing ?? '',
    ...(typeof body.offer === 'string' ? { offer: body.offer } : {}),
    ...(typeof body.email === 'string' && body.email !== '' ? { email: body.email } : {}),
    ...(billing !== 'gift' && addressFrom(body, 'address') ? { address: addressFrom(body, 'address') } : {}),
    ...(gift ? { gift } : {}),
  };
}

/** The key of the theme's message for a subscription's status. */
function statusLabel(s: Subscription): string {
  switch (s.status) {
    case 'active':
      if (s.cancelAtPeriodEnd) return 'account.status.cancelling';
      return s.trialEndsAt ? 'account.status.trial' : 'account.status.active';
    case 'past_due':
      return 'account.status.pastDue';
    case 'lapsed':
      return 'account.status.lapsed';
    default:
      return 'account.status.ended';
  }
}

/** Reader pages under /members/: plans and checkout, sign-in by emailed link, the account portal. */
export async function memberPagesRoutes(app: FastifyInstance, deps: MemberPagesDeps): Promise<void> {
  const secure = deps.publicUrl.startsWith('https:');
  // Every form here that changes something carries the page's CSRF token (double-submit cookie).
  const csrf = (request: FastifyRequest) => verifyCsrf(request);
  const html = (reply: FastifyReply, body: string, status = 200) => reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'private, no-store').send(body);

  // Keys of the theme's messages, so titles are in the site's language.
  const titles: Record<string, string> = { print: 'members.print.title', signin: 'signin.title', account: 'members.account.title' };
  async function page(template: string, data: Record<string, unknown>, at?: string) {
    const site = await deps.settings.site();
    const path = at ?? `/members/${template === 'account' ? '' : `${template}/`}`;
    // A title of the site's own (an offer's name) is used as it is; the others are message keys.
    const title = typeof data.pageTitle === 'string' ? data.pageTitle : deps.theme.translate(site.locale)(typeof data.heading === 'string' ? data.heading : (titles[template] ?? 'members.title'));
    const meta = pageMeta({ path, title, description: title, noindex: template !== 'print' });
    return renderPage(deps, site, { template: `members/${template}`, view: data, meta });
  }

  async function printPage(request: FastifyRequest, reply: FastifyReply, extra: object = {}, status = 200) {
    const plans = (await deps.plans.list({ onlyActive: true })).filter((p) => p.tier !== 'free');
    const { locale } = await deps.settings.site();
    const money = (minor: number, currency: string) => formatMoney(minor, currency, locale);
    return html(
      reply,
      await page('print', {
        plans,
        member: request.member,
        paymentsConfigured: deps.subscriptions.paymentsConfigured,
        csrf: reply.generateCsrf(),
        money,
        nested,
        errors: {},
        values: {},
        promotionCodes: deps.subscriptions.paymentsConfigured && (await deps.offers.takesPromotionCodes()),
        ...extra,
      }),
      status,
    );
  }

  app.get('/members/print/', async (request, reply) => printPage(request, reply));
  app.get('/members/print', async (_request, reply) => reply.header('cache-control', CANONICAL_CACHE_CONTROL).redirect('/members/print/', 301));

  /** An offer's landing page: the plan, the discounted price and a checkout form; or, once it cannot be used, why. */
  async function offerPage(request: FastifyRequest, reply: FastifyReply, code: string, extra: object = {}, status = 200) {
    if (!/^[a-z0-9-]{1,60}$/.test(code)) throw new AppError('OFFER_NOT_FOUND');
    const offer = await deps.offers.get({ code });
    const { locale } = await deps.settings.site();
    const data = {
      pageTitle: offer.name,
      offer,
      member: request.member,
      paymentsConfigured: deps.subscriptions.paymentsConfigured,
      csrf: reply.generateCsrf(),
      money: (minor: number, currency: string) => formatMoney(minor, currency, locale),
      nested,
      ...extra,
    };
    return html(reply, await page('offer', data, `/members/offers/${offer.code}/`), status);
  }

  app.get<{ Params: { code: string } }>('/members/offers/:code/', async (request, reply) => offerPage(request, reply, request.params.code));

  // A promotion code typed on the plans page leads to its offer's page, which says whether it can be used now.
  app.get<{ Querystring: { code?: unknown } }>('/members/offers/', { config: { rateLimit: { max: 30, timeWindow: '1 minute' } } }, async (request, reply) => {
    const typed = request.query.code;
    if (typed === undefined) return reply.redirect('/members/print/', 303);
    const offer = await deps.offers.byPromotionCode(typed);
    if (offer) return reply.redirect(`/members/offers/${offer.code}/`, 303);
    return printPage(request, reply, { promotionCodes: true, typedCode: typeof typed === 'string' ? typed.slice(0, 40) : '', unknownCode: true }, 404);
  });

  app.post<{ Body: Form }>('/members/checkout', { preHandler: csrf, config: { rateLimit: { max: 20, timeWindow: '1 minute' } } }, async (request, reply) => {
    const json = wantsJson(request);
    const body = (request.body ?? {}) as Form;
    // A checkout from an offer's page goes back to that page with what went wrong.
    const offer = typeof body.offer === 'string' && !json ? body.offer : null;
    const again = (extra: object, status: number) => (offer ? offerPage(request, reply, offer, extra, status) : printPage(request, reply, { ...extra, errorsFor: body.plan }, status));
    try {
      const url = await deps.subscriptions.startCheckout(request.member, checkoutFrom(body, json));
      return json ? { url } : reply.redirect(url, 303);
    } catch (error) {
      if (!json && isAppError(error) && error.code === 'CHECKOUT_SIGNIN_REQUIRED') {
        const signIn = `/members/signin/?next=${encodeURIComponent(offer ? `/members/offers/${offer}/` : '/members/print/')}`;
        return again({ values: body, formError: 'print.signInFirst', signIn }, 409);
      }
      if (offer && isAppError(error) && error.code === 'OFFER_UNAVAILABLE') return again({}, 409);
      const errors = fieldErrors(error);
      if (json || !errors) throw error;
      return again({ errors, values: body, formError: 'form.correct' }, 400);
    }
  });

  async function tipPage(request: FastifyRequest, reply: FastifyReply, extra: object = {}, status = 200) {
    const { locale } = await deps.settings.site();
    const choices = await deps.tips.choices();
    const data = {
      heading: 'tip.title',
      choices,
      member: request.member,
      paymentsConfigured: deps.tips.paymentsConfigured,
      csrf: reply.generateCsrf(),
      money: (minor: number) => formatMoney(minor, choices.currency, locale),
      ...extra,
    };
    return html(reply, await page('tip', data), status);
  }

  app.get('/members/tip/', async (request, reply) => tipPage(request, reply));

  app.post<{ Body: Form }>('/members/tip', { preHandler: csrf, config: { rateLimit: { max: 20, timeWindow: '1 minute' } } }, async (request, reply) => {
    const json = wantsJson(request);
    const body = (request.body ?? {}) as Form;
    // A form sends a suggested amount (minor units) or one typed in the main unit; JSON sends `amount` as either.
    const typed = typeof body.amount_other === 'string' && body.amount_other.trim() !== '' ? body.amount_other : null;
    const input = json ? body : { amount: typed ?? (typeof body.amount === 'string' && /^\d{1,12}$/.test(body.amount) ? Number(body.amount) : (body.amount ?? '')) };
    try {
      const url = await deps.tips.startCheckout(request.member, input);
      return json ? { url } : reply.redirect(url, 303);
    } catch (error) {
      const amountRefused = isAppError(error) && (error.code === 'VALIDATION_FAILED' || error.code === 'PRICE_TOO_PRECISE');
      if (json || !amountRefused) throw error;
      return tipPage(request, reply, { values: body, error: true, formError: 'form.correct' }, 400);
    }
  });

  app.get('/members/tip/thanks/', async (_request, reply) =>
    html(reply, await page('message', { heading: 'tip.thanks.title', message: 'tip.thanks.text', link: { label: 'tip.thanks.home', url: '/' } }, '/members/tip/thanks/')),
  );

  app.get('/members/welcome/', async (_request, reply) =>
    html(
      reply,
      await page('message', {
        heading: 'welcome.title',
        message: 'welcome.text',
        link: { label: 'welcome.account', url: '/members/' },
      }),
    ),
  );

  app.get<{ Querystring: { sent?: string; next?: string } }>('/members/signin/', async (request, reply) =>
    html(reply, await page('signin', { sent: request.query.sent === '1', next: returnPath(request.query.next), minutes: SIGN_IN_LINK_MINUTES, csrf: reply.generateCsrf() })),
  );

  app.post<{ Body: Form }>('/members/signin', { preHandler: csrf, config: { rateLimit: { max: 5, timeWindow: '1 minute' } } }, async (request, reply) => {
    const json = wantsJson(request);
    const next = returnPath((request.body ?? {}).next);
    const link = (token: string) => `${deps.publicUrl}/members/signin/verify/?token=${encodeURIComponent(token)}${next ? `&next=${encodeURIComponent(next)}` : ''}`;
    try {
      await deps.members.requestSignIn((request.body ?? {}).email, link);
    } catch (error) {
      const errors = fieldErrors(error);
      if (json || !errors) throw error;
      return html(reply, await page('signin', { error: errors.email, email: String((request.body ?? {}).email ?? ''), next, csrf: reply.generateCsrf() }), 400);
    }
    return json ? { ok: true } : reply.redirect('/members/signin/?sent=1', 303);
  });

  const invalidLink = async (reply: FastifyReply) => html(reply, await page('signin', { invalidLink: true, minutes: SIGN_IN_LINK_MINUTES, csrf: reply.generateCsrf() }), 400);
  const linkToken = (value: unknown) => {
    const token = z.string().max(200).safeParse(value);
    return token.success ? token.data : '';
  };

  // The emailed link only shows who it signs in and a button: signing in is the form's POST, with
  // this site's CSRF token, so neither a link scanner nor another site's request can do it.
  app.get<{ Querystring: { token?: string; next?: string } }>('/members/signin/verify/', async (request, reply) => {
    const token = linkToken(request.query.token);
    const email = await deps.members.signInLinkEmail(token);
    if (!email) return invalidLink(reply);
    return html(reply, await page('signin', { confirm: { email, token }, next: returnPath(request.query.next), csrf: reply.generateCsrf() }));
  });

  app.post<{ Body: Form }>('/members/signin/verify', { preHandler: csrf }, async (request, reply) => {
    const body = (request.body ?? {}) as Form;
    try {
      const { session } = await deps.members.completeSignIn(linkToken(body.token));
      reply.setCookie(MEMBER_COOKIE, session, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: SESSION_SECONDS });
      return wantsJson(request) ? { ok: true } : reply.redirect(returnPath(body.next) ?? '/members/', 303);
    } catch (error) {
      if (wantsJson(request) || !isAppError(error) || error.code !== 'SIGNIN_LINK_INVALID') throw error;
      return invalidLink(reply);
    }
  });

  app.post('/members/signout', { preHandler: csrf }, async (request, reply) => {
    const token = request.cookies[MEMBER_COOKIE];
    if (token) await deps.members.signOut(token);
    reply.clearCookie(MEMBER_COOKIE, { path: '/' });
    return reply.redirect('/', 303);
  });

  /** The signed-in member, or a redirect to the sign-in page. */
  function requireMember(request: FastifyRequest): Member {
    if (!request.member) throw new AppError('SIGNIN_REQUIRED');
    return request.member;
  }

  /**
   * The member's newsletter preferences page (a signed link; null when the address never
   * subscribed), and whether the address receives a newsletter, where followed pieces come.
   */
  async function newsletterOf(email: string): Promise<{ url: string | null; receives: boolean }> {
    try {
      const subscriber = await deps.subscribers.find(email);
      const token = (await deps.subscribers.links()).sign({ purpose: 'preferences', subscriberId: subscriber.id });
      return { url: `/newsletter/preferences/?token=${encodeURIComponent(token)}`, receives: subscriber.status === 'confirmed' && subscriber.newsletters.length > 0 };
    } catch (error) {
      if (isAppError(error) && error.code === 'SUBSCRIBER_NOT_FOUND') return { url: null, receives: false };
      throw error;
    }
  }

  async function account(request: FastifyRequest, reply: FastifyReply, extra: object = {}, status = 200) {
    const member = request.member!;
    const newsletter = await newsletterOf(member.email);
    return html(
      reply,
      await page('account', {
        member,
        subscriptions: await deps.members.subscriptions(member.id),
        paymentsConfigured: deps.subscriptions.paymentsConfigured,
        csrf: reply.generateCsrf(),
        statusLabel,
        addressValues: member.address ?? {},
        addressErrors: {},
        newsletterUrl: newsletter.url,
        receivesNewsletter: newsletter.receives,
        follows: listedFollows(await deps.follows.list({ kind: 'member', id: member.id })),
        followAlerts: await deps.followAlerts.enabled({ kind: 'member', id: member.id }),
        ...extra,
      }),
      status,
    );
  }

  app.get<{ Querystring: { saved?: string } }>('/members/', async (request, reply) => {
    if (!request.member) return reply.redirect('/members/signin/', 303);
    const notices: Record<string, string> = {
      address: 'account.notice.address',
      cancel: 'account.notice.cancel',
      resume: 'account.notice.resume',
    };
    const saved = request.query.saved ?? '';
    return account(request, reply, { notice: Object.hasOwn(notices, saved) ? notices[saved] : undefined });
  });

  app.post<{ Body: Form }>('/members/address', { preHandler: csrf }, async (request, reply) => {
    const member = requireMember(request);
    const json = wantsJson(request);
    const body = (request.body ?? {}) as Form;
    try {
      const address = await deps.members.updateAddress(member.id, json ? body : (addressFrom(body, 'address') ?? {}));
      return json ? { address } : reply.redirect('/members/?saved=address', 303);
    } catch (error) {
      const errors = fieldErrors(error);
      if (json || !errors) throw error;
      return account(request, reply, { addressValues: nested(body, 'address'), addressErrors: errors, formError: 'form.correctAddress' }, 400);
    }
  });

  for (const action of ['cancel', 'resume'] as const) {
    app.post<{ Params: { id: string } }>(`/members/subscriptions/:id/${action}`, { preHandler: csrf }, async (request, reply) => {
      const member = requireMember(request);
      const id = recordId.safeParse(request.params.id);
      if (!id.success) throw new AppError('SUBSCRIPTION_NOT_FOUND');
      await deps.subscriptions.setCancelAtPeriodEnd(member, id.data, action === 'cancel');
      return reply.redirect(`/members/?saved=${action}`, 303);
    });
  }

  app.post('/members/billing', { preHandler: csrf }, async (request, reply) => {
    const member = requireMember(request);
    return reply.redirect(await deps.subscriptions.billingPortal(member), 303);
  });

  memberDataRoutes(app, { members: deps.members, memberData: deps.memberData, cookie: MEMBER_COOKIE, csrf, page, html });
}
