import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { adminApiTypes, schemaFile } from '../../scripts/admin-api-types.js';

describe("the admin app's API types", () => {
  it('match the OpenAPI document the server generates (run `npm run api:types` after changing an endpoint)', async () => {
    const committed = fs.readFileSync(schemaFile, 'utf8');
    expect(committed === (await adminApiTypes()), 'web/admin/src/api/schema.d.ts is out of date: run `npm run api:types`').toBe(true);
  }, 60_000);
});
