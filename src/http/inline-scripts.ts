import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Script types a browser runs; other types (application/ld+json …) are data that CSP leaves alone. */
const runnable = new Set(['', 'text/javascript', 'application/javascript', 'module']);

export interface ThemeScripts {
  /** Content-Security-Policy sources ('sha256-…') that allow the theme's inline scripts. */
  hashes: string[];
  /** Templates with an inline script that holds template tags: its text changes, so no hash can allow it. */
  unhashable: string[];
}

/**
 * Finds the inline scripts in a theme's templates and hashes them for the Content-Security-Policy.
 * Hashes rather than nonces: the same page is served from the page cache to many readers.
 */
export function themeScripts(themeDir: string): ThemeScripts {
  const hashes = new Set<string>();
  const unhashable: string[] = [];
  const templates = (fs.readdirSync(themeDir, { recursive: true }) as string[]).filter((file) => file.endsWith('.eta')).sort();
  for (const file of templates) {
    const source = fs.readFileSync(path.join(themeDir, file), 'utf8');
    for (const [, attributes = '', text = ''] of source.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
      const type = /\btype\s*=\s*["']?([^"'\s>]*)/i.exec(attributes)?.[1]?.toLowerCase() ?? '';
      if (/\bsrc\s*=/i.test(attributes) || !runnable.has(type)) continue;
      if (text.includes('<%')) unhashable.push(file);
      else hashes.add(`'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`);
    }
  }
  return { hashes: [...hashes], unhashable };
}
