import { parse } from 'csv-parse/sync';
import { AppError } from '../errors/app-error.js';

/** One row of a subscriber CSV, read in the terms of its source platform. */
export interface CsvSubscriber {
  line: number;
  email: string;
  name: string;
  /** Set when the source says this person must not be emailed. */
  excluded?: string;
}

interface Layout {
  name: string;
  /** Matches when every one of these (lower-cased) columns is present. */
  signature: string[];
  read(row: Record<string, string>): Omit<CsvSubscriber, 'line'>;
}

const truthy = (v: string | undefined) => /^(true|yes|1)$/i.test((v ?? '').trim());
const falsy = (v: string | undefined) => /^(false|no|0)$/i.test((v ?? '').trim());

/** Column layouts of the exports of the platforms magazines move from; the first that matches wins. */
const layouts: Layout[] = [
  {
    name: 'Ghost',
    signature: ['email', 'subscribed_to_emails'],
    read: (r) => ({
      email: r.email ?? '',
      name: r.name ?? '',
      ...(falsy(r.subscribed_to_emails) ? { excluded: 'not subscribed to emails in the Ghost export' } : {}),
    }),
  },
  {
    name: 'Substack',
    signature: ['email', 'active_subscription'],
    read: (r) => ({
      email: r.email ?? '',
      name: r.name ?? '',
      ...(truthy(r.email_disabled) ? { excluded: 'email disabled in the Substack export' } : {}),
    }),
  },
  {
    name: 'Mailchimp',
    signature: ['email address'],
    read: (r) => ({ email: r['email address'] ?? '', name: [r['first name'], r['last name']].filter(Boolean).join(' ').trim() }),
  },
  {
    name: 'CSV',
    signature: ['email'],
    read: (r) => ({
      email: r.email ?? '',
      name: r.name ?? '',
      // Masthead's own export says who left; they stay gone.
      ...(/^(unsubscribed|bounced|complained)$/.test(r.status ?? '') ? { excluded: `${r.status} in the file` } : {}),
    }),
  },
];

function decode(file: Buffer): string {
  if (file.length === 0) throw new AppError('CSV_INVALID', 'The file is empty.');
  if ((file[0] === 0xff && file[1] === 0xfe) || (file[0] === 0xfe && file[1] === 0xff)) {
    throw new AppError('CSV_INVALID', 'The file is UTF-16; save it as UTF-8 CSV and try again.');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(file);
  } catch {
    throw new AppError('CSV_INVALID', 'The file is not UTF-8 text (perhaps Latin-1 or a spreadsheet); save it as UTF-8 CSV and try again.');
  }
}

/** Reads a subscriber CSV, recognising Substack, Mailchimp and Ghost exports (or any file with an email column). */
export function readSubscriberCsv(file: Buffer): { layout: string; rows: CsvSubscriber[] } {
  const text = decode(file);
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true, max_record_size: 64 * 1024, info: true }) as unknown as typeof records;
  } catch (error) {
    throw new AppError('CSV_INVALID', `The file is not valid CSV: ${(error as Error).message}`);
  }
  const [header, ...rows] = records;
  if (!header) throw new AppError('CSV_INVALID', 'The file is empty.');
  const columns = header.record.map((c) => c.toLowerCase());
  const layout = layouts.find((l) => l.signature.every((c) => columns.includes(c)));
  if (!layout) {
    throw new AppError(
      'CSV_INVALID',
      `No email column found (columns: ${header.record.slice(0, 12).join(', ') || 'none'}). Expected a Substack, Mailchimp or Ghost export, or a CSV with an "email" column.`,
    );
  }
  return {
    layout: layout.name,
    rows: rows.map(({ record, info }) => ({
      line: info.lines,
      ...layout.read(Object.fromEntries(columns.map((c, i) => [c, record[i] ?? '']))),
    })),
  };
}
