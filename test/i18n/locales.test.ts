import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCatalogs, missingKeys, textDirection, translator, type Message } from '../../src/i18n/index.js';
import { defaultThemeDir, loadTheme } from '../../src/site/theme.js';
import { siteSettingsSchema } from '../../src/settings/index.js';
import { postFormats } from '../../src/content/index.js';
import { signInEmail } from '../../src/members/member.emails.js';

const shipped = ['en', 'de', 'fr', 'es', 'pt'];
const slots = (m: Message) => [...new Set((typeof m === 'string' ? [m] : Object.values(m)).flatMap((text) => text.match(/\{\w+\}/g) ?? []))].sort();

describe('the shipped locale files', () => {
  const catalogs = loadCatalogs();

  it('ship English, German, French, Spanish and Portuguese', () => {
    expect([...catalogs.keys()].sort()).toEqual([...shipped].sort());
  });

  it.each(shipped)('%s lacks no key of the English file and has none English lacks', (locale) => {
    expect(missingKeys(catalogs, locale)).toEqual([]);
    const english = catalogs.get('en')!;
    expect(Object.keys(catalogs.get(locale)!).filter((key) => !Object.hasOwn(english, key))).toEqual([]);
  });

  it.each(shipped)('%s fills the same slots as English in every message', (locale) => {
    const english = catalogs.get('en')!;
    const own = catalogs.get(locale)!;
    for (const key of Object.keys(english)) expect(slots(own[key]!), `${locale} ${key}`).toEqual(slots(english[key]!));
  });

  it.each(shipped)('%s names every format of writing, so a new format cannot reach readers as a raw key', (locale) => {
    const own = catalogs.get(locale)!;
    expect(Object.keys(postFormats).filter((format) => !Object.hasOwn(own, `format.${format}.plural`))).toEqual([]);
  });
});

describe('the default theme’s style sheet', () => {
  it('places things by the start and end of a line, so right-to-left pages mirror', () => {
    const css = fs.readFileSync(path.join(defaultThemeDir, 'style.css'), 'utf8');
    const physical = css.match(/(?<![\w-])(?:(?:margin|padding|border)-(?:left|right)|left|right|float|clear)\s*:[^;}]*|text-align\s*:\s*(?:left|right)/g) ?? [];
    expect(physical).toEqual([]);
  });
});

describe('messages in a locale', () => {
  const made: string[] = [];
  /** A copy of the default theme's templates with these locale files of its own. */
  const themeWith = (files: Record<string, string>) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'theme-locales-'));
    made.push(dir);
    fs.cpSync(defaultThemeDir, dir, { recursive: true, filter: (source) => !source.includes(`${path.sep}locales`) });
    fs.mkdirSync(path.join(dir, 'locales'));
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, 'locales', name), text);
    return dir;
  };
  afterEach(() => {
    for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('chooses plural forms by the language’s rules and writes numbers its way', () => {
    const dir = themeWith({ 'pl.json': JSON.stringify({ 'post.minutes': { one: '{count} minuta', few: '{count} minuty', many: '{count} minut', other: '{count} minuty' } }) });
    const pl = translator(loadCatalogs(dir), 'pl');
    expect([1, 3, 5, 22, 1500].map((count) => pl('post.minutes', { count }))).toEqual(['1 minuta', '3 minuty', '5 minut', '22 minuty', '1500 minut']);
    const de = translator(loadCatalogs(), 'de');
    expect(de('post.minutes', { count: 1 })).toBe('1 Minute Lesezeit');
    expect(de('post.minutes', { count: 12_000 })).toBe('12.000 Minuten Lesezeit');
    expect(translator(loadCatalogs(), 'fr')('post.minutes', { count: 12_000 })).toBe('12\u202f000 min de lecture');
  });

  it('takes a key missing from a locale from English, and a regional locale from its language', () => {
    const dir = themeWith({ 'ar.json': JSON.stringify({ 'home.latest': 'الأحدث' }), 'pt-BR.json': JSON.stringify({ 'home.all': 'Todas as matérias' }) });
    const catalogs = loadCatalogs(dir);
    const ar = translator(catalogs, 'ar');
    expect(ar('home.latest')).toBe('الأحدث');
    expect(ar('home.all')).toBe('All stories');
    const br = translator(catalogs, 'pt-BR');
    expect(br('home.all')).toBe('Todas as matérias');
    expect(br('home.latest')).toBe('Mais recentes');
    expect(missingKeys(catalogs, 'ar')).toContain('home.all');
  });

  it('lets a theme change the shipped wording of one message and keeps the rest', () => {
    const t = translator(loadCatalogs(themeWith({ 'de.json': JSON.stringify({ 'home.latest': 'Frisch erschienen' }) })), 'de');
    expect(t('home.latest')).toBe('Frisch erschienen');
    expect(t('home.all')).toBe('Alle Beiträge');
  });

  it('reads a key named __proto__ as a message and leaves the catalog’s prototype alone', () => {
    const catalogs = loadCatalogs(themeWith({ 'de.json': '{"__proto__": {"other": "Hallo"}, "home.latest": "Neu"}' }));
    const de = catalogs.get('de')!;
    expect(Object.getPrototypeOf(de)).not.toHaveProperty('other');
    expect(translator(catalogs, 'de')('__proto__')).toBe('Hallo');
    expect(translator(catalogs, 'de')('home.latest')).toBe('Neu');
  });

  it('refuses a broken locale file at start with its name and the problem', () => {
    expect(() => loadCatalogs(themeWith({ 'de.json': '{"home.latest": ' }))).toThrow(/de\.json is not valid JSON/);
    expect(() => loadCatalogs(themeWith({ 'de.json': '["a"]' }))).toThrow(/de\.json must hold one object/);
    expect(() => loadCatalogs(themeWith({ 'de.json': '{"home.latest": 3}' }))).toThrow(/"home\.latest", which is neither/);
    expect(() => loadCatalogs(themeWith({ 'de.json': '{"post.minutes": {"one": "x"}}' }))).toThrow(/"post\.minutes"/);
    expect(() => loadCatalogs(themeWith({ 'de.json': '{"post.minutes": {"other": "x", "several": "y"}}' }))).toThrow(/"several"/);
    expect(() => loadCatalogs(themeWith({ 'not a tag!.json': '{}' }))).toThrow(/not named after a language tag/);
  });

  it('leaves slots it has no value for, and does not read slot names off the prototype', () => {
    const t = translator(loadCatalogs(), 'en');
    expect(t('post.about')).toBe('About {name}');
    expect(t('post.about', { name: '{toString}' })).toBe('About {toString}');
    expect(t('no.such.key')).toBe('no.such.key');
    expect(t('constructor')).toBe('constructor');
  });

  it('knows which languages are written right to left', () => {
    expect(['ar', 'he', 'fa', 'ur', 'ar-EG', 'yi', 'ps'].map(textDirection)).toEqual(Array(7).fill('rtl'));
    expect(['en', 'de', 'pt-BR', 'ja', 'az-Latn', 'sr-Cyrl'].map(textDirection)).toEqual(Array(6).fill('ltr'));
  });

  it('writes emails to members as documents in the site’s language and its direction', () => {
    const catalogs = loadCatalogs(themeWith({ 'ar.json': JSON.stringify({ 'memberEmail.signIn.subject': 'رابط تسجيل الدخول' }) }));
    const words = (locale: string) => ({ t: translator(catalogs, locale), date: (iso: string) => iso, locale });
    const arabic = signInEmail(words('ar'), 'reader@example.com', 'https://magazine.example/members/signin/verify/?token=x', 15);
    expect(arabic.subject).toBe('رابط تسجيل الدخول');
    expect(arabic.html).toMatch(/^<!doctype html>\n<html lang="ar" dir="rtl">/);
    expect(arabic.html).toContain('<title>رابط تسجيل الدخول</title>');
    expect(signInEmail(words('de'), 'leser@example.com', 'https://magazine.example/', 15).html).toMatch(/^<!doctype html>\n<html lang="de" dir="ltr">/);
  });

  it('renders pages of an Arabic site right to left with the theme’s own Arabic words', () => {
    const theme = loadTheme(themeWith({ 'ar.json': JSON.stringify({ 'layout.skip': 'انتقل إلى المحتوى' }) }));
    const site = siteSettingsSchema.parse({ locale: 'ar' });
    const html = theme.render('error', { site, status: 404, message: 'x' });
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain('>انتقل إلى المحتوى<');
    expect(html).toContain('Page not found');
  });
});
