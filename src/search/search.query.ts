import { foldText } from './search.fold.js';
import type { SearchTerms } from './search.types.js';

export const MAX_QUERY_CHARS = 200;
export const MAX_QUERY_WORDS = 8;
const MAX_WORD_CHARS = 40;

/**
 * Turns whatever a reader typed into plain words: letters, marks and digits only, folded as the
 * index folds text (lower case, no accents: `foldText`), at most a few. Quotes, operators (`*`, `NEAR`, `OR`, parentheses, `:`), control characters and
 * binary junk are separators, so no input can reach the query syntax of either database.
 * The last word counts as a prefix unless the query ends with a space (the reader finished it).
 */
export function toTerms(query: string): SearchTerms {
  const text = foldText(query.slice(0, MAX_QUERY_CHARS).normalize('NFKC')).toLowerCase();
  const words = (text.match(/[\p{L}\p{M}\p{N}]+/gu) ?? []).map((word) => word.slice(0, MAX_WORD_CHARS)).slice(0, MAX_QUERY_WORDS);
  const last = words.at(-1) ?? '';
  const finished = /[^\p{L}\p{M}\p{N}]$/u.test(text);
  return { words, prefix: !finished && last.length >= 2 };
}

/** The first and the day after the last day of a date range, as bounds on ISO timestamps. */
export function dayBounds(from: string | undefined, to: string | undefined): { start?: string; end?: string } {
  const end = to ? new Date(Date.parse(`${to}T00:00:00.000Z`) + 86_400_000).toISOString() : undefined;
  return { start: from ? `${from}T00:00:00.000Z` : undefined, end };
}
