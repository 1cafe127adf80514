import type { Tx } from '../../db/client.js';
import { toInput, type Post, type PostService, type TaxonomyService } from '../../content/index.js';
import { contentServicesIn, reuseImportedImages } from '../import-run.js';
import { AppError, isAppError } from '../../errors/app-error.js';
import type { Services } from '../../services.js';
import { recordImported, type ImportedItem } from '../imported-item.repository.js';
import type { ImportReport, ReportKind } from '../import-report.js';
import { addOldAddress, type OldAddressTarget } from '../old-address.repository.js';
import { oldAddressKey } from '../old-address.js';
import { attachmentAddresses, authorAddresses, entryAddresses, oldKeyOf, termAddresses, type OldSite } from './addresses.js';
import { bodyContext } from './body.context.js';
import { convertBody } from './body.convert.js';
import { describeIssues } from './body.types.js';
import type { Gathered, MediaNeed } from './media.gather.js';
import type { ImageCatalogue } from './media.plan.js';
import { digest, type AuthorPlan, type Existing, type PostPlan, type TermPlan } from './plan.js';
import { postInput } from './post-input.js';
import { fingerprint, type ExportIndex } from './scan.js';
import type { WxrComment, WxrItem, WxrTerm } from './wxr.types.js';
import { importComments, type ImportedComment } from '../../comments/index.js';
import { parseHtml, textOf, withoutControls } from './html.js';

export interface WriterDeps {
  services: Services;
  source: string;
  index: ExportIndex;
  plans: { authors: Map<string, AuthorPlan>; terms: Map<string, TermPlan>; posts: Map<string, PostPlan> };
  site: OldSite;
  images: ImageCatalogue;
  report: ImportReport;
  existing: Existing;
  now: string;
}

/** Writes what the plans decided, inside the import's transaction, and records it for the next run. */
export class WordpressWriter {
  private posts?: PostService;
  private taxonomy?: TaxonomyService;
  private tx?: Tx;
  /** Old address keys → where they lead now, for links in bodies. */
  private links?: Map<string, string>;

  constructor(private readonly deps: WriterDeps) {}

  /** The same writer bound to a transaction, with content services of its own that announce nothing until the end. */
  within(tx: Tx): WordpressWriter {
    const scoped = new WordpressWriter(this.deps);
    scoped.tx = tx;
    ({ posts: scoped.posts, taxonomy: scoped.taxonomy } = contentServicesIn(tx, this.deps.services));
    return scoped;
  }

  /** Images brought in by an earlier run are used as they are; answers the ones still to bring. */
  reuseImages(existing: Existing): Promise<MediaNeed[]> {
    const { images, report, services } = this.deps;
    return reuseImportedImages(services, existing.imported, images, report);
  }

  async writeAuthors(): Promise<void> {
    for (const plan of new Set(this.deps.plans.authors.values())) {
      if (plan.action === 'create') plan.targetId = (await this.taxonomy!.createAuthor(plan.input)).id;
      if (plan.action === 'update') await this.taxonomy!.updateAuthor(plan.slug, plan.input);
      this.count('author', plan.action);
      await this.remember('author', plan.login, plan.targetId!, plan.hash);
    }
  }

  async writeTerms(): Promise<void> {
    for (const plan of new Set(this.deps.plans.terms.values())) {
      const kind: ReportKind = plan.input.isSection ? 'section' : 'tag';
      if (plan.action === 'create') plan.targetId = (await this.taxonomy!.createTag(plan.input)).id;
      if (plan.action === 'update') await this.taxonomy!.updateTag(plan.slug, plan.input);
      this.count(kind, plan.action);
      for (const term of [plan.term, ...plan.also]) await this.remember('term', `${term.taxonomy}:${term.slug || term.name}`, plan.targetId!, plan.hash);
    }
  }

  /** Records the images brought over in the library; the ones that could not be are reported. */
  async writeImages(gathered: Map<string, Gathered>): Promise<void> {
    const { images, report, services } = this.deps;
    for (const result of gathered.values()) {
      const { need } = result;
      const label = `image ${need.attachment ? `${need.attachment.id} ` : ''}${need.urls[0]}`;
      if (result.kind === 'missing') {
        report.count('image', 'skipped');
        report.note('skipped', label, `not brought over: ${result.reason}; pages keep showing it from its old address`);
        continue;
      }
      report.count('image', 'created');
      const alt = need.attachment?.alt ?? '';
      if (result.kind === 'checked') {
        images.placed.set(need.key, { url: need.urls[0]!, width: result.width, height: result.height, alt });
        continue;
      }
      const text = { alt, caption: need.attachment?.caption.slice(0, 500) || null, credit: null };
      const item = await services.media.record(result.prepared, text, null, this.tx);
      images.placed.set(need.key, { url: item.url, width: item.width, height: item.height, alt });
      await this.remember('media', need.externalId, item.id, need.key);
    }
  }

  async writePost(item: WxrItem, plan: PostPlan): Promise<void> {
    const { report, index } = this.deps;
    const label = `${plan.entry.type} ${item.id} "${plan.entry.title || '(no title)'}"`;
    if (fingerprint(item) !== plan.entry.fingerprint) {
      throw new AppError('IMPORT_FILE_UNREADABLE', `The export changed while it was being imported (${label} differs from the first reading); nothing was changed. Run the import again.`);
    }
    const links = this.linkMap();
    const body = convertBody(
      item.content,
      bodyContext(item, index, {
        image: (url, id) => this.deps.images.find(url, id),
        link: (url) => {
          const key = oldKeyOf(url, this.deps.site);
          if (key && links.has(key)) return links.get(key)!;
          return this.deps.images.find(url)?.url ?? null;
        },
      }),
    );
    const notes: Array<{ level: 'changed' | 'doubtful'; reason: string }> = [];
    const input = postInput(item, body, {
      now: this.deps.now,
      slug: plan.slug,
      authorSlug: this.authorSlug(item.creator),
      tagSlugs: (key) => this.tagSlugs(key),
      categoryById: (id) => (id ? [...this.deps.plans.terms.values()].find((t) => t.term.taxonomy === 'category' && t.term.id === id)?.slug : undefined),
      featureImage: (id) => {
        const placed = this.deps.images.ofAttachment(id);
        const attachment = index.attachments.get(id);
        return placed ? { url: placed.url, alt: attachment?.alt || placed.alt, caption: attachment?.caption ?? '' } : null;
      },
      note: (level, reason) => notes.push({ level, reason }),
    });
    for (const reason of describeIssues(body.issues)) notes.push({ level: 'changed', reason });
    const kind: ReportKind = plan.entry.type;
    try {
      const post = plan.action === 'create' ? await this.create(input, plan) : await this.update(input, plan, label);
      if (!post) return;
      this.count(kind, plan.action);
      await this.remember('post', item.id, post.id, plan.entry.fingerprint, targetHash(post));
      await importComments(
        this.tx!,
        post.id,
        item.approvedComments.map((c) => importedComment(c, this.deps.now)).filter((c) => c.body !== ''),
        this.deps.now,
      );
    } catch (error) {
      // Refused before anything was written: the rest of the import goes on without it.
      if (!isAppError(error) || error.code !== 'VALIDATION_FAILED') throw error;
      report.count(kind, 'skipped');
      report.note('skipped', label, `Masthead refused it: ${error.message}`);
      return;
    }
    for (const note of notes) report.note(note.level, label, note.reason);
  }

  private async create(input: ReturnType<typeof postInput>, plan: PostPlan): Promise<Post> {
    const post = await this.posts!.create(input);
    plan.targetId = post.id;
    return post;
  }

  /** Brings an imported post up to date, unless someone edited it here since: their work is kept. */
  private async update(input: ReturnType<typeof postInput>, plan: PostPlan, label: string): Promise<Post | null> {
    const current = await this.posts!.get(plan.targetId!);
    const earlier = this.deps.existing.imported.find((i) => i.kind === 'post' && i.externalId === plan.entry.id)?.targetHash;
    if (earlier && earlier !== targetHash(current)) {
      this.deps.report.count(plan.entry.type, 'unchanged');
      this.deps.report.note('doubtful', label, 'changed in WordPress, but also edited here since the last import; the version here was kept');
      return null;
    }
    const { slug: _slug, ...rest } = input;
    return this.posts!.update(current.id, rest);
  }

  /** Every old address of what was written, leading to its new home. */
  async writeAddresses(): Promise<void> {
    for (const [key, target] of this.addressTargets()) {
      const added = await addOldAddress(this.tx!, key, target, this.deps.now);
      this.deps.report.count('address', added ? 'created' : 'unchanged');
    }
  }

  private addressTargets(): Map<string, OldAddressTarget> {
    const { plans, site, index, images } = this.deps;
    const targets = new Map<string, OldAddressTarget>();
    const add = (keys: string[], target: OldAddressTarget | undefined, own: string) => {
      if (!target) return;
      const ownKey = oldAddressKey(own);
      for (const key of keys) if (key !== ownKey && !targets.has(key)) targets.set(key, target);
    };
    for (const plan of plans.posts.values()) {
      if (plan.targetId !== undefined) add(entryAddresses(plan.entry, site), { postId: plan.targetId }, `/${plan.slug}/`);
    }
    for (const attachment of index.attachments.values()) {
      const parent = plans.posts.get(attachment.parent)?.targetId;
      const image = images.ofAttachment(attachment.id);
      const target = parent !== undefined ? { postId: parent } : image && image.url.startsWith('/') ? { location: image.url } : undefined;
      add(attachmentAddresses(attachment, site), target, '');
    }
    for (const plan of new Set(plans.terms.values())) {
      const target = plan.targetId !== undefined ? { tagId: plan.targetId } : undefined;
      for (const term of [plan.term, ...plan.also]) add(termAddresses(term, this.ancestors(term), site), target, `/tag/${plan.slug}/`);
    }
    for (const plan of new Set(plans.authors.values())) {
      add(authorAddresses(plan, site), plan.targetId !== undefined ? { authorId: plan.targetId } : undefined, `/author/${plan.slug}/`);
    }
    return targets;
  }

  /** Old address keys of everything planned, and where each leads now, for rewriting links in bodies. */
  private linkMap(): Map<string, string> {
    if (this.links) return this.links;
    const { plans, site, index, images } = this.deps;
    const links = new Map<string, string>();
    const add = (keys: string[], to: string | undefined) => {
      if (to) for (const key of keys) if (!links.has(key)) links.set(key, to);
    };
    for (const plan of plans.posts.values()) if (plan.action !== 'skip') add(entryAddresses(plan.entry, site), `/${plan.slug}/`);
    for (const plan of new Set(plans.terms.values())) {
      for (const term of [plan.term, ...plan.also]) add(termAddresses(term, this.ancestors(term), site), `/tag/${plan.slug}/`);
    }
    for (const plan of new Set(plans.authors.values())) add(authorAddresses(plan, site), `/author/${plan.slug}/`);
    for (const attachment of index.attachments.values()) {
      const parent = plans.posts.get(attachment.parent);
      const to = parent && parent.action !== 'skip' ? `/${parent.slug}/` : images.ofAttachment(attachment.id)?.url;
      add(attachmentAddresses(attachment, site), to);
    }
    this.links = links;
    return links;
  }

  /** WordPress slugs of a category's parents, outermost first. */
  private ancestors(term: WxrTerm): string[] {
    const chain: string[] = [];
    const seen = new Set<string>();
    for (let parent = term.taxonomy === 'category' ? term.parent : ''; parent && !seen.has(parent); ) {
      seen.add(parent);
      chain.unshift(parent);
      parent = this.deps.plans.terms.get(`category:${parent}`)?.term.parent ?? '';
    }
    return chain;
  }

  /** A term's Masthead slug followed, for a category, by the slugs of its parents. */
  private tagSlugs(key: string): string[] {
    const plan = this.deps.plans.terms.get(key);
    if (!plan) return [];
    const parents = this.ancestors(plan.term)
      .reverse()
      .map((slug) => this.deps.plans.terms.get(`category:${slug}`)?.slug)
      .filter((s): s is string => s !== undefined);
    return [plan.slug, ...parents];
  }

  /** The author of an item; items that name none go to the export's first author. */
  private authorSlug(login: string): string {
    const plans = this.deps.plans.authors;
    return (plans.get(login) ?? plans.values().next().value!).slug;
  }

  private count(kind: ReportKind, action: string): void {
    const outcome = action === 'create' ? 'created' : action === 'update' ? 'updated' : 'unchanged';
    this.deps.report.count(kind, outcome);
  }

  private async remember(kind: string, externalId: string, targetId: number, sourceHash: string, targetHash = ''): Promise<void> {
    const item: ImportedItem = { kind, externalId, targetId, sourceHash, targetHash, importedAt: this.deps.now };
    await recordImported(this.tx!, this.deps.source, item);
  }
}

/** A digest of a post as written, without what time changes by itself (publication of scheduled posts). */
export function targetHash(post: Post): string {
  const { status: _status, publishedAt: _publishedAt, ...rest } = toInput(post);
  return digest(rest);
}

/** A WordPress comment as Masthead keeps one: plain text (its few tags dropped), its time in UTC (or `fallback` when it has none). */
function importedComment(comment: WxrComment, fallback: string): ImportedComment {
  const at = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})$/.exec(comment.dateGmt);
  const time = at && !at[1]!.startsWith('0000') ? new Date(`${at[1]}T${at[2]}Z`) : null;
  return {
    externalId: comment.id,
    parentExternalId: comment.parent,
    authorName: withoutControls(comment.author).slice(0, 120),
    authorEmail: comment.authorEmail,
    createdAt: time && !Number.isNaN(time.getTime()) ? time.toISOString() : fallback,
    body: withoutControls(textOf(parseHtml(comment.content))).trim(),
  };
}
