import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import type { ContentEvents, Post } from '../content/index.js';
import type { Db } from '../db/client.js';
import type { JobQueue } from '../jobs/index.js';
import type { SearchService } from '../search/index.js';
import * as repo from './recommendation.repository.js';
import { featuresOf, rank } from './recommendation.score.js';
import { countTerms, inverseFrequencies, tfidf, topTerms, type TermCounts } from './recommendation.text.js';

export const REFRESH_JOB = 'recommendations.refresh';
export const REBUILD_JOB = 'recommendations.rebuild';

/** How many related posts are stored per post; pages show up to this many. */
export const STORED_PER_POST = 8;
/** Posts taken from each source of candidates (text, work, people, authors, tags, recent). */
const PER_SOURCE = 20;
const TEXT_CANDIDATES = 60;
const QUERY_WORDS = 12;
/** More marked posts than this are handled by one full rebuild. */
const BULK_MARKS = 500;
/** Edits within this time collapse into one refresh. */
const DEBOUNCE_MS = 2_000;

export interface RecommendationDeps {
  db: Db;
  posts: { load(ids: number[]): Promise<Post[]> };
  search: Pick<SearchService, 'similarTo'>;
  events: ContentEvents;
  jobs: JobQueue;
  clock: Clock;
  logger: Logger;
}

interface JobSteps {
  heartbeat(): Promise<void>;
}

/**
 * "You may also like": lists of related posts, computed in the background and stored, read on
 * the request path. Database triggers mark posts whose text, status, tags, authors or work
 * changed; the refresh job recomputes their lists and the lists of the posts they affect.
 */
export class RecommendationService {
  /** Set while this service announces its own changes, so they do not schedule another refresh. */
  private announcing = false;
  /** Refreshes being scheduled after a change, so callers can wait for them (tests, shutdown). */
  private readonly scheduling = new Set<Promise<void>>();

  constructor(private readonly deps: RecommendationDeps) {}

  /** The stored related posts: published, never the post itself, best first. */
  async related(postId: number, limit: number): Promise<Post[]> {
    const ids = await repo.visibleRelatedIds(this.deps.db, postId, Math.min(Math.max(limit, 0), STORED_PER_POST));
    return this.deps.posts.load(ids);
  }

  /** Schedules a refresh after content changes that can move recommendations. */
  listen(): () => void {
    return this.deps.events.on((change) => {
      if (this.announcing || change.kind !== 'post' || change.id === undefined) return;
      const scheduled = this.scheduleFor(change.id)
        .catch((error: unknown) => this.deps.logger.warn({ err: error }, 'could not schedule a recommendations refresh'))
        .finally(() => this.scheduling.delete(scheduled));
      this.scheduling.add(scheduled);
    });
  }

  /** Resolves once every refresh scheduled by a change so far is in the queue. */
  async settled(): Promise<void> {
    await Promise.all([...this.scheduling]);
  }

  private async scheduleFor(postId: number): Promise<void> {
    const { db } = this.deps;
    // A draft or scheduled piece moves nothing until it is published, unless a list still holds it.
    if (!(await repo.isPublishedPost(db, postId)) && (await repo.listsContaining(db, postId)).length === 0) return;
    await this.schedule();
  }

  /** Enqueues the refresh job; repeated calls within a short time collapse into one run. */
  async schedule(): Promise<void> {
    const runAt = new Date(this.deps.clock().getTime() + DEBOUNCE_MS).toISOString();
    await this.deps.jobs.enqueue(this.deps.db, { name: REFRESH_JOB, key: REFRESH_JOB, payload: {}, runAt });
  }

  /** Works through every marked post: its own list, then the lists it affects. Returns how many lists it computed. */
  async refresh(steps?: JobSteps): Promise<number> {
    // After an import or a bulk load, recomputing everything once is cheaper than following each change.
    if ((await repo.countMarks(this.deps.db)) > BULK_MARKS) return this.rebuild(undefined, steps);
    let computed = 0;
    for (;;) {
      const marks = await repo.takeMarks(this.deps.db, 25);
      if (marks.length === 0) return computed;
      const done = new Set<number>();
      const affected = new Set<number>();
      for (const mark of marks) {
        for (const id of await repo.listsContaining(this.deps.db, mark.postId)) affected.add(id);
        for (const entry of await this.update(mark.postId)) affected.add(entry.relatedId);
        done.add(mark.postId);
        await steps?.heartbeat();
      }
      for (const id of affected) {
        if (done.has(id)) continue;
        await this.update(id);
        done.add(id);
        await steps?.heartbeat();
      }
      for (const mark of marks) await repo.clearMark(this.deps.db, mark);
      computed += done.size;
    }
  }

  /** Recomputes every list (after an import, or to apply new weights). */
  async rebuild(onProgress?: (done: number, total: number) => void, steps?: JobSteps): Promise<number> {
    const marks = await repo.takeMarks(this.deps.db, Number.MAX_SAFE_INTEGER);
    await repo.deleteUnpublishedLists(this.deps.db);
    const ids = await repo.allPublishedIds(this.deps.db);
    for (const [index, id] of ids.entries()) {
      await this.update(id);
      onProgress?.(index + 1, ids.length);
      await steps?.heartbeat();
    }
    for (const mark of marks) await repo.clearMark(this.deps.db, mark);
    return ids.length;
  }

  /** Computes and stores one post's list; announces it when it changed. Returns the new list. */
  async update(postId: number): Promise<repo.StoredRecommendation[]> {
    const [post] = await this.deps.posts.load([postId]);
    const list = post && post.type === 'post' && post.status === 'published' ? await this.compute(post) : [];
    const before = await repo.readList(this.deps.db, postId);
    if (sameIds(before, list)) {
      if (before.length > 0) await repo.replaceList(this.deps.db, postId, list);
      return list;
    }
    await repo.replaceList(this.deps.db, postId, list);
    if (post) this.announce(post);
    return list;
  }

  private announce(post: Post): void {
    this.announcing = true;
    try {
      this.deps.events.emit({ kind: 'post', id: post.id, slugs: [post.slug] });
    } finally {
      this.announcing = false;
    }
  }

  /** Scores candidates that share words or entities with the post. */
  async compute(post: Post): Promise<repo.StoredRecommendation[]> {
    const counts = documentTerms(post);
    const [textIds, entityIds] = await Promise.all([
      this.deps.search.similarTo(topTerms(counts, QUERY_WORDS), TEXT_CANDIDATES),
      repo.entityCandidates(
        this.deps.db,
        {
          id: post.id,
          workId: post.review?.work.id ?? null,
          personIds: [...new Set([...(post.review?.work.credits ?? []), ...post.people].map((p) => p.person.id))],
          authorIds: post.authors.map((a) => a.id),
          tagIds: post.tags.map((t) => t.id),
        },
        PER_SOURCE,
      ),
    ]);
    const ids = [...new Set([...textIds, ...entityIds])].filter((id) => id !== post.id);
    const candidates = (await this.deps.posts.load(ids)).filter((c) => c.type === 'post' && c.status === 'published');
    const candidateCounts = candidates.map(documentTerms);
    const idf = inverseFrequencies([counts, ...candidateCounts]);
    const target = featuresOf(post, tfidf(counts, idf));
    const features = candidates.map((c, i) => featuresOf(c, tfidf(candidateCounts[i]!, idf)));
    return rank(target, features, this.deps.clock().getTime(), STORED_PER_POST).map((r) => ({ relatedId: r.id, score: r.score }));
  }
}

/** The words of a post, weighted by where they appear. */
function documentTerms(post: Post): TermCounts {
  return countTerms([
    { text: post.title, weight: 3 },
    { text: post.customExcerpt, weight: 2 },
    { text: post.tags.map((t) => t.name).join(' '), weight: 2 },
    { text: post.review ? post.review.work.title : '', weight: 2 },
    { text: post.plaintext, weight: 1 },
  ]);
}

function sameIds(a: repo.StoredRecommendation[], b: repo.StoredRecommendation[]): boolean {
  return a.length === b.length && a.every((entry, i) => entry.relatedId === b[i]!.relatedId);
}
