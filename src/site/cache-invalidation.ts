import type { ContentChange, Post, PostService } from '../content/index.js';
import { cacheKeys } from './page.js';
import type { PageCache } from './page-cache.js';

/** The listings a post appears in: its sections and tags, its authors and its format. */
function listingsOf(post: Post): string[] {
  return [
    ...post.tags.map((t) => cacheKeys.listTag(t.id)),
    ...post.authors.map((a) => cacheKeys.listAuthor(a.id)),
    cacheKeys.listFormat(post.format),
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

  constructor(private readonly deps: { cache: PageCache; posts: PostService }) {}

  async apply(change: ContentChange): Promise<void> {
    const { cache } = this.deps;
    switch (change.kind) {
      case 'settings':
        cache.clear();
        return;
      case 'tag':
        if (change.id === undefined) cache.invalidatePrefix('list:tag:');
        else cache.invalidate([cacheKeys.tag(change.id), cacheKeys.listTag(change.id), cacheKeys.sitemaps]);
        return;
      case 'author':
        if (change.id === undefined) cache.invalidatePrefix('list:author:');
        else cache.invalidate([cacheKeys.author(change.id), cacheKeys.listAuthor(change.id), cacheKeys.sitemaps]);
        return;
      case 'post':
        if (change.id === undefined) cache.clear();
        else await this.postChanged(change.id);
    }
  }

  private async postChanged(id: number): Promise<void> {
    const { cache, posts } = this.deps;
    const before = this.listings.get(id) ?? cache.keysAlongside(cacheKeys.post(id), 'list:');
    cache.invalidate([cacheKeys.post(id), cacheKeys.listAll, cacheKeys.sitemaps, ...before]);
    const [post] = await posts.load([id]);
    if (!post) {
      this.listings.delete(id);
      return;
    }
    const now = listingsOf(post);
    this.listings.set(id, now);
    cache.invalidate(now);
  }
}
