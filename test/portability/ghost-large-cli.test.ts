import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { dialects, testServices, type TestContext } from '../support/stores.js';
import { writeLargeGhostExport } from './ghost-large.js';

const POSTS = 300;
const MEMBERS = 5000;
/** A heap the command line starts in with room to spare, far less than the export's posts take when held whole. */
const HEAP_MB = 72;
/** Many short posts with long excerpts: what is kept of each post until it is written must stay small. */
const MANY = 3000;
const EXCERPT_CHARS = 5000;
const MANY_HEAP_MB = 56;

describe.each(dialects)('masthead import ghost of a large export on %s', { timeout: 300_000 }, (dialect) => {
  const open: TestContext[] = [];
  afterEach(async () => {
    for (const t of open.splice(0)) await t.close();
  });

  it(`writes ${POSTS.toLocaleString('en')} posts with bodies of 40,000 characters (a 21 MB export) within a ${HEAP_MB} MB heap`, async () => {
    const t = await testServices(dialect);
    open.push(t);
    const file = path.join(t.dataDir, 'ghost.json');
    writeLargeGhostExport(file, { posts: POSTS, members: MEMBERS, bodyChars: 40_000, format: dialect === 'sqlite' ? 'lexical' : 'mobiledoc' });
    const run = await runCli(['import', 'ghost', file], {
      DATA_DIR: t.dataDir,
      DATABASE_URL: t.config.kind === 'postgres' ? t.config.url : `sqlite:${t.config.file}`,
      NODE_OPTIONS: `--max-old-space-size=${HEAP_MB}`,
    });
    expect(run.stderr).not.toMatch(/heap out of memory/i);
    expect(run.code, run.stderr.slice(-500)).toBe(0);
    expect(run.stdout).toContain(`  posts: ${POSTS - POSTS / 100} created\n  pages: ${POSTS / 100} created\n  sections: 11 created\n  tags: 1 created\n  authors: 10 created\n`);
    expect(run.stdout).toContain(`members: ${MEMBERS} in the export, not imported here`);
    expect(run.stdout).toContain('code injection of 1 posts not kept');

    const rows = await t.store.db.selectFrom('posts').select(['slug', 'html']).orderBy('id').execute();
    expect(rows).toHaveLength(POSTS);
    const last = rows.at(-1)!;
    expect(last.slug).toBe(`post-${POSTS - 1}`);
    expect(last.html.length).toBeGreaterThan(40_000);
    // The first paragraph's link to the next post is at that post's address here.
    expect(rows[1]!.html).toContain('<a href="/post-2/">the next one</a>');
  });
});

// What is kept of each post until it is written does not depend on the database; on SQLite alone, as
// PostgreSQL takes minutes for this many posts on a shared machine.
describe('masthead import ghost of many posts on sqlite', { timeout: 300_000 }, () => {
  const open: TestContext[] = [];
  afterEach(async () => {
    for (const t of open.splice(0)) await t.close();
  });

  it(`writes ${MANY.toLocaleString('en')} short posts with excerpts of ${EXCERPT_CHARS.toLocaleString('en')} characters within a ${MANY_HEAP_MB} MB heap, keeping little of each until it is written`, async () => {
    const t = await testServices('sqlite');
    open.push(t);
    const file = path.join(t.dataDir, 'ghost.json');
    writeLargeGhostExport(file, { posts: MANY, members: 0, bodyChars: 200, excerptChars: EXCERPT_CHARS, format: 'lexical' });
    const run = await runCli(['import', 'ghost', file], {
      DATA_DIR: t.dataDir,
      DATABASE_URL: t.config.kind === 'postgres' ? t.config.url : `sqlite:${t.config.file}`,
      NODE_OPTIONS: `--max-old-space-size=${MANY_HEAP_MB}`,
    });
    expect(run.stderr).not.toMatch(/heap out of memory/i);
    expect(run.code, run.stderr.slice(-500)).toBe(0);
    expect(run.stdout).toContain(`  posts: ${MANY - MANY / 100} created\n  pages: ${MANY / 100} created\n`);
    expect(run.stdout).toContain('its excerpt was longer than 1,000 characters and was cut');

    const rows = await t.store.db.selectFrom('posts').select(['slug', 'excerpt']).orderBy('id').execute();
    expect(rows).toHaveLength(MANY);
    expect(rows.at(-1)).toMatchObject({ slug: `post-${MANY - 1}` });
    expect(rows.at(-1)!.excerpt.length).toBeLessThanOrEqual(1000);
  });
});
