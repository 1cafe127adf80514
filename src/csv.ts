import { stringify } from 'csv-stringify/sync';

export type CsvValue = string | number | null;

/**
 * Rows as CSV for every export (RFC 4180: CRLF line ends, fields quoted where needed, UTF-8), through
 * one writer. A text field that a spreadsheet would run as a formula (starting with = + - @, a tab
 * or carriage return, or their full-width forms) is prefixed with ' so it shows as written.
 */
export function csvRows(rows: CsvValue[][]): string {
  return stringify(rows, { escape_formulas: true, record_delimiter: 'windows' });
}
