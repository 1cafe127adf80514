import { createRequire } from 'node:module';
import type { stringify as Stringify } from 'csv-stringify/sync';

// The writer loads with the first export.
let stringify: typeof Stringify | undefined;

export type CsvValue = string | number | null;

/**
 * Rows as CSV for every export (RFC 4180: CRLF line ends, fields quoted where needed, UTF-8), through
 * one writer. A text field that a spreadsheet would run as a formula (starting with = + - @, a tab
 * or carriage return, or their full-width forms) is prefixed with ' so it shows as written.
 */
export function csvRows(rows: CsvValue[][]): string {
  stringify ??= (createRequire(import.meta.url)('csv-stringify/sync') as { stringify: typeof Stringify }).stringify;
  return stringify(rows, { escape_formulas: true, record_delimiter: 'windows' });
}
