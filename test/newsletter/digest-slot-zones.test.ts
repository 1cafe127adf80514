import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localInstant } from '../../src/local-time.js';
import { nextSlot } from '../../src/newsletter/newsletter.settings.js';
import { dialects, manualClock, testServices, type TestContext } from '../support/stores.js';

const sunday = (time: string) => ({ day: 'sunday', time });
const slot = (after: string, time: string, zone: string) => nextSlot(new Date(after), sunday(time), zone).toISOString();

describe('digest slots across changes of clocks', () => {
  it('London: 01:30 on the Sunday clocks go forward goes out at the change (02:00 BST); on the Sunday they go back, at the first 01:30', () => {
    expect(slot('2026-03-27T12:00:00Z', '01:30', 'Europe/London')).toBe('2026-03-29T01:00:00.000Z');
    expect(slot('2026-03-27T12:00:00Z', '00:30', 'Europe/London')).toBe('2026-03-29T00:30:00.000Z');
    expect(slot('2026-03-27T12:00:00Z', '03:00', 'Europe/London')).toBe('2026-03-29T02:00:00.000Z');
    expect(slot('2026-03-29T01:00:00Z', '01:30', 'Europe/London')).toBe('2026-04-05T00:30:00.000Z');
    expect(slot('2026-10-23T12:00:00Z', '01:30', 'Europe/London')).toBe('2026-10-25T00:30:00.000Z');
    expect(slot('2026-10-25T00:30:00Z', '01:30', 'Europe/London')).toBe('2026-11-01T01:30:00.000Z');
  });

  it('New York: 02:30 on 8 March 2026 goes out at 03:00 EDT; 01:30 on 1 November at 01:30 EDT', () => {
    expect(slot('2026-03-06T12:00:00Z', '02:30', 'America/New_York')).toBe('2026-03-08T07:00:00.000Z');
    expect(slot('2026-03-06T12:00:00Z', '01:30', 'America/New_York')).toBe('2026-03-08T06:30:00.000Z');
    expect(slot('2026-03-06T12:00:00Z', '03:30', 'America/New_York')).toBe('2026-03-08T07:30:00.000Z');
    expect(slot('2026-10-30T12:00:00Z', '01:30', 'America/New_York')).toBe('2026-11-01T05:30:00.000Z');
    expect(slot('2026-10-30T12:00:00Z', '02:30', 'America/New_York')).toBe('2026-11-01T07:30:00.000Z');
  });

  it('Sydney: 02:30 on 5 April 2026 (clocks back) is the AEDT one; on 4 October (clocks forward) it is 03:00 AEDT', () => {
    expect(slot('2026-04-02T00:00:00Z', '02:30', 'Australia/Sydney')).toBe('2026-04-04T15:30:00.000Z');
    expect(slot('2026-10-01T00:00:00Z', '02:30', 'Australia/Sydney')).toBe('2026-10-03T16:00:00.000Z');
    expect(slot('2026-10-01T00:00:00Z', '08:00', 'Australia/Sydney')).toBe('2026-10-03T21:00:00.000Z');
  });

  it('Tokyo keeps one offset all year', () => {
    expect(slot('2026-03-27T12:00:00Z', '01:30', 'Asia/Tokyo')).toBe('2026-03-28T16:30:00.000Z');
    expect(slot('2026-10-23T12:00:00Z', '01:30', 'Asia/Tokyo')).toBe('2026-10-24T16:30:00.000Z');
  });

  it('reads a wall time the same way in a zone whose clocks move by half an hour (Lord Howe Island)', () => {
    // 5 April 2026: 02:00 local happens twice (+11 then +10:30); 4 October: 02:00–02:30 is skipped.
    expect(localInstant({ year: 2026, month: 4, day: 5, hour: 1, minute: 45 }, 'Australia/Lord_Howe').toISOString()).toBe('2026-04-04T14:45:00.000Z');
    expect(localInstant({ year: 2026, month: 10, day: 4, hour: 2, minute: 15 }, 'Australia/Lord_Howe').toISOString()).toBe('2026-10-03T15:30:00.000Z');
  });
});

describe.each(dialects)('the next digest by the injected clock (%s)', (dialect) => {
  let t: TestContext;
  const time = manualClock('2026-03-28T12:00:00.000Z');

  beforeAll(async () => {
    t = await testServices(dialect, { clock: time.clock });
  });
  afterAll(async () => t.close());

  it('moves through the spring change in each zone as the clock moves', async () => {
    const expected: Array<[string, string, string]> = [
      ['Europe/London', '2026-03-28T12:00:00.000Z', '2026-03-29T01:00:00.000Z'],
      ['Europe/London', '2026-03-29T01:00:01.000Z', '2026-04-05T00:30:00.000Z'],
      ['America/New_York', '2026-03-06T12:00:00.000Z', '2026-03-08T07:00:00.000Z'],
      ['Australia/Sydney', '2026-10-01T00:00:00.000Z', '2026-10-03T16:00:00.000Z'],
      ['Asia/Tokyo', '2026-03-28T12:00:00.000Z', '2026-03-28T17:30:00.000Z'],
    ];
    for (const [zone, now, next] of expected) {
      time.set(now);
      await t.services.sends.updateSettings({ digest: { day: 'sunday', time: zone === 'Asia/Tokyo' ? '02:30' : zone === 'Europe/London' ? '01:30' : '02:30', timezone: zone } });
      expect((await t.services.newsletter.nextDigestSlot()).toISOString(), `${zone} at ${now}`).toBe(next);
    }
  });
});
