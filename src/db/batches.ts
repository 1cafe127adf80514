/**
 * Bound parameters one statement may carry: SQLite refuses more than 32,766 and PostgreSQL more
 * than 65,535, so a multi-row insert or a long `in (…)` list is cut to stay under both.
 */
export const PARAMETERS_PER_STATEMENT = 30_000;

/** `items` in runs that fit one statement when each item binds `parametersEach` parameters. */
export function* statementBatches<T>(items: readonly T[], parametersEach: number): Generator<T[]> {
  const size = Math.max(1, Math.floor(PARAMETERS_PER_STATEMENT / parametersEach));
  for (let from = 0; from < items.length; from += size) yield items.slice(from, from + size);
}
