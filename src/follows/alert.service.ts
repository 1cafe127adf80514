import type { Clock } from '../clock.js';
import type { ContentEvents } from '../content/index.js';
import { inTransaction, type Db } from '../db/client.js';
import type { EmailDocument } from '../email/index.js';
import type { Translate } from '../i18n/index.js';
import type { JobQueue } from '../jobs/index.js';
import { whileMemberExists } from '../members/index.js';
import { whileSubscriberExists } from '../subscribers/index.js';
import * as repo from './alert.repository.js';
import { targetsOfPosts } from './follow.repository.js';
import type { FollowLinks } from './follow.tokens.js';
import type { Reader } from './follow.types.js';

export const FOLLOW_ALERT_JOB = 'follows.alert';
export const FOLLOW_GATHER_JOB = 'follows.gather';
/** Pieces published within this time of the first go out in one email. */
const GATHER_MS = 60 * 60_000;
/** At most one alert per reader in this time. */
const DAY_MS = 86_400_000;
/** The scan for published pieces not yet gathered runs this often. */
const GATHER_EVERY_MS = 5 * 60_000;
/** Pieces published longer ago than this are never gathered (imported archives, backdated pieces). */
const LOOKBACK_MS = 7 * DAY_MS;
const GATHER_BATCH = 100;

/** What an alert says of a piece. */
export interface AlertPiece {
  id: number;
  title: string;
  slug: string;
  excerpt: string;
  published: boolean;
}

export interface FollowAlertsDeps {
  db: Db;
  clock: Clock;
  jobs: JobQueue;
  links: () => Promise<FollowLinks>;
  words: () => Promise<Translate>;
  notify: (message: { to: string; subject: string; document: EmailDocument; headers?: Record<string, string> }) => Promise<void>;
  publicUrl: string;
  /** The pieces by id (content/). */
  pieces: (ids: number[]) => Promise<AlertPiece[]>;
  onError: (error: unknown) => void;
}

/**
 * "Email me when something I follow is published": published pieces are gathered per reader from
 * the database (each once, marked in the same transaction) and sent together by a durable job, at
 * most once a day, each email with a one-click link that turns alerts off.
 */
export class FollowAlerts {
  /** The scan started by publishes here, while it runs; `rescan` asks it to look once more. */
  private running: Promise<void> | undefined;
  private rescan = false;

  constructor(private readonly deps: FollowAlertsDeps) {}

  async enabled(reader: Reader): Promise<boolean> {
    return (await repo.alertSetting(this.deps.db, reader)).enabled;
  }

  /** Turns the reader's alerts on or off (a form's checkbox: present means on). */
  async set(reader: Reader, on: boolean): Promise<void> {
    const now = this.deps.clock().toISOString();
    // Turning on names the reader in a new row; turning off only changes theirs, if they still have one.
    if (!on) await repo.setAlerts(this.deps.db, reader, on, now);
    else await (reader.kind === 'member' ? whileMemberExists : whileSubscriberExists)(this.deps.db, reader.id, (tx) => repo.setAlerts(tx, reader, on, now));
  }

  /** The link in every alert that turns alerts off, for the reader it names. */
  async offUrl(reader: Reader): Promise<string> {
    return `${this.deps.publicUrl}/follows/alerts/off/?token=${(await this.deps.links()).signAlertsOff(reader)}`;
  }

  /** Checks an alerts-off link and says whose it is, without acting on it. */
  async readerOfLink(token: unknown): Promise<Reader> {
    return (await this.deps.links()).verifyAlertsOff(token);
  }

  async offByLink(token: unknown): Promise<void> {
    await this.set(await this.readerOfLink(token), false);
  }

  /**
   * Gathers a piece as soon as it is published here. The database decides what is gathered (see
   * `gather`), so this only saves waiting for the next scan; many publishes at once (an import)
   * share one scan running and at most one after it.
   */
  listen(events: ContentEvents): () => void {
    return events.on((change) => {
      if (change.kind !== 'post' || change.status?.after !== 'published' || change.status.before === 'published') return;
      this.rescan = true;
      this.running ??= this.scanWhileAsked().finally(() => {
        this.running = undefined;
      });
    });
  }

  private async scanWhileAsked(): Promise<void> {
    while (this.rescan) {
      this.rescan = false;
      await this.gather().catch((error: unknown) => this.deps.onError(error));
    }
  }

  /** Resolves once every gathering started here so far is done. */
  async settled(): Promise<void> {
    await this.running;
  }

  /** Starts the scan that repeats every few minutes (on start; any process may run it). */
  async schedule(): Promise<void> {
    await this.deps.jobs.enqueue(this.deps.db, { name: FOLLOW_GATHER_JOB, key: FOLLOW_GATHER_JOB });
  }

  /** The scan's job: books its next run first, so a failure or a crash here never ends the cycle. */
  async runGather(): Promise<void> {
    const next = new Date(this.deps.clock().getTime() + GATHER_EVERY_MS).toISOString();
    await this.deps.jobs.enqueue(this.deps.db, { name: FOLLOW_GATHER_JOB, key: FOLLOW_GATHER_JOB, runAt: next });
    await this.gather();
  }

  /**
   * Gathers every piece published in the last week that no one gathered yet, whichever process
   * published it: pieces a crash kept from being gathered come back here. Answers how many.
   */
  async gather(): Promise<number> {
    let gathered = 0;
    for (;;) {
      const since = new Date(this.deps.clock().getTime() - LOOKBACK_MS).toISOString();
      const ids = await repo.ungatheredPosts(this.deps.db, since, GATHER_BATCH);
      for (const id of ids) if (await this.gatherPost(id)) gathered += 1;
      if (ids.length < GATHER_BATCH) return gathered;
    }
  }

  /** Queues one piece for the readers following what it is about, in one transaction with its mark. */
  private async gatherPost(postId: number): Promise<boolean> {
    const { db, clock, jobs } = this.deps;
    const now = clock();
    return inTransaction(db, async (tx) => {
      if (!(await repo.claimPost(tx, postId, now.toISOString()))) return false;
      const targets = (await targetsOfPosts(tx, [postId])).get(postId) ?? [];
      const readers = await repo.alertReadersFollowing(tx, targets);
      await repo.addAlertItems(tx, readers, postId, now.toISOString());
      for (const reader of readers) {
        const key = `${FOLLOW_ALERT_JOB}:${reader}`;
        // A job already waiting takes this piece along; queuing again would only push it later.
        if ((await jobs.find(tx, key))?.state === 'pending') continue;
        await jobs.enqueue(tx, { name: FOLLOW_ALERT_JOB, key, payload: { reader }, runAt: new Date(now.getTime() + GATHER_MS).toISOString() });
      }
      return true;
    });
  }

  /** The job: sends the reader's gathered pieces in one email, unless one went out within the day. */
  async run(payload: { reader: string }): Promise<void> {
    const { db, clock, jobs } = this.deps;
    const row = await repo.alertReader(db, payload.reader);
    if (!row || row.enabled !== 1 || !row.email) return;
    const now = clock();
    const nextAllowed = row.last_sent_at ? Date.parse(row.last_sent_at) + DAY_MS : 0;
    if (nextAllowed > now.getTime()) {
      // The same key: this reader's alerts are never sent by two runs at once.
      await jobs.enqueue(db, { name: FOLLOW_ALERT_JOB, key: `${FOLLOW_ALERT_JOB}:${payload.reader}`, payload, runAt: new Date(nextAllowed).toISOString() });
      return;
    }
    const ids = await repo.alertItems(db, payload.reader);
    const pieces = (await this.deps.pieces(ids)).filter((p) => p.published);
    if (pieces.length > 0) {
      const [kind, id] = payload.reader.split(':');
      const offUrl = await this.offUrl({ kind: kind as Reader['kind'], id: Number(id) });
      const t = await this.deps.words();
      const subject = t('follow.alerts.subject');
      await this.deps.notify({
        to: row.email,
        subject,
        document: {
          preheader: pieces
            .map((p) => p.title)
            .join(' · ')
            .slice(0, 140),
          heading: subject,
          intro: t('follow.alerts.intro'),
          sections: [{ heading: t('digest.followed'), items: pieces.map((p) => ({ title: p.title, url: `${this.deps.publicUrl}/${p.slug}/`, excerpt: p.excerpt })) }],
          footer: { reason: t('follow.alerts.reason'), unsubscribeUrl: offUrl },
        },
        headers: { 'List-Unsubscribe': `<${offUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
      });
    }
    await repo.alertSent(db, payload.reader, ids, pieces.length > 0 ? now.toISOString() : null);
  }
}
