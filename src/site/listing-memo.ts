import type { Cursor, ListFilter, Post, PostPage, PostService } from '../content/index.js';
import { cacheKeys, showPosts, type RelatedPosts } from './page.js';

const MAX_ENTRIES = 2000;
/** Entries between two marks of a listing: a deep numbered page skips at most this many. */
const MARK_EVERY = 2400;

/**
 * Short lists of posts that many pages repeat ("More from" on every article of a section, the
 * home rows, a piece's recommendations), kept in memory until a change touches the listing or
 * one of its posts. Pages are cached whole anyway; this makes the first render of each cheaper.
 *
 * Also marks in long listings: the key of every MARK_EVERY-th entry, found as far down as a
 * numbered page has been asked for, so /page/N/ seeks to the nearest mark and skips fewer than
 * MARK_EVERY entries instead of (N - 1) × 12. Marks go when the listing changes.
 */
export class ListingMemo {
  private readonly entries = new Map<string, { value: Post[] | PostPage; keys: string[]; generation: number }>();
  /** Counts invalidations, as the page cache does: a list read across one is not kept. */
  private current = 0;
  private readonly marks = new Map<string, Marks>();
  private readonly markEvery: number;

  constructor(private readonly deps: { posts: PostService; recommendations?: RelatedPosts; markEvery?: number }) {
    this.markEvery = deps.markEvery ?? MARK_EVERY;
  }

  /**
   * The entries of a listing at an offset (a numbered page), seeking from the nearest mark. First
   * pages, which every section and author page shows to each access level, are remembered.
   */
  async page(filter: ListFilter, page: { offset: number; limit: number }): Promise<PostPage> {
    const { offset, limit } = page;
    if (offset === 0) return this.remember(`${JSON.stringify(filter)}|first|${limit}`, keyOf(filter), () => this.deps.posts.list(filter, { limit }));
    const passed = Math.floor(offset / this.markEvery);
    if (passed === 0) return this.deps.posts.list(filter, { limit, offset });
    const marks = await this.marksUpTo(filter, passed);
    const mark = Math.min(passed, marks.length);
    if (mark === 0) return this.deps.posts.list(filter, { limit, offset });
    return this.deps.posts.list(filter, { limit, after: marks[mark - 1], offset: offset - mark * this.markEvery });
  }

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

  get generation(): number {
    return this.current;
  }

  /** Drops what depends on one of the keys (short lists only if read before `readBefore`, when given). */
  invalidate(keys: Iterable<string>, readBefore = Infinity): void {
    if (readBefore === Infinity) this.current += 1;
    const dropped = new Set(keys);
    for (const [address, entry] of this.entries) {
      if (entry.generation < readBefore && entry.keys.some((k) => dropped.has(k))) this.entries.delete(address);
    }
    for (const [address, entry] of this.marks) if (dropped.has(entry.key)) this.marks.delete(address);
  }

  clear(): void {
    this.current += 1;
    this.entries.clear();
    this.marks.clear();
  }

  /** The first `count` marks of a listing (fewer when it is shorter), finding the missing ones. */
  private async marksUpTo(filter: ListFilter, count: number): Promise<Cursor[]> {
    const address = JSON.stringify(filter);
    let marks = this.marks.get(address);
    if (!marks) this.marks.set(address, (marks = { key: keyOf(filter), cursors: [], end: false }));
    while (marks.cursors.length < count && !marks.end) {
      marks.finding ??= this.findMarks(filter, marks, count).finally(() => (marks.finding = undefined));
      await marks.finding;
    }
    return marks.cursors;
  }

  /** Steps down the listing from the last mark found, one seek per mark. */
  private async findMarks(filter: ListFilter, marks: Marks, count: number): Promise<void> {
    while (marks.cursors.length < count && !marks.end) {
      const next = await this.deps.posts.keyAt(filter, { after: marks.cursors.at(-1), offset: this.markEvery - 1 });
      if (next) marks.cursors.push(next);
      else marks.end = true;
    }
  }

  private async remember<T extends Post[] | PostPage>(address: string, key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(address);
    if (hit) return hit.value as T;
    const started = this.current;
    const value = await load();
    if (this.current !== started) return value;
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    const keys = new Set([key]);
    showPosts(keys, Array.isArray(value) ? value : value.posts);
    this.entries.set(address, { value, keys: [...keys], generation: started });
    return value;
  }
}

/** Keys of every MARK_EVERY-th entry of a listing, as far as found (`end` once past its last). */
interface Marks {
  key: string;
  cursors: Cursor[];
  end: boolean;
  finding?: Promise<void>;
}

function keyOf(filter: ListFilter): string {
  if (filter.tagId !== undefined) return cacheKeys.listTag(filter.tagId);
  if (filter.authorId !== undefined) return cacheKeys.listAuthor(filter.authorId);
  if (filter.workId !== undefined) return cacheKeys.listWork(filter.workId);
  if (filter.personId !== undefined) return cacheKeys.listPerson(filter.personId);
  if (filter.format !== undefined) return cacheKeys.listFormat(filter.format);
  return cacheKeys.listAll;
}
