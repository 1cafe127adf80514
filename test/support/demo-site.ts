import { loadDemoContent } from '../../src/demo/index.js';
import { testApp, type AppContext } from './app.js';
import type { Dialect } from './stores.js';

/** The whole app over a fresh database holding the demo magazine (with its artwork under /media/). */
export async function demoApp(dialect: Dialect = 'sqlite'): Promise<AppContext> {
  const context = await testApp(dialect);
  await loadDemoContent(context.services, { artwork: true });
  return context;
}
