import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a click address names: the send, the link's number in it, and the recipient's delivery row. */
export interface ClickClaims {
  sendId: number;
  link: number;
  deliveryId: number;
}

const MAC_LENGTH = 22;
const CLICK = /^([1-9]\d{0,9})\.(0|[1-9]\d{0,5})\.([1-9]\d{0,11})\.([A-Za-z0-9_-]{22})$/;
const OPEN = /^([1-9]\d{0,9})\.([1-9]\d{0,11})\.([A-Za-z0-9_-]{22})$/;

/**
 * Signs the click and open addresses in newsletter emails: numbers only (no address in them), with
 * an HMAC-SHA256 (128 bits kept) over their kind and numbers. Anything else, changed or extra, fails.
 */
export class EngagementSigner {
  constructor(private readonly key: Buffer) {}

  click({ sendId, link, deliveryId }: ClickClaims): string {
    const body = `${sendId}.${link}.${deliveryId}`;
    return `${body}.${this.mac(`c.${body}`)}`;
  }

  open(sendId: number, deliveryId: number): string {
    const body = `${sendId}.${deliveryId}`;
    return `${body}.${this.mac(`o.${body}`)}`;
  }

  verifyClick(token: string): ClickClaims | undefined {
    const match = CLICK.exec(token);
    if (!match || !this.matches(`c.${match[1]}.${match[2]}.${match[3]}`, match[4]!)) return undefined;
    return { sendId: Number(match[1]), link: Number(match[2]), deliveryId: Number(match[3]) };
  }

  verifyOpen(token: string): { sendId: number; deliveryId: number } | undefined {
    const match = OPEN.exec(token);
    if (!match || !this.matches(`o.${match[1]}.${match[2]}`, match[3]!)) return undefined;
    return { sendId: Number(match[1]), deliveryId: Number(match[2]) };
  }

  private matches(body: string, mac: string): boolean {
    return timingSafeEqual(Buffer.from(this.mac(body)), Buffer.from(mac));
  }

  private mac(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url').slice(0, MAC_LENGTH);
  }
}
