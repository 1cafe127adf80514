import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { openStore } from '../../src/db/client.js';
import { createServices } from '../../src/services.js';
import { silentLogger, testServices, type Dialect, type TestContext } from './stores.js';

export interface AppContext extends TestContext {
  app: FastifyInstance;
}

/** The whole HTTP app over a fresh database, not listening: requests are injected. */
export async function testApp(dialect: Dialect = 'sqlite', options: Parameters<typeof testServices>[1] = {}): Promise<AppContext> {
  const context = await testServices(dialect, options);
  const app = await buildApp({
    config: { publicUrl: 'http://localhost:3000', themeDir: undefined, dataDir: context.dataDir },
    services: context.services,
    logger: silentLogger,
  });
  await app.ready();
  return {
    ...context,
    app,
    close: async () => {
      await app.close();
      await context.close();
    },
  };
}

/** Another process of the same site: the whole app over its own services and store, on the database of `first`. */
export async function anotherProcess(first: TestContext): Promise<FastifyInstance> {
  const app = await buildApp({
    config: { publicUrl: 'http://localhost:3000', themeDir: undefined, dataDir: first.dataDir },
    services: createServices(openStore(first.config), { logger: silentLogger, mailer: first.services.mailer, dataDir: first.dataDir }),
    logger: silentLogger,
  });
  await app.ready();
  return app;
}
