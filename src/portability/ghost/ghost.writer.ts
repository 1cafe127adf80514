import type { Tx } from '../../db/client.js';
import type { PostService, TaxonomyService } from '../../content/index.js';
import { contentServicesIn, reuseImportedImages } from '../import-run.js';
import { isAppError } from '../../errors/app-error.js';
import type { Services } from '../../services.js';
import { recordImported, type ImportedItem } from '../imported-item.repository.js';
import type { ImportProgress, ImportReport, ReportKind } from '../import-report.js';
import { addOldAddress, type OldAddressTarget } from '../old-address.repository.js';
import { oldAddressKey } from '../old-address.js';
import { plainText } from '../wordpress/html.js';
import type { Gathered, MediaNeed } from '../wordpress/media.gather.js';
import { targetHash } from '../wordpress/wordpress.writer.js';
import { convertGhostHtml } from './ghost.body.js';
import { GHOST_URL, type GhostImages } from './ghost.images.js';
import { isInternal, postLabel, type Action, type GhostPlans, type PostPlan } from './ghost.plan.js';
import { ghostPostInput } from './ghost.post-input.js';
import { fileChanged, readGhostPosts, type GhostFile, type GhostPost, type GhostPostMeta, type GhostUser } from './ghost.reader.js';
import { ghostHtml, type BodySource } from './ghost.source.js';

/** Where the posts are read again from when they are written, and the meta of each by its Ghost id. */
export interface GhostPosts {
  file: GhostFile;
  meta: Map<string, GhostPostMeta>;
}

export interface GhostWriterDeps {
  services: Services;
  source: string;
  posts: GhostPosts;
  plans: GhostPlans;
  images: GhostImages;
  report: ImportReport;
  /** What earlier runs brought in. */
  imported: ImportedItem[];
  now: string;
}

/** Writes what the plans decided, inside the import's transaction, and records it for the next run. */
export class GhostWriter {
  private posts?: PostService;
  private taxonomy?: TaxonomyService;
  private tx?: Tx;

  constructor(private readonly deps: GhostWriterDeps) {}

  /** The same writer bound to a transaction, with content services of its own that announce nothing until the end. */
  within(tx: Tx): GhostWriter {
    const scoped = new GhostWriter(this.deps);
    scoped.tx = tx;
    ({ posts: scoped.posts, taxonomy: scoped.taxonomy } = contentServicesIn(tx, this.deps.services));
    return scoped;
  }

  /** Images brought in by an earlier run are used as they are; answers the ones still to bring. */
  reuseImages(): Promise<MediaNeed[]> {
    const { images, report, services, imported } = this.deps;
    return reuseImportedImages(services, imported, images, report);
  }

  /** Records the images brought over in the library; the ones that could not be are reported. */
  async writeImages(gathered: Map<string, Gathered>): Promise<void> {
    const { images, report, services } = this.deps;
    for (const result of gathered.values()) {
      const { need } = result;
      if (result.kind === 'missing') {
        report.count('image', 'skipped');
        report.note(
          'skipped',
          `image ${need.localPaths?.[0] ?? need.urls[0]}`,
          `not brought over: ${result.reason.replace(/uploads folder/g, 'content folder')}; bodies keep its address on the old site (${need.urls[0]!.replace(GHOST_URL, '')}), which shows nothing here until the image is uploaded`,
        );
        continue;
      }
      report.count('image', 'created');
      if (result.kind === 'checked') {
        images.placed.set(need.key, { url: `/media/${need.key}`, width: result.width, height: result.height, alt: '' });
        continue;
      }
      const item = await services.media.record(result.prepared, { alt: '', caption: null, credit: null }, null, this.tx);
      images.placed.set(need.key, { url: item.url, width: item.width, height: item.height, alt: '' });
      await this.remember('media', need.externalId, item.id, need.key);
    }
  }

  async writeAuthors(): Promise<void> {
    for (const plan of this.deps.plans.authors.values()) {
      const input = { name: plan.item.name.replace(/\s+/g, ' ').trim().slice(0, 120) || plan.slug, slug: plan.slug, ...this.profile(plan.item) };
      if (plan.action === 'create') plan.targetId = (await this.taxonomy!.createAuthor(input)).id;
      if (plan.action === 'update') await this.taxonomy!.updateAuthor(plan.slug, input);
      this.count('author', plan.action);
      await this.remember('author', plan.item.id, plan.targetId!, plan.hash);
    }
  }

  /** Bio, photo, website and social profiles, where they are usable. */
  private profile(user: GhostUser): { bio: string; photoUrl?: string; website?: string; links: Array<{ label: string; url: string }> } {
    const web = (value: string) => (/^https?:\/\/[^\s]+$/.test(value) && value.length <= 2000 ? value : undefined);
    const photo = user.profile_image ? (this.deps.images.find(user.profile_image)?.url ?? web(user.profile_image.trim())) : undefined;
    const handle = (value: string) =>
      value
        .trim()
        .replace(/^@/, '')
        .replace(/^https?:\/\/[^/]+\//, '');
    const links: Array<{ label: string; url: string }> = [];
    if (/^[\w.]{1,100}$/.test(handle(user.twitter))) links.push({ label: 'X', url: `https://x.com/${handle(user.twitter)}` });
    if (/^[\w.-]{1,100}$/.test(handle(user.facebook))) links.push({ label: 'Facebook', url: `https://www.facebook.com/${handle(user.facebook)}` });
    const website = web(user.website.trim());
    return { bio: plainText(user.bio).slice(0, 5000), ...(photo ? { photoUrl: photo } : {}), ...(website ? { website } : {}), links };
  }

  async writeTags(): Promise<void> {
    for (const plan of this.deps.plans.tags.values()) {
      const input = {
        name: plan.item.name.replace(/\s+/g, ' ').trim().slice(0, 120) || plan.slug,
        slug: plan.slug,
        description: plainText(plan.item.description).slice(0, 2000),
        isSection: plan.isSection,
        visibility: isInternal(plan.item) ? 'internal' : 'public',
      };
      if (plan.action === 'create') plan.targetId = (await this.taxonomy!.createTag(input)).id;
      if (plan.action === 'update') await this.taxonomy!.updateTag(plan.slug, input);
      this.count(plan.isSection ? 'section' : 'tag', plan.action);
      await this.remember('tag', plan.item.id, plan.targetId!, plan.hash);
    }
  }

  /**
   * Writes the posts and pages to create or update, read again from the file one at a time (only
   * their heads were kept while planning), in the file's order; the first of posts sharing an id.
   */
  async writePosts(onProgress?: ImportProgress): Promise<void> {
    const { plans, report, posts } = this.deps;
    let total = 0;
    for (const plan of plans.posts.values()) if (plan.action === 'create' || plan.action === 'update') total += 1;
    const sources = new Map<string, number>();
    const seen = new Set<PostPlan>();
    let n = 0;
    for await (const post of readGhostPosts(posts.file)) {
      const plan = plans.posts.get(post.id);
      if (!plan) throw fileChanged();
      if (seen.has(plan)) continue;
      seen.add(plan);
      if (plan.action !== 'create' && plan.action !== 'update') continue;
      const source = await this.writePost(plan, post, posts.meta.get(post.id));
      sources.set(source, (sources.get(source) ?? 0) + 1);
      n += 1;
      onProgress?.('Writing posts and pages', n, total);
    }
    if (seen.size !== plans.posts.size) throw fileChanged();
    for (const plan of plans.posts.values()) {
      if (plan.action === 'keep' || plan.action === 'skip') report.count(plan.type, plan.action === 'keep' ? 'unchanged' : 'skipped');
    }
    const rendered = (sources.get('lexical') ?? 0) + (sources.get('mobiledoc') ?? 0);
    if (sources.get('html')) report.fact(`bodies taken from Ghost's rendered HTML: ${sources.get('html')}`);
    if (rendered > 0) report.fact(`bodies without rendered HTML, converted from Ghost's editor document: ${rendered}`);
  }

  /** Writes one post or page as planned; answers where its body came from. */
  private async writePost(plan: PostPlan, post: GhostPost, meta: GhostPostMeta | undefined): Promise<BodySource> {
    const { plans, report } = this.deps;
    const label = postLabel(plan);
    const { html, source } = ghostHtml(post);
    if (source === 'too deep') {
      report.count(plan.type, 'skipped');
      report.note('skipped', label, 'its lexical document has no rendered HTML and nests deeper than any editor writes; it was not imported');
      return source;
    }
    const body = convertGhostHtml(html, { image: (address) => this.deps.images.find(address), link: (address) => this.link(address) });
    const notes: Array<{ level: 'changed' | 'doubtful'; reason: string }> = [];
    for (const [what, count] of body.issues) notes.push({ level: 'changed', reason: `${count} ${what}` });
    const feature = post.feature_image.trim();
    const placed = feature ? this.deps.images.find(feature) : null;
    if (feature && !placed && !/^https?:\/\//.test(feature)) notes.push({ level: 'doubtful', reason: 'its feature image could not be brought over and was left out' });
    const input = ghostPostInput(post, meta, {
      now: this.deps.now,
      slug: plan.slug,
      type: plan.type,
      body: body.html,
      tags: plan.tagIds.map((id) => plans.tags.get(id)?.slug).filter((s): s is string => s !== undefined),
      authors: [...new Set(plan.authorIds.map((id) => plans.authors.get(id)?.slug).filter((s): s is string => s !== undefined))],
      featureImage: placed ? { url: placed.url } : feature && /^https?:\/\//.test(feature) ? { url: feature } : null,
      note: (level, reason) => notes.push({ level, reason }),
    });
    const kind: ReportKind = plan.type;
    try {
      const written = plan.action === 'create' ? await this.posts!.create(input) : await this.update(plan, input, label);
      if (written) {
        plan.targetId = written.id;
        this.count(kind, plan.action);
        await this.remember('post', plan.item.id, written.id, plan.hash, targetHash(written));
        for (const note of notes) report.note(note.level, label, note.reason);
      }
    } catch (error) {
      if (!isAppError(error) || error.code !== 'VALIDATION_FAILED') throw error;
      report.count(kind, 'skipped');
      report.note('skipped', label, `Masthead refused it: ${error.message}`);
    }
    return source;
  }

  /** What earlier runs recorded of the posts they wrote: the digest each was left with, by Ghost id. */
  private importedPosts?: Map<string, string>;

  /** Brings an imported post up to date, unless someone edited it here since: their work is kept. */
  private async update(plan: PostPlan, input: ReturnType<typeof ghostPostInput>, label: string) {
    const current = await this.posts!.get(plan.targetId!);
    this.importedPosts ??= new Map(this.deps.imported.filter((i) => i.kind === 'post').map((i) => [i.externalId, i.targetHash]));
    const earlier = this.importedPosts.get(plan.item.id);
    if (earlier && earlier !== targetHash(current)) {
      this.deps.report.count(plan.type, 'unchanged');
      this.deps.report.note('doubtful', label, 'changed in Ghost, but also edited here since the last import; the version here was kept');
      return null;
    }
    const { slug: _slug, ...rest } = input;
    return this.posts!.update(current.id, rest);
  }

  /** A link into the old site at its new address: `__GHOST_URL__/slug/`, `/tag/slug/`, `/author/slug/`; other Ghost links site-relative. */
  private link(address: string): string | null {
    if (!address.startsWith(GHOST_URL)) return this.deps.images.find(address)?.url ?? null;
    const path = address.slice(GHOST_URL.length) || '/';
    const image = this.deps.images.find(address);
    if (image) return image.url;
    const key = oldAddressKey(path.split(/[?#]/)[0]!);
    return (key && this.oldPaths().get(key)) || path;
  }

  private paths?: Map<string, string>;

  /** Ghost's addresses of everything planned → the address here. */
  private oldPaths(): Map<string, string> {
    if (this.paths) return this.paths;
    const { plans } = this.deps;
    const paths = new Map<string, string>();
    const add = (old: string, now: string) => {
      const key = oldAddressKey(old);
      if (key && !paths.has(key)) paths.set(key, now);
    };
    for (const plan of plans.posts.values()) if (plan.action !== 'skip') add(`/${plan.ghostSlug}/`, `/${plan.slug}/`);
    // Internal tags had no page in Ghost either: no address to keep.
    for (const plan of plans.tags.values()) if (!isInternal(plan.item)) add(`/tag/${plan.ghostSlug}/`, `/tag/${plan.slug}/`);
    for (const plan of plans.authors.values()) add(`/author/${plan.ghostSlug}/`, `/author/${plan.slug}/`);
    this.paths = paths;
    return paths;
  }

  /** Ghost's addresses whose slug changed on the way, leading to their new home. Previews (`/p/uuid/`) stay private. */
  async writeAddresses(): Promise<void> {
    const { plans } = this.deps;
    const targets: Array<[string, string, OldAddressTarget | undefined]> = [];
    for (const plan of plans.posts.values()) targets.push([`/${plan.ghostSlug}/`, `/${plan.slug}/`, plan.targetId !== undefined ? { postId: plan.targetId } : undefined]);
    for (const plan of plans.tags.values()) if (!isInternal(plan.item)) targets.push([`/tag/${plan.ghostSlug}/`, `/tag/${plan.slug}/`, plan.targetId !== undefined ? { tagId: plan.targetId } : undefined]);
    for (const plan of plans.authors.values()) targets.push([`/author/${plan.ghostSlug}/`, `/author/${plan.slug}/`, plan.targetId !== undefined ? { authorId: plan.targetId } : undefined]);
    for (const [old, now, target] of targets) {
      const key = oldAddressKey(old);
      if (!target || !key || key === oldAddressKey(now) || key === '/') continue;
      const added = await addOldAddress(this.tx!, key, target, this.deps.now);
      this.deps.report.count('address', added ? 'created' : 'unchanged');
    }
  }

  private count(kind: ReportKind, action: Action): void {
    this.deps.report.count(kind, action === 'create' ? 'created' : action === 'update' ? 'updated' : 'unchanged');
  }

  private async remember(kind: string, externalId: string, targetId: number, sourceHash: string, targetHash = ''): Promise<void> {
    await recordImported(this.tx!, this.deps.source, { kind, externalId, targetId, sourceHash, targetHash, importedAt: this.deps.now });
  }
}
