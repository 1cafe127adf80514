import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Eta } from 'eta';

export const defaultThemeDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../themes/default');

/** Removes comments and runs of white space from a style sheet. */
function minifyCss(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .trim();
}

/**
 * Templates of the active theme, compiled once and cached, and its style sheet (style.css,
 * inlined into every page so nothing blocks the first paint). Every value is escaped unless a
 * template opts out.
 */
export function loadTheme(themeDir: string = defaultThemeDir) {
  const eta = new Eta({ views: themeDir, cache: true, autoEscape: true, autoTrim: false });
  const cssFile = path.join(themeDir, 'style.css');
  const css = fs.existsSync(cssFile) ? minifyCss(fs.readFileSync(cssFile, 'utf8')) : '';
  return {
    dir: themeDir,
    css,
    render(template: string, data: object): string {
      return eta.render(`/${template}`, data);
    },
  };
}

export type Theme = ReturnType<typeof loadTheme>;
