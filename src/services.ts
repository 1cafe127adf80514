import path from 'node:path';
import type { Logger } from 'pino';
import { systemClock, type Clock } from './clock.js';
import { ContentEvents, PostService, PUBLISH_JOB, TaxonomyService } from './content/index.js';
import type { Store } from './db/client.js';
import type { Mailer } from './email/index.js';
import { EditorialService, PURGE_JOB } from './editorial/index.js';
import { JobQueue, JobRunner } from './jobs/index.js';
import { FilesystemStorage, MediaService, type MediaStorage } from './media/index.js';
import { RecommendationService, REBUILD_JOB, REFRESH_JOB } from './recommendations/index.js';
import { createSearchService, type SearchService } from './search/index.js';
import { SettingsService } from './settings/index.js';
import { ApiKeyService, StaffAuthService, UserService } from './staff/index.js';

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
  editorial: EditorialService;
  media: MediaService;
  search: SearchService;
  recommendations: RecommendationService;
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
  const settings = new SettingsService({ db, clock, events });
  const users = new UserService({ db, clock });
  const taxonomy = new TaxonomyService({ db, clock });
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
  return {
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
    staffAuth: new StaffAuthService({ db, clock, mailer: options.mailer, users, siteTitle: async () => (await settings.site()).title }),
    apiKeys: new ApiKeyService({ db, clock }),
    editorial,
    media: new MediaService({
      db,
      clock,
      storage: options.mediaStorage ?? new FilesystemStorage(path.join(options.dataDir ?? './data', 'media')),
    }),
    search,
    recommendations,
  };
}
