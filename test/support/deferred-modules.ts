import fs from 'node:fs';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';

/** The preload that makes a started process list the module files it has loaded (see loaded-modules.ts). */
export const moduleRecorder = path.resolve('test/support/loaded-modules.ts');

/**
 * What only sending email, building XML, loading the demo or PostgreSQL, cleaning a saved body,
 * making a new slug, checking an Admin API token, reading a Ghost API filter, writing an export or drawing a progress bar on a
 * terminal needs, and Fastify's schema compilers (no route has a Fastify schema); a
 * started SQLite server serving pages has no use for it yet. Patterns match the sources and the
 * bundle (where the demo is a chunk of its own and the rest stays in node_modules).
 */
export const deferred: Array<[string, RegExp]> = [
  ['MJML', /node_modules\/mjml\//],
  ['xmlbuilder2', /node_modules\/xmlbuilder2\//],
  ['mailsplit', /node_modules\/@zone-eu\/mailsplit\//],
  ["nodemailer's composer", /node_modules\/nodemailer\/(dist\/(esm|cjs)\/nodemailer|lib\/nodemailer)\.[cm]?js$/],
  ["nodemailer's SMTP connection", /node_modules\/nodemailer\/(dist\/(esm|cjs)\/)?(lib\/)?smtp-connection\//],
  ['the demo magazine', /src\/demo\/|\/demo-[A-Z0-9]+\.js$/],
  ['the PostgreSQL client', /node_modules\/pg\//],
  ["Ghost's filter parser", /node_modules\/@tryghost\/nql-lang\//],
  ['the HTML sanitizer', /node_modules\/sanitize-html\//],
  ['PostCSS', /node_modules\/postcss\//],
  ['the transliteration tables', /node_modules\/transliteration\//],
  ['the JOSE library', /node_modules\/jose\//],
  ['the CSV writer', /node_modules\/csv-stringify\//],
  ['the progress bar', /node_modules\/cli-progress\//],
  ['Ajv', /node_modules\/ajv\//],
  ['the JSON serializer compiler', /node_modules\/@fastify\/fast-json-stringify-compiler\//],
];

/** The module files a process started with the recorder has loaded so far, written to `record` on SIGUSR2. */
export async function loadedModules(child: ChildProcess, record: string): Promise<string[]> {
  fs.rmSync(record, { force: true });
  child.kill('SIGUSR2');
  while (!fs.existsSync(record)) await new Promise((resolve) => setTimeout(resolve, 20));
  return JSON.parse(fs.readFileSync(record, 'utf8')) as string[];
}

/** The names of the deferred modules none of the files is. */
export const notLoaded = (files: string[]) => deferred.filter(([, pattern]) => !files.some((file) => pattern.test(file))).map(([name]) => name);
