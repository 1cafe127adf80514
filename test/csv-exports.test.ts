import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { dialects, manualClock, type TestContext } from './support/stores.js';
import { gbAddress, stripeServices, subscribe } from './members/helpers.js';

/** Cells a spreadsheet would run: ASCII and full-width = + - @ (names are trimmed, so no leading tab gets this far). */
const hostile = ['=1+2', '+SUM(A1)', '-2+3', '@cmd', '＝1+2', '＋1', '－1', '＠x'];

describe.each(dialects)('every CSV export goes through one writer (%s)', (dialect) => {
  let t: TestContext;
  let close: () => Promise<unknown>;
  const time = manualClock('2026-11-25T12:00:00.000Z');

  beforeAll(async () => {
    let stripe;
    ({ t, stripe, close } = await stripeServices(dialect, { clock: time.clock }));
    for (const [i, name] of hostile.entries()) {
      await subscribe(t.services, stripe, { plan: 'print-digital', billing: 'year', email: `p${i}@example.com`, address: { ...gbAddress, name: `${name}`, city: name } });
    }
    const rows = hostile.map((name, i) => `s${i}@example.com,"${name.replace(/"/g, '""')}"`).join('\r\n');
    await t.services.subscribers.importCsv(Buffer.from(`email,name\r\n${rows}\r\n`));
  });
  afterAll(async () => close());

  it('the subscriber export shows every formula-like name as written text, in RFC 4180 lines', async () => {
    let csv = '';
    for await (const chunk of t.services.subscribers.exportCsv()) csv += chunk;
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/\n/);
    const records = parse(csv, { columns: true }) as Array<{ email: string; name: string }>;
    const names = records.filter((r) => r.email.startsWith('s')).map((r) => r.name);
    expect(names).toEqual(hostile.map((name) => `'${name}`));
  });

  it('the print fulfilment list does the same for names and cities, and keeps numbers as numbers', async () => {
    const issue = await t.services.print.create({ name: '=Winter', onSaleDate: '2026-12-10', addressCutoff: '2026-12-01T00:00:00Z' });
    time.set('2026-12-02T00:00:00.000Z');
    let csv = '';
    for await (const chunk of (await t.services.print.csv(issue.slug)).lines) csv += chunk;
    const records = parse(csv, { columns: true }) as Array<Record<string, string>>;
    expect(records.map((r) => r.name).sort()).toEqual(hostile.map((name) => `'${name}`).sort());
    expect(records.map((r) => r.city).sort()).toEqual(hostile.map((name) => `'${name}`).sort());
    expect(new Set(records.map((r) => r.issue))).toEqual(new Set(["'=Winter"]));
    expect(records.every((r) => /^\d+$/.test(r.quantity!) && /^\d+$/.test(r.subscriber_id!))).toBe(true);
  });
});
