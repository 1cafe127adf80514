import { randomBytes } from 'node:crypto';
import { inTransaction, type Db } from '../db/client.js';
import { openSubscriberCsv } from './csv-layouts.js';
import * as rows from './import-rows.repository.js';
import { suppressedAmong } from './subscriber.repository.js';
import { emailAddress } from './subscriber.schema.js';
import type { ImportRejection, ImportReport, Newsletter } from './subscriber.types.js';

const BATCH = 500;
/** Rejected rows listed in a report; past these only their number is kept, so a file of bad rows cannot fill memory. */
export const REJECTIONS_LISTED = 1000;
/** Rows an import left behind when its process stopped are removed after this long. */
const STALE_AFTER_MS = 86_400_000;

/**
 * Lets the process answer other requests between batches of a long import: SQLite answers
 * synchronously, so without it the whole import would hold the event loop until it ends.
 */
const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface CsvImportOptions {
  /** Told after each batch is written: accepted rows written so far, of how many. */
  onProgress?: (done: number, total: number) => void;
  /** Told after each batch is read: rows and bytes of the file read so far. */
  onRead?: (read: { rows: number; bytes: number }) => void;
}

interface Run {
  db: Db;
  now: string;
  key: string;
  report: ImportReport;
}

/**
 * Imports confirmed subscribers from a subscriber CSV, read as it arrives and never held whole.
 * First every row is checked and held in the database a batch at a time (so repeats and
 * suppressed addresses are found without keeping the file in memory); then every acceptable row
 * is written in one transaction, so the import adds all of them or none.
 */
export async function importSubscriberCsv(db: Db, now: string, file: Uint8Array | AsyncIterable<Uint8Array>, newsletters: Newsletter[], options: CsvImportOptions): Promise<ImportReport> {
  let bytes = 0;
  async function* counted(source: Iterable<Uint8Array> | AsyncIterable<Uint8Array>) {
    for await (const piece of source) {
      bytes += piece.length;
      yield piece;
    }
  }
  const { layout, rows: records } = await openSubscriberCsv(counted(file instanceof Uint8Array ? [file] : file));
  const run: Run = { db, now, key: randomBytes(12).toString('base64url'), report: { layout, rows: 0, added: 0, updated: 0, rejected: [], rejectedTotal: 0 } };
  await rows.dropStaleImportRows(db, new Date(Date.parse(now) - STALE_AFTER_MS).toISOString());
  try {
    let batch: rows.ImportRow[] = [];
    let rejected: ImportRejection[] = [];
    let kept = 0;
    const flush = async () => {
      kept += await holdBatch(run, batch, rejected);
      batch = [];
      rejected = [];
      options.onRead?.({ rows: run.report.rows, bytes });
      await pause();
    };
    for await (const row of records) {
      run.report.rows += 1;
      const email = emailAddress.safeParse(row.email);
      const name = row.name
        .replace(/[\u0000-\u001f\u007f]/g, ' ')
        .trim()
        .slice(0, 120);
      if (!email.success) rejected.push({ line: row.line, email: row.email.slice(0, 254), reason: row.email ? 'not a valid email address' : 'no email address' });
      else if (row.excluded) rejected.push({ line: row.line, email: email.data, reason: row.excluded });
      else batch.push({ line: row.line, email: email.data, name });
      if (batch.length >= BATCH || rejected.length >= BATCH) await flush();
    }
    await flush();
    Object.assign(run.report, await writeHeld(run, newsletters, kept, options.onProgress));
    return run.report;
  } catch (error) {
    // Inside a caller's transaction, its rollback removes the rows (and the transaction may no longer take statements).
    if (!db.isTransaction) await rows.dropImportRows(db, run.key);
    throw error;
  }
}

/** Holds a batch of readable rows, rejecting repeats of an address and suppressed addresses; returns how many may be written. */
async function holdBatch(run: Run, batch: rows.ImportRow[], rejected: ImportRejection[]): Promise<number> {
  const kept = await inTransaction(run.db, async (tx) => {
    const held = await rows.holdImportRows(tx, run.key, batch, run.now);
    const firsts = batch.filter((r) => held.get(r.email) === r.line);
    for (const r of batch) if (held.get(r.email) !== r.line) rejected.push({ line: r.line, email: r.email, reason: `the same address as line ${held.get(r.email)}` });
    const suppressed = await suppressedAmong(
      tx,
      firsts.map((r) => r.email),
    );
    await rows.leaveOutImportRows(tx, run.key, [...suppressed.keys()]);
    for (const [email, reason] of suppressed) rejected.push({ line: held.get(email)!, email, reason: `on the suppression list (${reason})` });
    return firsts.length - suppressed.size;
  });
  rejected.sort((a, b) => a.line - b.line);
  run.report.rejectedTotal += rejected.length;
  run.report.rejected.push(...rejected.slice(0, Math.max(0, REJECTIONS_LISTED - run.report.rejected.length)));
  return kept;
}

/** Writes every held row that may be imported, in one transaction, then lets the held rows go. */
async function writeHeld(run: Run, newsletters: Newsletter[], total: number, onProgress?: (done: number, total: number) => void): Promise<{ added: number; updated: number }> {
  const ids = newsletters.map((n) => n.id);
  return inTransaction(run.db, async (tx) => {
    await rows.lookUpAddressesByUniqueIndex(tx);
    let added = 0;
    let done = 0;
    for (let after = 0; ; ) {
      const batch = await rows.keptImportRowsAfter(tx, run.key, after, BATCH);
      if (batch.length === 0) break;
      added += await rows.writeImportBatch(tx, batch, ids, `import:${run.report.layout}`, run.now);
      done += batch.length;
      after = batch[batch.length - 1]!.line;
      onProgress?.(done, total);
      await pause();
    }
    await rows.dropImportRows(tx, run.key);
    return { added, updated: done - added };
  });
}
