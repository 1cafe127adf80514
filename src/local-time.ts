import { DateTime, IANAZone } from 'luxon';

/**
 * Wall-clock times in a time zone (digest slots, print cutoffs typed without an offset), with one rule
 * for the hours a change of clocks skips or repeats:
 * - a time that does not exist (clocks go forward past it) is the first instant after the gap, the
 *   moment of the change: 01:30 in London on the last Sunday of March is 02:00 BST;
 * - a time that happens twice (clocks go back) is the earlier of the two: 01:30 in London on the last
 *   Sunday of October is 01:30 BST, not GMT.
 */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

function zoneOf(name: string): IANAZone {
  const zone = IANAZone.create(name);
  if (!zone.isValid) throw new RangeError(`${name} is not an IANA time zone`);
  return zone;
}

/** The instant at which the wall clock in `zoneName` shows `wall`, by the rule above. */
export function localInstant(wall: WallTime, zoneName: string): Date {
  const zone = zoneOf(zoneName);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  // Offsets (minutes east of UTC) in force around that wall time; a change of clocks lies between them.
  const offsets = [...new Set([-36, 0, 36].map((hours) => zone.offset(asUtc + hours * HOUR)))];
  const readings = offsets.map((offset) => asUtc - offset * MINUTE).filter((instant) => zone.offset(instant) * MINUTE === asUtc - instant);
  if (readings.length > 0) return new Date(Math.min(...readings));
  // In a gap: find the change, the first minute at which the later offset is in force.
  let before = asUtc - Math.max(...offsets) * MINUTE;
  let after = asUtc - Math.min(...offsets) * MINUTE;
  const later = zone.offset(after);
  while (after - before > MINUTE) {
    const middle = before + Math.floor((after - before) / 2 / MINUTE) * MINUTE;
    if (zone.offset(middle) === later) after = middle;
    else before = middle;
  }
  return new Date(after);
}

/** The wall-clock date of an instant in a zone, and its weekday (1 Monday … 7 Sunday). */
export function localDate(instant: Date, zoneName: string): { year: number; month: number; day: number; weekday: number } {
  const local = DateTime.fromJSDate(instant, { zone: zoneOf(zoneName) });
  return { year: local.year, month: local.month, day: local.day, weekday: local.weekday };
}

/** The calendar date `days` after a date (no time zone involved). */
export function addDays(date: { year: number; month: number; day: number }, days: number): { year: number; month: number; day: number; weekday: number } {
  const moved = DateTime.utc(date.year, date.month, date.day).plus({ days });
  return { year: moved.year, month: moved.month, day: moved.day, weekday: moved.weekday };
}
