import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Mailer } from '../email/index.js';
import { acceptInviteInput, linkRequestInput, resetInput, setupInput, signInInput, signInLinkInput, type SignedIn } from '../staff/index.js';
import type { EndpointRegistry } from './endpoint.js';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from './guard.js';
import { staffEnvelope, staffUserOut } from './schemas.js';

/** Coarse per-address limit on the public sign-in endpoints; password tries are also counted in the database. */
const authRateLimit = { max: 30, timeWindow: 60_000 };
/** Per-address limit on asking for emailed links; each account is also sent at most a few per quarter hour. */
const emailRateLimit = { max: 5, timeWindow: 60_000 };

/**
 * Marks a browser that signed in to an account, so its password sign-ins pass the account-wide
 * throttle. Sent only to the sign-in endpoints.
 */
const KNOWN_BROWSER_COOKIE = 'masthead_known_browser';
const KNOWN_BROWSER_PATH = '/admin/api/session';

/** Sets the session cookie and the known-browser cookie of a fresh sign-in. */
function signedIn(request: FastifyRequest, reply: FastifyReply, session: SignedIn): { staff: SignedIn['user'] } {
  setSessionCookie(request, reply, session);
  reply.setCookie(KNOWN_BROWSER_COOKIE, session.browser.token, {
    path: KNOWN_BROWSER_PATH,
    httpOnly: true,
    sameSite: 'strict',
    secure: request.server.staffAccess.secureCookies,
    expires: new Date(session.browser.expiresAt),
  });
  return { staff: session.user };
}

const sessionOut = z.object({
  signedIn: z.boolean(),
  staff: staffUserOut.nullable(),
  csrfToken: z.string(),
  setupNeeded: z.boolean(),
  /** "outbox" when no SMTP server is configured: emails (invitations, resets) land in DATA_DIR/outbox. */
  mail: z.enum(['smtp', 'outbox']),
});

export function sessionRoutes(api: EndpointRegistry, deps: { mailer: Mailer }): void {
  api.add({
    method: 'GET',
    url: '/session',
    summary: 'Who is signed in, plus the CSRF token every state-changing request must send as x-csrf-token',
    tag: 'session',
    access: 'public',
    response: sessionOut,
    handler: async ({ request, reply }) => {
      const { auth } = request.server.staffAccess;
      const token = request.cookies[SESSION_COOKIE];
      const session = token ? await auth.authenticate(token) : undefined;
      return {
        signedIn: session !== undefined,
        staff: session?.user ?? null,
        csrfToken: reply.generateCsrf(),
        setupNeeded: session ? false : await auth.setupNeeded(),
        mail: deps.mailer.kind,
      };
    },
  });

  api.add({
    method: 'POST',
    url: '/session',
    summary: 'Sign in with email and password',
    tag: 'session',
    access: 'public',
    body: signInInput,
    response: staffEnvelope,
    rateLimit: authRateLimit,
    handler: async ({ body, request, reply }) => {
      const session = await request.server.staffAccess.auth.signIn(body, { address: request.ip, browser: request.cookies[KNOWN_BROWSER_COOKIE] });
      return signedIn(request, reply, session);
    },
  });

  // Both emailed links answer alike whether or not the address has an account; the mail is a job.
  const emailedLink = (url: string, summary: string, send: 'requestSignInLink' | 'requestPasswordReset') =>
    api.add({
      method: 'POST',
      url,
      summary: `${summary} (the answer is the same whether or not the address has an account)`,
      tag: 'session',
      access: 'public',
      body: linkRequestInput,
      response: null,
      status: 202,
      rateLimit: emailRateLimit,
      handler: async ({ body, request }) => {
        await request.server.staffAccess.auth[send](body);
      },
    });

  emailedLink('/session/link', 'Email a sign-in link that works even while password sign-in is paused', 'requestSignInLink');

  api.add({
    method: 'POST',
    url: '/session/link/complete',
    summary: 'Sign in with an emailed sign-in link; it works once',
    tag: 'session',
    access: 'public',
    body: signInLinkInput,
    response: staffEnvelope,
    rateLimit: authRateLimit,
    handler: async ({ body, request, reply }) => {
      const session = await request.server.staffAccess.auth.signInWithLink(body, { browser: request.cookies[KNOWN_BROWSER_COOKIE] });
      return signedIn(request, reply, session);
    },
  });

  api.add({
    method: 'DELETE',
    url: '/session',
    summary: 'Sign out of this browser',
    tag: 'session',
    access: 'staff',
    response: null,
    handler: async ({ request, reply }) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await request.server.staffAccess.auth.signOut(token);
      clearSessionCookie(reply);
    },
  });

  api.add({
    method: 'POST',
    url: '/session/sign-out-everywhere',
    summary: 'End every session of the signed-in user, on every device',
    tag: 'session',
    access: 'staff',
    response: z.object({ ended: z.number() }),
    handler: async ({ staff, request, reply }) => {
      const ended = await request.server.staffAccess.auth.signOutEverywhere(staff.id);
      clearSessionCookie(reply);
      return { ended };
    },
  });

  api.add({
    method: 'POST',
    url: '/setup',
    summary: 'Create the first administrator (only while no staff account exists) and sign in',
    tag: 'session',
    access: 'public',
    body: setupInput,
    response: staffEnvelope,
    status: 201,
    rateLimit: authRateLimit,
    handler: async ({ body, request, reply }) => {
      return signedIn(request, reply, await request.server.staffAccess.auth.setup(body));
    },
  });

  api.add({
    method: 'POST',
    url: '/invitations/accept',
    summary: 'Accept an emailed invitation: choose name and password, then sign in',
    tag: 'session',
    access: 'public',
    body: acceptInviteInput,
    response: staffEnvelope,
    rateLimit: authRateLimit,
    handler: async ({ body, request, reply }) => {
      return signedIn(request, reply, await request.server.staffAccess.auth.acceptInvite(body));
    },
  });

  emailedLink('/password-reset', 'Email a password reset link', 'requestPasswordReset');

  api.add({
    method: 'POST',
    url: '/password-reset/complete',
    summary: 'Choose a new password with an emailed link; every session of the account ends',
    tag: 'session',
    access: 'public',
    body: resetInput,
    response: null,
    rateLimit: authRateLimit,
    handler: async ({ body, request }) => {
      await request.server.staffAccess.auth.resetPassword(body);
    },
  });
}
