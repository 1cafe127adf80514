import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import type { ContentChange, ContentEvents, Post, PostService } from '../content/index.js';
import { inTransaction, type Db } from '../db/client.js';
import type { JobQueue } from '../jobs/index.js';
import { cdnKeys, CONTENT_API_KEY, OVERFLOW_KEY } from './cdn-keys.js';
import type { PurgeAdapter } from './purge-adapters.js';
import * as repo from './purge-key.repository.js';

export const CDN_PURGE_JOB = 'cdn.purge';
/** One purge job at a time: keys queued while it runs go out in its next run. */
const JOB_KEY = 'cdn-purge';
/** Keys read per round; the adapter splits them into the provider's calls. */
const ROUND = 500;

/** The keys of what a post change can alter: its pages and the listings it is in now (the pages of the people it names among them). */
function postKeys(id: number, post: Post | undefined): string[] {
  const keys = [cdnKeys.post(id), cdnKeys.home, cdnKeys.sitemaps];
  if (!post) return keys;
  // Listings it left still carry its own key; the ones it joins are named here.
  return [
    ...keys,
    ...post.tags.map((t) => cdnKeys.sectionList(t.id)),
    ...post.authors.map((a) => cdnKeys.authorList(a.id)),
    cdnKeys.format(post.format),
    ...workKeys(post),
    ...post.people.map((p) => cdnKeys.personList(p.person.id)),
  ];
}

/**
 * The keys of a review's work: every page showing the work's facts (its credits may have changed)
 * and the pages of the people credited in it.
 */
function workKeys(post: Post): string[] {
  const work = post.review?.work;
  return work ? [cdnKeys.workList(work.id), ...work.credits.map((c) => cdnKeys.personList(c.person.id))] : [];
}

/**
 * Keeps a CDN in step with content: each change queues the keys of the answers it alters (or a
 * purge of everything, for settings), in the database, with a durable job that sends them through
 * the configured adapter, so a purge survives a restart and is retried with backoff when the
 * provider fails. Nothing of this runs on the request that made the change.
 */
export class CdnPurgeService {
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly deps: { db: Db; jobs: JobQueue; clock: Clock; logger: Logger; posts: PostService; adapter: PurgeAdapter | undefined }) {}

  get enabled(): boolean {
    return this.deps.adapter !== undefined;
  }

  listen(events: ContentEvents): void {
    if (!this.enabled) return;
    events.on((change) => {
      const work = this.changed(change)
        .catch((error: unknown) => this.deps.logger.warn({ err: error }, 'could not queue a CDN purge'))
        .finally(() => this.pending.delete(work));
      this.pending.add(work);
    });
  }

  /** Resolves when every change seen so far has its purge queued. */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  /** Queues a purge of the keys (with the Content API's and oversized answers' keys). */
  async purge(keys: string[]): Promise<void> {
    await this.queue([...keys, CONTENT_API_KEY, OVERFLOW_KEY]);
  }

  /** Queues a purge of everything the CDN keeps of the site (settings or the theme changed). */
  async purgeEverything(): Promise<void> {
    await this.queue([repo.EVERYTHING]);
  }

  private async changed(change: ContentChange): Promise<void> {
    const { id } = change;
    if ((change.kind === 'post' || change.kind === 'comments') && id !== undefined) {
      const post = change.post ?? (await this.deps.posts.load([id]))[0];
      // Drafts saved again and again show nowhere public: they must not empty the CDN's home page.
      // A draft review may still change the facts of a published work, which its pages show.
      if (change.status && change.status.before !== 'published' && change.status.after !== 'published') {
        const keys = post ? workKeys(post) : [];
        return keys.length ? this.purge(keys) : undefined;
      }
      return this.purge(postKeys(id, post));
    }
    if (change.kind === 'tag' && id !== undefined) return this.purge([cdnKeys.section(id), cdnKeys.sectionList(id), cdnKeys.sitemaps]);
    if (change.kind === 'author' && id !== undefined) return this.purge([cdnKeys.author(id), cdnKeys.authorList(id), cdnKeys.sitemaps]);
    return this.purgeEverything();
  }

  private async queue(keys: string[]): Promise<void> {
    if (!this.enabled) return;
    const now = this.deps.clock().toISOString();
    await inTransaction(this.deps.db, async (tx) => {
      // Always in the same order, so concurrent changes on PostgreSQL wait for each other, never deadlock.
      await repo.addPurgeKeys(tx, [...new Set(keys)].sort(), now);
      await this.deps.jobs.enqueue(tx, { name: CDN_PURGE_JOB, key: JOB_KEY, maxAttempts: 8 });
    });
  }

  /**
   * The job: sends every waiting key, a purge of everything first when one was asked for; a long
   * backlog keeps the job's lock with a heartbeat after each round.
   */
  async sendDue(heartbeat: () => Promise<void> = async () => undefined): Promise<void> {
    const { db, adapter, logger } = this.deps;
    if (!adapter) return;
    const everything = await repo.findPurgeKey(db, repo.EVERYTHING);
    if (everything) {
      await adapter.purgeAll();
      await repo.removePurgeKeysUpTo(db, everything.queued_at);
      logger.info('CDN purged of everything');
    }
    for (;;) {
      const keys = await repo.pendingPurgeKeys(db, ROUND);
      if (keys.length === 0) return;
      await adapter.purge(keys.map((k) => k.key));
      await repo.removePurgeKeys(db, keys);
      logger.debug({ keys: keys.length }, 'CDN keys purged');
      await heartbeat();
    }
  }
}
