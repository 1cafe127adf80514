import fs from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * What takes a test file out of the quick (unit) tier: a database or a whole app (the support
 * modules that make them), PostgreSQL by name, Chromium, or a child process (the CLI, a second
 * server, a crash).
 */
const needsMore = /\/support\/(stores|app|demo-site|browser|cli|cluster|crash-writer|postgres-cluster)\.js['"]|['"]postgres['"]|['"]node:child_process['"]/;

/** A test file's text and the text of every test helper it imports, through their own imports. */
function sourceWithHelpers(file: string, seen = new Set<string>()): string {
  if (seen.has(file)) return '';
  seen.add(file);
  const text = fs.readFileSync(file, 'utf8');
  const helpers = [...text.matchAll(/from\s+['"](\.{1,2}\/[^'"]+)\.js['"]/g)]
    .map((m) => path.resolve(path.dirname(file), `${m[1]}.ts`))
    // The shared support modules that start something are named in `needsMore`; the others are plain helpers.
    .filter((helper) => helper.startsWith(path.resolve('test')) && !helper.startsWith(path.resolve('test/support')) && fs.existsSync(helper));
  return [text, ...helpers.map((helper) => sourceWithHelpers(helper, seen))].join('\n');
}

const testFiles = fs
  .readdirSync('test', { recursive: true, encoding: 'utf8' })
  .filter((name) => name.endsWith('.test.ts'))
  .map((name) => path.join('test', name).split(path.sep).join('/'))
  .sort();
/** The unit tier (`npm run test:quick`): in-process only, SQLite at most; everything else is the full run. */
const quick = testFiles.filter((file) => !needsMore.test(sourceWithHelpers(path.resolve(file))));

export default defineConfig({
  test: {
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default'],
    projects: [
      { extends: true, test: { name: 'quick', include: quick } },
      {
        extends: true,
        test: {
          name: 'full',
          include: ['test/**/*.test.ts'],
          exclude: quick,
          globalSetup: ['test/support/global-setup.ts', 'test/e2e/admin-build.setup.ts'],
        },
      },
    ],
  },
});
