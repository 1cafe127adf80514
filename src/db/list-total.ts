import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import { onPostgres } from './client.js';

/** Lists count their matches exactly up to this many; past it a costly count is estimated. */
export const EXACT_TOTAL_UP_TO = 10_000;

export interface ListTotal {
  total: number;
  /** True when `total` is an estimate of a count above EXACT_TOTAL_UP_TO, not a count. */
  estimated: boolean;
}

/**
 * Where a list's filter makes a full count costly on SQLite (a text search, a join): the listed
 * table, and the column that orders the matches newest first.
 */
export interface CostlyFilter {
  table: 'subscribers' | 'members';
  order: string;
}

/**
 * How many rows `matches` (a filtered select of the list, without order or paging) finds, without
 * reading every row of a large table on each page: an exact count of at most
 * EXACT_TOTAL_UP_TO + 1 rows; past that an estimate, labelled as such. PostgreSQL estimates with
 * the query planner's row count (kept by ANALYZE, never below the exact part). SQLite, given a
 * costly filter, estimates from the matches' density among the newest rows (the first
 * EXACT_TOTAL_UP_TO + 1 matches and how many rows they span) scaled to the table; otherwise it
 * counts in full, which it does from an index.
 */
export async function listTotal(db: Kysely<any>, matches: SelectQueryBuilder<any, any, any>, costly?: CostlyFilter): Promise<ListTotal> {
  const postgres = onPostgres(db);
  const sampled = !postgres && costly !== undefined;
  const rows = sampled ? matches.select(sql.ref(costly.order).as('id')).orderBy(sql.ref(costly.order), 'desc') : matches.select(sql.lit(1).as('id'));
  const bounded = await db
    .selectFrom(rows.limit(EXACT_TOTAL_UP_TO + 1).as('bounded'))
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min<number>('id').as('edge')])
    .executeTakeFirstOrThrow();
  if (Number(bounded.n) <= EXACT_TOTAL_UP_TO) return { total: Number(bounded.n), estimated: false };
  if (sampled) {
    const span = await db
      .selectFrom(costly.table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('id', '>=', bounded.edge)
      .executeTakeFirstOrThrow();
    const all = await db
      .selectFrom(costly.table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const estimate = Math.round(((EXACT_TOTAL_UP_TO + 1) * Number(all.n)) / Math.max(1, Number(span.n)));
    return { total: Math.max(estimate, EXACT_TOTAL_UP_TO + 1), estimated: true };
  }
  if (!postgres) {
    // A plain count(*) of the filtered query, which SQLite answers from its smallest index.
    const all = await matches.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return { total: Number(all.n), estimated: false };
  }
  const plan = await sql<{ 'QUERY PLAN': Array<{ Plan: { 'Plan Rows': number } }> }>`explain (format json) ${matches.select(sql.lit(1).as('one'))}`.execute(db);
  const estimate = Math.round(plan.rows[0]!['QUERY PLAN'][0]!.Plan['Plan Rows']);
  return { total: Math.max(estimate, EXACT_TOTAL_UP_TO + 1), estimated: true };
}
