import type { Clock } from '../clock.js';
import { slugify } from '../content/index.js';
import type { Db } from '../db/client.js';
import { AppError } from '../errors/app-error.js';
import { parseInput } from '../errors/validate.js';
import type { Plan } from './member.types.js';
import { deletePlanRow, findPlan, insertPlan, listPlans, planInUse, updatePlanRow, type PlanValues } from './plan.repository.js';
import { currencyCode, priceIn } from './money.js';
import { planInput } from './plan.schema.js';
import { withUniqueSlug } from './unique-slug.js';

/** Membership plans (free, digital, print + digital) and their prices; edited in the admin. */
export class PlanService {
  constructor(private readonly deps: { db: Db; clock: Clock }) {}

  list(options: { onlyActive?: boolean } = {}): Promise<Plan[]> {
    return listPlans(this.deps.db, options.onlyActive ?? false);
  }

  async get(by: { id: number } | { slug: string }): Promise<Plan> {
    const plan = await findPlan(this.deps.db, by);
    if (!plan) throw new AppError('PLAN_NOT_FOUND');
    return plan;
  }

  async create(input: unknown): Promise<Plan> {
    const values = planValues(input);
    return withUniqueSlug('plan', () => insertPlan(this.deps.db, values, this.deps.clock().toISOString()));
  }

  async update(id: number, input: unknown): Promise<Plan> {
    const values = planValues(input);
    const updated = await withUniqueSlug('plan', () => updatePlanRow(this.deps.db, id, values, this.deps.clock().toISOString()));
    if (!updated) throw new AppError('PLAN_NOT_FOUND');
    return updated;
  }

  async remove(id: number): Promise<void> {
    await this.get({ id });
    if (await planInUse(this.deps.db, id)) throw new AppError('PLAN_IN_USE');
    await deletePlanRow(this.deps.db, id);
  }
}

/** A plan's stored values from admin or import input: currency checked, prices in minor units. */
export function planValues(input: unknown): PlanValues {
  const parsed = parseInput(planInput, input);
  const currency = currencyCode(parsed.currency);
  const price = (field: 'monthlyCents' | 'yearlyCents' | 'giftCents') => {
    const value = parsed[field];
    return value === null ? null : priceIn(value, currency, field);
  };
  return {
    ...parsed,
    currency,
    monthlyCents: price('monthlyCents'),
    yearlyCents: price('yearlyCents'),
    giftCents: price('giftCents'),
    slug: parsed.slug ?? slugify(parsed.name),
  };
}
