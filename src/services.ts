import path from 'node:path';
import type { Logger } from 'pino';
import { systemClock, type Clock } from './clock.js';
import { DashboardService, ViewCounter } from './analytics/index.js';
import { CDN_PURGE_JOB, CdnPurgeService, purgeAdapter } from './cdn/index.js';
import type { CdnConfig, Config } from './config/schema.js';
import { CommentEmails, CommentService, localSpamCheck } from './comments/index.js';
import { ContentEvents, PostService, PUBLISH_JOB, TaxonomyService } from './content/index.js';
import type { Store } from './db/client.js';
import { EditorialService, PURGE_JOB } from './editorial/index.js';
import { EventChannel } from './events.js';
import { EmailRenderer, type EmailDocument, type Mailer, type OutgoingMessage } from './email/index.js';
import { JobQueue, JobRunner } from './jobs/index.js';
import { FilesystemStorage, MediaService, type MediaStorage } from './media/index.js';
import { mediaStorageFor } from './media/storage-choice.js';
import { GRACE_END_JOB, MEMBER_EMAIL_JOB, MemberDataService, MemberService, type MemberChange, OfferService, TipService, PlanService, stripePayments, SubscriptionService, type StripeSettings } from './members/index.js';
import { FREEZE_JOB, PrintService } from './print/index.js';
import { RecommendationService, REBUILD_JOB, REFRESH_JOB } from './recommendations/index.js';
import { createSearchService, type SearchService } from './search/index.js';
import { SettingsService } from './settings/index.js';
import { ReviewCatalogue } from './reviews/index.js';
import { ApiKeyService, ContentKeyService, linkBuilder, STAFF_LINK_JOB, StaffAuthService, UserService } from './staff/index.js';
import { SUBSCRIBER_EMAIL_JOB, SubscriberService, type SubscriberChange, type SubscriberEmailKind } from './subscribers/index.js';
import { DELIVERY_JOB, WebhookService } from './webhooks/outgoing/index.js';
import { IMPORT_JOB, ImportRunService } from './portability/index.js';
import { DIGEST_ASSEMBLE_JOB, DIGEST_SEND_JOB, NewsletterService, POST_EMAIL_JOB, SEND_JOB, SendService, FeedbackService, EngagementService, formatFrom, sendSubscriberNotice } from './newsletter/index.js';
import { FOLLOW_ALERT_JOB, FOLLOW_EMAIL_JOB, FOLLOW_GATHER_JOB, FollowAlerts, FollowService, type FollowKind } from './follows/index.js';

/** One thing a member follows, as their data export lists it. */
export interface ExportedFollow {
  kind: FollowKind;
  slug: string;
  name: string;
  confirmed: boolean;
  createdAt: string;
}

export interface Services {
  store: Store;
  clock: Clock;
  logger: Logger;
  mailer: Mailer;
  events: ContentEvents;
  jobs: JobQueue;
  runner: JobRunner;
  posts: PostService;
  taxonomy: TaxonomyService;
  settings: SettingsService;
  users: UserService;
  staffAuth: StaffAuthService;
  apiKeys: ApiKeyService;
  contentKeys: ContentKeyService;
  editorial: EditorialService;
  catalogue: ReviewCatalogue;
  media: MediaService;
  /** Where media files are kept (DATA_DIR/media or a bucket); the /media/ routes read from it. */
  mediaStorage: MediaStorage;
  views: ViewCounter;
  dashboard: DashboardService;
  search: SearchService;
  recommendations: RecommendationService;
  subscribers: SubscriberService;
  follows: FollowService;
  followAlerts: FollowAlerts;
  sends: SendService;
  engagement: EngagementService;
  feedback: FeedbackService;
  newsletter: NewsletterService;
  plans: PlanService;
  offers: OfferService;
  tips: TipService;
  members: MemberService;
  /** A member's data on request: export and erasure. */
  memberData: MemberDataService<ExportedFollow>;
  subscriptions: SubscriptionService;
  print: PrintService;
  webhooks: WebhookService;
  imports: ImportRunService;
  /** Tells the CDN in front of the site what changed (does nothing unless CDN_PURGE is set). */
  cdn: CdnPurgeService;
  comments: CommentService;
  /** Emails about comments and the links that stop them. */
  commentEmails: CommentEmails;
}

/** The one place domain services are built and given what each one uses. */
export interface ServiceOptions {
  logger: Logger;
  mailer: Mailer;
  clock?: Clock;
  pollMs?: number;
  /** DATA_DIR: uploaded media go to DATA_DIR/media unless another mediaStorage is given. */
  dataDir?: string;
  mediaStorage?: MediaStorage;
  /** Where links in emails point (PUBLIC_URL). */
  publicUrl?: string;
  mailFrom?: string;
  themeDir?: string;
  /** Stripe keys; without them the site says payments are not configured. */
  stripe?: StripeSettings;
  /** WEBHOOKS_ALLOW_PRIVATE_ADDRESSES: outgoing webhooks may reach loopback and private networks. */
  webhooksAllowPrivateAddresses?: boolean;
  /** IMPORT_MAX_MB in bytes: the largest export the admin's Import page takes (default 512 MB). */
  importMaxBytes?: number;
  /** CDN_PURGE and its settings: where purges go when content changes. */
  cdnPurge?: CdnConfig;
}

/** The options of a process started from its configuration: the server and every CLI command alike. */
export async function serviceOptionsFrom(config: Config, logger: Logger, mailer: Mailer): Promise<ServiceOptions> {
  return {
    logger,
    mailer,
    publicUrl: config.publicUrl,
    mailFrom: config.mailFrom,
    themeDir: config.themeDir,
    dataDir: config.dataDir,
    mediaStorage: await mediaStorageFor(config),
    stripe: config.stripe,
    webhooksAllowPrivateAddresses: config.webhooksAllowPrivateAddresses,
    importMaxBytes: config.importMaxBytes,
    cdnPurge: config.cdn,
  };
}

export function createServices(store: Store, options: ServiceOptions): Services {
  const clock = options.clock ?? systemClock;
  const mediaStorage = options.mediaStorage ?? new FilesystemStorage(path.join(options.dataDir ?? './data', 'media'));
  const { db } = store;
  const events = new ContentEvents();
  const jobs = new JobQueue(clock);
  const runner = new JobRunner({
    db,
    postgres: store.dialect === 'postgres',
    queue: jobs,
    clock,
    logger: options.logger,
    pollMs: options.pollMs,
  });
  const posts = new PostService({ db, jobs, clock, events });
  runner.register(PUBLISH_JOB, async (payload) => {
    await posts.publishScheduled((payload as { postId: number }).postId);
  });
  const renderer = new EmailRenderer(options.themeDir);
  const settings = new SettingsService({ db, clock, events, unwrittenDescription: (locale) => renderer.translator(locale)('layout.description') });
  const users = new UserService({ db, clock });
  const taxonomy = new TaxonomyService({ db, clock, events });
  const editorial = new EditorialService({ db, jobs, clock, events, posts, taxonomy, users });
  runner.register(PURGE_JOB, async () => {
    await editorial.purgeDue();
  });
  const search = createSearchService(store, posts);
  const recommendations = new RecommendationService({ db, posts, search, events, jobs, clock, logger: options.logger });
  recommendations.listen();
  runner.register(REFRESH_JOB, async (_payload, context) => {
    await recommendations.refresh(context);
  });
  runner.register(REBUILD_JOB, async (_payload, context) => {
    await recommendations.rebuild(undefined, context);
  });
  const publicUrl = options.publicUrl ?? 'http://localhost:3000';
  const subscriberEvents = new EventChannel<SubscriberChange>();
  const memberEvents = new EventChannel<MemberChange>();
  // Unsubscribes are attributed to the send the reader last received (the closure runs only once both exist).
  const subscribers: SubscriberService = new SubscriberService({ db, clock, jobs, events: subscriberEvents, onUnsubscribe: (tx, id, newsletterId) => engagement.unsubscribed(tx, id, newsletterId) });
  const engagement: EngagementService = new EngagementService({ db, clock, subscribers });
  // Member emails in the site's language, dates written its way in its time zone.
  const memberWords = async () => {
    const site = await settings.site();
    const format = new Intl.DateTimeFormat(site.locale, { dateStyle: 'long', timeZone: site.timezone });
    return { t: renderer.translator(site.locale), date: (iso: string) => format.format(new Date(iso)), locale: site.locale };
  };
  const members = new MemberService({ db, clock, mailer: options.mailer, events: memberEvents, dialect: store.dialect, words: memberWords });
  const webhooks = new WebhookService({
    db,
    clock,
    jobs,
    logger: options.logger,
    publicUrl,
    allowPrivateAddresses: options.webhooksAllowPrivateAddresses ?? false,
  });
  webhooks.listen({ content: events, members: memberEvents, subscribers: subscriberEvents });
  runner.register(DELIVERY_JOB, (payload, context) => webhooks.deliver((payload as { deliveryId: number }).deliveryId, context));
  const sends = new SendService({
    db,
    postgres: store.dialect === 'postgres',
    clock,
    jobs,
    mailer: options.mailer,
    subscribers,
    engagement,
    publicUrl,
    mailFrom: options.mailFrom,
    siteTitle: async () => (await settings.site()).title,
    readers: (emails) => members.readersByEmail(emails),
    followed: (subscriberIds) => follows.followedBySubscribers(subscriberIds),
  });
  const newsletter = new NewsletterService({
    db,
    clock,
    jobs,
    posts,
    subscribers,
    sends,
    site: settings,
    renderer,
    mailer: options.mailer,
    publicUrl,
    followTargets: (postIds) => follows.targetsOfPosts(postIds),
  });
  runner.register(SUBSCRIBER_EMAIL_JOB, async (payload) => {
    await sendSubscriberNotice({ subscribers, newsletters: newsletter, sends, site: settings, renderer, mailer: options.mailer, publicUrl }, payload as { subscriberId: number; kind: SubscriberEmailKind });
  });
  /** An email in the newsletter's look, from the newsletter's sender (follow confirmations and alerts). */
  const followNotice = async ({ to, subject, document, headers }: { to: string; subject: string; document: EmailDocument; headers?: Record<string, string> }) => {
    const sender = await sends.sender();
    const rendered = await renderer.render(subject, document, await newsletter.branding());
    await options.mailer.send({ to, subject, ...rendered, from: formatFrom(sender.from), ...(sender.replyTo ? { replyTo: sender.replyTo } : {}), ...(headers ? { headers } : {}) });
  };
  const follows = new FollowService({
    db,
    clock,
    jobs,
    subscribers,
    publicUrl,
    words: async () => renderer.translator((await settings.site()).locale),
    notify: followNotice,
  });
  runner.register(FOLLOW_EMAIL_JOB, (payload) => follows.sendConfirmation(payload as { followId: number }));
  const followAlerts = new FollowAlerts({
    db,
    clock,
    jobs,
    publicUrl,
    links: () => follows.signer(),
    words: async () => renderer.translator((await settings.site()).locale),
    notify: followNotice,
    pieces: async (ids) => (await posts.load(ids)).map((p) => ({ id: p.id, title: p.title, slug: p.slug, excerpt: p.excerpt, published: p.status === 'published' })),
    onError: (error) => options.logger.warn({ err: error }, 'could not gather a piece for follow alerts'),
  });
  followAlerts.listen(events);
  runner.register(FOLLOW_ALERT_JOB, (payload) => followAlerts.run(payload as { reader: string }));
  runner.register(FOLLOW_GATHER_JOB, () => followAlerts.runGather());
  runner.register(SEND_JOB, async (payload, context) => {
    await sends.deliver((payload as { sendId: number }).sendId, { signal: context.signal, onProgress: throttledHeartbeat(context.heartbeat) });
  });
  runner.register(DIGEST_ASSEMBLE_JOB, async (payload) => newsletter.runAssembly((payload as { slot: string }).slot));
  runner.register(DIGEST_SEND_JOB, async (payload) => {
    const digest = await newsletter.digest((payload as { digestId: number }).digestId);
    if (digest.state === 'scheduled') await newsletter.sendNow(digest.id);
  });
  runner.register(POST_EMAIL_JOB, async (payload) => newsletter.runPostEmail(payload as { postId: number; newsletterId: number }));
  const payments = options.stripe ? stripePayments(options.stripe) : null;
  const subscriptions = new SubscriptionService({
    db,
    clock,
    jobs,
    payments,
    publicUrl,
    events: memberEvents,
    words: memberWords,
    logger: options.logger,
  });
  const print = new PrintService({ db, clock, jobs, publicUrl, timeZone: async () => (await settings.site()).timezone, words: memberWords });
  runner.register(MEMBER_EMAIL_JOB, async (payload) => {
    await options.mailer.send(payload as OutgoingMessage);
  });
  runner.register(GRACE_END_JOB, async (payload) => {
    await subscriptions.endGrace((payload as { subscriptionId: number }).subscriptionId);
  });
  runner.register(FREEZE_JOB, async (payload) => {
    await print.freeze((payload as { issueId: number }).issueId);
  });
  const staffAuth = new StaffAuthService({
    db,
    clock,
    mailer: options.mailer,
    jobs,
    link: linkBuilder(publicUrl),
    users,
    siteTitle: async () => (await settings.site()).title,
  });
  runner.register(STAFF_LINK_JOB, (payload) => staffAuth.emailLink(payload));
  const imports = new ImportRunService({
    db,
    clock,
    jobs,
    logger: options.logger,
    dir: path.join(options.dataDir ?? './data', 'imports'),
    maxBytes: options.importMaxBytes ?? 512 * 1024 * 1024,
    allowPrivateAddresses: options.webhooksAllowPrivateAddresses ?? false,
    services: () => services,
  });
  runner.register(IMPORT_JOB, (payload, context) => imports.runJob(payload, context));
  const cdn = new CdnPurgeService({ db, jobs, clock, logger: options.logger, posts, adapter: options.cdnPurge && purgeAdapter(options.cdnPurge) });
  cdn.listen(events);
  runner.register(CDN_PURGE_JOB, (_payload, context) => cdn.sendDue(context.heartbeat));
  const commentEmails = new CommentEmails({ db, clock, jobs, publicUrl, words: memberWords });
  const services: Services = {
    store,
    clock,
    logger: options.logger,
    mailer: options.mailer,
    events,
    jobs,
    runner,
    posts,
    taxonomy,
    settings,
    users,
    staffAuth,
    apiKeys: new ApiKeyService({ db, clock }),
    contentKeys: new ContentKeyService({ db, clock }),
    catalogue: new ReviewCatalogue({ db }),
    editorial,
    views: new ViewCounter({ db, clock, logger: options.logger }),
    dashboard: new DashboardService({ db, clock, posts }),
    media: new MediaService({ db, clock, storage: mediaStorage }),
    mediaStorage,
    search,
    recommendations,
    subscribers,
    follows,
    followAlerts,
    sends,
    engagement,
    feedback: new FeedbackService({ db, clock, subscribers, engagement }),
    newsletter,
    plans: new PlanService({ db, clock }),
    offers: new OfferService({ db, clock, payments }),
    tips: new TipService({ db, clock, payments, publicUrl, locale: async () => (await settings.site()).locale }),
    members,
    memberData: new MemberDataService({
      db,
      members,
      payments,
      words: memberWords,
      commentsChanged: (postIds) => {
        for (const id of postIds) events.emit({ kind: 'comments', id, slugs: [] });
      },
      followsOf: async (id) => {
        const reader = { kind: 'member', id } as const;
        const followed = await follows.list(reader);
        return {
          followAlerts: await followAlerts.enabled(reader),
          follows: followed.map((f) => ({ kind: f.target.kind, slug: f.target.slug, name: f.target.name, confirmed: f.confirmed, createdAt: f.createdAt })),
        };
      },
    }),
    subscriptions,
    print,
    webhooks,
    imports,
    cdn,
    comments: new CommentService({ db, clock, events, spam: localSpamCheck, emails: commentEmails }),
    commentEmails,
  };
  return services;
}

/** Keeps a long job's lock fresh while it reports progress, at most every ten seconds. */
function throttledHeartbeat(heartbeat: () => Promise<void>): () => void {
  let last = Date.now();
  return () => {
    if (Date.now() - last < 10_000) return;
    last = Date.now();
    void heartbeat().catch(() => undefined);
  };
}
