import { ContentEvents, PostService, TaxonomyService } from '../content/index.js';
import type { Tx } from '../db/client.js';
import type { Services } from '../services.js';
import { importedItems, type ImportedItem } from './imported-item.repository.js';
import type { PlacedImage } from './wordpress/body.types.js';
import type { MediaNeed } from './wordpress/media.gather.js';
import type { Existing } from './wordpress/plan.js';
import { mediaByIds, postSlugsByIds, takenPostSlugs } from './wordpress/wordpress.repository.js';
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

/** What is here already: what earlier runs from the same source brought in, and the site's own tags, authors and slugs. */
export async function loadExisting(services: Services, source: string): Promise<Existing> {
  const { db } = services.store;
  const imported = await importedItems(db, source);
  const postIds = imported.filter((i) => i.kind === 'post').map((i) => i.targetId);
  const [tags, authors, posts, takenSlugs] = await Promise.all([services.taxonomy.listTags('all'), services.taxonomy.listAuthors(), postSlugsByIds(db, postIds), takenPostSlugs(db)]);
  return { imported, tags, authors, posts, takenSlugs };
}

/**
 * Images an earlier run brought in and that are still in the library are placed as they are;
 * answers the ones still to bring.
 */
export async function reuseImportedImages(services: Services, imported: ImportedItem[], images: { needs: Map<string, MediaNeed>; placed: Map<string, PlacedImage> }, report: ImportReport): Promise<MediaNeed[]> {
  const before = new Map(imported.filter((i) => i.kind === 'media').map((i) => [i.externalId, i.targetId]));
  const stored = await mediaByIds(services.store.db, [...before.values()]);
  const remaining: MediaNeed[] = [];
  for (const need of images.needs.values()) {
    const media = stored.get(before.get(need.externalId) ?? -1);
    if (media) {
      images.placed.set(need.key, media);
      report.count('image', 'unchanged');
    } else {
      remaining.push(need);
    }
  }
  return remaining;
}
