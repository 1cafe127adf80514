import type { ListFilter, Post } from '../../content/index.js';
import type { Translate } from '../../i18n/index.js';
import { imageView, type ImageView } from '../images.js';
import type { SiteDeps } from '../page.js';
import type { Crumb } from '../structured-data.js';
import { paths } from '../urls.js';

export const PAGE_SIZE = 12;
const CARD_SIZES = '(min-width: 64rem) 22rem, (min-width: 40rem) 45vw, 100vw';

/** A post as a card shows it: with its image sized for a card. */
export interface Card {
  post: Post;
  image: ImageView | null;
  /** How many comments the piece shows; 0 where there are none or comments are off. */
  comments: number;
}

export async function cards(deps: SiteDeps, posts: Post[], sizes = CARD_SIZES): Promise<Card[]> {
  const comments = await deps.comments.summaries(posts.map((p) => p.id));
  return Promise.all(posts.map(async (post) => ({ post, image: await imageView(post.featureImage, deps.media, sizes), comments: comments.get(post.id)?.count ?? 0 })));
}

export interface NumberedPage {
  posts: Post[];
  page: number;
  hasNext: boolean;
}

/** Page N of a listing (newest first); null when the page is past the end. */
export async function numberedPage(deps: SiteDeps, filter: ListFilter, page: number): Promise<NumberedPage | null> {
  const { posts, next } = await deps.listings.page(filter, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  if (page > 1 && posts.length === 0) return null;
  return { posts, page, hasNext: next !== null };
}

/** rel=prev/next addresses of page N of an archive whose first page is base. */
export function pageLinks(base: string, listing: NumberedPage) {
  return {
    prev: listing.page > 1 ? paths.paged(base, listing.page - 1) : null,
    next: listing.hasNext ? paths.paged(base, listing.page + 1) : null,
  };
}

/** The title and breadcrumbs of page N of a listing named `name` at `base`, in the site's language. */
export function pagedNames(siteTitle: string, name: string, base: string, page: number, t: Translate): { title: string; crumbs: Crumb[] } {
  const numbered = t('pagination.page', { page });
  return {
    title: page > 1 ? `${name} – ${numbered}` : name,
    crumbs: [{ name: siteTitle, path: '/' }, { name, path: base }, ...(page > 1 ? [{ name: numbered, path: paths.paged(base, page) }] : [])],
  };
}
