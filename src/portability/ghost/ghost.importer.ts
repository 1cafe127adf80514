import type { Services } from '../../services.js';
import { ImportReport } from '../import-report.js';
import { MediaGatherer } from '../wordpress/media.gather.js';
import { oneLine } from '../wordpress/names.js';
import { GhostImages } from './ghost.images.js';
import { planImport, type GhostPlans } from './ghost.plan.js';
import { readGhostExport, type GhostExport } from './ghost.reader.js';
import { GhostWriter, type GhostPosts } from './ghost.writer.js';
import { announceImport, loadExisting, writeInOneTransaction, type PlatformImportOptions } from '../import-run.js';

export interface GhostImportOptions extends PlatformImportOptions {
  /** A copy of Ghost's content folder (the one holding `images/`). */
  contentDir?: string;
}

/**
 * Moves a Ghost site in from its JSON export: authors, tags (the primary ones as sections), posts
 * and pages with their images from a copy of Ghost's content folder. Images are processed before
 * anything is written, then everything is written in one transaction: a failure leaves the site
 * as it was and removes the image files made for the run. What was brought in is remembered by
 * Ghost id, so running the same file again adds and changes nothing, unless `update` is asked for.
 */
export async function importGhost(services: Services, file: string, options: GhostImportOptions = {}): Promise<ImportReport> {
  const { onProgress } = options;
  const { report, source, existing, plans, posts, facts } = await prepare(services, file, options);
  const images = findImages(plans);
  const gatherer = new MediaGatherer(services.media, { uploadsDir: options.contentDir, fetch: false, dryRun: report.dryRun, hosts: new Set() });
  try {
    const writer = new GhostWriter({ services, source, posts, plans, images, report, imported: existing.imported, now: services.clock().toISOString() });
    const needed = await writer.reuseImages();
    const gathered = await gatherer.gather(needed, onProgress);
    await writeInOneTransaction(services, report, async (tx) => {
      const scoped = writer.within(tx);
      await scoped.writeImages(gathered);
      await scoped.writeAuthors();
      await scoped.writeTags();
      await scoped.writePosts(onProgress);
      await scoped.writeAddresses();
    });
  } catch (error) {
    await gatherer.discard();
    throw error;
  }
  if (report.dryRun) await gatherer.discard();
  for (const fact of facts) report.fact(fact);
  await announceImport(services, report);
  return report;
}

/**
 * Reads the export and plans the import. Only the plans, the posts' meta and the facts for the
 * report outlive it: the export's link tables and whatever else planning used are let go before
 * anything is written.
 */
async function prepare(services: Services, file: string, options: GhostImportOptions) {
  const ghost = await readGhostExport(file);
  options.onProgress?.('Reading the export', 1, 1);
  const title = ghost.data.settings.find((s) => s.key === 'title')?.value;
  const name = typeof title === 'string' && title.trim() ? `Ghost site "${oneLine(title, 80)}"` : 'a Ghost site';
  const report = new ImportReport(`${name} (Ghost ${ghost.meta?.version || 'export'})`, options.dryRun ?? false);
  const source = `ghost:${typeof title === 'string' ? title.trim().toLowerCase().slice(0, 200) : ''}`;
  const existing = await loadExisting(services, source);
  const plans = planImport(ghost, existing, options.update ?? false, report);
  const posts: GhostPosts = { file: ghost.file, meta: new Map(ghost.data.posts_meta.map((m) => [m.post_id, m])) };
  return { report, source, existing, plans, posts, facts: factsOf(ghost) };
}

/** Every image of the old site that what is written shows: in bodies, as feature images and as author photos. */
function findImages(plans: GhostPlans): GhostImages {
  const images = new GhostImages();
  for (const plan of plans.posts.values()) {
    if (plan.action !== 'create' && plan.action !== 'update') continue;
    images.request(plan.item.feature_image);
    for (const address of plan.item.bodyImages) images.request(address);
  }
  for (const plan of plans.authors.values()) images.request(plan.item.profile_image);
  return images;
}

/** Facts about the file as a whole, for the report: what it holds that has no place here. */
function factsOf(ghost: GhostExport): string[] {
  const { data } = ghost;
  const facts: string[] = [];
  const social = data.posts_meta.filter((m) => m.og_title || m.og_description || m.og_image || m.twitter_title || m.twitter_description || m.twitter_image).length;
  if (social > 0) facts.push(`social card fields (og_…, twitter_…) of ${social} posts not kept: Masthead makes its cards from the SEO title and description, the excerpt and the feature image`);
  const subjects = data.posts_meta.filter((m) => m.email_subject).length;
  if (subjects > 0) facts.push(`email subjects of ${subjects} posts not kept: newsletters here take the post's title`);
  const injected = data.posts.filter((p) => p.injected).length;
  if (injected > 0) facts.push(`code injection of ${injected} posts not kept: Masthead runs no code from posts`);
  if (ghost.members > 0) facts.push(`members: ${ghost.members} in the export, not imported here (Ghost's members CSV goes to "masthead subscribers import")`);
  if (data.newsletters.length > 0) {
    const names = data.newsletters.map((n) => `"${oneLine(n.name, 60)}"${n.status === 'archived' ? ' (archived)' : ''}`).join(', ');
    const sent = data.posts.filter((p) => p.sent).length;
    facts.push(`newsletters, not imported (set them up in Settings → Newsletter; subscribers come with "masthead subscribers import"): ${names}; ${sent} posts had been sent by email`);
  }
  return facts;
}
