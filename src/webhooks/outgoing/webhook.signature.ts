import { createHmac, randomBytes } from 'node:crypto';

/** A new signing secret; shown once, kept as it is so every delivery can be signed with it. */
export function newSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/** The X-Masthead-Signature value: the time and the HMAC-SHA256 of "time.body", in hex. */
export function signature(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}
