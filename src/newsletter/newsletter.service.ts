import type { Clock } from '../clock.js';
import { anonymous, type Post, type PostService, type Viewer } from '../content/index.js';
import type { Db } from '../db/client.js';
import type { DigestRow } from '../db/tables.js';
import type { Branding, EmailDocument, EmailRenderer, EmailSection, Mailer } from '../email/index.js';
import { AppError } from '../errors/app-error.js';
import { parseInput } from '../errors/validate.js';
import type { JobQueue } from '../jobs/index.js';
import type { SettingsService } from '../settings/index.js';
import type { Newsletter, SubscriberService } from '../subscribers/index.js';
import * as repo from './digest.repository.js';
import { digestPatch, scheduleInput, testInput } from './digest.schema.js';
import type { Digest, DigestItem } from './digest.types.js';
import { footer, postDocument, postItem } from './email.content.js';
import { FOLLOWED_HTML, FOLLOWED_TEXT, PREFERENCES_URL, UNSUBSCRIBE_URL } from './placeholders.js';
import { followedHeading, followedPiece, type FollowedSection } from './followed.js';
import { nextSlot } from './newsletter.settings.js';
import type { EmailParts, SendContent, SendReport } from './send.types.js';
import type { SendService } from './send.service.js';

export const DIGEST_ASSEMBLE_JOB = 'newsletter.digest.assemble';
export const DIGEST_SEND_JOB = 'newsletter.digest.send';
export const POST_EMAIL_JOB = 'newsletter.post';
const WEEK_MS = 7 * 86_400_000;
const member: Viewer = Object.freeze({ kind: 'member', paid: false });
const payingMember: Viewer = Object.freeze({ kind: 'member', paid: true });

export interface NewsletterServiceDeps {
  db: Db;
  clock: Clock;
  jobs: JobQueue;
  posts: PostService;
  subscribers: SubscriberService;
  sends: SendService;
  site: SettingsService;
  renderer: EmailRenderer;
  mailer: Mailer;
  publicUrl: string;
  /** What each post is about that readers can follow (follows/), as `kind:id` keys. */
  followTargets: (postIds: number[]) => Promise<Map<number, string[]>>;
}

/** The weekly digest (assembled, edited, previewed, scheduled) and post emails. */
export class NewsletterService {
  constructor(private readonly deps: NewsletterServiceDeps) {}

  async branding(): Promise<Branding> {
    const site = await this.deps.site.site();
    return { title: site.title, publicUrl: this.deps.publicUrl, logoUrl: site.logoUrl, accentColor: site.accentColor, copyright: site.copyright, locale: site.locale };
  }

  /** When the next digest goes out, by the settings' day, time and time zone. */
  async nextDigestSlot(after: Date = this.deps.clock()): Promise<Date> {
    const { digest } = await this.deps.sends.settings();
    return nextSlot(after, digest, digest.timezone ?? (await this.deps.site.site()).timezone);
  }

  /** Queues the assembly of the next digest (once; rescheduled when settings change). */
  async scheduleAssembly(): Promise<void> {
    const { digest } = await this.deps.sends.settings();
    if (!digest.enabled) return this.deps.jobs.cancel(this.deps.db, DIGEST_ASSEMBLE_JOB);
    const slot = await this.nextDigestSlot(new Date(this.deps.clock().getTime() + digest.assembleHoursBefore * 3_600_000));
    const runAt = new Date(slot.getTime() - digest.assembleHoursBefore * 3_600_000).toISOString();
    await this.deps.jobs.enqueue(this.deps.db, { name: DIGEST_ASSEMBLE_JOB, key: DIGEST_ASSEMBLE_JOB, payload: { slot: slot.toISOString() }, runAt });
  }

  /** The scheduled job: assembles the draft for the slot, sends it there if set to, and queues next week's. */
  async runAssembly(slot: string): Promise<void> {
    const { digest: schedule } = await this.deps.sends.settings();
    const digest = await this.assemble(new Date(slot));
    if (schedule.autoSend && digest.state === 'draft') await this.schedule(digest.id, { at: slot });
    const { digest: settings } = await this.deps.sends.settings();
    if (settings.enabled) {
      const next = await this.nextDigestSlot(new Date(Date.parse(slot) + 1000));
      await this.deps.jobs.enqueue(this.deps.db, {
        name: DIGEST_ASSEMBLE_JOB,
        key: `${DIGEST_ASSEMBLE_JOB}:${next.toISOString()}`,
        payload: { slot: next.toISOString() },
        runAt: new Date(next.getTime() - settings.assembleHoursBefore * 3_600_000).toISOString(),
      });
    }
  }

  private async digestNewsletter(): Promise<Newsletter> {
    return this.deps.subscribers.newsletter((await this.deps.sends.settings()).digest.newsletter);
  }

  /** The week's published pieces up to the slot: the lead story, then by section, reviews last. */
  async assemble(slot: Date): Promise<Digest> {
    const newsletter = await this.digestNewsletter();
    const slotIso = slot.toISOString();
    const existing = await repo.findDigest(this.deps.db, { newsletterId: newsletter.id, slot: slotIso });
    if (existing) return this.toDigest(existing);
    const previous = (await repo.latestDigests(this.deps.db, 1))[0];
    const weekAgo = new Date(slot.getTime() - WEEK_MS).toISOString();
    const periodStart = previous && previous.slot > weekAgo && previous.slot < slotIso ? previous.slot : weekAgo;
    const posts = await this.publishedBetween(periodStart, slotIso);
    const lead = posts.find((p) => p.featured) ?? posts[0];
    const items: DigestItem[] = [];
    if (lead) items.push({ postId: lead.id, group: 'lead' });
    const rest = posts.filter((p) => p !== lead);
    for (const post of rest.filter((p) => p.format !== 'review')) items.push({ postId: post.id, group: post.primaryTag?.slug ?? 'more' });
    for (const post of rest.filter((p) => p.format === 'review')) items.push({ postId: post.id, group: 'reviews' });
    items.sort((a, b) => groupRank(items, a) - groupRank(items, b));
    const site = await this.deps.site.site();
    await repo.insertDigest(
      this.deps.db,
      {
        newsletterId: newsletter.id,
        slot: slotIso,
        periodStart,
        subject: lead ? `${site.title}: ${lead.title}` : this.deps.renderer.translator(site.locale)('digest.subject', { site: site.title }),
        items: JSON.stringify(items),
      },
      this.deps.clock().toISOString(),
    );
    return this.toDigest((await repo.findDigest(this.deps.db, { newsletterId: newsletter.id, slot: slotIso }))!);
  }

  private async publishedBetween(from: string, to: string): Promise<Post[]> {
    const found: Post[] = [];
    for (let offset = 0; ; offset += 50) {
      const { posts, next } = await this.deps.posts.list({}, { limit: 50, offset });
      for (const post of posts) if (post.publishedAt && post.publishedAt >= from && post.publishedAt < to) found.push(post);
      const oldest = posts[posts.length - 1]?.publishedAt;
      if (!next || !oldest || oldest < from) return found;
    }
  }

  async digests(limit = 10): Promise<Digest[]> {
    return Promise.all((await repo.latestDigests(this.deps.db, limit)).map((d) => this.toDigest(d)));
  }

  async digest(id: number): Promise<Digest> {
    return this.toDigest(await this.digestRow(id));
  }

  private async digestRow(id: number): Promise<DigestRow> {
    const row = await repo.findDigest(this.deps.db, { id });
    if (!row) throw new AppError('DIGEST_NOT_FOUND', `No digest has the id ${id}.`);
    return row;
  }

  private async toDigest(row: DigestRow): Promise<Digest> {
    const items = JSON.parse(row.items) as DigestItem[];
    const posts = new Map((await this.deps.posts.load(items.map((i) => i.postId))).map((p) => [p.id, p]));
    const newsletters = await this.deps.subscribers.newsletters();
    return {
      id: row.id,
      newsletter: newsletters.find((n) => n.id === row.newsletter_id)?.slug ?? '',
      slot: row.slot,
      periodStart: row.period_start,
      subject: row.subject,
      intro: row.intro,
      items: items.filter((i) => posts.has(i.postId)).map((i) => ({ ...i, title: posts.get(i.postId)!.title, slug: posts.get(i.postId)!.slug, format: posts.get(i.postId)!.format })),
      state: row.state as Digest['state'],
      scheduledAt: row.scheduled_at,
      sendId: row.send_id,
    };
  }

  /** An editor's changes: reorder, drop or add pieces (published ones only), the subject and intro. */
  async update(id: number, patch: unknown): Promise<Digest> {
    const data = parseInput(digestPatch, patch);
    const row = await this.digestRow(id);
    if (row.state === 'sent') throw new AppError('DIGEST_SENT', 'This digest has been sent and can no longer change.');
    const changes: Parameters<typeof repo.updateDigest>[2] = {};
    if (data.subject !== undefined) changes.subject = data.subject;
    if (data.intro !== undefined) changes.intro = data.intro;
    if (data.items) {
      const posts = new Map((await this.deps.posts.load(data.items.map((i) => i.postId))).map((p) => [p.id, p]));
      const fields = data.items.flatMap((item, index) => (posts.get(item.postId)?.status === 'published' ? [] : [{ field: `items.${index}.postId`, message: 'no published post has this id' }]));
      if (fields.length > 0) throw AppError.validation(fields);
      const items = data.items.map((item, index) => {
        const post = posts.get(item.postId)!;
        const group = item.group ?? (index === 0 ? 'lead' : post.format === 'review' ? 'reviews' : (post.primaryTag?.slug ?? 'more'));
        return { postId: item.postId, group };
      });
      changes.items = JSON.stringify(items);
    }
    await repo.updateDigest(this.deps.db, id, changes, this.deps.clock().toISOString());
    return this.digest(id);
  }

  /**
   * Renders an email as readers without an account see it and, when it holds gated pieces, as
   * members and paying members see it (those pieces in full), so each recipient gets their own.
   */
  private async renderForReaders(subject: string, document: (viewer: Viewer) => Promise<EmailDocument>): Promise<EmailParts & Pick<SendContent, 'members' | 'paid'>> {
    const brand = await this.branding();
    const doc = await document(anonymous);
    const everyone = await this.deps.renderer.render(subject, doc, brand);
    if (![doc.lead, ...doc.sections.flatMap((s) => s.items)].some((item) => item?.gated)) return everyone;
    const members = await this.deps.renderer.render(subject, await document(member), brand);
    const paid = await this.deps.renderer.render(subject, await document(payingMember), brand);
    return { ...everyone, members, paid };
  }

  private async digestDocument(row: DigestRow, newsletter: Newsletter, viewer: Viewer): Promise<EmailDocument> {
    const items = JSON.parse(row.items) as DigestItem[];
    const posts = new Map((await this.deps.posts.load(items.map((i) => i.postId))).map((p) => [p.id, p]));
    const site = await this.deps.site.site();
    const t = this.deps.renderer.translator(site.locale);
    const sections: EmailSection[] = [];
    let lead: EmailDocument['lead'];
    for (const item of items) {
      const post = posts.get(item.postId);
      if (!post || post.status !== 'published') continue;
      // Gated pieces come whole to readers who may read them (on the site they would need to sign in).
      const shown = postItem(post, viewer, this.deps.publicUrl, t, post.visibility !== 'public');
      if (item.group === 'lead' && !lead) {
        lead = shown;
        continue;
      }
      const heading =
        item.group === 'reviews'
          ? t('digest.reviews')
          : item.group === 'more' || item.group === 'lead'
            ? t('digest.more')
            : (post.tags.find((tag) => tag.slug === item.group)?.name ?? post.primaryTag?.name ?? t('digest.more'));
      const section = sections.find((s) => s.heading === heading) ?? sections[sections.push({ heading, items: [] }) - 1]!;
      section.items.push(shown);
    }
    return {
      preheader: row.intro.slice(0, 140) || (lead ? lead.title : t('digest.subject', { site: site.title })),
      intro: row.intro,
      ...(lead ? { lead } : {}),
      sections,
      personal: { html: FOLLOWED_HTML, text: FOLLOWED_TEXT },
      footer: footer(newsletter.name, site.title, this.deps.renderer.translator(site.locale)),
    };
  }

  /**
   * The pieces of the digest's period (since the digest before it) that its main list leaves out,
   * each with what it is about, for recipients who follow that: "From what you follow".
   */
  private async followedSection(row: DigestRow): Promise<FollowedSection> {
    const listed = new Set((JSON.parse(row.items) as DigestItem[]).map((i) => i.postId));
    const left = (await this.publishedBetween(row.period_start, row.slot)).filter((p) => !listed.has(p.id));
    const targets = await this.deps.followTargets(left.map((p) => p.id));
    const site = await this.deps.site.site();
    const t = this.deps.renderer.translator(site.locale);
    return {
      heading: followedHeading(t('digest.followed'), site.accentColor),
      pieces: left.flatMap((post) => (targets.get(post.id)?.length ? [followedPiece(postItem(post, anonymous, this.deps.publicUrl, t), targets.get(post.id)!)] : [])),
    };
  }

  private async digestContent(row: DigestRow): Promise<{ newsletter: Newsletter; content: SendContent }> {
    const newsletter = (await this.deps.subscribers.newsletters()).find((n) => n.id === row.newsletter_id)!;
    const rendered = await this.renderForReaders(row.subject, (viewer) => this.digestDocument(row, newsletter, viewer));
    return { newsletter, content: { ...rendered, newsletterName: newsletter.name, newsletterSlug: newsletter.slug, followed: await this.followedSection(row) } };
  }

  /** The digest as the browser shows it; the personal links point at the site's newsletter pages. */
  async preview(id: number): Promise<string> {
    const { content } = await this.digestContent(await this.digestRow(id));
    return this.withSampleLinks(content.html);
  }

  private withSampleLinks(text: string): string {
    return text
      .split(UNSUBSCRIBE_URL)
      .join(`${this.deps.publicUrl}/newsletter/unsubscribe/`)
      .split(PREFERENCES_URL)
      .join(`${this.deps.publicUrl}/newsletter/preferences/`)
      .split(FOLLOWED_HTML)
      .join('')
      .split(FOLLOWED_TEXT)
      .join('');
  }

  async sendTest(id: number, input: unknown): Promise<void> {
    const { to } = parseInput(testInput, input);
    const row = await this.digestRow(id);
    const { content } = await this.digestContent(row);
    const sender = await this.deps.sends.sender();
    await this.deps.mailer.send({
      to,
      subject: `[Test] ${row.subject}`,
      html: this.withSampleLinks(content.html),
      text: this.withSampleLinks(content.text),
      from: formatFrom(sender.from),
      ...(sender.replyTo ? { replyTo: sender.replyTo } : {}),
    });
  }

  /** Starts sending the digest now (or returns its send if it already started). */
  async sendNow(id: number): Promise<number> {
    const row = await this.digestRow(id);
    const existing = await this.deps.sends.findOf({ digestId: id });
    const sendId = existing?.id ?? (await this.startDigest(row));
    await repo.updateDigest(this.deps.db, id, { state: 'sent', send_id: sendId, scheduled_at: null }, this.deps.clock().toISOString());
    await this.deps.jobs.cancel(this.deps.db, `${DIGEST_SEND_JOB}:${id}`);
    return sendId;
  }

  private async startDigest(row: DigestRow): Promise<number> {
    const { newsletter, content } = await this.digestContent(row);
    return this.deps.sends.start({ newsletter, kind: 'digest', digestId: row.id, subject: row.subject, content });
  }

  async schedule(id: number, input: unknown): Promise<Digest> {
    const { at } = parseInput(scheduleInput, input);
    const row = await this.digestRow(id);
    if (row.state === 'sent') throw new AppError('DIGEST_SENT', 'This digest has been sent and can no longer change.');
    await repo.updateDigest(this.deps.db, id, { state: 'scheduled', scheduled_at: at }, this.deps.clock().toISOString());
    await this.deps.jobs.enqueue(this.deps.db, { name: DIGEST_SEND_JOB, key: `${DIGEST_SEND_JOB}:${id}`, payload: { digestId: id }, runAt: at });
    return this.digest(id);
  }

  /** The digest the CLI sends: one whose send is unfinished, else the latest draft, else a fresh one up to now. */
  async digestToSend(): Promise<Digest> {
    const [latest] = await repo.latestDigests(this.deps.db, 1);
    if (latest && latest.state !== 'sent') return this.toDigest(latest);
    if (latest?.send_id) {
      const report = await this.deps.sends.report(latest.send_id);
      if (report.state !== 'done') return this.toDigest(latest);
    }
    return this.assemble(this.deps.clock());
  }

  /**
   * Emails a post to a newsletter. A published post is sent now (or its unfinished send resumed);
   * a scheduled one is sent when it is published.
   */
  async sendPost(postSlug: string, newsletterSlug?: string): Promise<{ sendId: number | null; sendsAt: string | null }> {
    const post = await this.deps.posts.getBySlug(postSlug);
    const newsletter = newsletterSlug ? await this.deps.subscribers.newsletter(newsletterSlug) : ((await this.deps.subscribers.newsletters()).find((n) => n.isDefault) ?? (await this.digestNewsletter()));
    if (post.status === 'scheduled' && post.publishedAt) {
      await this.deps.jobs.enqueue(this.deps.db, {
        name: POST_EMAIL_JOB,
        key: `${POST_EMAIL_JOB}:${post.id}:${newsletter.id}`,
        payload: { postId: post.id, newsletterId: newsletter.id },
        runAt: post.publishedAt,
      });
      return { sendId: null, sendsAt: post.publishedAt };
    }
    if (post.status !== 'published') {
      throw new AppError('INVALID_TRANSITION', 'Only published or scheduled posts can be emailed; publish or schedule it first.');
    }
    return { sendId: await this.startPost(post, newsletter), sendsAt: null };
  }

  private async startPost(post: Post, newsletter: Newsletter): Promise<number> {
    const existing = await this.deps.sends.findOf({ postId: post.id, newsletterId: newsletter.id });
    if (existing) return existing.id;
    const site = await this.deps.site.site();
    const rendered = await this.renderForReaders(post.title, async (viewer) => postDocument(post, viewer, this.deps.publicUrl, newsletter.name, site.title, this.deps.renderer.translator(site.locale)));
    return this.deps.sends.start({
      newsletter,
      kind: 'post',
      postId: post.id,
      subject: post.title,
      content: { ...rendered, newsletterName: newsletter.name, newsletterSlug: newsletter.slug },
    });
  }

  /** The job behind a scheduled post email: sends once the post is out, follows it if rescheduled. */
  async runPostEmail(payload: { postId: number; newsletterId: number }): Promise<void> {
    const post = (await this.deps.posts.load([payload.postId]))[0];
    const newsletter = (await this.deps.subscribers.newsletters()).find((n) => n.id === payload.newsletterId);
    if (!post || !newsletter) return;
    if (post.status === 'published') {
      await this.startPost(post, newsletter);
    } else if (post.status === 'scheduled' && post.publishedAt) {
      const runAt = post.publishedAt > this.deps.clock().toISOString() ? post.publishedAt : new Date(this.deps.clock().getTime() + 60_000).toISOString();
      await this.deps.jobs.enqueue(this.deps.db, { name: POST_EMAIL_JOB, key: `${POST_EMAIL_JOB}:${post.id}:${newsletter.id}:${runAt}`, payload, runAt });
    }
  }

  sendReports(limit?: number): Promise<SendReport[]> {
    return this.deps.sends.reports(limit);
  }
}

function groupRank(items: DigestItem[], item: DigestItem): number {
  if (item.group === 'lead') return -1;
  if (item.group === 'reviews') return items.length + 1;
  if (item.group === 'more') return items.length;
  return items.findIndex((i) => i.group === item.group);
}

export function formatFrom(from: { name: string; address: string }): string {
  return from.name ? `"${from.name.replace(/["\\\r\n]/g, '')}" <${from.address}>` : from.address;
}
