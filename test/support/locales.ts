import { expect } from 'vitest';
import { loadCatalogs, type Message } from '../../src/i18n/index.js';

export const catalogs = loadCatalogs();
const english = catalogs.get('en')!;
const texts = (m: Message) => (typeof m === 'string' ? [m] : Object.values(m));

/** English texts long enough not to occur by chance, which a locale has translated differently. */
function untranslatedIn(locale: string): string[] {
  const own = catalogs.get(locale)!;
  return Object.keys(english).flatMap((key) => texts(english[key]!).filter((en) => !en.includes('{') && en.length > 8 && !texts(own[key]!).some((mine) => mine.includes(en))));
}

/** Short English words of the catalogue (Share, Search …) a locale writes otherwise: found only as a whole text or label. */
function shortWordsOf(locale: string): string[] {
  const own = catalogs.get(locale)!;
  return Object.keys(english).flatMap((key) => texts(english[key]!).filter((en) => !en.includes('{') && en.length <= 8 && /\p{L}{3}/u.test(en) && !texts(own[key]!).includes(en)));
}

/** What a reader reads: text between tags and the labels of elements, without scripts and styles. */
function readable(body: string): string[] {
  const page = body.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/g, '');
  const labels = [...page.matchAll(/\s(?:aria-label|alt|placeholder|title)="([^"]*)"/g)].map((m) => m[1]!);
  const between = page.includes('<') ? [...page.matchAll(/>([^<]*)</g)].map((m) => m[1]!) : page.split('\n');
  return [...between, ...labels].map((text) => text.trim()).filter(Boolean);
}

// A message key printed instead of its text: one of the catalogue's groups (format., post. …), a dot, more of the key.
const groups = [...new Set(Object.keys(english).map((key) => key.split('.')[0]!))].join('|');
const rawKey = new RegExp(`(?<![\\w@./-])(?:${groups})(?:\\.[A-Za-z_]+)+(?![\\w-])`, 'g');

/**
 * Fails when a page or email in `locale` still shows a text of the English catalogue (a long one
 * anywhere, a short one as a whole text or label), or a message key in place of its text.
 */
export function expectNoEnglish(locale: string, body: string, page: string): void {
  const left = untranslatedIn(locale).filter((en) => body.includes(en));
  const shown = readable(body);
  const short = shortWordsOf(locale);
  left.push(...shown.filter((text) => short.includes(text)));
  left.push(...shown.flatMap((text) => text.match(rawKey) ?? []));
  expect(left, `${page} in ${locale}`).toEqual([]);
}
