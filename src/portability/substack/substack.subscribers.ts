import { parse } from 'csv-parse/sync';
import { isAppError, AppError } from '../../errors/app-error.js';
import type { Tx } from '../../db/client.js';
import { EventChannel } from '../../events.js';
import type { Services } from '../../services.js';
import { SubscriberService } from '../../subscribers/index.js';
import type { ImportProgress, ImportReport } from '../import-report.js';

/**
 * Brings the export's subscriber lists in through the site's subscriber import, inside the
 * import's transaction (so a failure or a dry run keeps none). Paying subscribers come in as
 * subscribers like the others; their subscriptions stay with Stripe, so the report counts them.
 */
export async function importEmailLists(services: Services, tx: Tx, lists: Map<string, Buffer>, report: ImportReport, onProgress?: ImportProgress): Promise<void> {
  // Imported subscribers were confirmed elsewhere: like every subscriber import, they are not announced as new signups.
  const subscribers = new SubscriberService({ db: tx, clock: services.clock, jobs: services.jobs, events: new EventChannel() });
  for (const [name, data] of lists) {
    let result;
    try {
      result = await subscribers.importCsv(data, { onProgress: (done, total) => onProgress?.('Importing subscribers', done, total) });
    } catch (error) {
      if (!isAppError(error) || error.code !== 'CSV_INVALID') throw error;
      throw new AppError('IMPORT_FILE_UNREADABLE', `The subscriber list ${name} in the export cannot be read: ${error.message}`);
    }
    const verb = report.dryRun ? { added: 'to add', updated: 'already here' } : { added: 'added', updated: 'already here' };
    report.fact(`subscribers (${name}): ${result.added} ${verb.added}, ${result.updated} ${verb.updated}, ${result.rejectedTotal} not taken`);
    for (const r of result.rejected) report.note('skipped', `subscriber ${r.email || '(no address)'} (${name}, line ${r.line})`, r.reason);
    const unlisted = result.rejectedTotal - result.rejected.length;
    if (unlisted > 0) report.fact(`subscribers not taken (${name}): the first ${result.rejected.length} are listed; ${unlisted} more are left out`);
    const paid = paidSubscribers(data);
    if (paid > 0) {
      report.fact(
        `paying subscribers (${name}): ${paid} pay on Substack and are free subscribers here; paid subscriptions stay in Stripe and cannot move by file: connect the same Stripe account, then invite them to subscribe here`,
      );
    }
  }
}

/** Rows whose subscription is active: the people who pay on Substack. */
function paidSubscribers(data: Buffer): number {
  const records: string[][] = parse(data, { bom: true, skip_empty_lines: true, relax_column_count: true });
  const columns = (records[0] ?? []).map((c) => c.trim().toLowerCase());
  const active = columns.indexOf('active_subscription');
  if (active === -1) return 0;
  return records.slice(1).filter((r) => /^(true|t|1|yes)$/i.test((r[active] ?? '').trim())).length;
}
