import { createHash } from 'node:crypto';
import { forViewer, type Author, type Post, type Tag, type Viewer } from '../content/index.js';
import type { Member, Plan } from '../members/index.js';
import type { SiteSettings } from '../settings/index.js';

/**
 * Ghost's shapes of posts, pages, tags, authors, tiers, settings and members, built from
 * Masthead's own objects. Fields Ghost has and Masthead does not are present as null, so clients
 * that read them (or ask for them with `fields=`) find what they expect; Masthead's extras
 * (format, review facts, content notes, sections, author links) come as additional fields.
 */

/** A stable UUID for an item (Ghost's `uuid`), derived from its kind and id. */
function itemUuid(kind: string, id: number): string {
  const hex = createHash('sha256').update(`masthead:${kind}:${id}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

interface ShapeOptions {
  publicUrl: string;
  /** What the client asked to include: `tags`, `authors`, `count.posts` … */
  include: ReadonlySet<string>;
  /** `html`, `plaintext`. */
  formats: ReadonlySet<string>;
}

const url = (path: string, publicUrl: string) => new URL(path, publicUrl).toString();

/** Ghost's cards for social networks; Masthead builds them from the item itself, so none is stored. */
/** The social-card fields Ghost gives tags and posts (and takes in the Admin API). */
export const socialCardFields = ['og_image', 'og_title', 'og_description', 'twitter_image', 'twitter_title', 'twitter_description'] as const;
const noSocialCards = { og_image: null, og_title: null, og_description: null, twitter_image: null, twitter_title: null, twitter_description: null } as const;

export const tagFieldNames = [
  'id',
  'name',
  'slug',
  'description',
  'feature_image',
  'visibility',
  ...socialCardFields,
  'meta_title',
  'meta_description',
  'codeinjection_head',
  'codeinjection_foot',
  'canonical_url',
  'accent_color',
  'url',
  'count',
  'section',
] as const;

export function ghostTag(tag: Tag, publicUrl: string, postCount?: number) {
  return {
    id: String(tag.id),
    name: tag.name,
    slug: tag.slug,
    description: tag.description || null,
    feature_image: null,
    visibility: tag.visibility,
    ...noSocialCards,
    meta_title: null,
    meta_description: null,
    codeinjection_head: null,
    codeinjection_foot: null,
    canonical_url: null,
    accent_color: tag.accentColor,
    // Internal tags have no page; Ghost gives them its 404 address.
    url: url(tag.visibility === 'internal' ? '/404/' : `/tag/${tag.slug}/`, publicUrl),
    ...(postCount === undefined ? {} : { count: { posts: postCount } }),
    section: tag.isSection,
  };
}

export const authorFieldNames = ['id', 'name', 'slug', 'profile_image', 'cover_image', 'bio', 'website', 'location', 'facebook', 'twitter', 'meta_title', 'meta_description', 'url', 'count', 'links'] as const;

export function ghostAuthor(author: Author, publicUrl: string, postCount?: number) {
  return {
    id: String(author.id),
    name: author.name,
    slug: author.slug,
    profile_image: author.photoUrl,
    cover_image: null,
    bio: author.bio || null,
    website: author.website,
    location: null,
    facebook: null,
    twitter: null,
    meta_title: null,
    meta_description: null,
    url: url(`/author/${author.slug}/`, publicUrl),
    ...(postCount === undefined ? {} : { count: { posts: postCount } }),
    links: author.links,
  };
}

export const postFieldNames = [
  'id',
  'uuid',
  'title',
  'slug',
  'html',
  'plaintext',
  'comment_id',
  'feature_image',
  'feature_image_alt',
  'feature_image_caption',
  'featured',
  'visibility',
  'created_at',
  'updated_at',
  'published_at',
  'custom_excerpt',
  'codeinjection_head',
  'codeinjection_foot',
  'custom_template',
  'canonical_url',
  'tags',
  'authors',
  'primary_author',
  'primary_tag',
  'url',
  'excerpt',
  'reading_time',
  'access',
  'comments',
  ...socialCardFields,
  'meta_title',
  'meta_description',
  'email_subject',
  'frontmatter',
  'format',
  'content_notes',
  'review',
] as const;

export const adminPostFieldNames = [...postFieldNames, 'status', 'email_only', 'newsletter', 'email', 'tiers', 'lexical', 'mobiledoc'] as const;

/**
 * A post or page as the Content API shows it to this viewer: a gated piece the viewer may not
 * read has empty `html` and `plaintext` and `access: false` (forViewer keeps its body out).
 */
export function ghostPost(post: Post, viewer: Viewer, options: ShapeOptions, comments: { on: boolean; count: number } = { on: false, count: 0 }) {
  const shown = forViewer(post, viewer);
  const { include, formats, publicUrl } = options;
  const authors = include.has('authors') ? shown.authors.map((a) => ghostAuthor(a, publicUrl)) : undefined;
  // As in Ghost, a post's tags include its internal ones (marked so); themes and clients leave them out.
  const tags = include.has('tags') ? [...shown.tags, ...shown.internalTags].map((t) => ghostTag(t, publicUrl)) : undefined;
  return {
    id: String(shown.id),
    uuid: itemUuid('post', shown.id),
    title: shown.title,
    slug: shown.slug,
    ...(formats.has('html') ? { html: shown.html } : {}),
    ...(formats.has('plaintext') ? { plaintext: shown.plaintext } : {}),
    comment_id: String(shown.id),
    feature_image: shown.featureImage?.url ?? null,
    feature_image_alt: shown.featureImage?.alt || null,
    feature_image_caption: shown.featureImage?.caption ?? null,
    featured: shown.featured,
    visibility: shown.visibility,
    created_at: shown.createdAt,
    updated_at: shown.updatedAt,
    published_at: shown.publishedAt,
    custom_excerpt: shown.customExcerpt || null,
    codeinjection_head: null,
    codeinjection_foot: null,
    custom_template: null,
    canonical_url: shown.canonicalUrl,
    ...(tags ? { tags, primary_tag: shown.primaryTag ? ghostTag(shown.primaryTag, publicUrl) : null } : {}),
    ...(authors ? { authors, primary_author: authors[0] ?? null } : {}),
    url: url(`/${shown.slug}/`, publicUrl),
    excerpt: shown.excerpt,
    reading_time: shown.readingMinutes,
    access: !shown.gated,
    comments: comments.on,
    ...(include.has('count.comments') ? { count: { comments: comments.count } } : {}),
    ...noSocialCards,
    meta_title: shown.seoTitle,
    meta_description: shown.seoDescription,
    email_subject: null,
    frontmatter: null,
    format: shown.format,
    content_notes: shown.contentNotes,
    review: shown.review,
  };
}

/** The Admin API's post: everything the Content API shows (in full: staff read every piece) and the editorial state. */
export function ghostAdminPost(post: Post, options: ShapeOptions) {
  return {
    ...ghostPost(post, { kind: 'staff' }, options),
    status: post.status,
    email_only: false,
    newsletter: null,
    email: null,
    tiers: [],
  };
}

export const tierFieldNames = [
  'id',
  'name',
  'description',
  'slug',
  'active',
  'type',
  'welcome_page_url',
  'created_at',
  'updated_at',
  'visibility',
  'trial_days',
  'currency',
  'monthly_price',
  'yearly_price',
  'benefits',
  'print',
] as const;

export function ghostTier(plan: Plan) {
  return {
    id: String(plan.id),
    name: plan.name,
    description: plan.description || null,
    slug: plan.slug,
    active: plan.active,
    type: plan.tier === 'free' ? 'free' : 'paid',
    welcome_page_url: null,
    created_at: null,
    updated_at: null,
    visibility: 'public',
    trial_days: plan.trialDays,
    currency: plan.tier === 'free' ? null : plan.currency.toUpperCase(),
    monthly_price: plan.monthlyCents,
    yearly_price: plan.yearlyCents,
    benefits: [],
    print: plan.tier === 'print' ? { issues_per_year: plan.issuesPerYear } : null,
  };
}

export function ghostSettings(site: SiteSettings, publicUrl: string) {
  const navigation = (items: SiteSettings['navigation']) => items.map((i) => ({ label: i.label, url: i.url }));
  return {
    title: site.title,
    description: site.description,
    logo: site.logoUrl,
    icon: null,
    accent_color: site.accentColor,
    cover_image: null,
    facebook: null,
    twitter: null,
    lang: site.locale,
    locale: site.locale,
    timezone: site.timezone,
    codeinjection_head: null,
    codeinjection_foot: null,
    navigation: navigation(site.navigation),
    secondary_navigation: navigation(site.footerNavigation),
    meta_title: null,
    meta_description: null,
    ...noSocialCards,
    members_support_address: null,
    url: url('/', publicUrl),
    copyright: site.copyright,
  };
}

export const memberFieldNames = ['id', 'uuid', 'email', 'name', 'note', 'status', 'labels', 'created_at', 'updated_at'] as const;

export function ghostMember(member: Member, paid: boolean) {
  return {
    id: String(member.id),
    uuid: itemUuid('member', member.id),
    email: member.email,
    name: member.name || null,
    note: null,
    status: paid ? 'paid' : 'free',
    labels: [],
    created_at: member.createdAt,
    updated_at: null,
  };
}

/** Only the fields a client asked for (`fields=title,url`), in Ghost's manner. */
export function pick<T extends Record<string, unknown>>(item: T, fields: readonly string[] | undefined): Partial<T> {
  if (!fields) return item;
  return Object.fromEntries(fields.filter((f) => f in item).map((f) => [f, item[f]])) as Partial<T>;
}
