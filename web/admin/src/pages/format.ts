const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

const day = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

/** A calendar day such as "2026-11-01", as the reader writes dates. */
export function formatDay(isoDay: string): string {
  return day.format(new Date(`${isoDay.slice(0, 10)}T00:00:00Z`));
}

export function formatDate(iso: string): string {
  return dateTime.format(new Date(iso));
}
