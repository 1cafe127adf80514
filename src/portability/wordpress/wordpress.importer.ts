import type { Services } from '../../services.js';
import { ImportReport, type ImportProgress } from '../import-report.js';
import { oldSiteOf } from './addresses.js';
import type { BodyContext } from './body.types.js';
import { bodyContext } from './body.context.js';
import { convertBody } from './body.convert.js';
import { MediaGatherer, type OldSiteFetch } from './media.gather.js';
import { IMAGE_FILE } from './media-key.js';
import { ImageCatalogue } from './media.plan.js';
import { planAuthors, planPosts, planTerms, type PostPlan } from './plan.js';
import { REPEATED, scanExport, type ExportIndex } from './scan.js';
import { announceImport, loadExisting, writeInOneTransaction, type PlatformImportOptions } from '../import-run.js';
import { WordpressWriter } from './wordpress.writer.js';
import { readWxr } from './wxr.reader.js';
import type { WxrSite } from './wxr.types.js';

export interface WordpressImportOptions extends PlatformImportOptions {
  /** A copy of the old site's wp-content/uploads folder. */
  uploadsDir?: string;
  /** Ask the old site over HTTP(S) for images the uploads folder does not have (default: yes). */
  fetchMedia?: boolean;
  /** How the old site is asked for them (the global fetch unless given). */
  fetcher?: OldSiteFetch;
}

/**
 * Moves a WordPress site in from its export file (WXR). The file is read three times, streaming:
 * to learn its authors, terms, attachments and posts; to find the images bodies show; and to
 * write. Images are processed before anything is written, then everything is written in one
 * transaction: a failure leaves the site as it was and removes the image files made for the run.
 * What was brought in is remembered by WordPress id, so running the same file again adds and
 * changes nothing, unless `update` is asked for.
 */
export async function importWordpress(services: Services, file: string, options: WordpressImportOptions = {}): Promise<ImportReport> {
  const { onProgress } = options;
  const index = await scanExport(file, onProgress);
  const source = sourceOf(index.site);
  const report = new ImportReport(`WordPress site "${index.site.title || source}" (${index.site.baseBlogUrl || index.site.link || 'no address'})`, options.dryRun ?? false);
  const existing = await loadExisting(services, source);
  const update = options.update ?? false;
  const plans = {
    authors: planAuthors(index, existing, update, report),
    terms: planTerms(index, existing, update, report),
    posts: planPosts(index, existing, update, report),
  };
  const site = oldSiteOf(index.site);
  const images = new ImageCatalogue(index.attachments, site, originOf(index.site));
  await findBodyImages(file, index, plans.posts, images, onProgress);

  const gatherer = new MediaGatherer(services.media, {
    uploadsDir: options.uploadsDir,
    fetch: options.fetchMedia ?? true,
    fetcher: options.fetcher,
    dryRun: report.dryRun,
    hosts: images.mediaHosts,
  });
  try {
    const writer = new WordpressWriter({ services, source, index, plans, site, images, report, existing, now: services.clock().toISOString() });
    const needed = await writer.reuseImages(existing);
    const gathered = await gatherer.gather(needed, onProgress);
    await writeInOneTransaction(services, report, async (tx) => {
      const scoped = writer.within(tx);
      await scoped.writeAuthors();
      await scoped.writeTerms();
      await scoped.writeImages(gathered);
      await writePosts(file, plans.posts, scoped, onProgress);
      for (const plan of plans.posts.values()) {
        if (plan.action === 'keep' || plan.action === 'skip') report.count(plan.entry.type, plan.action === 'keep' ? 'unchanged' : 'skipped');
      }
      await scoped.writeAddresses();
    });
  } catch (error) {
    await gatherer.discard();
    throw error;
  }
  if (report.dryRun) await gatherer.discard();
  describe(index, images, gatherer.unreachable, report);
  await announceImport(services, report);
  return report;
}

/** The name an import source is remembered by: the blog's address without scheme or `www.`. */
function sourceOf(site: WxrSite): string {
  const address = site.baseBlogUrl || site.link || site.baseSiteUrl || site.title;
  return `wordpress:${address
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/\/+$/, '')}`;
}

function originOf(site: WxrSite): string {
  try {
    return new URL(site.baseBlogUrl || site.link).origin;
  } catch {
    return '';
  }
}

/** The second reading: every image the bodies to be written show, so each is brought over once before writing. */
async function findBodyImages(file: string, index: ExportIndex, posts: Map<string, PostPlan>, images: ImageCatalogue, onProgress?: ImportProgress): Promise<void> {
  const total = [...posts.values()].filter((p) => p.action === 'create' || p.action === 'update').length;
  let done = 0;
  for await (const entry of readWxr(file)) {
    const plan = entry.kind === 'item' ? posts.get(entry.item.id) : undefined;
    if (entry.kind !== 'item' || !isWritten(plan) || plan.entry.line !== entry.item.line) continue;
    const recordOnly: Pick<BodyContext, 'image' | 'link'> = {
      image: (url, id) => {
        images.request(url, id);
        return null;
      },
      link: () => null,
    };
    convertBody(entry.item.content, bodyContext(entry.item, index, recordOnly));
    onProgress?.('Finding images', (done += 1), total);
  }
}

/** The third reading: each post or page to write, converted with its images and links in their new places. */
async function writePosts(file: string, posts: Map<string, PostPlan>, writer: WordpressWriter, onProgress?: ImportProgress): Promise<void> {
  const total = [...posts.values()].filter(isWritten).length;
  let done = 0;
  for await (const entry of readWxr(file)) {
    if (entry.kind !== 'item') continue;
    const plan = posts.get(entry.item.id);
    if (!isWritten(plan) || plan.entry.line !== entry.item.line) continue;
    await writer.writePost(entry.item, plan);
    onProgress?.('Writing posts and pages', (done += 1), total);
  }
}

function isWritten(plan: PostPlan | undefined): plan is PostPlan {
  return plan?.action === 'create' || plan?.action === 'update';
}

/** Facts about the file as a whole: what it holds that has no place here. */
function describe(index: ExportIndex, images: ImageCatalogue, unreachable: Set<string>, report: ImportReport): void {
  const list = (counts: Map<string, number>) =>
    [...counts.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 30)
      .map(([name, n]) => `${name} ×${n}`)
      .join(', ');
  const c = index.comments;
  const left = c.pending + c.spam + c.trash + c.pings;
  if (c.approved > 0) report.fact(`comments: ${c.approved} approved, brought in with their pieces (by a member when the address is a member's, else under the name given)`);
  if (left > 0) {
    report.fact(`comments not imported: ${left} (${c.pending} awaiting moderation, ${c.spam} spam, ${c.trash} in the trash, ${c.pings} pingbacks and trackbacks)`);
  }
  if (index.customFields.size > 0) report.fact(`custom fields (kept only where noted: review facts, SEO titles and descriptions): ${list(index.customFields)}`);
  if (index.postFormats.size > 0) report.fact(`post formats, all imported as articles: ${list(index.postFormats)}`);
  if (index.otherTaxonomies.size > 0) report.fact(`other taxonomies, not imported: ${list(index.otherTaxonomies)}`);
  if (images.elsewhere.size > 0) report.fact(`images shown from other sites, left where they are: ${list(images.elsewhere)}`);
  for (const [type, n] of index.skippedTypes) {
    const what = type === REPEATED ? `${n} item${n === 1 ? '' : 's'} repeating the id of an earlier one` : `${n} ${type} item${n === 1 ? '' : 's'}`;
    report.note('skipped', what, skipReason(type));
  }
  for (const host of unreachable) report.note('doubtful', `the old site ${host}`, 'did not answer; images not in the uploads folder could not be fetched from it');
  const others = [...index.attachments.values()].filter((a) => !IMAGE_FILE.test(a.url.split('?')[0]!)).length;
  if (others > 0) report.note('skipped', `${others} attachments that are not images`, 'audio, video and documents are not moved (the media library holds images); links to them still point at the old site');
  const { droppedCharacters, unreadableCharacters } = index.repairs;
  if (droppedCharacters > 0) report.note('changed', 'the export', `${droppedCharacters} control characters XML does not allow were dropped`);
  if (unreadableCharacters > 0) report.note('doubtful', 'the export', `${unreadableCharacters} characters were not valid in the file's encoding and show as �`);
}

function skipReason(type: string): string {
  if (type === 'nav_menu_item' || type === 'wp_navigation') return 'menus are not imported: set the site navigation in Settings';
  if (type === 'revision') return 'earlier versions are not imported';
  if (type.includes('(trash)')) return 'they were in the trash';
  if (type.includes('(auto-draft)')) return 'they were empty automatic drafts';
  if (type === REPEATED) return 'the export holds them twice; the first of each was taken';
  return 'Masthead has no place for this kind of WordPress content';
}
