import type { Kysely } from 'kysely';
import type { DbOrTx } from '../db/client.js';

/** Every text column that can hold the address of a media file, by table and its key. */
const places = [
  { table: 'posts', key: 'id', columns: ['html', 'body_source', 'feature_image_url'] },
  { table: 'post_revisions', key: 'id', columns: ['snapshot'] },
  { table: 'media', key: 'id', columns: ['url', 'variants'] },
  { table: 'authors', key: 'id', columns: ['photo_url'] },
  { table: 'print_issues', key: 'id', columns: ['cover_image_url'] },
  { table: 'settings', key: 'key', columns: ['value'] },
  { table: 'old_addresses', key: 'address', columns: ['location'] },
] as const;

const PAGE = 500;

/**
 * Rewrites media addresses in every place that can hold one, page by page. Only rows with one of
 * the prefixes are read; `rewrite` says what each text becomes. With `dryRun` nothing is written.
 * Answers how many rows changed (or would change) per table.
 */
export async function rewriteMediaUrls(db: DbOrTx, prefixes: string[], rewrite: (text: string) => string, dryRun = false): Promise<Record<string, number>> {
  // Table and column names come from the list above, never from input.
  const loose = db as unknown as Kysely<Record<string, Record<string, string | number | null>>>;
  const changed: Record<string, number> = {};
  for (const place of places) {
    let count = 0;
    let after: string | number | undefined;
    for (;;) {
      const rows = await loose
        .selectFrom(place.table)
        .select([place.key, ...place.columns])
        .where((eb) => eb.or(place.columns.flatMap((column) => prefixes.map((prefix) => eb(column, 'like', `%${prefix}%`)))))
        .$if(after !== undefined, (q) => q.where(place.key, '>', after!))
        .orderBy(place.key)
        .limit(PAGE)
        .execute();
      for (const row of rows) {
        const update: Record<string, string> = {};
        for (const column of place.columns) {
          const text = row[column];
          if (typeof text !== 'string') continue;
          const next = rewrite(text);
          if (next !== text) update[column] = next;
        }
        if (Object.keys(update).length === 0) continue;
        count += 1;
        if (!dryRun) await loose.updateTable(place.table).set(update).where(place.key, '=', row[place.key]!).execute();
      }
      if (rows.length < PAGE) break;
      after = rows.at(-1)![place.key]!;
    }
    changed[place.table] = count;
  }
  return changed;
}
