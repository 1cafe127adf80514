import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Eta } from 'eta';

export const defaultThemeDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../themes/default');

/** Templates of the active theme, compiled once and cached. Every value is escaped unless a template opts out. */
export function loadTheme(themeDir: string = defaultThemeDir) {
  const eta = new Eta({ views: themeDir, cache: true, autoEscape: true, autoTrim: false });
  return {
    dir: themeDir,
    render(template: string, data: object): string {
      return eta.render(template, data);
    },
  };
}

export type Theme = ReturnType<typeof loadTheme>;
