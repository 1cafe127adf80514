import { csvRows } from '../csv.js';
import type { FulfilmentItem, PrintIssue } from './print.types.js';

export const CSV_HEADER = ['name', 'address_line_1', 'address_line_2', 'city', 'region', 'postcode', 'country_code', 'quantity', 'subscriber_id', 'issue'];

/** The frozen list in the column layout mailing houses take (RFC 4180, CRLF line ends, UTF-8). */
export function fulfilmentCsv(issue: PrintIssue, items: FulfilmentItem[]): string {
  const rows = items.map((item) => [item.name, item.line1, item.line2, item.city, item.region, item.postcode, item.country, item.quantity, item.memberId, issue.name]);
  return csvRows([CSV_HEADER, ...rows]);
}
