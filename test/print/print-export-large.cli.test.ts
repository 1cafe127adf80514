import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { seedPrintList } from '../support/print-list.js';
import { dialects, testServices, type TestContext } from '../support/stores.js';

const MEMBERS = 20_000;
/** A heap the command line starts in with room to spare, and too small to hold this list whole. */
const HEAP_MB = 36;

describe.each(dialects)('masthead print export of a long list on %s', { timeout: 300_000 }, (dialect) => {
  const open: TestContext[] = [];
  afterEach(async () => {
    for (const t of open.splice(0)) await t.close();
  });

  it('writes every line in mailing-house order from a small heap, with the copies per country', async () => {
    const t = await testServices(dialect);
    open.push(t);
    const { issueId, expected } = await seedPrintList(t.store.db, { members: MEMBERS, varied: false }, '2026-01-01T00:00:00.000Z');
    expect(await t.services.print.freeze(issueId)).toEqual(expected.report);
    const file = path.join(t.dataDir, 'winter.csv');
    const result = await runCli(['print', 'export', 'winter', file], {
      DATA_DIR: t.dataDir,
      DATABASE_URL: t.config.kind === 'postgres' ? t.config.url : `sqlite:${t.config.file}`,
      NODE_OPTIONS: `--max-old-space-size=${HEAP_MB}`,
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = [...expected.lines].map(([memberId, line]) => ({ memberId, ...line }) as { memberId: number; country: string; postcode: string });
    const copies = (country: string) => lines.filter((line) => line.country === country).length;
    expect(result.stdout).toBe(`Wrote ${MEMBERS} addresses for Winter to ${file} (DE ${copies('DE')}, GB ${copies('GB')}, US ${copies('US')})\n`);
    const csv = fs.readFileSync(file, 'utf8');
    expect(csv.endsWith('\r\n')).toBe(true);
    const records = parse(csv, { columns: true }) as Array<Record<string, string>>;
    expect(records).toHaveLength(MEMBERS);
    const byPlace = (a: (typeof lines)[number], b: (typeof lines)[number]) => a.country.localeCompare(b.country) || a.postcode.localeCompare(b.postcode) || a.memberId - b.memberId;
    expect(records.map((record) => Number(record.subscriber_id))).toEqual(lines.sort(byPlace).map((line) => line.memberId));
    expect(records.map(({ name, address_line_2, postcode, country_code }) => ({ name, address_line_2, postcode, country_code }))).toEqual(
      lines.map((line) => {
        const { name, line2, postcode, country } = expected.lines.get(line.memberId)!;
        return { name, address_line_2: line2, postcode, country_code: country };
      }),
    );
  });
});
