import type { Logger } from 'pino';
import { systemClock, type Clock } from './clock.js';
import { ContentEvents, PostService, PUBLISH_JOB, TaxonomyService } from './content/index.js';
import type { Store } from './db/client.js';
import type { Mailer, OutgoingMessage } from './email/index.js';
import { JobQueue, JobRunner } from './jobs/index.js';
import { GRACE_END_JOB, MEMBER_EMAIL_JOB, MemberService, PlanService, stripePayments, SubscriptionService, type StripeSettings } from './members/index.js';
import { FREEZE_JOB, PrintService } from './print/index.js';
import { SettingsService } from './settings/index.js';
import { UserService } from './staff/index.js';

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
  plans: PlanService;
  members: MemberService;
  subscriptions: SubscriptionService;
  print: PrintService;
}

/** The one place domain services are built and given what each one uses. */
export interface ServiceOptions {
  logger: Logger;
  mailer: Mailer;
  clock?: Clock;
  pollMs?: number;
  /** The site's public address, for links in emails and Stripe's return pages. */
  publicUrl?: string;
  /** Stripe keys; without them the site says payments are not configured. */
  stripe?: StripeSettings;
}

export function createServices(store: Store, options: ServiceOptions): Services {
  const clock = options.clock ?? systemClock;
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
  const publicUrl = options.publicUrl ?? 'http://localhost:3000';
  const subscriptions = new SubscriptionService({
    db,
    clock,
    jobs,
    payments: options.stripe ? stripePayments(options.stripe) : null,
    publicUrl,
  });
  const print = new PrintService({ db, clock, jobs, publicUrl });
  runner.register(MEMBER_EMAIL_JOB, async (payload) => {
    await options.mailer.send(payload as OutgoingMessage);
  });
  runner.register(GRACE_END_JOB, async (payload) => {
    await subscriptions.endGrace((payload as { subscriptionId: number }).subscriptionId);
  });
  runner.register(FREEZE_JOB, async (payload) => {
    await print.freeze((payload as { issueId: number }).issueId);
  });
  return {
    store,
    clock,
    logger: options.logger,
    mailer: options.mailer,
    events,
    jobs,
    runner,
    posts,
    taxonomy: new TaxonomyService({ db, clock }),
    settings: new SettingsService({ db, clock, events }),
    users: new UserService({ db, clock }),
    plans: new PlanService({ db, clock }),
    members: new MemberService({ db, clock, mailer: options.mailer }),
    subscriptions,
    print,
  };
}
