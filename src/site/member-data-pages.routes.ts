import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, isAppError } from '../errors/app-error.js';
import { httpStatus } from '../errors/http-status.js';
import type { ErrorCode } from '../errors/codes.js';
import { wantsJson } from '../http/error-handler.js';
import { RECENT_SIGN_IN_MINUTES, type MemberDataService, type MemberService } from '../members/index.js';
import type { Member } from '../members/member.types.js';

export interface MemberDataPagesDeps {
  members: Pick<MemberService, 'signedInRecently'>;
  memberData: Pick<MemberDataService, 'export' | 'erase' | 'stillBilled'>;
  /** The member session cookie's name, cleared once the account is gone. */
  cookie: string;
  /** Refuses a form without this site's CSRF token. */
  csrf: (request: FastifyRequest) => Promise<void>;
  /** A page of the members' theme folder, titled by a message key, and how it is sent. */
  page: (template: string, data: Record<string, unknown>, at: string) => Promise<string>;
  html: (reply: FastifyReply, body: string, status?: number) => FastifyReply;
}

/**
 * Refusals answered with the erasure page again and, where the page does not already say it (a
 * subscription still billed), the theme's message why. Anything else is the error page's.
 */
const refusals: Partial<Record<ErrorCode, string | undefined>> = {
  MEMBER_STILL_SUBSCRIBED: undefined,
  MEMBER_CHECKOUT_PAID: 'accountErase.checkout',
  MEMBER_CHECKOUT_OPEN: 'accountErase.checkout',
  PAYMENT_PROVIDER_FAILED: 'accountErase.provider',
};

/**
 * A member's own data: a download of everything held about them, and erasing the account. The
 * erasure is the one staff use (same member lock, same rules); it asks first (a GET never erases),
 * takes the page's CSRF token and needs a sign-in from the last few minutes.
 */
export function memberDataRoutes(app: FastifyInstance, deps: MemberDataPagesDeps): void {
  const signedIn = (request: FastifyRequest): Member | null => request.member;
  const sessionOf = (request: FastifyRequest) => request.cookies[deps.cookie] ?? '';

  // Each download reads every table holding the member (up to 10,000 comments): a few a minute is plenty.
  app.get('/members/data.json', { config: { rateLimit: { max: 6, timeWindow: '1 minute' } } }, async (request, reply) => {
    const member = signedIn(request);
    if (!member) return reply.header('cache-control', 'no-store').redirect(`/members/signin/?next=${encodeURIComponent('/members/')}`, 303);
    const data = await deps.memberData.export(member.id);
    return (
      reply
        .type('application/json; charset=utf-8')
        .header('cache-control', 'no-store')
        // What the member typed (comments, names) is in it: saved as a file, never read as a page.
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', 'attachment; filename="my-account-data.json"')
        .send(JSON.stringify(data, null, 2))
    );
  });

  async function erasePage(request: FastifyRequest, reply: FastifyReply, member: Member, extra: object = {}, status = 200) {
    const view = {
      heading: 'accountErase.title',
      member,
      recent: await deps.members.signedInRecently(sessionOf(request)),
      billed: await deps.memberData.stillBilled(member.id),
      minutes: RECENT_SIGN_IN_MINUTES,
      csrf: reply.generateCsrf(),
      noPromos: true,
      ...extra,
    };
    return deps.html(reply, await deps.page('erase', view, '/members/erase/'), status);
  }

  app.get('/members/erase/', async (request, reply) => {
    const member = signedIn(request);
    if (!member) return reply.redirect(`/members/signin/?next=${encodeURIComponent('/members/erase/')}`, 303);
    return erasePage(request, reply, member);
  });

  app.post('/members/erase', { preHandler: deps.csrf, config: { rateLimit: { max: 10, timeWindow: '1 minute' } } }, async (request, reply) => {
    const member = signedIn(request);
    if (!member) throw new AppError('SIGNIN_REQUIRED');
    if (!(await deps.members.signedInRecently(sessionOf(request)))) {
      if (wantsJson(request)) throw new AppError('SIGNIN_NOT_RECENT');
      return erasePage(request, reply, member, {}, httpStatus.SIGNIN_NOT_RECENT);
    }
    try {
      await deps.memberData.erase(member.id);
    } catch (error) {
      if (!isAppError(error) || wantsJson(request) || !Object.hasOwn(refusals, error.code)) throw error;
      return erasePage(request, reply, member, { refused: refusals[error.code] }, httpStatus[error.code]);
    }
    reply.clearCookie(deps.cookie, { path: '/' });
    return deps.html(reply, await deps.page('message', { heading: 'accountErased.title', message: 'accountErased.text', link: { label: 'error.home', url: '/' }, noPromos: true }, '/members/erase/'));
  });
}
