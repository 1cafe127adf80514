const dateFormats = new Map<string, Intl.DateTimeFormat>();
/** Dates already written out: the same posts' dates appear on many pages, and formatting is slow. */
const formatted = new Map<string, string>();
const FORMATTED_DATES = 10_000;

/** Dates as readers of this site expect them: in the site's time zone and language. */
export function formatDate(iso: string, locale: string, timeZone: string): string {
  const key = `${locale}|${timeZone}`;
  const done = formatted.get(`${key}|${iso}`);
  if (done !== undefined) return done;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone });
    dateFormats.set(key, format);
  }
  const text = format.format(new Date(iso));
  if (formatted.size >= FORMATTED_DATES) formatted.clear();
  formatted.set(`${key}|${iso}`, text);
  return text;
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
