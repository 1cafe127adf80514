import fs from 'node:fs';
import path from 'node:path';
import { photo, writeFile } from './wordpress-support.js';

/** The Ghost exports composed for these tests, after Ghost's own exporter's format. */
export const ghostFixtures = {
  lexical: path.resolve('test/portability/fixtures/ghost/ghost5-lexical.json'),
  mobiledoc: path.resolve('test/portability/fixtures/ghost/ghost4-mobiledoc.json'),
} as const;

/** A copy of Ghost's content folder holding the images the exports show (lost.jpg left out on purpose). */
export async function contentFolder(dir: string): Promise<string> {
  const jpeg = await photo(120, 80);
  const png = await photo(60, 60, 'png');
  for (const name of ['2024/01/harbour.jpg', '2024/01/ada.jpg']) writeFile(dir, `images/${name}`, jpeg);
  for (const name of ['2021/05/deck.png', '2021/05/mast.png']) writeFile(dir, `images/${name}`, png);
  return dir;
}

/** The lexical export, changed by `change`, written beside the others. */
export function changedExport(dir: string, name: string, change: (data: { db: Array<{ data: Record<string, Array<Record<string, unknown>>> }> }) => void): string {
  const json = JSON.parse(fs.readFileSync(ghostFixtures.lexical, 'utf8'));
  change(json);
  return writeFile(dir, name, JSON.stringify(json));
}
