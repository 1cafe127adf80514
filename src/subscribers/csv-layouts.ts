import { Readable, pipeline } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
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

/**
 * Passes the bytes on as they come, refusing UTF-16 (by its byte order mark), bytes that are not
 * UTF-8 and an empty file. Only this check decodes; the CSV parser reads the same bytes.
 */
async function* utf8Checked(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let head = Buffer.alloc(0);
  const check = (bytes: Uint8Array, final: boolean) => {
    try {
      decoder.decode(bytes, { stream: !final });
    } catch {
      throw new AppError('CSV_INVALID', 'The file is not UTF-8 text (perhaps Latin-1 or a spreadsheet); save it as UTF-8 CSV and try again.');
    }
  };
  for await (const piece of source) {
    if (head.length < 2) {
      head = Buffer.concat([head, piece]);
      if (head.length < 2) continue;
      if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
        throw new AppError('CSV_INVALID', 'The file is UTF-16; save it as UTF-8 CSV and try again.');
      }
      check(head, false);
      yield head;
      continue;
    }
    check(piece, false);
    yield piece;
  }
  if (head.length === 0) throw new AppError('CSV_INVALID', 'The file is empty.');
  if (head.length === 1) {
    check(head, false);
    yield head;
  }
  check(new Uint8Array(0), true);
}

/** A subscriber CSV being read: the layout its header row names, then its rows as they arrive. */
export interface SubscriberCsv {
  layout: string;
  rows: AsyncIterable<CsvSubscriber>;
}

interface Parsed {
  record: string[];
  info: { lines: number };
}

/**
 * Opens a subscriber CSV (Substack, Mailchimp or Ghost export, or any file with an email column)
 * read as a stream: the header row is checked as soon as it arrives, and rows are parsed piece by
 * piece, so a large file is never held or parsed whole.
 */
export async function openSubscriberCsv(source: Uint8Array | AsyncIterable<Uint8Array>): Promise<SubscriberCsv> {
  const parser = parse({ bom: true, skip_empty_lines: true, relax_column_count: true, trim: true, max_record_size: 64 * 1024, info: true });
  // Errors of the source (too large, not UTF-8) reach the reader through the parser.
  pipeline(Readable.from(utf8Checked(source instanceof Uint8Array ? [source] : source)), parser, () => {});
  const records = parser[Symbol.asyncIterator]() as AsyncIterator<Parsed>;
  const header = await nextRecord(records);
  if (!header) throw new AppError('CSV_INVALID', 'The file is empty.');
  const columns = header.record.map((c) => c.toLowerCase());
  const layout = layouts.find((l) => l.signature.every((c) => columns.includes(c)));
  if (!layout) {
    parser.destroy();
    throw new AppError('CSV_INVALID', `No email column found (columns: ${header.record.slice(0, 12).join(', ') || 'none'}). Expected a Substack, Mailchimp or Ghost export, or a CSV with an "email" column.`);
  }
  return { layout: layout.name, rows: rowsOf(records, columns, layout) };
}

async function* rowsOf(records: AsyncIterator<Parsed>, columns: string[], layout: Layout): AsyncGenerator<CsvSubscriber> {
  for (let next = await nextRecord(records); next; next = await nextRecord(records)) {
    const { record, info } = next;
    yield { line: info.lines, ...layout.read(Object.fromEntries(columns.map((c, i) => [c, record[i] ?? '']))) };
  }
}

async function nextRecord(records: AsyncIterator<Parsed>): Promise<Parsed | undefined> {
  try {
    const next = await records.next();
    return next.done ? undefined : next.value;
  } catch (error) {
    if (error instanceof CsvError) throw new AppError('CSV_INVALID', `The file is not valid CSV: ${error.message}`);
    throw error;
  }
}
