import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Eta } from 'eta';
import { loadCatalogs, textDirection, translator, type Translate } from '../i18n/index.js';
import type { SiteSettings } from '../settings/index.js';
import { formatDate, joinNames } from './format.js';
import { pageMeta } from './page.js';
import { themeData } from './theme-data.js';
import { absoluteUrl } from './urls.js';

export const defaultThemeDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../themes/default');

/** Removes comments and runs of white space from a style sheet. */
function minifyCss(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .trim();
}

/** Lightens a #rrggbb colour towards white, so links keep their contrast on a dark page. */
export function lighten(hex: string, amount: number): string {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `#${channels
    .map((c) =>
      Math.round(c + (255 - c) * amount)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

function favicon(site: SiteSettings): string {
  if (site.iconUrl) return site.iconUrl;
  // The first character, not the first UTF-16 unit: half of "𝕏" or an emoji cannot be encoded.
  const letter = (Array.from(site.title)[0] ?? '').replace(/[<>&'"]/g, '');
  const svg = `<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'><rect width='32' height='32' rx='6' fill='${site.accentColor}'/><text x='16' y='23' font-family='Georgia,serif' font-size='22' font-weight='700' text-anchor='middle' fill='white'>${letter}</text></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

/**
 * Makes Eta find each template's file once: it otherwise works out (and checks) the path again on
 * every render and every include, which costs more than rendering a short partial. A template a
 * custom theme lacks (one added to Masthead after the theme was copied) is the default theme's.
 */
function rememberPaths(eta: Eta, themeDir: string): void {
  const resolve = eta.resolvePath!;
  const found = new Map<string, string>();
  eta.resolvePath = function (template, options) {
    const key = `${options?.filepath ?? ''}\n${template}`;
    let file = found.get(key);
    if (file === undefined) {
      file = resolve.call(this, template, options);
      const shipped = path.join(defaultThemeDir, path.relative(themeDir, file));
      if (!fs.existsSync(file) && fs.existsSync(shipped)) file = shipped;
      found.set(key, file);
    }
    return file;
  };
}

/**
 * Templates of the active theme, compiled once and cached, and its style sheet (style.css,
 * inlined into every page so nothing blocks the first paint). Every value is escaped unless a
 * template opts out. Every template gets what the layout needs (helpers, style sheet, colours,
 * a plain page description), so pages of any area can use the layout with just `site` and `title`.
 */
export function loadTheme(themeDir: string = defaultThemeDir, publicUrl = '') {
  const eta = new Eta({ views: themeDir, cache: true, autoEscape: true, autoTrim: false });
  rememberPaths(eta, path.resolve(themeDir));
  const cssFile = path.join(themeDir, 'style.css');
  const css = fs.existsSync(cssFile) ? minifyCss(fs.readFileSync(cssFile, 'utf8')) : '';
  const catalogs = loadCatalogs(themeDir);
  const toAbsolute = (p: string) => absoluteUrl(publicUrl, p);
  type Helpers = { formatDate: typeof formatDate; joinNames: typeof joinNames; absoluteUrl: typeof toAbsolute; t: Translate; dir: 'ltr' | 'rtl' };
  const helpers = new Map<string, Helpers>();
  /** The template helpers in one locale: `t` for its messages, `dir` for its writing direction. */
  const helpersFor = (locale: string): Helpers => {
    let found = helpers.get(locale);
    if (!found) {
      found = { formatDate, joinNames, absoluteUrl: toAbsolute, t: translator(catalogs, locale), dir: textDirection(locale) };
      helpers.set(locale, found);
    }
    return found;
  };
  const colours = new Map<string, { accentDark: string; favicon: string }>();
  return {
    dir: themeDir,
    /** The theme's messages in a locale, for the words routes put around templates (page titles). */
    translate(locale: string): Translate {
      return helpersFor(locale).t;
    },
    /** Renders a template; gated bodies the reader may not read never reach it (see themeData). */
    render(template: string, data: { site?: SiteSettings; description?: string; [field: string]: unknown }): string {
      const site = data.site;
      let look = site ? colours.get(`${site.accentColor}|${site.iconUrl}|${site.title}`) : undefined;
      if (site && !look) {
        look = { accentDark: lighten(site.accentColor, 0.45), favicon: favicon(site) };
        colours.set(`${site.accentColor}|${site.iconUrl}|${site.title}`, look);
      }
      return eta.render(`/${template}`, {
        h: helpersFor(site?.locale ?? 'en'),
        css,
        publicUrl,
        jsonLd: '',
        showPrint: false,
        meta: pageMeta({ path: null, description: data.description ?? site?.description ?? '' }),
        ...look,
        ...themeData(data),
      });
    },
  };
}

export type Theme = ReturnType<typeof loadTheme>;
