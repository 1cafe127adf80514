import path from 'node:path';
import type { Post, PostService, TaxonomyService } from '../../content/index.js';
import { announceImport, contentServicesIn, writeInOneTransaction, type PlatformImportOptions } from '../import-run.js';
import type { Tx } from '../../db/client.js';
import { AppError, isAppError } from '../../errors/app-error.js';
import type { Services } from '../../services.js';
import { importedItems, recordImported } from '../imported-item.repository.js';
import { ImportReport } from '../import-report.js';
import { addOldAddress } from '../old-address.repository.js';
import { oldAddressKey } from '../old-address.js';
import type { PlacedImage } from '../wordpress/body.types.js';
import { MediaGatherer, type Gathered, type MediaNeed } from '../wordpress/media.gather.js';
import { sourceOf } from '../wordpress/media-key.js';
import { mediaByIds, postSlugsByIds, takenPostSlugs } from '../wordpress/wordpress.repository.js';
import { targetHash } from '../wordpress/wordpress.writer.js';
import { readSubstackArchive, type SubstackArchive } from './archive.js';
import { imagesOf, isSubstackImageHost, originalImage, placeImages } from './body.js';
import { readPostsCsv } from './posts-csv.js';
import { planPosts, postInputOf, type Existing, type PostPlan } from './substack.plan.js';
import { importEmailLists } from './substack.subscribers.js';

export interface SubstackImportOptions extends PlatformImportOptions {
  /** Fetch the posts' images from Substack (default: yes); those that cannot be had stay where they are. */
  fetchMedia?: boolean;
  /** Hosts images are fetched from instead of Substack's own (a copy of its CDN somewhere else). */
  mediaHosts?: string[];
}

/** The author posts are credited to when the site has none yet: Substack's export names no authors. */
const HOUSE_AUTHOR = { name: 'Editorial', slug: 'editorial', bio: '' };

/**
 * Moves a Substack publication in from its export zip: posts (newsletters) with their images,
 * their old `/p/<slug>` addresses, and the subscriber lists. Images are fetched before anything is
 * written, then everything is written in one transaction: a failure leaves the site as it was and
 * removes the image files made for the run. Posts are remembered by Substack's post number, so
 * the same export adds and changes nothing the second time, unless `update` is asked for.
 */
export async function importSubstack(services: Services, file: string, options: SubstackImportOptions = {}): Promise<ImportReport> {
  const { onProgress } = options;
  const archive = await readSubstackArchive(file);
  const posts = readPostsCsv(archive.postsCsv);
  onProgress?.('Reading the export', 1, 1);
  const publication = publicationOf(archive);
  const source = `substack:${publication || 'export'}`;
  const report = new ImportReport(`the Substack export ${publication ? `of "${publication}" ` : ''}(${path.basename(file)})`, options.dryRun ?? false);
  const existing = await loadExisting(services, source);
  const { plans, skippedTypes } = planPosts(posts, archive, existing, options.update ?? false, report);
  const images = new SubstackImages(options.mediaHosts);
  for (const plan of plans) if (isWritten(plan)) for (const address of imagesOf(plan.body)) images.request(address);

  const links = new Map(plans.filter((p) => p.post.slug).map((p) => [p.post.slug, `/${p.slug}/`]));

  const gatherer = new MediaGatherer(services.media, { fetch: options.fetchMedia ?? true, dryRun: report.dryRun, hosts: images.hosts });
  const now = services.clock().toISOString();
  try {
    const remaining = await images.reuse(services, existing, report);
    const gathered = await gatherer.gather(remaining, onProgress);
    await writeInOneTransaction(services, report, async (tx) => {
      const writer = new Writer(services, tx, source, report, now);
      await writer.images(gathered, images);
      const author = await writer.author(existing);
      for (const [n, plan] of plans.filter(isWritten).entries()) {
        await writer.post(
          plan,
          placeImages(
            plan.body,
            (a) => images.placedAt(a) ?? links.get(substackSlugOf(a, publication) ?? '') ?? null,
            (a) => images.isOwn(a),
          ),
          author,
        );
        onProgress?.('Writing posts', n + 1, plans.filter(isWritten).length);
      }
      for (const plan of plans) {
        if (plan.action === 'keep') report.count('post', 'unchanged');
        if (plan.targetId !== undefined && plan.post.slug) await writer.address(plan.post.slug, plan.targetId);
      }
      await importEmailLists(services, tx, archive.emailLists, report, onProgress);
    });
  } catch (error) {
    await gatherer.discard();
    if (isAppError(error) && error.code === 'SLUG_TAKEN') {
      // What this run meant to create appeared meanwhile: another import of the same export, or an editor.
      throw new AppError('SLUG_TAKEN', `${error.message} It was taken while the import ran (by another import at the same time, or an editor); nothing was changed. Run the import again.`);
    }
    throw error;
  }
  if (report.dryRun) await gatherer.discard();
  describe(skippedTypes, images, gatherer.unreachable, report);
  await announceImport(services, report);
  return report;
}

/** The publication's name as the subscriber list's file is named (`email_list.my-letter.csv`). */
function publicationOf(archive: SubstackArchive): string {
  const names = [...archive.emailLists.keys()].map((n) => /^email_list\.(.+)\.csv$/.exec(n)?.[1] ?? '').filter(Boolean);
  return (names.sort()[0] ?? '').toLowerCase().slice(0, 100);
}

/** The slug of a link to one of the publication's posts on substack.com (`https://NAME.substack.com/p/slug`), else null. */
function substackSlugOf(address: string, publication: string): string | null {
  const match = /^https?:\/\/([a-z0-9-]+)\.substack\.com\/p\/([^/?#]+)\/?(?:[?#].*)?$/i.exec(address.trim());
  return match && publication && match[1]!.toLowerCase() === publication ? match[2]!.toLowerCase() : null;
}

async function loadExisting(services: Services, source: string): Promise<Existing> {
  const { db } = services.store;
  const imported = await importedItems(db, source);
  const [posts, takenSlugs] = await Promise.all([
    postSlugsByIds(
      db,
      imported.filter((i) => i.kind === 'post').map((i) => i.targetId),
    ),
    takenPostSlugs(db),
  ]);
  return { imported, posts, takenSlugs };
}

function isWritten(plan: PostPlan): boolean {
  return plan.action === 'create' || plan.action === 'update';
}

/** The images posts show from Substack, each brought over once, and where each is now. */
class SubstackImages {
  readonly needs = new Map<string, MediaNeed>();
  readonly placed = new Map<string, PlacedImage>();
  readonly hosts = new Set<string>();
  /** Images shown from other sites, by host. */
  readonly elsewhere = new Map<string, number>();

  constructor(private readonly mediaHosts?: string[]) {}

  private allowed(host: string): boolean {
    return this.mediaHosts ? this.mediaHosts.includes(host) : isSubstackImageHost(host);
  }

  /** True for an address (or a list of them, as in srcset) on Substack's image hosts. */
  isOwn(address: string): boolean {
    return [...address.matchAll(/https?:\/\/([^/:\s]+)/gi)].some((m) => this.allowed(m[1]!.toLowerCase()));
  }

  request(address: string): void {
    const host = sourceOf(address)?.host;
    if (!host) return;
    if (!this.allowed(host)) {
      this.elsewhere.set(host, (this.elsewhere.get(host) ?? 0) + 1);
      return;
    }
    const original = originalImage(address);
    const need = this.needs.get(original) ?? { key: original, externalId: `image:${original}`, urls: [original] };
    if (!need.urls.includes(address)) need.urls.push(address);
    for (const url of need.urls) {
      const h = sourceOf(url)?.host;
      if (h && this.allowed(h)) this.hosts.add(h);
    }
    this.needs.set(original, need);
  }

  placedAt(address: string): string | null {
    return this.placed.get(originalImage(address))?.url ?? null;
  }

  /** Images an earlier run brought over are used as they are; answers the ones still to bring. */
  async reuse(services: Services, existing: Existing, report: ImportReport): Promise<MediaNeed[]> {
    const before = new Map(existing.imported.filter((i) => i.kind === 'media').map((i) => [i.externalId, i.targetId]));
    const stored = await mediaByIds(services.store.db, [...before.values()]);
    const remaining: MediaNeed[] = [];
    for (const need of this.needs.values()) {
      const media = stored.get(before.get(need.externalId) ?? -1);
      if (media) {
        this.placed.set(need.key, media);
        report.count('image', 'unchanged');
      } else {
        remaining.push(need);
      }
    }
    return remaining;
  }
}

/** Writes inside the import's transaction, with content services that announce nothing until the end. */
class Writer {
  private readonly posts: PostService;
  private readonly taxonomy: TaxonomyService;

  constructor(
    private readonly services: Services,
    private readonly tx: Tx,
    private readonly source: string,
    private readonly report: ImportReport,
    private readonly now: string,
  ) {
    ({ posts: this.posts, taxonomy: this.taxonomy } = contentServicesIn(tx, services));
  }

  async images(gathered: Map<string, Gathered>, images: SubstackImages): Promise<void> {
    for (const result of gathered.values()) {
      const { need } = result;
      if (result.kind === 'missing') {
        this.report.count('image', 'skipped');
        this.report.note('skipped', `image ${need.urls[need.urls.length - 1]}`, `not brought over: ${result.reason}; posts keep showing it from Substack`);
        continue;
      }
      this.report.count('image', 'created');
      if (result.kind === 'checked') {
        images.placed.set(need.key, { url: need.urls[0]!, width: result.width, height: result.height, alt: '' });
        continue;
      }
      const item = await this.services.media.record(result.prepared, { alt: '', caption: null, credit: null }, null, this.tx);
      images.placed.set(need.key, { url: item.url, width: item.width, height: item.height, alt: '' });
      await this.remember('media', need.externalId, item.id, need.key);
    }
  }

  /** The author of every post: the one an earlier run used, else the site's first, else a house author made now. */
  async author(existing: Existing): Promise<string> {
    const authors = await this.taxonomy.listAuthors();
    const earlier = existing.imported.find((i) => i.kind === 'author');
    const found = authors.find((a) => a.id === earlier?.targetId) ?? [...authors].sort((a, b) => a.id - b.id)[0];
    if (found) return found.slug;
    const made = await this.taxonomy.createAuthor(HOUSE_AUTHOR);
    this.report.count('author', 'created');
    this.report.note('changed', `author "${made.name}"`, 'Substack exports name no authors; the posts are credited to this one (rename it in the admin)');
    await this.remember('author', 'house', made.id, '');
    return made.slug;
  }

  async post(plan: PostPlan, body: string, author: string): Promise<void> {
    const notes: string[] = [];
    const input = postInputOf(plan, body, author, this.now, (reason) => notes.push(reason));
    let post: Post;
    try {
      if (plan.action === 'create') {
        post = await this.posts.create(input);
      } else {
        const current = await this.posts.get(plan.targetId!);
        if (plan.writtenHash && plan.writtenHash !== targetHash(current)) {
          this.report.count('post', 'unchanged');
          this.report.note('doubtful', plan.label, 'changed on Substack, but also edited here since the last import; the version here was kept');
          return;
        }
        const { slug: _slug, ...rest } = input;
        post = await this.posts.update(current.id, rest);
      }
    } catch (error) {
      // Refused before anything was written: the rest of the import goes on without it.
      if (!isAppError(error) || error.code !== 'VALIDATION_FAILED') throw error;
      this.report.count('post', 'skipped');
      this.report.note('skipped', plan.label, `Masthead refused it: ${error.message}`);
      return;
    }
    plan.targetId = post.id;
    this.report.count('post', plan.action === 'create' ? 'created' : 'updated');
    for (const reason of notes) this.report.note('changed', plan.label, reason);
    await this.remember('post', plan.post.id, post.id, plan.hash, targetHash(post));
  }

  /** Substack's address of a post, `/p/<slug>`, leading to its new home. */
  async address(substackSlug: string, postId: number): Promise<void> {
    const key = oldAddressKey(`/p/${substackSlug}`);
    if (!key) return;
    const added = await addOldAddress(this.tx, key, { postId }, this.now);
    this.report.count('address', added ? 'created' : 'unchanged');
  }

  private async remember(kind: string, externalId: string, targetId: number, sourceHash: string, written = ''): Promise<void> {
    await recordImported(this.tx, this.source, { kind, externalId, targetId, sourceHash, targetHash: written, importedAt: this.now });
  }
}

/** Facts about the export as a whole: what it holds that has no place here. */
function describe(skippedTypes: Map<string, number>, images: SubstackImages, unreachable: Set<string>, report: ImportReport): void {
  const reasons: Record<string, string> = {
    podcast: 'Masthead has no podcasts: the episodes stay on Substack (their audio is at podcast_url in posts.csv)',
    thread: 'discussion threads are conversations among subscribers, not articles',
  };
  for (const [type, n] of skippedTypes) {
    report.count('post', 'skipped', n);
    report.note('skipped', `${n} ${type || 'untyped'} post${n === 1 ? '' : 's'}`, reasons[type] ?? `Masthead has no place for Substack's ${type} posts`);
  }
  if (images.elsewhere.size > 0) {
    report.fact(`images shown from other sites, left where they are: ${[...images.elsewhere].map(([host, n]) => `${host} ×${n}`).join(', ')}`);
  }
  for (const host of unreachable) report.note('doubtful', `the image host ${host}`, 'did not answer; its images could not be fetched');
}
