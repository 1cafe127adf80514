import type { PostInput } from '../../content/index.js';
import { plainText } from '../wordpress/html.js';
import { oneLine } from '../wordpress/names.js';
import type { GhostPost, GhostPostMeta } from './ghost.reader.js';

const MAX_TAGS = 20;
const MAX_AUTHORS = 10;

export interface GhostInputContext {
  now: string;
  slug: string;
  type: 'post' | 'page';
  body: string;
  tags: string[];
  authors: string[];
  featureImage: { url: string; width?: number } | null;
  note(level: 'changed' | 'doubtful', reason: string): void;
}

/** The Masthead post input for a Ghost post or page. */
export function ghostPostInput(post: GhostPost, meta: GhostPostMeta | undefined, context: GhostInputContext): PostInput {
  const { status, publishedAt } = statusOf(post, context);
  if (context.tags.length > MAX_TAGS) context.note('changed', `it had ${context.tags.length} tags; the first ${MAX_TAGS} were kept`);
  if (context.authors.length > MAX_AUTHORS) context.note('changed', `it had ${context.authors.length} authors; the first ${MAX_AUTHORS} were kept`);
  const seoTitle = oneLine(meta?.meta_title ?? '', 300);
  const seoDescription = oneLine(meta?.meta_description ?? '', 500);
  const canonical = post.canonical_url.trim();
  return {
    type: context.type,
    title: titleOf(post, context),
    slug: context.slug,
    excerpt: excerptOf(post, context),
    body: context.body,
    bodyFormat: 'html',
    format: 'article',
    status,
    visibility: visibilityOf(post, context),
    featured: post.featured && context.type === 'post',
    ...(publishedAt ? { publishedAt } : {}),
    tags: context.type === 'post' ? context.tags.slice(0, MAX_TAGS) : [],
    authors: context.authors.slice(0, MAX_AUTHORS),
    ...(context.featureImage
      ? {
          featureImage: {
            url: context.featureImage.url,
            alt: oneLine(meta?.feature_image_alt ?? '', 300),
            ...(meta?.feature_image_caption ? { caption: oneLine(plainText(meta.feature_image_caption), 500) } : {}),
          },
        }
      : {}),
    ...(seoTitle ? { seoTitle } : {}),
    ...(seoDescription ? { seoDescription } : {}),
    ...(/^https?:\/\/\S+$/.test(canonical) && canonical.length <= 2000 ? { canonicalUrl: canonical } : {}),
    contentNotes: [],
  };
}

function titleOf(post: GhostPost, context: GhostInputContext): string {
  const title = oneLine(post.title, 300);
  if (post.title.trim().length > 300) context.note('changed', 'its title was longer than 300 characters and was cut');
  if (title) return title;
  context.note('changed', 'it had no title; it is titled "Untitled"');
  return 'Untitled';
}

function excerptOf(post: GhostPost, context: GhostInputContext): string {
  const excerpt = post.custom_excerpt.replace(/\s+/g, ' ').trim();
  if (excerpt.length <= 1000) return excerpt;
  context.note('changed', 'its excerpt was longer than 1,000 characters and was cut');
  return oneLine(excerpt, 1000);
}

/**
 * Who may read it: public, members and paid as they were; posts for chosen tiers are for paying
 * members here (Masthead has no tiers), and any other filter too, so nothing becomes more open.
 */
function visibilityOf(post: GhostPost, context: GhostInputContext): PostInput['visibility'] {
  const visibility = post.visibility.trim() || 'public';
  if (visibility === 'public' || visibility === 'members' || visibility === 'paid') return visibility;
  context.note(
    'changed',
    visibility === 'tiers'
      ? 'it was for chosen tiers in Ghost; it is for paying members here (Masthead has no tiers)'
      : `its visibility "${oneLine(visibility, 80)}" has no match here; it is for paying members, so that nobody gains access`,
  );
  return 'paid';
}

function statusOf(post: GhostPost, context: GhostInputContext): { status: PostInput['status']; publishedAt?: string } {
  const time = Date.parse(post.published_at);
  const date = Number.isFinite(time) && time > 0 ? new Date(time).toISOString() : undefined;
  switch (post.status) {
    case 'published':
    case 'scheduled': {
      const at = date ?? context.now;
      if (at > context.now) return { status: 'scheduled', publishedAt: at };
      if (post.status === 'scheduled') context.note('changed', `it was scheduled for ${at}, which has passed; it is published`);
      return { status: 'published', publishedAt: at };
    }
    case 'sent':
      context.note('changed', 'it was sent only as an email in Ghost, never shown on the site; it is a draft here');
      return { status: 'draft', ...(date ? { publishedAt: date } : {}) };
    case 'draft':
    case '':
      return { status: 'draft' };
    default:
      context.note('changed', `its status "${oneLine(post.status, 40)}" is unknown here; it is a draft`);
      return { status: 'draft' };
  }
}
