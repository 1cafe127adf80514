import { sql } from 'kysely';
import type { DbOrTx } from '../db/client.js';

export interface Tip {
  id: number;
  memberId: number | null;
  email: string;
  amount: number;
  currency: string;
  createdAt: string;
}

/** Records a paid tip; false when that Stripe session was recorded before. */
export async function insertTip(db: DbOrTx, tip: Omit<Tip, 'id' | 'createdAt'> & { sessionId: string }, now: string): Promise<boolean> {
  const result = await db
    .insertInto('tips')
    .values({ stripe_session_id: tip.sessionId, member_id: tip.memberId, email: tip.email, amount: tip.amount, currency: tip.currency, created_at: now })
    .onConflict((oc) => oc.column('stripe_session_id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/** The newest tips first. */
export async function latestTips(db: DbOrTx, limit: number): Promise<Tip[]> {
  return db.selectFrom('tips').select(['id', 'member_id as memberId', 'email', 'amount', 'currency', 'created_at as createdAt']).orderBy('id', 'desc').limit(limit).execute();
}

/** Count and sum of tips per currency, and per month (YYYY-MM, UTC) since `since`. */
export async function tipTotals(db: DbOrTx, since: string) {
  const month = sql<string>`substr(created_at, 1, 7)`;
  const [totals, months] = await Promise.all([
    db
      .selectFrom('tips')
      .select((eb) => ['currency', eb.fn.countAll<number>().as('count'), eb.fn.sum<number>('amount').as('amount')])
      .groupBy('currency')
      .orderBy('currency')
      .execute(),
    db
      .selectFrom('tips')
      .select((eb) => [month.as('month'), 'currency', eb.fn.countAll<number>().as('count'), eb.fn.sum<number>('amount').as('amount')])
      .where('created_at', '>=', since)
      .groupBy([month, 'currency'])
      .orderBy(month)
      .execute(),
  ]);
  const numbers = <R extends { count: number; amount: number }>(row: R) => ({ ...row, count: Number(row.count), amount: Number(row.amount) });
  return { totals: totals.map(numbers), byMonth: months.map(numbers) };
}
