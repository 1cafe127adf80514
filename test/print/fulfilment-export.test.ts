import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { seedPrintList } from '../support/print-list.js';
import { dialects, testServices, type TestContext } from '../support/stores.js';

/** Four pages of the export: Germany, Britain, then the United States from the third page on. */
const MEMBERS = 3_500;

describe.each(dialects)('the fulfilment CSV of a long list on %s', { timeout: 120_000 }, (dialect) => {
  const open: TestContext[] = [];
  afterEach(async () => {
    for (const t of open.splice(0)) await t.close();
  });

  it('lists every member once in mailing-house order, even one erased while it is being written', async () => {
    const t = await testServices(dialect);
    open.push(t);
    const { issueId, expected } = await seedPrintList(t.store.db, { members: MEMBERS, varied: false }, '2026-01-01T00:00:00.000Z');
    await t.services.print.freeze(issueId);
    // A gift recipient (no billing to stop) far down the American postcodes: erasing them empties
    // their postcode, which would sort them before the lines already written.
    const erased = await t.services.members.get({ email: 'reader288@example.com' });
    const { lines, rows } = await t.services.print.csv(issueId);
    expect(rows).toBe(MEMBERS);
    let csv = '';
    let erasing = true;
    for await (const chunk of lines) {
      csv += chunk;
      if (erasing && csv.includes(',US,')) {
        expect(csv).not.toContain(`,${erased.id},Winter`);
        await t.services.memberData.erase(erased.id);
        erasing = false;
      }
    }
    expect(erasing).toBe(false);
    const records = parse(csv, { columns: true }) as Array<Record<string, string>>;
    const place = (id: number) => expected.lines.get(id)!;
    const order = [...expected.lines.keys()].sort((a, b) => String(place(a).country).localeCompare(String(place(b).country)) || String(place(a).postcode).localeCompare(String(place(b).postcode)) || a - b);
    expect(records.map((r) => Number(r.subscriber_id))).toEqual(order);
    expect(records.find((r) => Number(r.subscriber_id) === erased.id)).toEqual({
      name: '',
      address_line_1: '',
      address_line_2: '',
      city: '',
      region: '',
      postcode: '',
      country_code: 'US',
      quantity: '1',
      subscriber_id: String(erased.id),
      issue: 'Winter',
    });
  });
});
