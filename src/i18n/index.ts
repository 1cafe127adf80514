import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** A message: plain text with `{name}` slots, or one text per plural category of `{count}`. */
export type Message = string | ({ other: string } & Partial<Record<Intl.LDMLPluralRule, string>>);
export type Catalog = Record<string, Message>;
/** Every locale's messages, by language tag as written in the file name (en, de, pt-BR…). */
export type Catalogs = Map<string, Catalog>;
export type Translate = (key: string, values?: Record<string, string | number>) => string;

export const FALLBACK_LOCALE = 'en';

/** The locale files shipped with the default theme; a theme's own `locales/` adds to and overrides them. */
export const shippedLocalesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../themes/default/locales');

const pluralCategories = new Set<string>(['zero', 'one', 'two', 'few', 'many', 'other']);
// Scripts written right to left, as Intl.Locale#maximize names them (ar → Arab, he → Hebr…).
const rightToLeftScripts = new Set(['Arab', 'Hebr', 'Thaa', 'Syrc', 'Nkoo', 'Adlm', 'Rohg', 'Mand', 'Samr', 'Yezi']);

function invalid(file: string, problem: string): Error {
  return new Error(`Locale file ${file} ${problem}`);
}

/** Reads one locale file, refusing anything but strings and plural objects with an `other` form. */
function readCatalog(file: string): Catalog {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw invalid(file, `is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw invalid(file, 'must hold one object of messages');
  // No prototype: a key named __proto__ is a message like any other.
  const catalog: Catalog = Object.create(null) as Catalog;
  for (const [key, value] of Object.entries(parsed)) {
    if (typeof value === 'string') catalog[key] = value;
    else if (typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { other?: unknown }).other === 'string') {
      for (const [form, text] of Object.entries(value)) {
        if (!pluralCategories.has(form) || typeof text !== 'string') throw invalid(file, `has a plural form "${form}" in "${key}" that is not zero, one, two, few, many or other with a text`);
      }
      catalog[key] = value as Message;
    } else throw invalid(file, `has "${key}", which is neither a text nor plural forms with "other"`);
  }
  return catalog;
}

function readDir(dir: string, into: Catalogs): void {
  if (!fs.existsSync(dir)) return;
  for (const name of fs.readdirSync(dir).sort()) {
    if (!name.endsWith('.json')) continue;
    const tag = name.slice(0, -'.json'.length);
    let locale: string;
    try {
      [locale = ''] = Intl.getCanonicalLocales(tag);
    } catch {
      throw invalid(path.join(dir, name), 'is not named after a language tag (en.json, pt-BR.json, ar.json…)');
    }
    into.set(locale, { ...into.get(locale), ...readCatalog(path.join(dir, name)) });
  }
}

/** The shipped locales, then the theme's own `locales/*.json` on top (new languages or changed wording). */
export function loadCatalogs(themeDir?: string): Catalogs {
  const catalogs: Catalogs = new Map();
  readDir(shippedLocalesDir, catalogs);
  if (themeDir) {
    const own = path.join(themeDir, 'locales');
    if (path.resolve(own) !== shippedLocalesDir) readDir(own, catalogs);
  }
  if (!catalogs.has(FALLBACK_LOCALE)) throw new Error(`No ${FALLBACK_LOCALE}.json locale file in ${shippedLocalesDir}`);
  return catalogs;
}

/** pt-BR looks in pt-BR, then pt, then English. */
function chain(catalogs: Catalogs, locale: string): Catalog[] {
  const tags: string[] = [];
  let canonical = FALLBACK_LOCALE;
  try {
    [canonical = FALLBACK_LOCALE] = Intl.getCanonicalLocales(locale);
  } catch {
    // A malformed tag cannot reach here through the settings schema; English is still right for it.
  }
  const parts = canonical.split('-');
  for (let n = parts.length; n > 0; n -= 1) tags.push(parts.slice(0, n).join('-'));
  tags.push(FALLBACK_LOCALE);
  return [...new Set(tags)].flatMap((tag) => {
    const catalog = catalogs.get(tag);
    return catalog ? [catalog] : [];
  });
}

/** `ltr` or `rtl`, from the script the language is written in. */
export function textDirection(locale: string): 'ltr' | 'rtl' {
  try {
    const script = new Intl.Locale(locale).maximize().script;
    return script && rightToLeftScripts.has(script) ? 'rtl' : 'ltr';
  } catch {
    return 'ltr';
  }
}

/**
 * A lookup of messages in one locale. A key missing from the locale comes from English; a key
 * missing everywhere shows as itself, so a theme's typo is visible rather than blank. Numbers
 * are written the locale's way, and `{count}` chooses the plural form by Intl.PluralRules.
 */
export function translator(catalogs: Catalogs, locale: string): Translate {
  const catalogsInOrder = chain(catalogs, locale);
  let plurals: Intl.PluralRules;
  let numbers: Intl.NumberFormat;
  try {
    plurals = new Intl.PluralRules(locale);
    numbers = new Intl.NumberFormat(locale);
  } catch {
    plurals = new Intl.PluralRules(FALLBACK_LOCALE);
    numbers = new Intl.NumberFormat(FALLBACK_LOCALE);
  }
  return (key, values = {}) => {
    let message: Message | undefined;
    for (const catalog of catalogsInOrder) {
      if (Object.hasOwn(catalog, key)) {
        message = catalog[key];
        break;
      }
    }
    if (message === undefined) return key;
    let text: string;
    if (typeof message === 'string') text = message;
    else {
      const count = Number(values.count ?? 0);
      text = message[plurals.select(count)] ?? message.other;
    }
    return text.replace(/\{(\w+)\}/g, (slot, name: string) => {
      if (!Object.hasOwn(values, name)) return slot;
      const value = values[name]!;
      return typeof value === 'number' ? numbers.format(value) : value;
    });
  };
}

/** Keys of the English file that a locale lacks. */
export function missingKeys(catalogs: Catalogs, locale: string): string[] {
  const own = catalogs.get(locale) ?? {};
  return Object.keys(catalogs.get(FALLBACK_LOCALE) ?? {}).filter((key) => !Object.hasOwn(own, key));
}
