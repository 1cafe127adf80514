const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** Dates as readers of this site expect them: in the site's time zone and language. */
export function formatDate(iso: string, locale: string, timeZone: string): string {
  const key = `${locale}|${timeZone}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone });
    dateFormats.set(key, format);
  }
  return format.format(new Date(iso));
}

/** A calendar date (YYYY-MM-DD, no time of day) in the site's language. */
export function formatCalendarDate(day: string, locale: string): string {
  return formatDate(`${day}T12:00:00Z`, locale, 'UTC');
}

/** "A", "A and B", "A, B and C". */
export function joinNames(names: string[], conjunction = 'and'): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} ${conjunction} ${names.at(-1)}`;
}
