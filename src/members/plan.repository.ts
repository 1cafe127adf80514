import type { DbOrTx } from '../db/client.js';
import type { PlanRow } from '../db/tables.js';
import type { Plan, PlanTier } from './member.types.js';
import { currencyDigits, isCurrency } from './money.js';

export function toPlan(row: PlanRow): Plan {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    tier: row.tier as PlanTier,
    currency: row.currency,
    currencyDigits: isCurrency(row.currency) ? currencyDigits(row.currency) : 2,
    monthlyCents: row.monthly_cents,
    yearlyCents: row.yearly_cents,
    giftCents: row.gift_cents,
    issuesPerYear: row.issues_per_year,
    trialDays: row.trial_days,
    active: row.active === 1,
    position: row.position,
  };
}

export type PlanValues = Omit<Plan, 'id' | 'currencyDigits'>;

function toRow(plan: PlanValues) {
  return {
    slug: plan.slug,
    name: plan.name,
    description: plan.description,
    tier: plan.tier,
    currency: plan.currency,
    monthly_cents: plan.monthlyCents,
    yearly_cents: plan.yearlyCents,
    gift_cents: plan.giftCents,
    issues_per_year: plan.issuesPerYear,
    trial_days: plan.trialDays,
    active: plan.active ? 1 : 0,
    position: plan.position,
  };
}

export async function insertPlan(db: DbOrTx, plan: PlanValues, now: string): Promise<Plan> {
  const row = await db
    .insertInto('plans')
    .values({ ...toRow(plan), created_at: now, updated_at: now })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toPlan(row);
}

export async function updatePlanRow(db: DbOrTx, id: number, plan: PlanValues, now: string): Promise<Plan | undefined> {
  const row = await db
    .updateTable('plans')
    .set({ ...toRow(plan), updated_at: now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row && toPlan(row);
}

export async function findPlan(db: DbOrTx, by: { id: number } | { slug: string }): Promise<Plan | undefined> {
  const query = db.selectFrom('plans').selectAll();
  const row = await ('id' in by ? query.where('id', '=', by.id) : query.where('slug', '=', by.slug)).executeTakeFirst();
  return row && toPlan(row);
}

export async function listPlans(db: DbOrTx, onlyActive: boolean): Promise<Plan[]> {
  let query = db.selectFrom('plans').selectAll().orderBy('position').orderBy('id');
  if (onlyActive) query = query.where('active', '=', 1);
  return (await query.execute()).map(toPlan);
}

export async function deletePlanRow(db: DbOrTx, id: number): Promise<boolean> {
  const result = await db.deleteFrom('plans').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function planInUse(db: DbOrTx, id: number): Promise<boolean> {
  const used = await db.selectFrom('subscriptions').select('id').where('plan_id', '=', id).limit(1).executeTakeFirst();
  const started = await db.selectFrom('checkouts').select('id').where('plan_id', '=', id).limit(1).executeTakeFirst();
  return used !== undefined || started !== undefined;
}
