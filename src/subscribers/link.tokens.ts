import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppError } from '../errors/app-error.js';

/**
 * What a link lets its holder do: confirm a signup, manage preferences, unsubscribe, or erase the
 * subscriber (only from the form of the erasure page, which the preferences link opens).
 */
export type LinkPurpose = 'confirm' | 'preferences' | 'unsubscribe' | 'erase';

export interface LinkClaims {
  purpose: LinkPurpose;
  subscriberId: number;
  /** Unsubscribe links name the newsletter they leave; 0 leaves all. */
  newsletterId?: number;
  /** Confirmation links carry the subscriber's current nonce, so each works once. */
  nonce?: string;
  /** Unix seconds; links without one do not expire (unsubscribe must keep working). */
  expires?: number;
}

const codes: Record<LinkPurpose, string> = { confirm: 'c', preferences: 'p', unsubscribe: 'u', erase: 'e' };
const purposes = Object.fromEntries(Object.entries(codes).map(([k, v]) => [v, k])) as Record<string, LinkPurpose>;

/** Signs and checks the tokens in subscriber links (HMAC-SHA256 over a compact payload). */
export class LinkSigner {
  constructor(private readonly secret: Buffer) {}

  sign(claims: LinkClaims): string {
    const payload = [codes[claims.purpose], claims.subscriberId, claims.newsletterId ?? '', claims.nonce ?? '', claims.expires ?? ''].join('.');
    const body = Buffer.from(payload).toString('base64url');
    return `${body}.${this.mac(body)}`;
  }

  verify(token: unknown, purpose: LinkPurpose, now: Date): LinkClaims {
    const invalid = new AppError('LINK_INVALID', 'This link is damaged or was not made by this site. Please use the latest email we sent you.');
    if (typeof token !== 'string' || token.length > 500) throw invalid;
    const [body, mac, extra] = token.split('.');
    if (!body || !mac || extra !== undefined) throw invalid;
    const expected = Buffer.from(this.mac(body));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid;
    const [code, subscriber, newsletter, nonce, expires] = Buffer.from(body, 'base64url').toString().split('.');
    if (purposes[code ?? ''] !== purpose) throw invalid;
    const claims: LinkClaims = {
      purpose,
      subscriberId: Number(subscriber),
      ...(newsletter ? { newsletterId: Number(newsletter) } : {}),
      ...(nonce ? { nonce } : {}),
      ...(expires ? { expires: Number(expires) } : {}),
    };
    if (claims.expires !== undefined && claims.expires * 1000 < now.getTime()) {
      throw new AppError('LINK_EXPIRED', 'This link has expired. Subscribe again and we will send you a fresh one.');
    }
    return claims;
  }

  /** A key for another kind of signed link, derived from this secret, so the site keeps one secret for all of them. */
  derivedKey(label: string): Buffer {
    return createHmac('sha256', this.secret).update(`derived key: ${label}`).digest();
  }

  private mac(body: string): string {
    return createHmac('sha256', this.secret).update(body).digest('base64url').slice(0, 32);
  }
}
