import { sql, type RawBuilder } from 'kysely';

function escapeLike(text: string): string {
  return text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * A case-insensitive LIKE on both databases, with the user's text taken literally (`%` and `_`
 * match themselves). `column` is trusted SQL such as `posts.title`.
 */
export function likeText(column: string, text: string, where: 'contains' | 'starts' | 'ends' | 'word-starts'): RawBuilder<boolean> {
  const escaped = escapeLike(text);
  const pattern = { contains: `%${escaped}%`, starts: `${escaped}%`, ends: `%${escaped}`, 'word-starts': `% ${escaped}%` }[where];
  return sql<boolean>`lower(${sql.raw(column)}) like ${pattern} escape '\\'`;
}
