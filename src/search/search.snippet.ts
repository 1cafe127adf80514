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

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
/** A word as the index compares it: lower case, without accents. */
const folded = (word: string) => word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * The passage of `text` around the first matched word, matched words marked as the index marks
 * them: a word matches when it starts with a query word (which also catches most inflected forms
 * the index's stemming finds). For prefix searches, where asking the index for snippets means
 * expanding the prefix again for every row shown. Empty when no word matches.
 */
export function markPassage(text: string, words: string[], size: number): string {
  const wanted = words.map(folded);
  const tokens = [...text.matchAll(WORD)];
  const matches = (token: string) => {
    const word = folded(token);
    return wanted.some((w) => word.startsWith(w));
  };
  const first = tokens.findIndex((t) => matches(t[0]));
  if (first === -1) return '';
  const start = Math.max(0, first - Math.floor(size / 4));
  const end = Math.min(tokens.length, start + size);
  let passage = start > 0 ? '…' : text.slice(0, tokens[0]!.index);
  for (let i = start; i < end; i += 1) {
    const token = tokens[i]!;
    const from = token.index;
    const to = i + 1 < end ? tokens[i + 1]!.index : end === tokens.length ? text.length : from + token[0].length;
    const gap = text.slice(from + token[0].length, to);
    passage += matches(token[0]) ? `${MARK_START}${token[0]}${MARK_END}${gap}` : `${token[0]}${gap}`;
  }
  return end < tokens.length ? `${passage}…` : passage;
}
