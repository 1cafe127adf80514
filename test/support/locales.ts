import { expect } from 'vitest';
import { loadCatalogs, type Message } from '../../src/i18n/index.js';

export const catalogs = loadCatalogs();
const english = catalogs.get('en')!;

/** English texts long enough not to occur by chance, which a locale has translated differently. */
function untranslatedIn(locale: string): string[] {
  const own = catalogs.get(locale)!;
  const text = (m: Message) => (typeof m === 'string' ? [m] : Object.values(m));
  return Object.keys(english).flatMap((key) => text(english[key]!).filter((en) => !en.includes('{') && en.length > 8 && !text(own[key]!).some((mine) => mine.includes(en))));
}

/** Fails when a page or email in `locale` still shows a text of the English catalogue. */
export function expectNoEnglish(locale: string, body: string, page: string): void {
  const left = untranslatedIn(locale).filter((en) => body.includes(en));
  expect(left, `${page} in ${locale}`).toEqual([]);
}
