import { hkdfSync, timingSafeEqual } from 'node:crypto';

/** What a click address names: the send, the link's number in it, and the recipient's delivery row. */
export interface ClickClaims {
  sendId: number;
  link: number;
  deliveryId: number;
}

/** Bytes of each tag (128 bits), written as 22 base64url characters. */
const TAG = 16;
const CLICK = /^([1-9]\d{0,9})\.(0|[1-9]\d{0,5})\.([1-9]\d{0,11})\.([A-Za-z0-9_-]{22})$/;
const OPEN = /^([1-9]\d{0,9})\.([1-9]\d{0,11})\.([A-Za-z0-9_-]{22})$/;
/** HKDF-SHA-256 gives at most 255 × 32 bytes: tags for this many links. */
const MAX_LINKS = Math.floor((255 * 32) / TAG);

/** Compares the tags as written: decoding would ignore the unused low bits of the last character, so two spellings would pass. */
function same(expected: Buffer, given: string): boolean {
  return timingSafeEqual(Buffer.from(expected.toString('base64url')), Buffer.from(given));
}

/**
 * Signs the click and open addresses in newsletter emails: numbers only (no address in them) and a
 * tag. The tags of one recipient's links are the consecutive 16-byte pieces of one HKDF-SHA-256
 * output (RFC 5869: HMAC-SHA-256 under the key) for the send and delivery, so a message with many
 * links costs one derivation, not an HMAC per link; a tag checks only for its own send, link and
 * delivery. Anything changed or extra fails.
 */
export class EngagementSigner {
  constructor(private readonly key: Buffer) {}

  /** The tokens of a recipient's click addresses for links 0 to count - 1. */
  clicks(sendId: number, deliveryId: number, count: number): string[] {
    if (count === 0) return [];
    const tags = this.tags(`click ${sendId}.${deliveryId}`, count);
    return Array.from({ length: count }, (_, link) => `${sendId}.${link}.${deliveryId}.${tags.toString('base64url', link * TAG, (link + 1) * TAG)}`);
  }

  click({ sendId, link, deliveryId }: ClickClaims): string {
    return `${sendId}.${link}.${deliveryId}.${this.tags(`click ${sendId}.${deliveryId}`, link + 1).toString('base64url', link * TAG)}`;
  }

  open(sendId: number, deliveryId: number): string {
    return `${sendId}.${deliveryId}.${this.tags(`open ${sendId}.${deliveryId}`, 1).toString('base64url')}`;
  }

  verifyClick(token: string): ClickClaims | undefined {
    const match = CLICK.exec(token);
    if (!match) return undefined;
    const claims = { sendId: Number(match[1]), link: Number(match[2]), deliveryId: Number(match[3]) };
    if (claims.link >= MAX_LINKS) return undefined;
    const expected = this.tags(`click ${claims.sendId}.${claims.deliveryId}`, claims.link + 1).subarray(claims.link * TAG);
    return same(expected, match[4]!) ? claims : undefined;
  }

  verifyOpen(token: string): { sendId: number; deliveryId: number } | undefined {
    const match = OPEN.exec(token);
    if (!match) return undefined;
    return same(this.tags(`open ${match[1]}.${match[2]}`, 1), match[3]!) ? { sendId: Number(match[1]), deliveryId: Number(match[2]) } : undefined;
  }

  private tags(info: string, count: number): Buffer {
    return Buffer.from(hkdfSync('sha256', this.key, '', `newsletter ${info}`, count * TAG));
  }
}
