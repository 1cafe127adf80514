import type { CommentService } from '../comments/index.js';
import type { PostService, TaxonomyService, Post } from '../content/index.js';
import type { SettingsService } from '../settings/index.js';
import type { ImageView, ResponsiveImages } from './images.js';
import type { ListingMemo } from './listing-memo.js';
import type { Theme } from './theme.js';

/** Recommendations as the search domain provides them (precomputed; never computed on request). */
export interface RelatedPosts {
  related(postId: number, limit: number): Promise<Post[]>;
}

export interface SiteDeps {
  posts: PostService;
  taxonomy: TaxonomyService;
  settings: SettingsService;
  theme: Theme;
  publicUrl: string;
  /** Short lists (newest of a listing, recommendations), kept in memory between changes. */
  listings: Pick<ListingMemo, 'latest' | 'related' | 'page'>;
  media?: ResponsiveImages;
  /** Readers' comments shown under pieces, and their counts on cards. */
  comments: Pick<CommentService, 'postAccess' | 'shownPage' | 'summaries'>;
}

/** What the layout needs to describe a page to browsers, search engines and social sites. */
export interface PageMeta {
  /** The page's own title; the site title is added by the layout. Null on the home page. */
  title: string | null;
  description: string;
  /** The page's address; null for answers that have none of their own (errors, search). */
  path: string | null;
  canonical: string | null;
  type: 'website' | 'article' | 'profile';
  image: ImageView | null;
  prev: string | null;
  next: string | null;
  feed: { title: string; path: string } | null;
  jsonLd: object[];
  published: string | null;
  modified: string | null;
  section: string | null;
  tags: string[];
  noindex: boolean;
}

/** A page ready to render, with the cache keys of everything it shows. */
export interface Page {
  template: string;
  view: object;
  meta: PageMeta;
  keys: Set<string>;
  /** False for teasers of gated pieces: a shared cache must not keep them for members. */
  shareable: boolean;
}

export function pageMeta(fields: Partial<PageMeta> & Pick<PageMeta, 'path' | 'description'>): PageMeta {
  return {
    title: null,
    canonical: null,
    type: 'website',
    image: null,
    prev: null,
    next: null,
    feed: null,
    jsonLd: [],
    published: null,
    modified: null,
    section: null,
    tags: [],
    noindex: false,
    ...fields,
  };
}

/**
 * Cache keys: what a page shows (post:, tag:, author:) and which listings it belongs to (list:).
 * A reviewed work's facts change with the pieces about it, so they share its listing key.
 */
export const cacheKeys = {
  post: (id: number) => `post:${id}`,
  tag: (id: number) => `tag:${id}`,
  author: (id: number) => `author:${id}`,
  listAll: 'list:all',
  listTag: (id: number) => `list:tag:${id}`,
  listAuthor: (id: number) => `list:author:${id}`,
  listFormat: (format: string) => `list:format:${format}`,
  /** A reviewed work: its facts and the pieces about it. */
  listWork: (id: number) => `list:work:${id}`,
  /** The pieces about works that credit a person. */
  listPerson: (id: number) => `list:person:${id}`,
  sitemaps: 'sitemaps',
};

/** Adds the keys of every post shown on a page (and of their sections, authors and reviewed works). */
export function showPosts(keys: Set<string>, posts: Post[]): void {
  for (const post of posts) {
    keys.add(cacheKeys.post(post.id));
    // Any piece about a work may change the work's facts (its credits), which a review shows.
    if (post.review) keys.add(cacheKeys.listWork(post.review.work.id));
    // Internal tags too: one made public must redraw the pages that now show it.
    for (const tag of [...post.tags, ...post.internalTags]) keys.add(cacheKeys.tag(tag.id));
    for (const author of post.authors) keys.add(cacheKeys.author(author.id));
  }
}
