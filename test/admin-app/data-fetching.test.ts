import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = 'web/admin/src';
/** The admin app's screens and components: everything but the API modules, which make the queries. */
const screens = fs
  .readdirSync(root, { recursive: true, encoding: 'utf8' })
  .filter((name) => /\.tsx?$/.test(name) && !name.endsWith('.d.ts') && !name.split(path.sep).includes('api'))
  .map((name) => path.join(root, name));

/** The text of each `useEffect(…)` call in a source file, found by matching its parentheses. */
function effects(source: string): string[] {
  const found: string[] = [];
  for (let start = source.indexOf('useEffect('); start !== -1; start = source.indexOf('useEffect(', start + 1)) {
    let depth = 0;
    let end = start + 'useEffect'.length;
    for (; end < source.length; end++) {
      if (source[end] === '(') depth++;
      else if (source[end] === ')' && --depth === 0) break;
    }
    found.push(source.slice(start, end + 1));
  }
  return found;
}

describe("the admin app's data", () => {
  it('is read through TanStack Query on every screen: no effect waits for an answer from the server', () => {
    const reading = /\bawait\b|\bfetch\(|\.then\(|\bapi\(|\brequest\(|fetchQuery|readOnce/;
    const offenders = screens.flatMap((file) =>
      effects(fs.readFileSync(file, 'utf8'))
        .filter((effect) => reading.test(effect))
        .map((effect) => `${file}: ${effect.slice(0, 120)}`),
    );
    expect(screens.length).toBeGreaterThan(20);
    expect(offenders).toEqual([]);
  });
});
