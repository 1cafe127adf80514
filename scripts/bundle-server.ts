// Bundles the server and CLI into a few ES modules (dist/bundle/ unless --outdir names another
// folder in dist/ or test-output/): Node then reads and links a handful of files at start
// instead of about a thousand. `npm run build` runs it.
//
// Kept out of the bundle, and so loaded from node_modules when first used:
// - native addons, which Node must load from their own folders;
// - packages only sending email, payments, object storage, feeds, tokens or PostgreSQL use, which
//   are imported on first use and would only lengthen the build;
// - packages that read their own files or start workers from their folders at run time (pino's
//   transports, MJML's minifier, tsx for the newsletter worker run from sources);
// - Fastify's schema compilers (Ajv and the JSON serializer), which it requires only for a route
//   with a Fastify schema: bundled, their code would be read and compiled at every start.
// Lazy imports inside the bundle (the demo, importers, exporters, the server for `start`) stay
// lazy: each becomes a chunk of its own, loaded when the import runs.
//
// Paths the code derives from its own location (themes, locales, the admin app) are written as
// two folders up from the module, so the bundle sits two folders below the project, as the
// compiled sources do (dist/<folder>/).
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const external = [
  'better-sqlite3',
  'argon2',
  'sharp',
  'pg',
  'pino',
  'pino-pretty',
  'nodemailer',
  'mjml',
  '@zone-eu/mailsplit',
  'xmlbuilder2',
  'stripe',
  'jose',
  '@aws-sdk/*',
  'tsx',
  '@fastify/ajv-compiler',
  '@fastify/fast-json-stringify-compiler',
];

const root = path.resolve(import.meta.dirname, '..');
const at = process.argv.indexOf('--outdir');
const outdir = path.resolve(root, at === -1 ? 'dist/bundle' : process.argv[at + 1]!);
// Emptied first, so chunks of earlier builds do not pile up: only ever a folder of its own in
// dist/ or test-output/.
if (!['dist', 'test-output'].some((parent) => path.dirname(outdir) === path.join(root, parent))) {
  throw new Error(`the bundle goes in a folder of its own in dist/ or test-output/, not in ${outdir}`);
}
fs.rmSync(outdir, { recursive: true, force: true });

await build({
  absWorkingDir: root,
  entryPoints: { masthead: 'src/cli/run.ts', 'build.worker': 'src/newsletter/build.worker.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external,
  // Bundled CommonJS packages call require(); in an ES module it has to be made.
  banner: { js: "import { createRequire as createRequireForBundle } from 'node:module'; const require = createRequireForBundle(import.meta.url);" },
  // Whitespace and syntax only: identifiers keep their names (in logs' error types and stack
  // traces), and no keepNames, whose helper renames every nested function each time it is made
  // (a signed-in page, rendered per request, cost 40 % more CPU with it).
  minifyWhitespace: true,
  minifySyntax: true,
  sourcemap: 'linked',
  legalComments: 'linked',
  logLevel: 'warning',
});

// V8 keeps each module's source text in memory while the process runs, in one byte a character
// when it is all Latin-1 and in two otherwise: a single curly quote would double the memory a
// chunk's text takes. esbuild writes every other non-ASCII character as an escape but leaves
// regular expression literals as they are, so those must be written with \u escapes in the sources.
for (const file of fs.readdirSync(outdir).filter((name) => name.endsWith('.js'))) {
  const text = fs.readFileSync(path.join(outdir, file), 'utf8');
  const at = text.search(/[^\x00-\x7f]/);
  if (at !== -1) {
    const line = text.slice(0, at).split('\n').length;
    throw new Error(`${file}, line ${line}: "${text.slice(Math.max(0, at - 40), at + 10)}" has a non-ASCII character (write it as a \\u escape in the source)`);
  }
}
