import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestAsyncHookHandler, RouteOptions } from 'fastify';
import { AppError } from '../errors/app-error.js';
import { atLeast, type ApiKeyService, type SignedIn, type StaffAuthService, type StaffRole, type StaffUser } from '../staff/index.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** How staff prove who they are: sessions and Admin API keys. Set once by installStaffAccess. */
    staffAccess: StaffAccess;
  }
  interface FastifyRequest {
    /** The signed-in staff user; set by staffOnly, null elsewhere. */
    staff: StaffUser | null;
  }
}

export interface StaffAccess {
  auth: StaffAuthService;
  apiKeys: ApiKeyService;
  /** Cookies get the Secure flag when the site is served over HTTPS. */
  secureCookies: boolean;
}

export const SESSION_COOKIE = 'masthead_staff';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Every hook made by staffOnly, so routes that list one among later hooks can be told apart. */
const staffGuards = new WeakSet<object>();
/** Hooks that run after the body has been read and parsed. */
const afterBody = ['preValidation', 'preHandler'] as const;

export function installStaffAccess(app: FastifyInstance, access: StaffAccess): void {
  app.decorate('staffAccess', access);
  app.decorateRequest<StaffUser | null>('staff', null);
  app.addHook('onRoute', checkBeforeBody);
}

/**
 * Moves a staff check listed as a preValidation or preHandler hook to the route's onRequest hooks,
 * so that on every staff route, however it is declared, strangers are refused before their body
 * is read: a 48 MB body sent without a session is never buffered or parsed.
 */
function checkBeforeBody(route: RouteOptions): void {
  for (const phase of afterBody) {
    const hooks = [route[phase] ?? []].flat() as unknown[];
    const guards = hooks.filter((hook) => typeof hook === 'function' && staffGuards.has(hook));
    if (guards.length === 0) continue;
    route[phase] = hooks.filter((hook) => !guards.includes(hook)) as never;
    route.onRequest = [...[route.onRequest ?? []].flat(), ...guards] as never;
  }
}

/**
 * An onRequest hook for staff-only routes: a staff session cookie (plus the CSRF header on
 * state-changing requests) or an Admin API key (`Authorization: Bearer <key>`), and at least the
 * given role. Answers 401 when nobody is signed in, 403 when the role is too low, before the
 * request's body is read (given as a preHandler, it is moved to onRequest). Sets `request.staff`
 * and makes the request a staff viewer.
 */
export function staffOnly(minRole: StaffRole): onRequestAsyncHookHandler {
  const requireStaff: onRequestAsyncHookHandler = async (request, reply) => {
    const staff = await identify(request, reply);
    if (!atLeast(staff.role, minRole)) {
      throw new AppError('FORBIDDEN', `This needs the ${minRole} role or higher; you are ${staff.role === 'administrator' || staff.role === 'author' ? 'an' : 'a'} ${staff.role}.`);
    }
    request.staff = staff;
    request.viewer = { kind: 'staff' };
  };
  staffGuards.add(requireStaff);
  return requireStaff;
}

async function identify(request: FastifyRequest, reply: FastifyReply): Promise<StaffUser> {
  const { auth, apiKeys } = request.server.staffAccess;
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = /^(?:Bearer|Ghost)\s+(\S+)\s*$/i.exec(header);
    const staff = match ? await apiKeys.authenticate(match[1]!) : undefined;
    if (!staff) throw new AppError('API_KEY_INVALID');
    return staff;
  }
  const token = request.cookies[SESSION_COOKIE];
  if (!token) throw new AppError('NOT_SIGNED_IN');
  const session = await auth.authenticate(token);
  if (!session) {
    clearSessionCookie(reply);
    throw new AppError('SESSION_EXPIRED');
  }
  await verifyCsrf(request);
  if (session.renewedUntil) setSessionCookie(request, reply, { token, expiresAt: session.renewedUntil });
  return session.user;
}

/** Refuses a state-changing request whose CSRF header does not match the browser's CSRF cookie. */
export async function verifyCsrf(request: FastifyRequest): Promise<void> {
  if (SAFE_METHODS.has(request.method)) return;
  await new Promise<void>((resolve, reject) => {
    // The plugin answers a bad token through reply.send; catching it here lets the API use its own error code.
    const refuse = { send: () => reject(new AppError('CSRF_INVALID')) } as unknown as FastifyReply;
    request.server.csrfProtection(request, refuse, () => resolve());
  });
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, session: Pick<SignedIn, 'token' | 'expiresAt'>): void {
  reply.setCookie(SESSION_COOKIE, session.token, {
    path: '/admin',
    httpOnly: true,
    sameSite: 'strict',
    secure: request.server.staffAccess.secureCookies,
    expires: new Date(session.expiresAt),
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/admin' });
}
