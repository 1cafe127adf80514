import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { verifyCsrf } from '../admin-api/guard.js';
import { clientKey } from '../client-key.js';
import { commentHtml, MAX_COMMENT_CHARS, type Comment, type CommentEmails, type CommentService, type Commenter } from '../comments/index.js';
import type { Post, PostService } from '../content/index.js';
import { recordId } from '../db/ids.js';
import { AppError, isAppError } from '../errors/app-error.js';
import type { SettingsService } from '../settings/index.js';
import { pageMeta } from './page.js';
import { renderPage } from './render.js';
import type { Theme } from './theme.js';

export interface CommentPagesDeps {
  comments: CommentService;
  emails: Pick<CommentEmails, 'checkLink' | 'stopByLink' | 'emailsOn' | 'setEmails'>;
  posts: Pick<PostService, 'lookupPublic'>;
  settings: SettingsService;
  theme: Theme;
}

const slugParam = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .max(190);

/** Comments a member may send in ten minutes, and from one address (several members may share it). */
const PER_MEMBER = 10;
const PER_ADDRESS = 30;
const WINDOW_MS = 10 * 60_000;

const notices: Record<string, string> = { pending: 'comments.notice.pending', published: 'comments.notice.published' };
const refusals: Record<string, string> = { COMMENTS_CLOSED: 'comments.closed', COMMENTS_PAID_ONLY: 'comments.paidOnly', COMMENTING_STOPPED: 'comments.stopped' };

type Form = Record<string, unknown>;

/** The theme's message for what was wrong with the text a reader sent. */
function textError(error: AppError): string {
  const message = error.fields.find((f) => f.field === 'body')?.message ?? '';
  if (message === 'is required') return 'comments.error.empty';
  if (message.startsWith('must be at most')) return 'comments.error.long';
  return 'comments.error.invalid';
}

/**
 * The page where a signed-in member writes a comment or a reply, and sees their comments that wait
 * for an editor. It is personal (CSRF token, waiting comments): never kept in a shared cache. The
 * piece's own page, which is cached per access level, only links here.
 */
export async function commentPagesRoutes(app: FastifyInstance, deps: CommentPagesDeps): Promise<void> {
  // Both limits count every comment sent (in the database, so across processes); either may refuse it.
  const perAddress = app.createRateLimit({ max: PER_ADDRESS, timeWindow: WINDOW_MS, keyGenerator: (request) => clientKey(request.ip) });
  const perMember = app.createRateLimit({ max: PER_MEMBER, timeWindow: WINDOW_MS, keyGenerator: (request) => `member ${request.member?.id}` });
  const limited = async (request: FastifyRequest) => {
    for (const limiter of request.member ? [perAddress, perMember] : [perAddress]) {
      const counted = await limiter(request);
      if (!counted.isAllowed && counted.isExceeded) throw new AppError('RATE_LIMITED');
    }
  };

  async function pieceOf(slug: string): Promise<Post> {
    const found = slugParam.safeParse(slug).success ? await deps.posts.lookupPublic(slug) : { kind: 'missing' as const };
    if (found.kind !== 'post') throw new AppError('NOT_FOUND');
    return found.post;
  }

  const commenter = (request: FastifyRequest): Commenter | null => request.member && { memberId: request.member.id, name: request.member.name, paid: request.viewer.kind === 'member' && request.viewer.paid };

  const withHtml = (c: Comment) => ({ ...c, html: commentHtml(c.body) });

  async function page(reply: FastifyReply, post: Post, who: Commenter, view: { notice?: string; parent?: Comment; body?: string; error?: string }, status = 200) {
    const refused = await deps.comments.refusal(post, who);
    const site = await deps.settings.site();
    const title = deps.theme.translate(site.locale)('comments.form.title', { title: post.title });
    const html = renderPage(deps, site, {
      template: 'comment',
      view: {
        post: { slug: post.slug, title: post.title },
        notice: view.notice,
        refusal: refused && refusals[refused],
        // A member the piece refuses (one it is too dear for, or closed) is shown none of its comments.
        parent: !refused && view.parent ? withHtml(view.parent) : undefined,
        body: view.body,
        error: view.error,
        max: MAX_COMMENT_CHARS,
        waiting: (await deps.comments.waiting(who.memberId, post.id)).map(withHtml),
        csrf: reply.generateCsrf(),
      },
      meta: pageMeta({ path: null, title, description: title, noindex: true }),
    });
    return reply
      .code(refused && status === 200 ? 403 : status)
      .type('text/html; charset=utf-8')
      .header('cache-control', 'private, no-store')
      .send(html);
  }

  /** The comment replied to, when it is one readers see on the piece. */
  async function parentOf(post: Post, value: unknown): Promise<Comment | undefined> {
    const id = recordId.safeParse(value);
    if (!id.success) return undefined;
    const found = await deps.comments.get(id.data).catch(() => undefined);
    return found && found.postId === post.id && found.status === 'approved' ? found : undefined;
  }

  app.get<{ Params: { slug: string }; Querystring: { reply?: string; notice?: string } }>('/:slug/comment/', async (request, reply) => {
    const post = await pieceOf(request.params.slug);
    const who = commenter(request);
    if (!who) return reply.redirect(`/members/signin/?next=${encodeURIComponent(`/${post.slug}/comment/`)}`, 303);
    const notice = request.query.notice ?? '';
    return page(reply, post, who, { notice: Object.hasOwn(notices, notice) ? notices[notice] : undefined, parent: await parentOf(post, request.query.reply) });
  });

  app.post<{ Params: { slug: string }; Body: Form }>('/:slug/comment/', { preHandler: [limited, verifyCsrf] }, async (request, reply) => {
    const post = await pieceOf(request.params.slug);
    const who = commenter(request);
    if (!who) throw new AppError('SIGNIN_REQUIRED');
    const form = (request.body ?? {}) as Form;
    const input = { body: form.body ?? '', parentId: form.parentId, website: form.website };
    try {
      const outcome = await deps.comments.add(post, who, input);
      return reply.redirect(`/${post.slug}/comment/?notice=${outcome.kind === 'approved' ? 'published' : 'pending'}`, 303);
    } catch (error) {
      if (!isAppError(error)) throw error;
      const parent = await parentOf(post, form.parentId);
      if (error.code === 'VALIDATION_FAILED') return page(reply, post, who, { parent, body: typeof form.body === 'string' ? form.body : '', error: textError(error) }, 400);
      if (Object.hasOwn(refusals, error.code)) return page(reply, post, who, {}, 403);
      throw error;
    }
  });

  // The link in every email about comments. Opening it only asks (mail scanners open links); the
  // form, or a mail client's one-click POST (RFC 8058), stops the emails.
  const stopLimit = app.createRateLimit({ max: 60, timeWindow: 60_000, keyGenerator: (request) => clientKey(request.ip) });
  const stopLimited = async (request: FastifyRequest) => {
    const counted = await stopLimit(request);
    if (!counted.isAllowed && counted.isExceeded) throw new AppError('RATE_LIMITED');
  };
  async function stopPage(reply: FastifyReply, view: { token?: string; done?: boolean; on?: boolean; saved?: boolean; csrf?: string }) {
    const site = await deps.settings.site();
    const title = deps.theme.translate(site.locale)('comments.stop.title');
    const html = renderPage(deps, site, { template: 'comment-emails', view, meta: pageMeta({ path: null, title, description: title, noindex: true }) });
    return reply.type('text/html; charset=utf-8').header('cache-control', 'private, no-store').send(html);
  }
  app.get<{ Querystring: { token?: string } }>('/comments/emails/stop/', { preHandler: stopLimited }, async (request, reply) => {
    await deps.emails.checkLink(request.query.token);
    return stopPage(reply, { token: request.query.token, done: false });
  });
  app.post<{ Querystring: { token?: string }; Body: Form }>('/comments/emails/stop/', { preHandler: stopLimited }, async (request, reply) => {
    const body = (request.body ?? {}) as Form;
    await deps.emails.stopByLink(request.query.token ?? body.token);
    if ('List-Unsubscribe' in body) return reply.send({ status: 'unsubscribed' });
    return stopPage(reply, { done: true });
  });

  // A signed-in member's own choice: emails when someone replies to their comments.
  app.get<{ Querystring: { saved?: string } }>('/comments/emails/', async (request, reply) => {
    if (!request.member) return reply.redirect(`/members/signin/?next=${encodeURIComponent('/comments/emails/')}`, 303);
    const on = await deps.emails.emailsOn({ kind: 'member', id: request.member.id });
    return stopPage(reply, { on, saved: request.query.saved === '1', csrf: reply.generateCsrf() });
  });
  app.post<{ Body: Form }>('/comments/emails/', { preHandler: verifyCsrf }, async (request, reply) => {
    if (!request.member) throw new AppError('SIGNIN_REQUIRED');
    await deps.emails.setEmails({ kind: 'member', id: request.member.id }, (request.body ?? {}).replies === 'on');
    return reply.redirect('/comments/emails/?saved=1', 303);
  });
}
