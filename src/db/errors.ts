/** True when a write failed on a UNIQUE constraint, on either database. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}

/**
 * True when a write failed on a UNIQUE constraint over `table.column` (SQLite names it in its
 * message, PostgreSQL in the error's detail), not on some other unique index the write touched.
 */
export function isUniqueViolationOf(error: unknown, table: string, column: string): boolean {
  if (!isUniqueViolation(error)) return false;
  const { message, detail, table: pgTable } = error as { message?: unknown; detail?: unknown; table?: unknown };
  if (typeof detail === 'string') return pgTable === table && detail.startsWith(`Key (${column})=`);
  return (
    typeof message === 'string' &&
    message
      .split(/constraint failed: /i)[1]
      ?.split(', ')
      .includes(`${table}.${column}`) === true
  );
}

/** True when a write failed on a FOREIGN KEY constraint (the row it points to went away), on either database. */
export function isForeignKeyViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || code === '23503';
}
