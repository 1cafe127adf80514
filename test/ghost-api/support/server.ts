import type { AddressInfo } from 'node:net';
import { SignJWT } from 'jose';
import type { AppContext } from '../../support/app.js';

/** Makes the test app listen on loopback, on a port of the system's choosing; answers its address. */
export async function listening(t: AppContext): Promise<string> {
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  return `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
}

/** What an official client throws for an error answer: Ghost's error fields, and the HTTP status. */
export async function failure(promise: Promise<unknown>): Promise<{ type: string; message: string; context: string | null; code: string | null; status: number | undefined }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { name: string; type?: string; message: string; context?: string | null; code?: string | null; response?: { status: number } };
    return { type: e.type ?? e.name, message: e.message, context: e.context ?? null, code: e.code ?? null, status: e.response?.status };
  }
  throw new Error('expected the request to fail');
}

/** A token as Ghost's client makes one, with parts changed to attack the server. */
export async function token(key: string, claims: { aud?: string | null; iat?: number; exp?: number | null; alg?: string; kid?: string; secret?: string } = {}) {
  const [id, secret] = key.split(':') as [string, string];
  const now = Math.floor(Date.now() / 1000);
  let jwt = new SignJWT({}).setProtectedHeader({ alg: claims.alg ?? 'HS256', typ: 'JWT', kid: claims.kid ?? id }).setIssuedAt(claims.iat ?? now);
  if (claims.exp !== null) jwt = jwt.setExpirationTime(claims.exp ?? now + 300);
  if (claims.aud !== null) jwt = jwt.setAudience(claims.aud ?? '/admin/');
  return jwt.sign(Buffer.from(claims.secret ?? secret, 'hex'));
}
