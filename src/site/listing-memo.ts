import type { ListFilter, Post, PostService } from '../content/index.js';
import { cacheKeys, showPosts } from './page.js';

const MAX_ENTRIES = 500;

/**
 * The short "newest N" lists that many pages repeat ("More from" on every article of a section,
 * the home rows), kept in memory until a change touches the listing or one of its posts. Pages
 * are cached whole anyway; this makes the first render of each page cheaper.
 */
export class ListingMemo {
  private readonly entries = new Map<string, { posts: Post[]; keys: string[] }>();

  constructor(private readonly posts: PostService) {}

  async latest(filter: ListFilter, limit: number): Promise<Post[]> {
    const address = `${JSON.stringify(filter)}|${limit}`;
    const hit = this.entries.get(address);
    if (hit) return hit.posts;
    const { posts } = await this.posts.list(filter, { limit });
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    const keys = new Set([keyOf(filter)]);
    showPosts(keys, posts);
    this.entries.set(address, { posts, keys: [...keys] });
    return posts;
  }

  invalidate(keys: Iterable<string>): void {
    const dropped = new Set(keys);
    for (const [address, entry] of this.entries) if (entry.keys.some((k) => dropped.has(k))) this.entries.delete(address);
  }

  clear(): void {
    this.entries.clear();
  }
}

function keyOf(filter: ListFilter): string {
  if (filter.tagId !== undefined) return cacheKeys.listTag(filter.tagId);
  if (filter.authorId !== undefined) return cacheKeys.listAuthor(filter.authorId);
  if (filter.format !== undefined) return cacheKeys.listFormat(filter.format);
  return cacheKeys.listAll;
}
