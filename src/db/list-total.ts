import { PostgresAdapter, sql, type Kysely, type SelectQueryBuilder } from 'kysely';

/** Lists count their matches exactly up to this many; past it PostgreSQL answers with an estimate. */
export const EXACT_TOTAL_UP_TO = 10_000;

export interface ListTotal {
  total: number;
  /** True when `total` is the planner's estimate of a count above EXACT_TOTAL_UP_TO, not a count. */
  estimated: boolean;
}

/**
 * How many rows `matches` (a filtered select of the list, without order or paging) finds, without
 * reading every row of a large table on each page: an exact count of at most
 * EXACT_TOTAL_UP_TO + 1 rows; past that, on PostgreSQL, the query planner's row estimate (kept
 * by ANALYZE, never below the exact part), labelled as such. SQLite counts in full, which it does
 * from an index.
 */
export async function listTotal(db: Kysely<any>, matches: SelectQueryBuilder<any, any, any>): Promise<ListTotal> {
  const rows = matches.select(sql.lit(1).as('one'));
  const bounded = await db
    .selectFrom(rows.limit(EXACT_TOTAL_UP_TO + 1).as('bounded'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(bounded.n) <= EXACT_TOTAL_UP_TO) return { total: Number(bounded.n), estimated: false };
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) {
    // A plain count(*) of the filtered query, which SQLite answers from its smallest index.
    const all = await matches.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return { total: Number(all.n), estimated: false };
  }
  const plan = await sql<{ 'QUERY PLAN': Array<{ Plan: { 'Plan Rows': number } }> }>`explain (format json) ${rows}`.execute(db);
  const estimate = Math.round(plan.rows[0]!['QUERY PLAN'][0]!.Plan['Plan Rows']);
  return { total: Math.max(estimate, EXACT_TOTAL_UP_TO + 1), estimated: true };
}
