import { sql, type RawBuilder } from 'kysely';

function escapeLike(text: string): string {
  return text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * A case-insensitive LIKE on both databases, with the user's text taken literally (`%` and `_`
 * match themselves). `column` is trusted SQL such as `posts.title`.
 */
export function likeText(column: string, text: string, where: 'contains' | 'starts' | 'word-starts'): RawBuilder<boolean> {
  const escaped = escapeLike(text);
  const pattern = where === 'contains' ? `%${escaped}%` : where === 'starts' ? `${escaped}%` : `% ${escaped}%`;
  return sql<boolean>`lower(${sql.raw(column)}) like ${pattern} escape '\\'`;
}
