import type { NamedPerson, Review } from '../reviews/index.js';
import type { Author, Tag } from './taxonomy.types.js';
import type { BodyFormat } from './render.js';

/** Formats of writing; each has an archive at /<path>/. Add one here to extend the list. */
export const postFormats = {
  article: { label: 'Article', plural: 'Articles', path: 'articles' },
  review: { label: 'Review', plural: 'Reviews', path: 'reviews' },
  interview: { label: 'Interview', plural: 'Interviews', path: 'interviews' },
  news: { label: 'News', plural: 'News', path: 'news' },
  list: { label: 'List', plural: 'Lists', path: 'lists' },
  essay: { label: 'Essay', plural: 'Essays', path: 'essays' },
} as const;

export type PostFormat = keyof typeof postFormats;
export const postStatuses = ['draft', 'scheduled', 'published', 'archived'] as const;
export type PostStatus = (typeof postStatuses)[number];
export const visibilities = ['public', 'members', 'paid'] as const;
export type Visibility = (typeof visibilities)[number];
export type PostType = 'post' | 'page';

export interface FeatureImage {
  url: string;
  alt: string;
  caption: string | null;
  credit: string | null;
}

export interface Post {
  id: number;
  type: PostType;
  slug: string;
  title: string;
  /** The excerpt to show: the custom one, else the opening of the body. */
  excerpt: string;
  customExcerpt: string;
  bodyFormat: BodyFormat;
  body: string;
  html: string;
  plaintext: string;
  wordCount: number;
  readingMinutes: number;
  format: PostFormat;
  status: PostStatus;
  visibility: Visibility;
  featured: boolean;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
  revision: number;
  /** The first public tag, when it is a section's. */
  primaryTag: Tag | null;
  /** The tags readers see, in the editor's order. Internal ones are apart, so nothing shows them by mistake. */
  tags: Tag[];
  /** Internal tags (Ghost's `#name`), for staff and integrations only. */
  internalTags: Tag[];
  authors: Author[];
  featureImage: FeatureImage | null;
  seoTitle: string | null;
  seoDescription: string | null;
  canonicalUrl: string | null;
  contentNotes: string[];
  review: Review | null;
  /** People the piece is about other than through a reviewed work (an interview's subject), with their role. */
  people: NamedPerson[];
}

/** Where a listing starts: after the post with this date and id (newest first). */
export interface Cursor {
  publishedAt: string;
  id: number;
}

export interface ListFilter {
  /** Posts unless said otherwise; pages are listed for the Content API. */
  type?: PostType;
  tagId?: number;
  authorId?: number;
  format?: PostFormat;
  featured?: boolean;
  /** Pieces about one reviewed work. */
  workId?: number;
  /** Pieces about any work that credits this person, or that name them. */
  personId?: number;
}

export interface PostPage {
  posts: Post[];
  next: Cursor | null;
}
