import { foldText, isUnspaced } from './search.fold.js';

/** Marks the index puts around matched words; control characters never appear in indexed text that readers see. */
export const MARK_START = '\u0002';
export const MARK_END = '\u0003';

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => entities[c]!);

/** Whether a snippet from the index contains a highlighted match. */
export function hasMatch(marked: string): boolean {
  return marked.includes(MARK_START);
}

/** A marked snippet as safe HTML: everything escaped, matches wrapped in <mark>, always balanced. */
export function snippetHtml(marked: string): string {
  let html = '';
  let open = false;
  for (const part of marked.split(/([\u0002\u0003])/)) {
    if (part === MARK_START || part === MARK_END) {
      const opening = part === MARK_START;
      if (opening !== open) html += opening ? '<mark>' : '</mark>';
      open = opening;
    } else {
      html += escape(part.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ''));
    }
  }
  return open ? `${html}</mark>` : html;
}

export function plainHtml(text: string): string {
  return escape(text);
}

const LETTERS = '[\\p{L}\\p{M}\\p{N}]';
const UNSPACED_LETTER = '[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}]';
/** What a passage is counted and cut in: words, and each letter of scripts written without spaces. */
const UNIT = new RegExp(`${UNSPACED_LETTER}|(?:(?!${UNSPACED_LETTER})${LETTERS})+`, 'gu');

/**
 * What marks a query word in folded text: in unspaced scripts the word anywhere; otherwise a word
 * starting with it, or with all but its last two letters (at least four), which catches most
 * inflected forms the index's stemming finds ("studies" marks "studied").
 */
function matcher(words: string[]): RegExp {
  const patterns = words.map((word) => (isUnspaced(word) ? escapeRegExp(word) : `(?<!${LETTERS})${escapeRegExp(wordRoot(word))}${LETTERS}*`));
  return new RegExp(patterns.join('|'), 'gu');
}

/** The start of a query word that marks it in a passage: all but its last two letters, at least four. */
export function wordRoot(word: string): string {
  const chars = [...word];
  return chars.slice(0, Math.max(4, chars.length - 2)).join('');
}

const escapeRegExp = (text: string) => text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');

/**
 * The passage of `text` around the first match of a query word (already folded, as `toTerms`
 * gives them), every match in it marked as the index marks them, `size` words long (a letter of
 * an unspaced script counts as a word). Compared as the index compares (`foldText`), and since
 * folding keeps positions, the marks land on the original text. Empty when nothing matches.
 */
export function markPassage(text: string, words: string[], size: number): string {
  if (words.length === 0) return '';
  const found = [...foldText(text).matchAll(matcher(words))].filter((m) => m[0].length > 0);
  if (found.length === 0) return '';
  const units = [...text.matchAll(UNIT)];
  const firstAt = found[0]!.index;
  const first = Math.max(
    0,
    units.findIndex((unit) => unit.index + unit[0].length > firstAt),
  );
  const start = Math.max(0, first - Math.floor(size / 4));
  const end = Math.min(units.length, start + size);
  const from = start > 0 ? units[start]!.index : 0;
  const last = units[end - 1]!;
  const to = end === units.length ? text.length : last.index + last[0].length;
  let passage = start > 0 ? '…' : '';
  let at = from;
  for (const match of found) {
    const matchStart = Math.max(match.index, from);
    const matchEnd = Math.min(match.index + match[0].length, to);
    if (matchStart >= matchEnd || matchStart < at) continue;
    passage += `${text.slice(at, matchStart)}${MARK_START}${text.slice(matchStart, matchEnd)}${MARK_END}`;
    at = matchEnd;
  }
  passage += text.slice(at, to);
  return end < units.length ? `${passage}…` : passage;
}
