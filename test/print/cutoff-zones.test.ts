import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, manualClock, testServices, type TestContext } from '../support/stores.js';

describe.each(dialects)('print cutoffs typed as a local time (%s)', (dialect) => {
  let t: TestContext;
  const time = manualClock('2026-01-10T12:00:00.000Z');

  beforeAll(async () => {
    t = await testServices(dialect, { clock: time.clock });
  });
  afterAll(async () => t.close());

  const cutoffIn = async (timezone: string, local: string) => {
    await t.services.settings.updateSite({ timezone });
    const issue = await t.services.print.create({ name: `Issue ${timezone} ${local}`, onSaleDate: '2026-12-10', addressCutoff: local });
    return issue.addressCutoff;
  };

  it('reads the cutoff in the site’s time zone: a skipped time is the change, a repeated time the first pass', async () => {
    expect(await cutoffIn('Europe/London', '2026-03-29T01:30')).toBe('2026-03-29T01:00:00.000Z');
    expect(await cutoffIn('Europe/London', '2026-10-25T01:30')).toBe('2026-10-25T00:30:00.000Z');
    expect(await cutoffIn('Europe/London', '2026-07-01T00:00')).toBe('2026-06-30T23:00:00.000Z');
    expect(await cutoffIn('America/New_York', '2026-03-08T02:30')).toBe('2026-03-08T07:00:00.000Z');
    expect(await cutoffIn('America/New_York', '2026-11-01T01:30')).toBe('2026-11-01T05:30:00.000Z');
    expect(await cutoffIn('Australia/Sydney', '2026-10-04T02:30')).toBe('2026-10-03T16:00:00.000Z');
    expect(await cutoffIn('Australia/Sydney', '2026-04-05T02:30')).toBe('2026-04-04T15:30:00.000Z');
    expect(await cutoffIn('Asia/Tokyo', '2026-03-29T01:30')).toBe('2026-03-28T16:30:00.000Z');
    // A cutoff with an offset is that instant, whatever the site's zone.
    expect(await cutoffIn('Asia/Tokyo', '2026-03-29T01:30:00Z')).toBe('2026-03-29T01:30:00.000Z');
  });

  it('freezes the list when the local cutoff comes, by the injected clock', async () => {
    await t.services.settings.updateSite({ timezone: 'Europe/London' });
    const issue = await t.services.print.create({ name: 'Spring', onSaleDate: '2026-04-10', addressCutoff: '2026-03-29T01:30' });
    time.set('2026-03-29T00:59:00.000Z');
    expect(await t.services.print.freeze(issue.id)).toBeUndefined();
    time.set('2026-03-29T01:00:00.000Z');
    expect(await t.services.print.freeze(issue.id)).toMatchObject({ copies: 0 });
  });

  it('refuses a local cutoff that is not a real date and time, naming the field', async () => {
    for (const addressCutoff of ['2026-02-30T01:30', '2026-03-29T24:30', '2026-03-29 01:30', '2026-03-29T01:30+25:00']) {
      await expect(t.services.print.create({ name: 'Bad', onSaleDate: '2026-12-10', addressCutoff }), addressCutoff).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        fields: [expect.objectContaining({ field: 'addressCutoff' })],
      });
    }
  });
});
