import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { adminApiTypes, schemaFile } from '../../scripts/admin-api-types.js';

describe("the admin app's API types", () => {
  it('match the OpenAPI document the server generates (run `npm run api:types` after changing an endpoint)', async () => {
    const committed = fs.readFileSync(schemaFile, 'utf8');
    expect(committed === (await adminApiTypes()), 'web/admin/src/api/schema.d.ts is out of date: run `npm run api:types`').toBe(true);
  }, 60_000);
});

describe("the admin app's sources", () => {
  it("import nothing from the server's source: the API's shapes come only from its OpenAPI document", () => {
    const appDir = path.resolve(import.meta.dirname, '../../web/admin/src');
    const reaching: string[] = [];
    for (const file of fs.readdirSync(appDir, { recursive: true, encoding: 'utf8' })) {
      if (!/\.tsx?$/.test(file)) continue;
      const text = fs.readFileSync(path.join(appDir, file), 'utf8');
      for (const [, target] of text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)) {
        if (!target!.startsWith('.')) continue;
        const resolved = path.resolve(appDir, path.dirname(file), target!);
        if (!resolved.startsWith(appDir + path.sep)) reaching.push(`${file} → ${target}`);
      }
    }
    expect(reaching).toEqual([]);
  });
});
