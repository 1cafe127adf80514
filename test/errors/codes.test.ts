import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { errorCodes, type ErrorCode } from '../../src/errors/codes.js';
import { httpStatus } from '../../src/errors/http-status.js';

describe('error codes', () => {
  const docs = fs.readFileSync('docs/api-errors.md', 'utf8');
  const codes = Object.keys(errorCodes) as ErrorCode[];

  it.each(codes)('%s has an HTTP status and a documented line with that status', (code) => {
    const status = httpStatus[code];
    expect(status).toBeGreaterThanOrEqual(400);
    expect(docs).toMatch(new RegExp(`\\| \`${code}\` \\| ${status} \\|`));
  });

  it('documents no code that does not exist', () => {
    const documented = [...docs.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]);
    expect(documented.filter((c) => c !== 'INTERNAL' && !codes.includes(c as ErrorCode))).toEqual([]);
  });
});
