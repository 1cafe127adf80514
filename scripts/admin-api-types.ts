/**
 * Writes the admin API's OpenAPI document as TypeScript types for the admin app
 * (web/admin/src/api/schema.d.ts), so the app takes the API's shapes from what the server
 * documents rather than from server source files. Run with `npm run api:types`; a test fails
 * when the committed file no longer matches the document.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { pino } from 'pino';
import { buildApp } from '../src/app.js';
import { openStore } from '../src/db/client.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { outboxMailer } from '../src/email/index.js';
import { createServices } from '../src/services.js';

export const schemaFile = path.resolve(import.meta.dirname, '../web/admin/src/api/schema.d.ts');

const banner = '/* Generated from /admin/api/openapi.json by `npm run api:types`; do not edit by hand. */\n\n';

/** The OpenAPI document of the admin API, from the app built in memory (it never listens). */
export async function adminApiDocument(): Promise<OpenAPI3> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-api-types-'));
  const store = openStore({ kind: 'sqlite', file: ':memory:' });
  const logger = pino({ level: 'silent' });
  try {
    await migrateToLatest(store.db);
    const services = createServices(store, { logger, mailer: outboxMailer({ dataDir, mailFrom: 'types@masthead.invalid' }), dataDir });
    const app = await buildApp({ config: { publicUrl: 'http://localhost', themeDir: undefined, dataDir }, services, logger });
    try {
      const answer = await app.inject({ method: 'GET', url: '/admin/api/openapi.json' });
      if (answer.statusCode !== 200) throw new Error(`The OpenAPI document answered ${answer.statusCode}.`);
      return answer.json<OpenAPI3>();
    } finally {
      await app.close();
      await services.runner.stop();
    }
  } finally {
    await store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The text of schema.d.ts for the current admin API. */
export async function adminApiTypes(): Promise<string> {
  const document = await adminApiDocument();
  const ast = await openapiTS(document, { alphabetize: true });
  return banner + astToString(ast);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  fs.writeFileSync(schemaFile, await adminApiTypes());
  console.log(`Wrote ${path.relative(process.cwd(), schemaFile)}`);
}
