import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { cruise, type ICruiseResult, type IConfiguration } from 'dependency-cruiser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const config = createRequire(import.meta.url)(path.join(root, '.dependency-cruiser.cjs')) as IConfiguration;

/** The violations dependency-cruiser finds under `dir` with the project's rules, as "rule: from -> to". */
async function violations(dir: string, files: string[]): Promise<string[]> {
  const { output } = await cruise(
    files,
    { ...config.options, ruleSet: { forbidden: config.forbidden }, baseDir: dir, validate: true, tsConfig: undefined },
    { extensions: ['.ts', '.tsx', '.js', '.json'], conditionNames: ['import', 'node', 'default', 'types'] },
  );
  return ((output as ICruiseResult).summary.violations ?? []).map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`).sort();
}

describe('the layering rules', () => {
  let dir: string;

  /** Writes a small project: each file's imports, as a line each. */
  function write(files: Record<string, string[]>) {
    for (const [file, imports] of Object.entries(files)) {
      fs.mkdirSync(path.join(dir, path.dirname(file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), `${imports.join('\n')}\nexport const value = 1;\nexport type Shape = { value: number };\n`);
    }
  }

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-layers-'));
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
    write({
      'src/site/render.ts': [],
      'src/http/error-handler.ts': [],
      'src/members/member.service.ts': [],
      // Reader pages living in a domain folder, as they did.
      'src/members/members.routes.ts': ["import { value } from '../site/render.js';", "import type { FastifyInstance } from 'fastify';"],
      'src/newsletter/hook.ts': ["import type { Shape } from '../http/error-handler.js';", "import multipart from '@fastify/multipart';"],
      'src/site/member-pages.routes.ts': ["import { value } from '../members/member.service.js';", "import type { FastifyInstance } from 'fastify';"],
      'src/db/migrations/0099-example.ts': ["import { value } from '../../members/member.service.js';", "import { sql } from 'kysely';"],
      'web/admin/src/pages/members.tsx': ["import type { Shape } from '../../../../src/members/member.service.js';"],
      // A new cycle, and a cycle of running imports among files whose type-only cycle is known.
      'src/search/a.ts': ["import { value } from './b.js';"],
      'src/search/b.ts': ["import { value } from './a.js';"],
      'src/email/mailer.ts': ["import { value } from './smtp-pool.js';"],
      'src/email/smtp-pool.ts': ["import { value } from './mailer.js';"],
      'src/site/page.ts': ["import type { Shape } from './theme.js';"],
      'src/site/theme.ts': ["import { value } from './page.js';"],
    });
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('refuses domain code that imports the site, the HTTP layer or fastify, and lets the site import domains', async () => {
    const found = await violations(dir, ['src']);
    expect(found).toEqual(
      expect.arrayContaining([
        'domain-imports-http: src/members/members.routes.ts -> src/site/render.ts',
        expect.stringMatching(/^domain-imports-fastify: src\/members\/members\.routes\.ts -> \S*node_modules\/fastify\//),
        'domain-imports-http: src/newsletter/hook.ts -> src/http/error-handler.ts',
        expect.stringMatching(/^domain-imports-fastify: src\/newsletter\/hook\.ts -> \S*node_modules\/@fastify\/multipart\//),
        'migration-imports-app-code: src/db/migrations/0099-example.ts -> src/members/member.service.ts',
      ]),
    );
    expect(found.filter((v) => v.includes('src/site/member-pages.routes.ts'))).toEqual([]);
  });

  it('refuses an admin app that imports server source', async () => {
    expect(await violations(dir, ['web'])).toEqual(['admin-app-imports-server: web/admin/src/pages/members.tsx -> src/members/member.service.ts']);
  });

  it('refuses new cycles, and cycles of running imports even among the known ones', async () => {
    const cycles = (await violations(dir, ['src'])).filter((v) => v.includes('circular'));
    // Each cycle is reported once, from whichever of its files comes first; the site's type-only one not at all.
    expect(cycles).toEqual(['no-circular: src/search/a.ts -> src/search/b.ts', 'no-runtime-circular: src/email/mailer.ts -> src/email/smtp-pool.ts', 'no-runtime-circular: src/search/a.ts -> src/search/b.ts']);
  });
});
