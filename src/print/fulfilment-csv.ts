import { csvRows } from '../csv.js';
import type { FulfilmentItem, PrintIssue } from './print.types.js';

export const CSV_HEADER = ['name', 'address_line_1', 'address_line_2', 'city', 'region', 'postcode', 'country_code', 'quantity', 'subscriber_id', 'issue'];

/**
 * The frozen list in the column layout mailing houses take (RFC 4180, CRLF line ends, UTF-8): the
 * header, then each page of lines as it is read, so a list of any length is never held whole.
 */
export async function* fulfilmentCsv(issue: PrintIssue, pages: AsyncIterable<FulfilmentItem[]>): AsyncGenerator<string> {
  yield csvRows([CSV_HEADER]);
  for await (const items of pages) {
    yield csvRows(items.map((item) => [item.name, item.line1, item.line2, item.city, item.region, item.postcode, item.country, item.quantity, item.memberId, issue.name]));
  }
}
