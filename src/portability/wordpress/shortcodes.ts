/** A WordPress shortcode as written in a post: `[name a="1" b]content[/name]`. */
export interface Shortcode {
  name: string;
  /** Named attributes, names lower-cased. */
  attrs: Record<string, string>;
  /** Values given without a name (`[audio https://…]`). */
  values: string[];
  /** What stands between the opening and closing tags; null for a shortcode without one. */
  content: string | null;
}

const ATTRIBUTE = /([\w-]+)\s*=\s*"([^"]*)"|([\w-]+)\s*=\s*'([^']*)'|([\w-]+)\s*=\s*([^\s'"]+)|"([^"]*)"|'([^']*)'|(\S+)/g;
const OPENING = /\[(\[?)([a-zA-Z][\w-]*)(?=[\s\]/=])((?:=[^\]\s]+)?(?:\s[^\]]*?)?)(\/)?\](\]?)/;

/**
 * Replaces shortcodes through a handler; the handler answers the replacement text, or undefined
 * to leave the shortcode as written. `[[name]]` is WordPress's way of writing a shortcode as text
 * and becomes `[name]`.
 */
export function replaceShortcodes(text: string, handler: (shortcode: Shortcode) => string | undefined): string {
  let out = '';
  let at = 0;
  // A regular expression of its own: handlers replace shortcodes inside shortcodes.
  const opening = new RegExp(OPENING.source, 'g');
  for (let match = opening.exec(text); match; match = opening.exec(text)) {
    const [whole, escapeOpen, rawName, rawAttrs = '', selfClosing, escapeClose] = match;
    const start = match.index;
    const name = rawName!.toLowerCase();
    let end = start + whole.length;
    let content: string | null = null;
    if (!selfClosing) {
      const closer = new RegExp(`\\[\\/${escapeRegExp(rawName!)}\\](\\]?)`, 'i');
      const close = closer.exec(text.slice(end));
      // Enclosing only when the closer comes before the next opening of the same shortcode.
      const nextOpen = text.slice(end).search(new RegExp(`\\[${escapeRegExp(rawName!)}[\\s\\]/=]`, 'i'));
      if (close && (nextOpen === -1 || close.index < nextOpen)) {
        content = text.slice(end, end + close.index);
        end += close.index + close[0].length;
      }
    }
    out += text.slice(at, start);
    at = end;
    opening.lastIndex = end;
    if (escapeOpen && (escapeClose || text[end - 1] === ']')) {
      out += text.slice(start + 1, end - 1);
      continue;
    }
    const replacement = handler({ name, ...parseAttributes(rawAttrs), content });
    out += replacement ?? text.slice(start, end);
  }
  return out + text.slice(at);
}

function parseAttributes(raw: string): { attrs: Record<string, string>; values: string[] } {
  const attrs: Record<string, string> = {};
  const values: string[] = [];
  // Jetpack's `[youtube=https://…]` form: the value follows the name directly.
  const direct = /^=(\S+)/.exec(raw);
  if (direct) values.push(direct[1]!);
  const rest = direct ? raw.slice(direct[0].length) : raw;
  for (const m of rest.replace(/\s*\/$/, '').matchAll(ATTRIBUTE)) {
    const name = m[1] ?? m[3] ?? m[5];
    if (name !== undefined) attrs[name.toLowerCase()] = m[2] ?? m[4] ?? m[6] ?? '';
    else values.push(m[7] ?? m[8] ?? m[9] ?? '');
  }
  return { attrs, values };
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
