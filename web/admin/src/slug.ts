import { transliterate } from 'transliteration';

/**
 * The slug the server would suggest for a name, in any script ("Łódź" → "lodz", "Москва" → "moskva"),
 * for forms that show it while the name is typed. The server keeps whatever slug is sent.
 */
export function suggestSlug(name: string, max = 160): string {
  return transliterate(name.normalize('NFC'))
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
}
