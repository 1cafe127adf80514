import { z } from 'zod';
import { isoDateTime } from '../content/text.js';
import type { DbOrTx } from '../db/client.js';
import { MAX_STORED_INTEGER } from '../db/ids.js';
import { AppError } from '../errors/app-error.js';
import { isCurrency } from './money.js';
import { insertTip } from './tip.repository.js';

/**
 * A paid tip in a site document: the member who gave it by email (null when given without an
 * account, or by a member since erased), the email Stripe collected, the amount in the currency's
 * minor units, and its Stripe checkout session kept as a reference.
 */
export const portableTip = z
  .object({
    stripeSessionId: z.string().min(1).max(255),
    member: z.string().email().max(254).nullable(),
    email: z.string().email().max(254),
    amount: z.number().int().min(1).max(MAX_STORED_INTEGER),
    currency: z
      .string()
      .regex(/^[a-z]{3}$/, 'must be a currency code in small letters')
      .refine(isCurrency, 'is not a currency Stripe charges in'),
    createdAt: isoDateTime,
  })
  .strict();

export type PortableTip = z.infer<typeof portableTip>;

/** Every tip, a page at a time, oldest first. */
export async function* exportTips(db: DbOrTx): AsyncGenerator<PortableTip> {
  for (let after = 0; ; ) {
    const rows = await db
      .selectFrom('tips as t')
      .leftJoin('members as m', 'm.id', 't.member_id')
      .select(['t.id', 't.stripe_session_id', 'm.email as member', 't.email', 't.amount', 't.currency', 't.created_at'])
      .where('t.id', '>', after)
      .orderBy('t.id')
      .limit(1000)
      .execute();
    if (rows.length === 0) return;
    for (const row of rows) yield { stripeSessionId: row.stripe_session_id, member: row.member, email: row.email, amount: row.amount, currency: row.currency, createdAt: row.created_at };
    after = rows[rows.length - 1]!.id;
  }
}

/** Restores tips into a site being imported (the caller's transaction), after its members; nothing is sent. */
export async function restoreTips(db: DbOrTx, tips: PortableTip[], first: number): Promise<void> {
  for (const [i, tip] of tips.entries()) {
    const fail = (what: string) => new AppError('IMPORT_INVALID', `tips.${first + i}: ${what}`);
    const member = tip.member === null ? undefined : await db.selectFrom('members').select('id').where('email', '=', tip.member.toLowerCase()).executeTakeFirst();
    if (tip.member !== null && !member) throw fail('the document has no such member');
    const fresh = await insertTip(db, { sessionId: tip.stripeSessionId, memberId: member?.id ?? null, email: tip.email, amount: tip.amount, currency: tip.currency }, tip.createdAt);
    if (!fresh) throw fail('another tip in the document has the same Stripe session');
  }
}
