import { z } from 'zod';
import type { Mailer } from '../email/index.js';
import { clientKey } from '../http/client-key.js';
import { acceptInviteInput, resetInput, resetRequestInput, setupInput, signInInput } from '../staff/index.js';
import type { EndpointRegistry } from './endpoint.js';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from './guard.js';
import { staffEnvelope, staffUserOut } from './schemas.js';

/** Coarse per-address limit on the public sign-in endpoints; failed attempts are also counted per account. */
const authRateLimit = { max: 30, timeWindow: 60_000 };

const sessionOut = z.object({
  signedIn: z.boolean(),
  staff: staffUserOut.nullable(),
  csrfToken: z.string(),
  setupNeeded: z.boolean(),
  /** "outbox" when no SMTP server is configured: emails (invitations, resets) land in DATA_DIR/outbox. */
  mail: z.enum(['smtp', 'outbox']),
});

export function sessionRoutes(api: EndpointRegistry, deps: { mailer: Mailer; link: (path: string, token: string) => string }): void {
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
      const session = await request.server.staffAccess.auth.signIn(body, clientKey(request.ip));
      setSessionCookie(request, reply, session);
      return { staff: session.user };
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
      const session = await request.server.staffAccess.auth.setup(body);
      setSessionCookie(request, reply, session);
      return { staff: session.user };
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
      const session = await request.server.staffAccess.auth.acceptInvite(body);
      setSessionCookie(request, reply, session);
      return { staff: session.user };
    },
  });

  api.add({
    method: 'POST',
    url: '/password-reset',
    summary: 'Email a password reset link (the answer is the same whether or not the address has an account)',
    tag: 'session',
    access: 'public',
    body: resetRequestInput,
    response: null,
    status: 202,
    rateLimit: { max: 5, timeWindow: 60_000 },
    handler: async ({ body, request }) => {
      await request.server.staffAccess.auth.requestPasswordReset(body, deps.link);
    },
  });

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
