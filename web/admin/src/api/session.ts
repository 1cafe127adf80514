import { queryOptions } from '@tanstack/react-query';
import { request, setCsrfToken } from './client';
import { readOnce } from './query-client';
import type { Answer, StaffUser } from './types';

/** GET /session: who is signed in, the CSRF token, and whether first-run setup is open. */
type SessionState = Answer<'/admin/api/session', 'get'>;

export interface Session {
  user: StaffUser;
  /** "outbox" when no SMTP server is set up: invitation and reset emails are written to files. */
  mail: 'smtp' | 'outbox';
}

export type SessionLookup = { kind: 'signed-in'; session: Session } | { kind: 'signed-out'; setupNeeded: boolean };

/** Asks the server who is signed in and keeps the CSRF token for the requests that follow. */
export async function lookUpSession(): Promise<SessionLookup> {
  const state = await request<SessionState>('GET', '/session', undefined, { noReauth: true });
  setCsrfToken(state.csrfToken);
  return state.signedIn && state.staff ? { kind: 'signed-in', session: { user: state.staff, mail: state.mail } } : { kind: 'signed-out', setupNeeded: state.setupNeeded };
}

/**
 * Who is signed in, read once when the app opens (tried again after a server error); signing in
 * and out put the new answer in its place.
 */
export const sessionQuery = queryOptions({
  queryKey: ['session'],
  queryFn: lookUpSession,
  staleTime: Infinity,
  meta: readOnce,
});

/** Fetches a CSRF token when none is held yet (the public forms need one too). */
async function ensureToken(): Promise<void> {
  await lookUpSession();
}

async function afterSignIn(): Promise<Session> {
  const state = await lookUpSession();
  if (state.kind !== 'signed-in') throw new Error('The server did not keep the session; are cookies allowed?');
  return state.session;
}

export async function signIn(email: string, password: string): Promise<Session> {
  await ensureToken();
  await request<unknown>('POST', '/session', { email, password }, { noReauth: true });
  return afterSignIn();
}

export function signOut(): Promise<void> {
  return request<void>('DELETE', '/session', undefined, { noReauth: true });
}

export function signOutEverywhere(): Promise<{ ended: number }> {
  return request<{ ended: number }>('POST', '/session/sign-out-everywhere', {}, { noReauth: true });
}

export async function setup(input: { name: string; email: string; password: string }): Promise<Session> {
  await ensureToken();
  await request<unknown>('POST', '/setup', input, { noReauth: true });
  return afterSignIn();
}

export async function acceptInvitation(token: string, input: { name: string; password: string }): Promise<Session> {
  await ensureToken();
  await request<unknown>('POST', '/invitations/accept', { token, ...input }, { noReauth: true });
  return afterSignIn();
}

/** Asks for an email with a one-time sign-in link; works even while password sign-in is paused. */
export async function requestSignInLink(email: string): Promise<void> {
  await ensureToken();
  await request<void>('POST', '/session/link', { email }, { noReauth: true });
}

export async function signInWithLink(token: string): Promise<Session> {
  await ensureToken();
  await request<unknown>('POST', '/session/link/complete', { token }, { noReauth: true });
  return afterSignIn();
}

export async function requestPasswordReset(email: string): Promise<void> {
  await ensureToken();
  await request<void>('POST', '/password-reset', { email }, { noReauth: true });
}

export async function resetPassword(token: string, password: string): Promise<void> {
  await ensureToken();
  await request<void>('POST', '/password-reset/complete', { token, password }, { noReauth: true });
}
