import { MAX_BODY_CHARS, type PostInput } from '../../content/index.js';
import { AppError } from '../../errors/app-error.js';
import type { ConvertedBody } from './body.types.js';
import { plainText } from './html.js';
import { oneLine } from './names.js';
import { reviewFromFields } from './review-facts.js';
import { meta } from './scan.js';
import type { WxrItem } from './wxr.types.js';

const MAX_TAGS = 20;

/** What a post's input needs from the rest of the import. */
export interface InputContext {
  now: string;
  slug: string;
  authorSlug: string;
  /** Masthead tag slugs of a WordPress term (`category:news`) with, for categories, those of its parents. */
  tagSlugs(key: string): string[];
  /** Masthead slug of a category by WordPress term id (for the primary category fields of SEO plugins). */
  categoryById(id: string): string | undefined;
  featureImage(attachmentId: string): { url: string; alt: string; caption: string } | null;
  note(level: 'changed' | 'doubtful', reason: string): void;
}

/**
 * The Masthead post input for a WordPress post or page. Statuses: published stays published
 * (scheduled when its date is still to come), scheduled stays scheduled (published when its time
 * has passed), drafts and pending posts are drafts; private and password-protected posts become
 * drafts, since Masthead has neither, so nothing becomes readable that was not.
 */
export function postInput(item: WxrItem, body: ConvertedBody, context: InputContext): PostInput {
  if (body.html.length > MAX_BODY_CHARS) {
    throw new AppError(
      'IMPORT_FILE_UNREADABLE',
      `The ${item.type} ${item.id} "${oneLine(plainText(item.title), 60)}" (line ${item.line}) is ${body.html.length.toLocaleString('en')} characters long once converted; at most ${MAX_BODY_CHARS.toLocaleString('en')} fit in a post.`,
    );
  }
  const type = item.type === 'page' ? 'page' : 'post';
  const date = dateOf(item);
  const { status, publishedAt } = statusOf(item, date, context);
  const found = type === 'post' ? reviewFromFields(item.meta) : {};
  if (found.doubt) context.note('doubtful', found.doubt);
  const featureImage = featureOf(item, context);
  return {
    type,
    title: titleOf(item, body, context),
    slug: context.slug,
    excerpt: excerptOf(item, context),
    body: body.html,
    bodyFormat: 'html',
    format: found.review ? 'review' : 'article',
    status,
    visibility: 'public',
    featured: item.sticky && type === 'post',
    ...(publishedAt ? { publishedAt } : {}),
    tags: type === 'post' ? tagsOf(item, context) : [],
    authors: [context.authorSlug],
    ...(featureImage ? { featureImage } : {}),
    ...seoOf(item),
    contentNotes: [],
    ...(found.review ? { review: found.review } : {}),
  };
}

function titleOf(item: WxrItem, body: ConvertedBody, context: InputContext): string {
  const title = oneLine(plainText(item.title), 300);
  if (title) {
    if (plainText(item.title).length > 300) context.note('changed', 'its title was longer than 300 characters and was cut');
    return title;
  }
  const opening = plainText(body.html).split(/(?<=[.!?])\s/)[0] ?? '';
  const made = oneLine(opening, 80) || oneLine(context.slug.replace(/-/g, ' '), 80) || 'Untitled';
  context.note('changed', `it had no title; it is titled "${made}" from its ${opening ? 'opening words' : 'address'}`);
  return made;
}

function excerptOf(item: WxrItem, context: InputContext): string {
  const excerpt = plainText(item.excerpt);
  if (excerpt.length <= 1000) return excerpt;
  context.note('changed', 'its excerpt was longer than 1,000 characters and was cut');
  return oneLine(excerpt, 1000);
}

/** When the piece appeared: the GMT date, else the RSS date, else the local date read as UTC. */
function dateOf(item: WxrItem): string | null {
  const gmt = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$/.exec(item.postDateGmt);
  if (gmt && !item.postDateGmt.startsWith('0000')) return valid(`${gmt[1]}T${gmt[2]}Z`);
  const rss = Date.parse(item.pubDate);
  if (item.pubDate && Number.isFinite(rss) && rss > 0) return new Date(rss).toISOString();
  const local = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$/.exec(item.postDate);
  return local && !item.postDate.startsWith('0000') ? valid(`${local[1]}T${local[2]}Z`) : null;
}

function valid(iso: string): string | null {
  const time = Date.parse(iso);
  return Number.isFinite(time) ? new Date(time).toISOString() : null;
}

function statusOf(item: WxrItem, date: string | null, context: InputContext): { status: PostInput['status']; publishedAt?: string } {
  const protectedByPassword = item.password.trim() !== '';
  if (protectedByPassword && (item.status === 'publish' || item.status === 'future')) {
    context.note('changed', 'it was password-protected; it is a draft here (Masthead has no passwords per piece): publish it, for members if you like, when ready');
    return { status: 'draft', ...(date ? { publishedAt: date } : {}) };
  }
  switch (item.status) {
    case 'publish':
    case 'future': {
      const at = date ?? context.now;
      if (at > context.now) {
        if (item.status === 'publish') context.note('doubtful', `it was published with a date still to come (${at}); it is scheduled for then`);
        return { status: 'scheduled', publishedAt: at };
      }
      if (item.status === 'future') context.note('changed', `it was scheduled for ${at}, which has passed; it is published`);
      return { status: 'published', publishedAt: at };
    }
    case 'private':
      context.note('changed', "it was private (visible only to the old site's staff); it is a draft here");
      return { status: 'draft', ...(date ? { publishedAt: date } : {}) };
    case 'pending':
      context.note('changed', 'it was waiting for review; it is a draft here');
      return { status: 'draft' };
    default:
      return { status: 'draft' };
  }
}

/** Categories (the primary one first, then their parents) and tags, at most 20. */
function tagsOf(item: WxrItem, context: InputContext): string[] {
  const primary = context.categoryById(meta(item, '_yoast_wpseo_primary_category') || meta(item, 'rank_math_primary_category'));
  const categories = item.terms.filter((t) => t.domain === 'category');
  const tags = item.terms.filter((t) => t.domain === 'post_tag' || t.domain === 'tag');
  const own = [...categories.map((t) => context.tagSlugs(`category:${t.slug || t.name}`)[0]), ...tags.map((t) => context.tagSlugs(`post_tag:${t.slug || t.name}`)[0])];
  const parents = categories.flatMap((t) => context.tagSlugs(`category:${t.slug || t.name}`).slice(1));
  const all = [...new Set([primary, ...own, ...parents].filter((s): s is string => s !== undefined))];
  if (all.length > MAX_TAGS) {
    context.note('changed', `it had ${all.length} categories and tags; the first ${MAX_TAGS} were kept (Masthead allows ${MAX_TAGS})`);
  }
  return all.slice(0, MAX_TAGS);
}

function featureOf(item: WxrItem, context: InputContext): PostInput['featureImage'] {
  const id = meta(item, '_thumbnail_id');
  if (!id) return undefined;
  const image = context.featureImage(id);
  if (!image) {
    context.note('doubtful', `its featured image (attachment ${id}) could not be brought over`);
    return undefined;
  }
  return { url: image.url, alt: oneLine(image.alt, 300), ...(image.caption ? { caption: oneLine(image.caption, 500) } : {}) };
}

/** What the common SEO plugins (Yoast, Rank Math) stored, when it is plain text. */
function seoOf(item: WxrItem): Pick<PostInput, 'seoTitle' | 'seoDescription' | 'canonicalUrl'> {
  const title = meta(item, '_yoast_wpseo_title') || meta(item, 'rank_math_title');
  const description = meta(item, '_yoast_wpseo_metadesc') || meta(item, 'rank_math_description');
  const canonical = meta(item, '_yoast_wpseo_canonical') || meta(item, 'rank_math_canonical_url');
  const plain = (value: string) => !value.includes('%');
  return {
    ...(title && plain(title) ? { seoTitle: oneLine(plainText(title), 300) } : {}),
    ...(description && plain(description) ? { seoDescription: plainText(description).slice(0, 500) } : {}),
    ...(/^https?:\/\/\S+$/.test(canonical) && canonical.length <= 2000 ? { canonicalUrl: canonical } : {}),
  };
}
