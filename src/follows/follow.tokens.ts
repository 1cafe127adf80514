import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppError } from '../errors/app-error.js';

/** What a follow confirmation link carries: the follow, its one-time nonce, and when it stops working. */
export interface ConfirmClaims {
  followId: number;
  nonce: string;
  /** Unix seconds. */
  expires: number;
}

/** Signs and checks follow confirmation links: `<follow>.<nonce>.<expires>.<HMAC-SHA256>` under a key of their own. */
export class FollowLinks {
  constructor(private readonly key: Buffer) {}

  sign(claims: ConfirmClaims): string {
    const payload = `${claims.followId}.${claims.nonce}.${claims.expires}`;
    return `${payload}.${this.mac(payload)}`;
  }

  verify(token: unknown, now: Date): ConfirmClaims {
    const invalid = new AppError('LINK_INVALID', 'This link is damaged or was not made by this site. Please use the latest email we sent you.');
    if (typeof token !== 'string' || token.length > 200) throw invalid;
    const match = /^([1-9]\d{0,15})\.([A-Za-z0-9_-]{1,32})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
    if (!match) throw invalid;
    const [, followId, nonce, expires, mac] = match;
    const expected = Buffer.from(this.mac(`${followId}.${nonce}.${expires}`));
    if (!timingSafeEqual(Buffer.from(mac!), expected)) throw invalid;
    if (Number(expires) * 1000 < now.getTime()) {
      throw new AppError('LINK_EXPIRED', 'This link has expired. Use the follow form again and we will send you a fresh one.');
    }
    return { followId: Number(followId), nonce: nonce!, expires: Number(expires) };
  }

  private mac(payload: string): string {
    return createHmac('sha256', this.key).update(`follow:${payload}`).digest('base64url');
  }
}
