import { ContentEvents, PostService, TaxonomyService } from '../content/index.js';
import type { Tx } from '../db/client.js';
import type { Services } from '../services.js';
import type { ImportProgress, ImportReport } from './import-report.js';

/** What every import from another platform takes. */
export interface PlatformImportOptions {
  /** Do everything but keep nothing: the report says what would happen. */
  dryRun?: boolean;
  /** Bring items imported before up to date with the file (otherwise they are left as they are). */
  update?: boolean;
  onProgress?: ImportProgress;
}

/** Thrown inside the transaction of a dry run to undo it. */
class DryRunDone extends Error {}

/**
 * Runs the writes of an import from another platform in one transaction: all of it lands or none
 * does, and a dry run does everything and then rolls back. Image files made for the run are the
 * caller's to remove when this throws (or in a dry run).
 */
export async function writeInOneTransaction(services: Services, report: ImportReport, write: (tx: Tx) => Promise<void>): Promise<void> {
  try {
    await services.store.db.transaction().execute(async (tx) => {
      await write(tx);
      if (report.dryRun) throw new DryRunDone();
    });
  } catch (error) {
    if (!(error instanceof DryRunDone)) throw error;
  }
}

/** Content services bound to an import's transaction, announcing nothing until the import ends. */
export function contentServicesIn(tx: Tx, services: Pick<Services, 'jobs' | 'clock'>): { posts: PostService; taxonomy: TaxonomyService } {
  const events = new ContentEvents();
  return {
    posts: new PostService({ db: tx, jobs: services.jobs, clock: services.clock, events }),
    taxonomy: new TaxonomyService({ db: tx, clock: services.clock, events }),
  };
}

/** After a kept import: every page is redrawn and recommendations are brought up to date. */
export async function announceImport(services: Services, report: ImportReport): Promise<void> {
  if (report.dryRun) return;
  services.events.emit({ kind: 'settings', slugs: [] });
  await services.recommendations.schedule();
}
