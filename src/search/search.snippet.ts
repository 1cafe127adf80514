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
