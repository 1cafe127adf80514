import type { ListFilter, Post, PostService } from '../content/index.js';
import { cacheKeys, showPosts, type RelatedPosts } from './page.js';

const MAX_ENTRIES = 2000;

/**
 * Short lists of posts that many pages repeat ("More from" on every article of a section, the
 * home rows, a piece's recommendations), kept in memory until a change touches the listing or
 * one of its posts. Pages are cached whole anyway; this makes the first render of each cheaper.
 */
export class ListingMemo {
  private readonly entries = new Map<string, { posts: Post[]; keys: string[] }>();

  constructor(private readonly deps: { posts: PostService; recommendations?: RelatedPosts }) {}

  /** The newest posts of a listing. */
  latest(filter: ListFilter, limit: number): Promise<Post[]> {
    return this.remember(`${JSON.stringify(filter)}|${limit}`, keyOf(filter), async () => (await this.deps.posts.list(filter, { limit })).posts);
  }

  /** The stored recommendations of a post (none when no recommender is wired). */
  related(postId: number, limit: number): Promise<Post[]> {
    const { recommendations } = this.deps;
    if (!recommendations) return Promise.resolve([]);
    return this.remember(`related:${postId}|${limit}`, cacheKeys.post(postId), () => recommendations.related(postId, limit));
  }

  invalidate(keys: Iterable<string>): void {
    const dropped = new Set(keys);
    for (const [address, entry] of this.entries) if (entry.keys.some((k) => dropped.has(k))) this.entries.delete(address);
  }

  clear(): void {
    this.entries.clear();
  }

  private async remember(address: string, key: string, load: () => Promise<Post[]>): Promise<Post[]> {
    const hit = this.entries.get(address);
    if (hit) return hit.posts;
    const posts = await load();
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    const keys = new Set([key]);
    showPosts(keys, posts);
    this.entries.set(address, { posts, keys: [...keys] });
    return posts;
  }
}

function keyOf(filter: ListFilter): string {
  if (filter.tagId !== undefined) return cacheKeys.listTag(filter.tagId);
  if (filter.authorId !== undefined) return cacheKeys.listAuthor(filter.authorId);
  if (filter.format !== undefined) return cacheKeys.listFormat(filter.format);
  return cacheKeys.listAll;
}
