import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppError } from '../errors/app-error.js';
import type { Reader } from './follow.types.js';

/** What a follow confirmation link carries: the follow, its one-time nonce, and when it stops working. */
export interface ConfirmClaims {
  followId: number;
  nonce: string;
  /** Unix seconds. */
  expires: number;
}

/**
 * Signs and checks follow links under a key of their own: confirmation links
 * (`<follow>.<nonce>.<expires>.<mac>`) and alert unsubscribe links (`<reader kind>.<id>.<mac>`),
 * each purpose's MAC over its own prefix so neither passes for the other.
 */
export class FollowLinks {
  constructor(private readonly key: Buffer) {}

  sign(claims: ConfirmClaims): string {
    const payload = `${claims.followId}.${claims.nonce}.${claims.expires}`;
    return `${payload}.${this.mac(`confirm:${payload}`)}`;
  }

  verify(token: unknown, now: Date): ConfirmClaims {
    const invalid = new AppError('LINK_INVALID', 'This link is damaged or was not made by this site. Please use the latest email we sent you.');
    if (typeof token !== 'string' || token.length > 200) throw invalid;
    const match = /^([1-9]\d{0,15})\.([A-Za-z0-9_-]{1,32})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
    if (!match) throw invalid;
    const [, followId, nonce, expires, mac] = match;
    const expected = Buffer.from(this.mac(`confirm:${followId}.${nonce}.${expires}`));
    if (!timingSafeEqual(Buffer.from(mac!), expected)) throw invalid;
    if (Number(expires) * 1000 < now.getTime()) {
      throw new AppError('LINK_EXPIRED', 'This link has expired. Use the follow form again and we will send you a fresh one.');
    }
    return { followId: Number(followId), nonce: nonce!, expires: Number(expires) };
  }

  /** The one-click link that stops a reader's alerts; it never expires (unsubscribing must keep working). */
  signAlertsOff(reader: Reader): string {
    const payload = `${reader.kind}.${reader.id}`;
    return `${payload}.${this.mac(`alerts-off:${payload}`)}`;
  }

  verifyAlertsOff(token: unknown): Reader {
    const invalid = new AppError('LINK_INVALID', 'This link is damaged or was not made by this site. Please use the latest email we sent you.');
    const match = typeof token === 'string' ? /^(member|subscriber)\.([1-9]\d{0,15})\.([A-Za-z0-9_-]{43})$/.exec(token) : null;
    if (!match) throw invalid;
    const [, kind, id, mac] = match;
    if (!timingSafeEqual(Buffer.from(mac!), Buffer.from(this.mac(`alerts-off:${kind}.${id}`)))) throw invalid;
    return { kind: kind as Reader['kind'], id: Number(id) };
  }

  private mac(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }
}
