import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock.js';
import { inTransaction, type Db, type Tx } from '../db/client.js';
import { csvRows } from '../csv.js';
import type { SubscriberRow } from '../db/tables.js';
import { AppError, isAppError } from '../errors/app-error.js';
import type { EventChannel } from '../events.js';
import { parseInput } from '../errors/validate.js';
import type { JobQueue } from '../jobs/index.js';
import * as repo from './subscriber.repository.js';
import { emailAddress, listQuery, portableNewsletters, portableSubscribers, preferencesInput, subscribeInput } from './subscriber.schema.js';
import type { z } from 'zod';
import type { ImportReport, Newsletter, Subscriber, SubscriberChange, SubscriberStatus } from './subscriber.types.js';
import { LinkSigner, type LinkClaims } from './link.tokens.js';
import { importSubscriberCsv, type CsvImportOptions } from './csv-import.js';
import { addressGone, whileSubscriberExists } from './subscriber-lock.js';

export const SUBSCRIBER_EMAIL_JOB = 'subscribers.email';
export type SubscriberEmailKind = 'confirm' | 'welcome' | 'already-subscribed';

const CONFIRM_DAYS = 3;
/** How long the erasure page's form may be left open before it must be asked for again. */
const ERASE_FORM_MINUTES = 60;
/** At most one confirmation (or reminder) per address in this time, so the form cannot flood an inbox. */
const RESEND_AFTER_MS = 10 * 60_000;

export interface SubscriberServiceDeps {
  db: Db;
  clock: Clock;
  jobs: JobQueue;
  events: EventChannel<SubscriberChange>;
  /** Told, inside the transaction, of each newsletter a reader leaves by link or on the preferences page (none: all), so the newsletter can attribute it to a send. */
  onUnsubscribe?: (tx: Tx, subscriberId: number, newsletterId: number | undefined) => Promise<void>;
}

/** Subscribers and their newsletter choices: double opt-in, preferences, unsubscribing, import and export. */
export class SubscriberService {
  private signer: LinkSigner | undefined;

  constructor(private readonly deps: SubscriberServiceDeps) {}

  private now(): string {
    return this.deps.clock().toISOString();
  }

  async links(): Promise<LinkSigner> {
    this.signer ??= new LinkSigner(Buffer.from(await repo.ensureKey(this.deps.db, 'links'), 'base64url'));
    return this.signer;
  }

  /** A secret kept with the link keys, for another domain's signed links (its own name, its own key). */
  async linkKey(name: string): Promise<Buffer> {
    return Buffer.from(await repo.ensureKey(this.deps.db, name), 'base64url');
  }

  newsletters(): Promise<Newsletter[]> {
    return repo.listNewsletters(this.deps.db);
  }

  async newsletter(slug: string): Promise<Newsletter> {
    const found = (await this.newsletters()).find((n) => n.slug === slug);
    if (!found) throw new AppError('NEWSLETTER_NOT_FOUND', `No newsletter has the slug "${slug}".`, [{ field: 'newsletter', message: 'no such newsletter' }]);
    return found;
  }

  async createNewsletter(input: { slug: string; name: string; description?: string; isDefault?: boolean }): Promise<Newsletter> {
    if ((await this.newsletters()).some((n) => n.slug === input.slug)) throw new AppError('SLUG_TAKEN', `A newsletter already uses the slug "${input.slug}".`);
    await repo.insertNewsletter(this.deps.db, { description: '', isDefault: false, ...input }, this.now());
    return this.newsletter(input.slug);
  }

  /** Renames a newsletter, rewrites its description, makes it one new signups get by default, or counts its opens. */
  async updateNewsletter(slug: string, changes: { name?: string; description?: string; isDefault?: boolean; countOpens?: boolean }): Promise<Newsletter> {
    await this.newsletter(slug);
    await repo.updateNewsletter(this.deps.db, slug, changes, this.now());
    return this.newsletter(slug);
  }

  private async resolveNewsletters(slugs: string[] | undefined): Promise<Newsletter[]> {
    const all = await this.newsletters();
    if (!slugs || slugs.length === 0) return all.filter((n) => n.isDefault);
    const unknown = slugs.filter((s) => !all.some((n) => n.slug === s));
    if (unknown.length > 0) throw AppError.validation([{ field: 'newsletters', message: `unknown newsletter: ${unknown.join(', ')}` }]);
    return all.filter((n) => slugs.includes(n.slug));
  }

  /**
   * A signup from the form or the JSON endpoint. Answers the same way whatever the address's
   * state, so nobody can learn who subscribes; the person behind the address gets an email
   * (a confirmation link, or a note that they are already subscribed) at most every ten minutes.
   */
  async subscribe(input: unknown): Promise<void> {
    const data = parseInput(subscribeInput, input);
    if (data.company) return;
    const chosen = await this.resolveNewsletters(data.newsletters);
    const ids = chosen.map((n) => n.id);
    await inTransaction(this.deps.db, async (tx) => {
      const now = this.now();
      // A new address is added as pending; another signup adding it at the same moment is no error.
      if (!(await repo.findSubscriberRow(tx, { email: data.email }))) {
        await repo.insertSubscriberIfNew(tx, { email: data.email, name: data.name ?? '', status: 'pending', source: 'form', nonce: nonce(), confirmedAt: null }, now);
      }
      // The right to mail the address is taken in one conditional write, so signups at the same moment mail it once.
      const existing = await repo.claimConfirmSend(tx, data.email, new Date(Date.parse(now) - RESEND_AFTER_MS).toISOString(), now);
      if (!existing) return;
      if (existing.status === 'confirmed') {
        await this.queueEmail(tx, existing.id, 'already-subscribed');
        return;
      }
      // Pending (new or not) or gone: ask again. A returning reader's choices apply once the new link is followed.
      await repo.updateSubscriber(tx, existing.id, { confirm_nonce: existing.status === 'pending' ? (existing.confirm_nonce ?? nonce()) : nonce() }, now);
      if (existing.status === 'pending') await repo.chooseNewsletters(tx, existing.id, ids, now, false);
      else await this.rememberChoice(tx, existing.id, ids, now);
      await this.queueEmail(tx, existing.id, 'confirm');
    });
  }

  /** Someone who left asks to come back: their choice is stored as pending rows until they confirm. */
  private async rememberChoice(tx: Db, subscriberId: number, ids: number[], now: string) {
    await repo.updateSubscriber(tx, subscriberId, { status: 'pending' }, now);
    await repo.chooseNewsletters(tx, subscriberId, ids, now, true);
  }

  private async queueEmail(tx: Db, subscriberId: number, kind: SubscriberEmailKind) {
    await this.deps.jobs.enqueue(tx, { name: SUBSCRIBER_EMAIL_JOB, payload: { subscriberId, kind } });
  }

  /** Follows a confirmation link; it works once, and only while it is fresh. */
  async confirm(token: unknown): Promise<{ subscriber: Subscriber; preferencesToken: string }> {
    const signer = await this.links();
    const claims = signer.verify(token, 'confirm', this.deps.clock());
    const subscriber = await inTransaction(this.deps.db, async (tx) => {
      const row = await repo.lockedSubscriberRow(tx, { id: claims.subscriberId });
      if (!row || !row.confirm_nonce || row.confirm_nonce !== claims.nonce) {
        throw new AppError('LINK_USED', 'This confirmation link has already been used. If you meant to subscribe again, use the form once more.');
      }
      return this.markConfirmed(tx, row);
    });
    this.deps.events.emit({ kind: 'added', subscriber });
    return { subscriber, preferencesToken: signer.sign({ purpose: 'preferences', subscriberId: subscriber.id }) };
  }

  private async markConfirmed(tx: Db, row: SubscriberRow): Promise<Subscriber> {
    const now = this.now();
    await repo.updateSubscriber(tx, row.id, { status: 'confirmed', confirm_nonce: null, confirmed_at: now, unsubscribed_at: null }, now);
    await repo.unsuppress(tx, row.email);
    await this.deps.jobs.enqueue(tx, { name: SUBSCRIBER_EMAIL_JOB, payload: { subscriberId: row.id, kind: 'welcome' } });
    return (await repo.toSubscribers(tx, [(await repo.findSubscriberRow(tx, { id: row.id }))!]))[0]!;
  }

  /**
   * The subscriber behind an address someone typed into another form of the site (following a
   * section by email): an unknown address is added as pending with the default newsletters, as a
   * signup would add it, and is mailed nothing until a link sent to it is followed (confirmAddress).
   */
  async enrol(tx: Db, email: string): Promise<SubscriberRow> {
    // Locked, as erasure locks it: an erasure under way finishes first, and the address is then new.
    while (!(await repo.lockSubscriber(tx, { email }))) {
      const id = await repo.insertSubscriberIfNew(tx, { email, name: '', status: 'pending', source: 'follow', nonce: nonce(), confirmedAt: null }, this.now());
      if (id !== undefined) return this.chooseDefaults(tx, id);
      // Another request added the address at this moment: lock theirs.
    }
    return (await repo.findSubscriberRow(tx, { email }))!;
  }

  private async chooseDefaults(tx: Db, id: number): Promise<SubscriberRow> {
    const now = this.now();
    const defaults = (await repo.listNewsletters(tx)).filter((n) => n.isDefault);
    await repo.chooseNewsletters(
      tx,
      id,
      defaults.map((n) => n.id),
      now,
      false,
    );
    return (await repo.findSubscriberRow(tx, { id }))!;
  }

  /**
   * A link mailed to the subscriber's address was followed, which proves the address as their own
   * confirmation link would: a pending subscriber is confirmed (and welcomed). Others keep their
   * status; an erased one answers LINK_INVALID.
   */
  async confirmAddress(subscriberId: number): Promise<void> {
    const subscriber = await whileSubscriberExists(this.deps.db, subscriberId, async (tx) => {
      const row = await repo.findSubscriberRow(tx, { id: subscriberId });
      return row?.status === 'pending' ? this.markConfirmed(tx, row) : undefined;
    });
    if (subscriber) this.deps.events.emit({ kind: 'added', subscriber });
  }

  /** The link that lets its holder confirm, for the confirmation email. */
  async confirmToken(row: SubscriberRow): Promise<string> {
    const expires = Math.floor(this.deps.clock().getTime() / 1000) + CONFIRM_DAYS * 86_400;
    return (await this.links()).sign({ purpose: 'confirm', subscriberId: row.id, nonce: row.confirm_nonce ?? '', expires });
  }

  private async fromLink(token: unknown, purpose: 'preferences' | 'unsubscribe'): Promise<{ claims: LinkClaims; row: SubscriberRow }> {
    const claims = (await this.links()).verify(token, purpose, this.deps.clock());
    const row = await repo.findSubscriberRow(this.deps.db, { id: claims.subscriberId });
    if (!row) throw addressGone();
    return { claims, row };
  }

  /** Throws the link's problem (forged, unknown subscriber) without acting on it. */
  async checkLink(token: unknown, purpose: 'preferences' | 'unsubscribe'): Promise<void> {
    await this.fromLink(token, purpose);
  }

  async preferences(token: unknown): Promise<{ subscriber: Subscriber; newsletters: Array<Newsletter & { chosen: boolean }> }> {
    const { row } = await this.fromLink(token, 'preferences');
    const [subscriber] = await repo.toSubscribers(this.deps.db, [row]);
    const chosen = row.status === 'confirmed' ? subscriber!.newsletters : [];
    return { subscriber: subscriber!, newsletters: (await this.newsletters()).map((n) => ({ ...n, chosen: chosen.includes(n.slug) })) };
  }

  /** Saves the newsletters chosen on the preferences page; choosing none unsubscribes. */
  async updatePreferences(input: unknown): Promise<Subscriber> {
    const data = parseInput(preferencesInput, input);
    const { row } = await this.fromLink(data.token, 'preferences');
    const chosen = data.newsletters.length === 0 ? [] : await this.resolveNewsletters(data.newsletters);
    return whileSubscriberExists(this.deps.db, row.id, async (tx) => {
      const now = this.now();
      const kept = new Set(chosen.map((n) => n.id));
      for (const id of await repo.activeNewsletterIds(tx, row.id)) if (!kept.has(id)) await this.deps.onUnsubscribe?.(tx, row.id, id);
      if (chosen.length === 0) await this.leave(tx, row, now);
      else await this.choose(tx, row, chosen, now);
      return (await repo.toSubscribers(tx, [(await repo.findSubscriberRow(tx, { id: row.id }))!]))[0]!;
    });
  }

  private async choose(tx: Db, row: SubscriberRow, chosen: Newsletter[], now: string) {
    await repo.chooseNewsletters(
      tx,
      row.id,
      chosen.map((n) => n.id),
      now,
      true,
    );
    if (row.status !== 'confirmed') {
      await repo.updateSubscriber(tx, row.id, { status: 'confirmed', confirmed_at: now, unsubscribed_at: null }, now);
      await repo.unsuppress(tx, row.email);
    }
  }

  /** Leaves the newsletter the link names (or all); with none left, the address is suppressed. */
  async unsubscribe(token: unknown): Promise<{ newsletter: string | null; preferencesToken: string }> {
    const { claims, row } = await this.fromLink(token, 'unsubscribe');
    const newsletter = (await this.newsletters()).find((n) => n.id === claims.newsletterId) ?? null;
    await whileSubscriberExists(this.deps.db, row.id, async (tx) => {
      const now = this.now();
      if (newsletter) await repo.leaveNewsletter(tx, row.id, newsletter.id, now);
      if (!newsletter || (await repo.activeNewsletterIds(tx, row.id)).length === 0) await this.leave(tx, row, now);
      await this.deps.onUnsubscribe?.(tx, row.id, newsletter?.id);
    });
    return { newsletter: newsletter?.name ?? null, preferencesToken: (await this.links()).sign({ purpose: 'preferences', subscriberId: row.id }) };
  }

  private async leave(tx: Db, row: SubscriberRow, now: string) {
    await repo.leaveNewsletters(tx, row.id, [], now);
    if (row.status === 'confirmed' || row.status === 'pending') {
      await repo.updateSubscriber(tx, row.id, { status: 'unsubscribed', unsubscribed_at: now, confirm_nonce: null }, now);
    }
    await repo.suppress(tx, row.email, 'unsubscribed', now);
  }

  /** A permanent delivery failure: the address is never mailed again. Returns the status it had before. */
  async markBounced(subscriberId: number): Promise<SubscriberStatus | undefined> {
    return this.markUnmailable(subscriberId, 'bounced');
  }

  /**
   * The reader reported our email as spam (a feedback-loop report): the address is never mailed
   * again. Returns the status it had before, undefined when the subscriber is gone.
   */
  async markComplained(subscriberId: number): Promise<SubscriberStatus | undefined> {
    return this.markUnmailable(subscriberId, 'complained');
  }

  private async markUnmailable(subscriberId: number, status: 'bounced' | 'complained'): Promise<SubscriberStatus | undefined> {
    return inTransaction(this.deps.db, async (tx) => {
      const row = await repo.lockedSubscriberRow(tx, { id: subscriberId });
      if (!row) return undefined;
      const now = this.now();
      // A complaint outranks an earlier bounce or unsubscribe; a bounce never hides a complaint.
      if (row.status !== 'complained') {
        await repo.updateSubscriber(tx, row.id, { status, unsubscribed_at: row.unsubscribed_at ?? now, confirm_nonce: null }, now);
      }
      await repo.suppress(tx, row.email, row.status === 'complained' ? 'complained' : status, now);
      return row.status as SubscriberStatus;
    });
  }

  async find(email: unknown): Promise<Subscriber> {
    const address = parseInput(emailAddress, email, 'email');
    const row = await repo.findSubscriberRow(this.deps.db, { email: address });
    if (!row) throw notFound(address);
    return (await repo.toSubscribers(this.deps.db, [row]))[0]!;
  }

  async findRow(id: number): Promise<SubscriberRow | undefined> {
    return repo.findSubscriberRow(this.deps.db, { id });
  }

  async list(query: unknown): Promise<{ subscribers: Subscriber[]; total: number; totalEstimated: boolean; next: string | null }> {
    const { rows, total, estimated, next } = await repo.searchSubscribers(this.deps.db, parseInput(listQuery, query));
    return { subscribers: await repo.toSubscribers(this.deps.db, rows), total, totalEstimated: estimated, next };
  }

  /**
   * Imports confirmed subscribers from a CSV export of another platform, read as it arrives (a
   * stream of bytes, or the whole file) and never held whole. Every acceptable row is added in
   * one transaction (all or nothing); rows that cannot be taken are listed with the reason.
   */
  async importCsv(file: Uint8Array | AsyncIterable<Uint8Array>, options: CsvImportOptions & { newsletter?: string } = {}): Promise<ImportReport> {
    const newsletters = options.newsletter ? [await this.newsletter(options.newsletter)] : await this.resolveNewsletters(undefined);
    return importSubscriberCsv(this.deps.db, this.now(), file, newsletters, options);
  }

  /** Every subscriber as CSV lines (header first), a page at a time. */
  async *exportCsv(): AsyncGenerator<string> {
    yield csvRows([['email', 'name', 'status', 'newsletters', 'created_at', 'confirmed_at', 'unsubscribed_at']]);
    for (let after = 0; ; ) {
      const rows = await repo.subscribersAfter(this.deps.db, after, 1000);
      if (rows.length === 0) return;
      const subscribers = await repo.toSubscribers(this.deps.db, rows);
      yield csvRows(subscribers.map((s) => [s.email, s.name, s.status, s.newsletters.join(' '), s.createdAt, s.confirmedAt, s.unsubscribedAt]));
      after = rows[rows.length - 1]!.id;
    }
  }

  /** Everything stored about one subscriber, for a data request. */
  async exportOne(email: unknown): Promise<Subscriber & { deliveries: Array<{ sentAt: string | null; state: string; subject: string }>; clicks: Array<{ subject: string; url: string; at: string }> }> {
    const subscriber = await this.find(email);
    return { ...subscriber, deliveries: await repo.deliveriesOf(this.deps.db, subscriber.id), clicks: await repo.clicksOf(this.deps.db, subscriber.id) };
  }

  /**
   * Erases one subscriber: the record and choices go, delivery rows lose the address. The
   * address stays on the suppression list only as a hash, so an old import cannot add it back.
   * The row is locked first, as every write naming a subscriber locks it (`whileSubscriberExists`),
   * so a follow confirmed or preferences saved at the same moment commit before and go with it,
   * or find the subscriber gone; of two erasures at once, the second finds no one.
   */
  async erase(email: unknown): Promise<void> {
    const address = parseInput(emailAddress, email, 'email');
    await inTransaction(this.deps.db, async (tx) => {
      const subscriber = await repo.lockedSubscriberRow(tx, { email: address });
      if (!subscriber) throw notFound(address);
      await this.eraseLocked(tx, subscriber);
    });
  }

  /**
   * The subscriber a preferences link names, and the token of the form that erases them: the link
   * alone erases no one (mail scanners open links), and the form's token is good for an hour.
   */
  async erasureRequest(token: unknown): Promise<{ email: string; eraseToken: string }> {
    const { row } = await this.fromLink(token, 'preferences');
    const expires = Math.floor(this.deps.clock().getTime() / 1000) + ERASE_FORM_MINUTES * 60;
    return { email: row.email, eraseToken: (await this.links()).sign({ purpose: 'erase', subscriberId: row.id, expires }) };
  }

  /**
   * The reader's own erasure, from the form `erasureRequest` signed: the same erasure as staff's,
   * under the same lock. A subscriber already erased answers LINK_INVALID. Returns the address
   * that was erased, so the page saying so can tell whether it also has a reader account.
   */
  async eraseByLink(token: unknown): Promise<{ email: string }> {
    const claims = await this.erasureClaims(token);
    return whileSubscriberExists(this.deps.db, claims.subscriberId, async (tx) => {
      const row = (await repo.findSubscriberRow(tx, { id: claims.subscriberId }))!;
      await this.eraseLocked(tx, row);
      return { email: row.email };
    });
  }

  private async erasureClaims(token: unknown): Promise<LinkClaims> {
    try {
      return (await this.links()).verify(token, 'erase', this.deps.clock());
    } catch (error) {
      if (isAppError(error) && error.code === 'LINK_EXPIRED') throw new AppError('ERASURE_EXPIRED', 'This erasure form was open too long. Open the preferences link in one of our emails and ask again.');
      throw error;
    }
  }

  /** Erases a subscriber whose row the caller's transaction has locked. */
  private async eraseLocked(tx: Tx, subscriber: SubscriberRow): Promise<void> {
    await repo.forgetDeliveries(tx, subscriber.id);
    await repo.suppress(tx, subscriber.email, 'unsubscribed', this.now());
    await repo.deleteSubscriber(tx, subscriber.id);
  }

  /** Newsletters, for the site document. */
  async exportNewsletters(): Promise<z.infer<typeof portableNewsletters>> {
    return (await this.newsletters()).map(({ slug, name, description, isDefault }) => ({ slug, name, description, isDefault }));
  }

  /** Every subscriber with their choices, for the site document: a page of rows at a time, oldest first. */
  async *exportSubscribers(): AsyncGenerator<z.infer<typeof portableSubscribers>[number]> {
    for (let after = 0; ; ) {
      const rows = await repo.subscribersAfter(this.deps.db, after, 1000);
      if (rows.length === 0) break;
      for (const s of await repo.toSubscribers(this.deps.db, rows)) {
        yield { email: s.email, name: s.name, status: s.status, newsletters: s.newsletters, createdAt: s.createdAt, confirmedAt: s.confirmedAt, unsubscribedAt: s.unsubscribedAt };
      }
      after = rows[rows.length - 1]!.id;
    }
  }

  /** Restores exported newsletters and subscribers into a site being imported (the caller's transaction). */
  async restore(data: { newsletters: z.infer<typeof portableNewsletters>; subscribers: z.infer<typeof portableSubscribers> }): Promise<void> {
    const now = this.now();
    const existing = await this.newsletters();
    for (const n of data.newsletters) if (!existing.some((e) => e.slug === n.slug)) await repo.insertNewsletter(this.deps.db, n, now);
    const bySlug = new Map((await this.newsletters()).map((n) => [n.slug, n.id]));
    for (const s of data.subscribers) {
      const id = await repo.insertSubscriber(this.deps.db, { email: s.email, name: s.name, status: s.status, source: 'import', nonce: null, confirmedAt: s.confirmedAt }, s.createdAt);
      if (s.unsubscribedAt) await repo.updateSubscriber(this.deps.db, id, { unsubscribed_at: s.unsubscribedAt }, now);
      const ids = s.newsletters.flatMap((slug) => (bySlug.has(slug) ? [bySlug.get(slug)!] : []));
      await repo.chooseNewsletters(this.deps.db, id, ids, now, false);
      if (s.status === 'unsubscribed' || s.status === 'bounced' || s.status === 'complained') await repo.suppress(this.deps.db, s.email, s.status, now);
    }
  }

  growth(from: string, to: string) {
    return repo.growthSeries(this.deps.db, from, to);
  }
}

const notFound = (address: string) => new AppError('SUBSCRIBER_NOT_FOUND', `No subscriber has the address ${address}.`);

function nonce(): string {
  return randomBytes(9).toString('base64url');
}
