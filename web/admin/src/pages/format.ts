const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

const day = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

/** A calendar day such as "2026-11-01", as the reader writes dates. */
export function formatDay(isoDay: string): string {
  return day.format(new Date(`${isoDay.slice(0, 10)}T00:00:00Z`));
}

export function formatDate(iso: string): string {
  return dateTime.format(new Date(iso));
}

/** The value a datetime-local input wants for an ISO instant, in the browser's time zone. */
export function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
