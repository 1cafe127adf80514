import type { Clock } from '../clock.js';
import type { Viewer } from '../content/index.js';
import { inTransaction, type Db } from '../db/client.js';
import type { NewsletterSendRow } from '../db/tables.js';
import type { Address, Mailer } from '../email/index.js';
import { AppError } from '../errors/app-error.js';
import { parseInput } from '../errors/validate.js';
import type { JobQueue } from '../jobs/index.js';
import { readSetting, writeSetting } from '../settings/index.js';
import type { Newsletter, SubscriberService } from '../subscribers/index.js';
import { engagementLinks, recipientLinks } from './message.builder.js';
import { FollowedSections } from './followed.js';
import type { EngagementService } from './engagement.service.js';
import type { EngagementSigner } from './engagement.tokens.js';
import * as engagement from './engagement.repository.js';
import { trackLinks } from './tracked-links.js';
import { inlineFactory, workerFactory } from './build.pool.js';
import { newsletterSettingsSchema, type NewsletterSettings } from './newsletter.settings.js';
import { ownerIsDead, ownerTag, parseOwner } from './lease-owner.js';
import * as repo from './send.repository.js';
import * as batches from './send-batch.repository.js';
import type { ReaderAccess, SendContent, SendReport } from './send.types.js';
import { Throttle } from './throttle.js';
import { GroupCommit } from './group-commit.js';

export const SEND_JOB = 'newsletter.send';
const SETTINGS_KEY = 'newsletter';
const LEASE_MS = 30_000;
/** Rows read from the database at a time. */
const BATCH = 200;
/** Recipients per batch: the unit a process claims, and the most a kill -9 leaves held until taken over. */
export const SEND_BATCH = 500;
/** How often a process delivering a send looks again at how many others share its rate. */
const SHARE_CHECK_MS = 250;
/** Jobs queued per send, so that as many processes' job runners join in. */
const SPREAD = 16;
/** A batch whose runs stopped (their processes died) this many times has its remaining rows failed. */
const MAX_BATCH_RUNS = 5;
/** Sends at least this big sign their messages on worker threads. */
const WORKER_THRESHOLD = 2000;

interface Prepared {
  row: repo.DueDelivery;
  /** Absent when the recipient no longer wants this newsletter. */
  message: (() => Promise<Buffer[]>) | undefined;
}
/** A delivery's recording (or none yet): its promise, and whether it is known to be committed. */
interface Recording {
  promise: Promise<void>;
  done: boolean;
}

function tracked(promise: Promise<void>): Recording {
  const recording: Recording = { promise, done: false };
  // Awaited by the lane's next message or at its end; until then a failure must not count as unhandled.
  promise.then(
    () => (recording.done = true),
    () => undefined,
  );
  return recording;
}

const NOTHING_PENDING: Recording = { promise: Promise.resolve(), done: true };

/** Waits before retrying a temporary failure: 1 min, 5 min, 30 min, 2 h; then the delivery fails. */
const BACKOFF_MS = [60_000, 300_000, 1_800_000, 7_200_000];

export interface SendServiceDeps {
  db: Db;
  /** PostgreSQL claims batches with SKIP LOCKED. */
  postgres: boolean;
  clock: Clock;
  jobs: JobQueue;
  mailer: Mailer;
  subscribers: SubscriberService;
  /** Signs each recipient's click and open addresses. */
  engagement: EngagementService;
  publicUrl: string;
  mailFrom: string | undefined;
  siteTitle: () => Promise<string>;
  /** What the people behind these addresses may read as members (members/); absent ones read as anyone. */
  readers: (emails: string[]) => Promise<Map<string, Viewer>>;
  /** What these subscribers follow (follows/), as `kind:id` keys; for a digest's "From what you follow". */
  followed: (subscriberIds: number[]) => Promise<Map<number, ReadonlySet<string>>>;
}

export interface DeliverOptions {
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  /** Throw SEND_BUSY when the send is not finished because live processes hold some of its batches. */
  refuseWhileHeld?: boolean;
}

/** What one run of `deliver` builds once and uses for every batch it claims. */
interface Run {
  send: NewsletterSendRow;
  content: SendContent;
  links: Awaited<ReturnType<SubscriberService['links']>>;
  tracking: EngagementSigner;
  factory: ReturnType<typeof inlineFactory>;
  throttle: Throttle;
  /** Recipients' "From what you follow", made once per set of pieces. */
  followed: FollowedSections;
  sent: GroupCommit<number>;
  envelopeFrom: string;
  done: number;
}

export function parseMailFrom(mailFrom: string | undefined): Address {
  const value = mailFrom ?? 'newsletter@localhost';
  const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(value);
  return match ? { name: match[1]!.trim(), address: match[2]!.trim() } : { name: '', address: value.trim() };
}

/**
 * Newsletter sends: a row per recipient, split into batches that every process's job runner
 * claims, each under its own lease. Deliveries are recorded as the SMTP server accepts them, with
 * no more messages in flight than open connections, so a batch whose process dies is taken over
 * where it stopped and repeats at most those in-flight messages.
 */
export class SendService {
  private readonly owner = ownerTag();

  constructor(private readonly deps: SendServiceDeps) {}

  async settings(): Promise<NewsletterSettings> {
    return newsletterSettingsSchema.parse((await readSetting(this.deps.db, SETTINGS_KEY)) ?? {});
  }

  async updateSettings(patch: unknown): Promise<NewsletterSettings> {
    const current = await this.settings();
    const input = typeof patch === 'object' && patch !== null && !Array.isArray(patch) ? patch : { '(input)': patch };
    const next = parseInput(newsletterSettingsSchema, { ...current, ...input, digest: { ...current.digest, ...((input as { digest?: object }).digest ?? {}) } });
    await writeSetting(this.deps.db, SETTINGS_KEY, next, this.deps.clock().toISOString());
    return next;
  }

  /** Who the newsletter comes from: the sender name (or the site title) at MAIL_FROM's address. */
  async sender(): Promise<{ from: Address; replyTo?: string }> {
    const settings = await this.settings();
    const configured = parseMailFrom(this.deps.mailFrom);
    const name = settings.senderName || configured.name || (await this.deps.siteTitle());
    return { from: { name, address: configured.address }, ...(settings.replyTo ? { replyTo: settings.replyTo } : {}) };
  }

  /**
   * Creates the send (its links replaced by stand-ins for each recipient's click address, and stored)
   * and one delivery row per current subscriber, and queues the delivery job.
   */
  async start(input: { newsletter: Newsletter; kind: 'digest' | 'post'; postId?: number; digestId?: number; subject: string; content: SendContent }): Promise<number> {
    const { content, urls } = trackLinks(input.content, { publicUrl: this.deps.publicUrl, countOpens: input.newsletter.countOpens });
    return inTransaction(this.deps.db, async (tx) => {
      const id = await repo.insertSend(
        tx,
        {
          newsletterId: input.newsletter.id,
          kind: input.kind,
          postId: input.postId ?? null,
          digestId: input.digestId ?? null,
          subject: input.subject,
          content: JSON.stringify(content),
        },
        this.deps.clock().toISOString(),
      );
      await engagement.insertLinks(tx, id, urls);
      const total = await repo.addRecipients(tx, id, input.newsletter.id);
      await batches.createBatches(tx, id, SEND_BATCH);
      const parts = Math.min(SPREAD, Math.ceil(total / SEND_BATCH));
      for (let part = 0; part < Math.max(1, parts); part += 1) {
        await this.deps.jobs.enqueue(tx, { name: SEND_JOB, key: part === 0 ? `${SEND_JOB}:${id}` : `${SEND_JOB}:${id}:${part}`, payload: { sendId: id } });
      }
      return id;
    });
  }

  findOf(by: { postId: number; newsletterId: number } | { digestId: number }): Promise<NewsletterSendRow | undefined> {
    return repo.findSendOf(this.deps.db, by);
  }

  /** The owners of the send's unfinished batches, split into those known dead and those still holding a lease. */
  private async holders(sendId: number): Promise<{ dead: string[]; live: Array<{ owner: string; until: Date }> }> {
    const now = this.deps.clock();
    const dead: string[] = [];
    const live: Array<{ owner: string; until: Date }> = [];
    for (const { owner, until } of await batches.batchHolders(this.deps.db, sendId)) {
      if (ownerIsDead(owner)) dead.push(owner);
      else if (new Date(until) > now) live.push({ owner, until: new Date(until) });
    }
    return { dead, live };
  }

  /** Another live process delivering part of the send, if one is, and when its lease ends unless renewed. */
  async holder(sendId: number): Promise<{ host: string; pid: number; until: Date; tag: string } | undefined> {
    const other = (await this.holders(sendId)).live.find((h) => h.owner !== this.owner);
    if (!other) return undefined;
    const owner = parseOwner(other.owner);
    return { host: owner?.host ?? other.owner, pid: owner?.pid ?? 0, until: other.until, tag: other.owner };
  }

  /**
   * Delivers due batches of the send until none is free, then returns the report. Batches held
   * by other live processes are theirs; deliveries deferred by temporary failures, and batches
   * whose holder may have died elsewhere, are looked at again by a job at their time.
   */
  async deliver(sendId: number, options: DeliverOptions = {}): Promise<SendReport> {
    const send = await repo.findSend(this.deps.db, sendId);
    if (!send) throw new AppError('SEND_NOT_FOUND', `No newsletter send has the id ${sendId}.`);
    if (send.state === 'sending') await this.deliverBatches(send, options);
    if ((await batches.unfinishedBatches(this.deps.db, sendId)) === 0) {
      await repo.finishSend(this.deps.db, sendId, this.deps.clock().toISOString());
    } else if (!options.signal?.aborted) {
      await this.scheduleLater(sendId, options);
    }
    return this.report(sendId);
  }

  private async scheduleLater(sendId: number, options: DeliverOptions): Promise<void> {
    const { db, jobs } = this.deps;
    const retryAt = await repo.nextDeferredAt(db, sendId);
    if (retryAt) await jobs.enqueue(db, { name: SEND_JOB, key: `${SEND_JOB}:${sendId}:${retryAt}`, payload: { sendId }, runAt: retryAt });
    const { live } = await this.holders(sendId);
    const others = live.filter((h) => h.owner !== this.owner);
    if (others.length === 0) return;
    if (options.refuseWhileHeld) {
      throw new AppError('SEND_BUSY', `Send ${sendId} is being delivered by another process (${others[0]!.owner}); it takes over by itself if that process stops.`);
    }
    // Should a holder die on another machine, its batches are free when its lease ends: look then.
    const leaseEnd = new Date(Math.min(...others.map((h) => h.until.getTime())) + 1000).toISOString();
    await jobs.enqueue(db, { name: SEND_JOB, key: `${SEND_JOB}:${sendId}:held`, payload: { sendId }, runAt: leaseEnd });
  }

  /** Claims one free batch after another and delivers each, until none is left or the signal stops it. */
  private async deliverBatches(send: NewsletterSendRow, options: DeliverOptions): Promise<void> {
    const { db, clock, mailer } = this.deps;
    let claimed = await this.claimBatch(send.id);
    if (!claimed) return;
    const settings = await this.settings();
    const sender = await this.sender();
    const content = JSON.parse(send.content) as SendContent;
    const messageSettings = { subject: send.subject, ...sender, ...(mailer.dkim ? { dkim: mailer.dkim } : {}), date: clock().toISOString(), sendId: send.id };
    const counts = await repo.deliveryCounts(db, send.id);
    const run: Run = {
      send,
      content,
      links: await this.deps.subscribers.links(),
      tracking: await this.deps.engagement.signer(),
      // DKIM signing is the costly part of building a message: big sends sign on worker threads.
      factory: mailer.dkim && send.total >= WORKER_THRESHOLD ? workerFactory(content, messageSettings) : inlineFactory(content, messageSettings),
      throttle: new Throttle(settings.messagesPerSecond),
      followed: new FollowedSections(content.followed),
      // Recordings wait up to a millisecond for the other lanes' (hidden behind the next message's
      // transfer, which that recording holds short of its end only if it is not done by then).
      sent: new GroupCommit<number>((ids) => repo.markSent(db, ids, clock().toISOString()), { target: mailer.connections, maxWaitMs: 1 }),
      envelopeFrom: sender.from.address,
      done: send.total - counts.pending - counts.deferred,
    };
    options.onProgress?.(run.done, send.total);
    // The send's rate is shared among the live processes now delivering it. Processes join and
    // leave in the middle of a batch, so their number is looked at again every so often.
    const share = (senders: number) => run.throttle.setRate(settings.messagesPerSecond / senders);
    let looking: Promise<void> | undefined;
    const lookAgain = setInterval(() => {
      looking ??= this.liveSenders(send.id)
        .then(share, () => undefined)
        .finally(() => (looking = undefined));
    }, SHARE_CHECK_MS);
    try {
      for (; claimed && !options.signal?.aborted; claimed = await this.claimBatch(send.id)) {
        const { batch, senders } = claimed;
        share(senders);
        try {
          if (batch.attempts > MAX_BATCH_RUNS) {
            await batches.failBatchRows(db, batch, `The processes delivering recipients ${batch.first_id}-${batch.last_id} stopped ${batch.attempts - 1} times; they were given up.`);
          } else {
            await this.deliverBatch(run, batch, options);
          }
        } finally {
          await batches.releaseBatch(db, batch, this.owner);
        }
      }
    } finally {
      clearInterval(lookAgain);
      await looking;
      await run.factory.close();
    }
  }

  /** Takes the next free batch (or one whose holder is known dead), and says how many live processes now deliver the send. */
  private async claimBatch(sendId: number): Promise<{ batch: batches.SendBatch; senders: number } | undefined> {
    const now = this.deps.clock();
    const { dead } = await this.holders(sendId);
    const batch = await batches.claimBatch(this.deps.db, sendId, {
      owner: this.owner,
      until: new Date(now.getTime() + LEASE_MS).toISOString(),
      now: now.toISOString(),
      deadOwners: dead,
      postgres: this.deps.postgres,
    });
    // Counted once this claim is in: two processes claiming at the same instant each see the other.
    return batch && { batch, senders: await this.liveSenders(sendId) };
  }

  /** How many live processes (this one included) hold part of the send. */
  private async liveSenders(sendId: number): Promise<number> {
    const { live } = await this.holders(sendId);
    return new Set([this.owner, ...live.map((h) => h.owner)]).size;
  }

  /** Delivers every due row of a claimed batch over the mailer's connections. */
  private async deliverBatch(run: Run, batch: batches.SendBatch, options: DeliverOptions): Promise<void> {
    const { db, clock, mailer } = this.deps;
    const { send, content, links, tracking, factory } = run;
    const tracked = { id: send.id, links: content.links ?? 0, opens: content.opens === true };
    // Due rows are read a part at a time (never all at once) and their messages built ahead.
    let afterId = batch.first_id - 1;
    const queue: Prepared[] = [];
    let exhausted = false;
    let fetching: Promise<void> | undefined;
    let leaseRenewedAt = Date.now();
    const refill = () =>
      (fetching ??= (async () => {
        if (Date.now() - leaseRenewedAt > LEASE_MS / 3) {
          leaseRenewedAt = Date.now();
          if (!(await batches.renewBatch(db, batch.id, this.owner, new Date(clock().getTime() + LEASE_MS).toISOString()))) {
            throw new AppError('SEND_BUSY', `Part of send ${send.id} was taken over by another process.`);
          }
        }
        const rows = await repo.dueDeliveries(db, { id: send.id, newsletterId: send.newsletter_id }, { afterId, lastId: batch.last_id }, clock().toISOString(), BATCH);
        if (rows.length === 0) exhausted = true;
        else afterId = rows[rows.length - 1]!.id;
        const active = rows.filter((r) => r.active && r.subscriber_id !== null);
        // Access is looked up as each part goes out, so it is current even for a send resumed days later.
        const readers = content.members || content.paid ? await this.deps.readers(active.map((r) => r.email)) : new Map<string, Viewer>();
        // Looked up as each part goes out too, so a follow removed meanwhile is respected.
        const follows = content.followed?.pieces.length ? await this.deps.followed(active.map((r) => r.subscriber_id!)) : undefined;
        const built = factory.build(
          active.map((r) => ({
            to: r.email,
            links: { ...recipientLinks(links, this.deps.publicUrl, r.subscriber_id!, send.newsletter_id), ...engagementLinks(tracking, this.deps.publicUrl, tracked, r.id) },
            access: readerAccess(readers.get(r.email.trim().toLowerCase())),
            followed: run.followed.for(follows?.get(r.subscriber_id!)),
          })),
        );
        const messages = new Map(active.map((r, i) => [r.id, built[i]!]));
        for (const row of rows) queue.push({ row, message: messages.get(row.id) });
      })().finally(() => (fetching = undefined)));
    const next = async (): Promise<Prepared | undefined> => {
      while (queue.length === 0 && !exhausted) await refill();
      if (queue.length < BATCH / 2 && !exhausted) void refill().catch(() => undefined);
      return queue.shift();
    };

    // One lane per SMTP connection. A lane's next message is held short of its end (the server
    // cannot accept it) until the lane's previous delivery is recorded, so at any moment no more
    // accepted messages are unrecorded than there are connections; the recording itself overlaps
    // the next message's transfer, and recordings from all lanes are committed together.
    const lane = async () => {
      let recorded = NOTHING_PENDING;
      for (let item = await next(); item && !options.signal?.aborted; item = await next()) {
        ({ recorded } = await this.deliverOne(item, { throttle: run.throttle, sent: run.sent, envelopeFrom: run.envelopeFrom, after: recorded }));
        run.done += 1;
        options.onProgress?.(run.done, send.total);
      }
      await recorded.promise;
    };
    await Promise.all(Array.from({ length: mailer.connections }, lane));
  }

  /**
   * Sends one message (held short of its end until `after`, the lane's previous recording, is
   * committed, unless it already is) and returns the recording of this delivery, still under way
   * when it was sent (wrapped, so that awaiting the send does not await the recording).
   */
  private async deliverOne(
    { row, message }: Prepared,
    { throttle, sent, envelopeFrom, after }: { throttle: Throttle; sent: GroupCommit<number>; envelopeFrom: string; after: Recording },
  ): Promise<{ recorded: Recording }> {
    const { db, clock, mailer } = this.deps;
    const attempts = row.attempts + 1;
    if (!message || row.subscriber_id === null) {
      await repo.recordDelivery(db, row.id, { state: 'skipped', attempts: row.attempts, forget: row.erased === 1 });
      return { recorded: after };
    }
    const raw = await message();
    await throttle.take();
    try {
      await mailer.sendRaw({ from: envelopeFrom, to: row.email, raw, ...(after.done ? {} : { holdEnd: after.promise }) });
    } catch (error) {
      // When the previous recording failed, that is the error to report, not this message's.
      await after.promise;
      const code = (error as { responseCode?: number }).responseCode;
      const message = error instanceof Error ? error.message : String(error);
      const now = clock();
      if (code !== undefined && code >= 500) {
        await repo.recordDelivery(db, row.id, { state: 'bounced', attempts, error: message });
        await this.deps.subscribers.markBounced(row.subscriber_id);
      } else if (attempts > BACKOFF_MS.length) {
        await repo.recordDelivery(db, row.id, { state: 'failed', attempts, error: message });
      } else {
        const nextAttemptAt = new Date(now.getTime() + BACKOFF_MS[attempts - 1]!).toISOString();
        await repo.recordDelivery(db, row.id, { state: 'deferred', attempts, nextAttemptAt, error: message });
      }
      return { recorded: after };
    }
    return { recorded: tracked(sent.add(row.id)) };
  }

  async report(sendId: number): Promise<SendReport> {
    const send = await repo.findSend(this.deps.db, sendId);
    if (!send) throw new AppError('SEND_NOT_FOUND', `No newsletter send has the id ${sendId}.`);
    return this.toReport(send);
  }

  async reports(limit = 20): Promise<SendReport[]> {
    return Promise.all((await repo.listSends(this.deps.db, limit)).map((s) => this.toReport(s)));
  }

  private async toReport(send: NewsletterSendRow): Promise<SendReport> {
    const counts = await repo.deliveryCounts(this.deps.db, send.id);
    const content = JSON.parse(send.content) as SendContent;
    const departed = await engagement.departures(this.deps.db, send.id);
    const links = await engagement.linkCounts(this.deps.db, send.id);
    return {
      id: send.id,
      newsletter: content.newsletterSlug,
      kind: send.kind as SendReport['kind'],
      subject: send.subject,
      state: send.state as SendReport['state'],
      startedAt: send.started_at,
      finishedAt: send.finished_at,
      total: send.total,
      pending: counts.pending,
      delivered: counts.sent,
      deferred: counts.deferred,
      failed: counts.failed,
      bounced: counts.bounced,
      skipped: counts.skipped,
      unsubscribedSince: departed.unsubscribed,
      complaints: departed.complained,
      opens: content.opens ? send.opens : null,
      links,
      clicks: links.reduce((sum, l) => sum + l.clicks, 0),
      uniqueClicks: links.reduce((sum, l) => sum + l.uniqueClicks, 0),
    };
  }
}

function readerAccess(viewer: Viewer | undefined): ReaderAccess {
  if (!viewer || viewer.kind === 'anonymous') return 'everyone';
  return viewer.kind === 'staff' || viewer.paid ? 'paid' : 'members';
}
