import type { FulfilmentItem, PrintIssue } from './print.types.js';

export const CSV_HEADER = ['name', 'address_line_1', 'address_line_2', 'city', 'region', 'postcode', 'country_code', 'quantity', 'subscriber_id', 'issue'];

/** One CSV field: quoted when needed, and defused when a spreadsheet would read it as a formula. */
function field(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The frozen list in the column layout mailing houses take (RFC 4180, CRLF line ends, UTF-8). */
export function fulfilmentCsv(issue: PrintIssue, items: FulfilmentItem[]): string {
  const rows = items.map((item) =>
    [item.name, item.line1, item.line2, item.city, item.region, item.postcode, item.country, item.quantity, item.memberId, issue.name].map(field).join(','),
  );
  return [CSV_HEADER.join(','), ...rows].join('\r\n') + '\r\n';
}
