import { describe, expect, it } from 'vitest';
import { formatInZone, instantIn, knownZone, wallTimeIn } from '../../web/admin/src/zoned-time.js';

describe("the admin's times in the site's time zone", () => {
  it('reads an ordinary wall-clock time in the zone, whatever zone the browser is in', () => {
    expect(instantIn('2027-06-15T09:30', 'Australia/Sydney')).toBe('2027-06-14T23:30:00.000Z');
    expect(instantIn('2027-01-15T09:30', 'Australia/Sydney')).toBe('2027-01-14T22:30:00.000Z');
    expect(instantIn('2027-06-15T09:30', 'America/New_York')).toBe('2027-06-15T13:30:00.000Z');
    expect(instantIn('2027-06-15T09:30', 'Asia/Kolkata')).toBe('2027-06-15T04:00:00.000Z');
    expect(instantIn('2027-06-15T09:30', 'UTC')).toBe('2027-06-15T09:30:00.000Z');
  });

  it('takes a time the clocks skip as the moment of the change', () => {
    // London, 28 March 2027: 01:00 GMT becomes 02:00 BST.
    expect(instantIn('2027-03-28T01:30', 'Europe/London')).toBe('2027-03-28T01:00:00.000Z');
    expect(instantIn('2027-03-28T01:00', 'Europe/London')).toBe('2027-03-28T01:00:00.000Z');
    expect(instantIn('2027-03-28T00:59', 'Europe/London')).toBe('2027-03-28T00:59:00.000Z');
    expect(instantIn('2027-03-28T02:00', 'Europe/London')).toBe('2027-03-28T01:00:00.000Z');
    // Sydney, 3 October 2027: 02:00 AEST becomes 03:00 AEDT.
    expect(instantIn('2027-10-03T02:30', 'Australia/Sydney')).toBe('2027-10-02T16:00:00.000Z');
    // New York, 14 March 2027: 02:00 EST becomes 03:00 EDT.
    expect(instantIn('2027-03-14T02:15', 'America/New_York')).toBe('2027-03-14T07:00:00.000Z');
  });

  it('takes a time the clocks show twice as the earlier of the two', () => {
    // London, 31 October 2027: 02:00 BST goes back to 01:00 GMT.
    expect(instantIn('2027-10-31T01:30', 'Europe/London')).toBe('2027-10-31T00:30:00.000Z');
    // Sydney, 4 April 2027: 03:00 AEDT goes back to 02:00 AEST.
    expect(instantIn('2027-04-04T02:30', 'Australia/Sydney')).toBe('2027-04-03T15:30:00.000Z');
    // New York, 7 November 2027: 02:00 EDT goes back to 01:00 EST.
    expect(instantIn('2027-11-07T01:30', 'America/New_York')).toBe('2027-11-07T05:30:00.000Z');
  });

  it('refuses what is not a real wall-clock time', () => {
    for (const wall of ['', '2027-02-29T10:00', '2027-13-01T10:00', '2027-06-15T24:00', '2027-06-15T10:60', '2027-06-15 10:00', '2027-06-15T10:00Z']) {
      expect(instantIn(wall, 'Europe/London'), wall).toBeNull();
    }
  });

  it('shows an instant on the wall clock of the zone for the time field, and back again', () => {
    expect(wallTimeIn('2027-06-14T23:30:00.000Z', 'Australia/Sydney')).toBe('2027-06-15T09:30');
    expect(wallTimeIn('2027-03-28T01:00:00.000Z', 'Europe/London')).toBe('2027-03-28T02:00');
    expect(wallTimeIn('2027-10-31T01:30:00.000Z', 'Europe/London')).toBe('2027-10-31T01:30');
    for (const zone of ['Europe/London', 'Australia/Sydney', 'America/New_York', 'Asia/Kolkata']) {
      for (let hour = 0; hour < 24 * 400; hour += 7) {
        const instant = new Date(Date.UTC(2027, 0, 1) + hour * 3_600_000).toISOString();
        const wall = wallTimeIn(instant, zone);
        expect(wallTimeIn(instantIn(wall, zone)!, zone), `${instant} in ${zone}`).toBe(wall);
      }
    }
  });

  it('names the zone beside the time it shows', () => {
    const shown = formatInZone('2027-03-28T01:00:00.000Z', 'Europe/London');
    expect(shown.endsWith(' Europe/London')).toBe(true);
    expect(shown).toMatch(/\b2:00\b|\b02:00\b/);
    expect(formatInZone('2027-06-14T23:30:00.000Z', 'Australia/Sydney')).toMatch(/9:30.* Australia\/Sydney$/);
  });

  it('knows the IANA zones and nothing else', () => {
    expect(['Europe/London', 'Australia/Sydney', 'America/New_York', 'Asia/Kolkata', 'UTC'].every(knownZone)).toBe(true);
    expect(['Mars/Olympus_Mons', '', 'Europe/London\u0000', 'x'.repeat(10_000)].some(knownZone)).toBe(false);
  });
});
