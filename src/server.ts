import type { Logger } from 'pino';
import { buildApp } from './app.js';
import type { Config } from './config/schema.js';
import { openStore } from './db/client.js';
import { migrateToLatest } from './db/migrate.js';
import { createMailer } from './email/index.js';
import { createServices, serviceOptionsFrom } from './services.js';

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts Masthead: migrates, optionally loads the demo magazine into an empty site, publishes
 * anything whose time came while the server was down, then serves and runs jobs.
 */
export async function startServer(config: Config, logger: Logger, options: { demo?: boolean } = {}): Promise<RunningServer> {
  const store = openStore(config.database, {
    onConnectionError: (error) => logger.warn({ err: error }, 'database connection lost; reconnecting'),
  });
  const migrated = await migrateToLatest(store.db);
  if (migrated.applied.length > 0) logger.info({ migrations: migrated.applied }, 'database migrated');

  const mailer = createMailer(config);
  const services = createServices(store, await serviceOptionsFrom(config, logger, mailer));
  // The demo magazine (its text and artwork) is loaded into memory only when it is about to be used.
  if (options.demo && (await services.posts.isEmpty())) {
    const { loadDemoContent } = await import('./demo/index.js');
    await loadDemoContent(services, { artwork: true });
    logger.info('demo magazine loaded');
  }
  const published = await services.posts.publishDue();
  if (published > 0) logger.info({ published }, 'published posts scheduled while the server was down');
  // Changes marked while no runner was running (a crash, an import) get their recommendations.
  await services.recommendations.schedule();
  // A new version or theme may draw every page differently: the CDN starts afresh.
  await services.cdn.purgeEverything();

  const app = await buildApp({ config, services, logger });
  await app.listen({ port: config.port, host: config.host });
  services.runner.start();
  await services.newsletter.scheduleAssembly();
  await services.followAlerts.schedule();

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      logger.info('shutting down');
      // Stop taking requests and let in-flight ones finish, stop jobs cleanly, then close the database.
      await app.close();
      await services.runner.stop();
      await services.views.flush();
      await services.recommendations.settled();
      await mailer.close();
      await store.close();
    })();
    return stopping;
  };
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  return { url: `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`, stop };
}
