import type { FeatureImage } from '../../content/index.js';
import { AppError, type FieldError } from '../../errors/app-error.js';
import { adminPostFieldNames, socialCardFields } from '../serialize.js';

/**
 * Fields of Ghost's posts that Masthead answers but never takes from a client: derived ones (url,
 * excerpt, reading time …), the identity, and those Ghost has and Masthead does not keep (social
 * cards, code injection, email settings). Sent back unchanged, as clients do when they edit what
 * they read, they are accepted and ignored, as Ghost ignores its read-only fields.
 */
const ignoredFields = new Set<string>([
  'id',
  'uuid',
  'comment_id',
  'url',
  'excerpt',
  'reading_time',
  'access',
  'comments',
  'created_at',
  'updated_at',
  'primary_tag',
  'primary_author',
  'plaintext',
  ...socialCardFields,
  'codeinjection_head',
  'codeinjection_foot',
  'custom_template',
  'email_subject',
  'frontmatter',
  'email_only',
  'newsletter',
  'email',
  'tiers',
  'count',
  'type',
  'authors_ids',
]);

/** Where a Ghost field goes in Masthead's post input. */
const renamed: Record<string, string> = {
  title: 'title',
  slug: 'slug',
  status: 'status',
  featured: 'featured',
  visibility: 'visibility',
  published_at: 'publishedAt',
  custom_excerpt: 'excerpt',
  meta_title: 'seoTitle',
  meta_description: 'seoDescription',
  canonical_url: 'canonicalUrl',
  format: 'format',
  content_notes: 'contentNotes',
  review: 'review',
};

const known = new Set<string>([...adminPostFieldNames, ...ignoredFields, 'feature_image_alt', 'feature_image_caption']);

/** A Ghost post or page as Masthead's post fields, with its tags and authors still as Ghost sent them. */
interface GhostPostChanges {
  changes: Record<string, unknown>;
  tags: unknown[] | undefined;
  authors: unknown[] | undefined;
}

/**
 * Reads one Ghost post from a request. `html` is the body only with `?source=html`, as in Ghost
 * (without it Ghost ignores html too); Lexical and Mobiledoc documents are refused, since
 * Masthead keeps HTML. A value null clears the field.
 */
export function ghostPostChanges(item: Record<string, unknown>, options: { sourceHtml: boolean; prefix: string; current?: FeatureImage | null }): GhostPostChanges {
  const problems: FieldError[] = [];
  const changes: Record<string, unknown> = {};
  const field = (name: string) => `${options.prefix}.${name}`;
  for (const [name, value] of Object.entries(item)) {
    if (renamed[name]) changes[renamed[name]] = value;
    else if (!known.has(name)) problems.push({ field: field(name), message: 'is not a field of Ghost posts' });
    else if ((name === 'lexical' || name === 'mobiledoc') && value !== null && value !== undefined && !options.sourceHtml) {
      problems.push({ field: field(name), message: 'cannot be read: Masthead keeps posts as HTML; send html with ?source=html' });
    }
  }
  if (options.sourceHtml && 'html' in item) {
    if (item.html !== null && typeof item.html !== 'string') problems.push({ field: field('html'), message: 'must be text' });
    changes.body = item.html ?? '';
    changes.bodyFormat = 'html';
  }
  if ('status' in item && item.status === 'sent') problems.push({ field: field('status'), message: 'cannot be sent: Masthead emails posts from its newsletter screens' });
  if ('visibility' in item && item.visibility === 'tiers') problems.push({ field: field('visibility'), message: 'must be public, members or paid: Masthead gates by membership, not by tier' });
  const image = featureImage(item, options.current ?? null, field, problems);
  if (image !== undefined) changes.featureImage = image;
  for (const list of ['tags', 'authors'] as const) {
    if (item[list] !== undefined && item[list] !== null && !Array.isArray(item[list])) problems.push({ field: field(list), message: 'must be a list' });
  }
  if (problems.length > 0) throw AppError.validation(problems);
  return {
    changes,
    tags: Array.isArray(item.tags) ? item.tags : item.tags === null ? [] : undefined,
    authors: Array.isArray(item.authors) ? item.authors : undefined,
  };
}

/** Ghost spreads the feature image over three fields; Masthead keeps one object. Captions are text here. */
function featureImage(item: Record<string, unknown>, current: FeatureImage | null, field: (name: string) => string, problems: FieldError[]): unknown {
  if (!('feature_image' in item) && !('feature_image_alt' in item) && !('feature_image_caption' in item)) return undefined;
  const url = 'feature_image' in item ? item.feature_image : current?.url;
  if (url === null || url === '') return null;
  if (url === undefined) {
    problems.push({ field: field('feature_image'), message: 'is needed with its alt text or caption' });
    return undefined;
  }
  const alt = 'feature_image_alt' in item ? (item.feature_image_alt ?? '') : (current?.alt ?? '');
  const given = 'feature_image_caption' in item ? item.feature_image_caption : current?.caption;
  const caption = typeof given === 'string' ? given.replace(/<[^>]*>/g, '').trim() : undefined;
  return { url, alt, ...(caption ? { caption } : {}), ...(current?.credit && url === current.url ? { credit: current.credit } : {}) };
}

/** Masthead's names of post fields back in Ghost's, so errors name what the client sent. */
export const ghostPostNames: Record<string, string> = {
  ...Object.fromEntries(Object.entries(renamed).map(([ghost, masthead]) => [masthead, ghost])),
  body: 'html',
  'featureImage.url': 'feature_image',
  'featureImage.alt': 'feature_image_alt',
  'featureImage.caption': 'feature_image_caption',
  featureImage: 'feature_image',
};
