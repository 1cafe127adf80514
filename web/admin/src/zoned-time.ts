/**
 * Times in the site's time zone (the settings' IANA zone), whatever zone the editor's browser is in.
 * A datetime-local field holds a wall-clock time ("2027-03-28T01:30"); the API takes and gives
 * instants. Where a change of clocks skips or repeats an hour, the server's rule holds here too:
 * - a time the clocks skip is the moment of the change: 01:30 in London on 28 March 2027 is
 *   02:00 BST (01:00 UTC);
 * - a time the clocks show twice is the earlier one: 01:30 in London on 31 October 2027 is BST.
 */

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const partsFormats = new Map<string, Intl.DateTimeFormat>();

/** The wall clock in `zone` at an instant, as numbers. */
function wallParts(instant: number, zone: string): { year: number; month: number; day: number; hour: number; minute: number } {
  let format = partsFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    partsFormats.set(zone, format);
  }
  const value = (type: Intl.DateTimeFormatPartTypes) => Number(format.formatToParts(instant).find((p) => p.type === type)?.value);
  return { year: value('year'), month: value('month'), day: value('day'), hour: value('hour'), minute: value('minute') };
}

/** How far `zone`'s clocks are ahead of UTC at an instant, in milliseconds (whole minutes). */
function offsetAt(instant: number, zone: string): number {
  const wall = wallParts(instant, zone);
  const floored = instant - (((instant % MINUTE) + MINUTE) % MINUTE);
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute) - floored;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Whether the browser's time-zone data knows `zone` (an older browser may lack a new zone). */
export function knownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The value for a datetime-local field showing an instant on the wall clock of `zone`. */
export function wallTimeIn(iso: string, zone: string): string {
  const wall = wallParts(Date.parse(iso), zone);
  return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}`;
}

/**
 * The instant (ISO, UTC) at which the wall clock in `zone` shows `wall` ("YYYY-MM-DDTHH:mm"), by the
 * rule above; null when `wall` is not such a time.
 */
export function instantIn(wall: string, zone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(wall);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(asUtc);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59) return null;
  // The offsets in force a day either side; a change of clocks near this time lies between them.
  const offsets = [...new Set([offsetAt(asUtc - DAY, zone), offsetAt(asUtc + DAY, zone)])];
  const readings = offsets.map((offset) => asUtc - offset).filter((instant) => offsetAt(instant, zone) === asUtc - instant);
  if (readings.length > 0) return new Date(Math.min(...readings)).toISOString();
  // Skipped by the clocks: the change happened between these two instants; find its minute.
  let before = asUtc - Math.max(...offsets);
  let after = asUtc - Math.min(...offsets);
  const later = offsetAt(after, zone);
  while (after - before > MINUTE) {
    const middle = before + Math.floor((after - before) / MINUTE / 2) * MINUTE;
    if (offsetAt(middle, zone) === later) after = middle;
    else before = middle;
  }
  return new Date(after).toISOString();
}

const shownFormats = new Map<string, Intl.DateTimeFormat>();

/** An instant on the wall clock of `zone`, written the way the editor's browser writes dates, with the zone named. */
export function formatInZone(iso: string, zone: string): string {
  let format = shownFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone });
    shownFormats.set(zone, format);
  }
  return `${format.format(new Date(iso))} ${zone}`;
}
