import type { ContentChange, Post, PostService } from '../content/index.js';
import { cacheKeys } from './page.js';
import type { ListingMemo } from './listing-memo.js';
import type { PageCache } from './page-cache.js';

/** How many posts' listings are remembered; older ones fall back to what the cache shows. */
const REMEMBERED = 20_000;

/** The listings a post appears in: its sections and tags, its authors, its format, its work and the people credited in it, and the people it names. */
function listingsOf(post: Post): string[] {
  const work = post.review?.work;
  return [
    ...post.tags.map((t) => cacheKeys.listTag(t.id)),
    ...post.authors.map((a) => cacheKeys.listAuthor(a.id)),
    cacheKeys.listFormat(post.format),
    ...(work ? [cacheKeys.listWork(work.id), ...work.credits.map((c) => cacheKeys.listPerson(c.person.id))] : []),
    ...post.people.map((p) => cacheKeys.listPerson(p.person.id)),
  ];
}

/**
 * Turns content changes into cache invalidations. A post change drops the post's own page, every
 * page showing it, home, feeds, sitemaps, and the listings it belongs to now and belonged to
 * before: remembered from its last change, or else (first change since start) the listings of
 * the cached pages that show it.
 */
export class CacheInvalidator {
  private readonly listings = new Map<number, string[]>();

  constructor(private readonly deps: { cache: PageCache; memo: ListingMemo; posts: PostService }) {}

  async apply(change: ContentChange): Promise<void> {
    if (change.kind === 'post' && change.id !== undefined) return this.postChanged(change.id);
    // Comments show on the piece's page and as counts on its cards: every page showing the piece.
    if (change.kind === 'comments' && change.id !== undefined) return this.drop([cacheKeys.post(change.id)]);
    if (change.kind === 'tag' && change.id !== undefined) {
      return this.drop([cacheKeys.tag(change.id), cacheKeys.listTag(change.id), cacheKeys.sitemaps]);
    }
    if (change.kind === 'author' && change.id !== undefined) {
      return this.drop([cacheKeys.author(change.id), cacheKeys.listAuthor(change.id), cacheKeys.sitemaps]);
    }
    // Settings, or a change that does not say what it touched: everything is redrawn.
    this.deps.cache.clear();
    this.deps.memo.clear();
  }

  /** Drops what depends on the keys; with `since`, only what was rendered or read before it. */
  private drop(keys: string[], since?: { page: number; memo: number }): void {
    this.deps.cache.invalidate(keys, since?.page);
    this.deps.memo.invalidate(keys, since?.memo);
  }

  private async postChanged(id: number): Promise<void> {
    const before = this.listings.get(id) ?? this.deps.cache.keysAlongside(cacheKeys.post(id), 'list:');
    this.drop([cacheKeys.post(id), cacheKeys.listAll, cacheKeys.sitemaps, ...before]);
    // The change has committed: whatever is rendered from here on shows it, and needs no second drop.
    const since = { page: this.deps.cache.generation, memo: this.deps.memo.generation };
    const [post] = await this.deps.posts.load([id]);
    if (!post) {
      this.listings.delete(id);
      return;
    }
    const now = listingsOf(post);
    this.listings.delete(id);
    if (this.listings.size >= REMEMBERED) this.listings.delete(this.listings.keys().next().value!);
    this.listings.set(id, now);
    this.drop(now, since);
  }
}
